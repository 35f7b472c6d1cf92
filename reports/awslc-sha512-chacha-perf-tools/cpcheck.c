// ChaCha20-Poly1305 through EVP_CIPHER the way node:crypto drives it: random (key, nonce, AAD
// in one or more pieces, plaintext, chunking of the update() calls), encrypt, then decrypt with
// another chunking; prints a digest of the ciphertext and the tag per case, and checks locally
// that decryption returns the plaintext, accepts the tag and rejects a changed tag. Run against
// two libraries and diff the outputs; RFC 8439 2.8.2 is checked as a known answer.
#include <openssl/evp.h>
#include <openssl/crypto.h>
#if defined(OPENSSL_IS_AWSLC)
extern uint32_t OPENSSL_ia32cap_P[4];
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static uint64_t rs = 0x0123456789abcdefull;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static uint64_t fnv(const unsigned char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 0x100000001b3ull; }
  return h;
}
static size_t piece(size_t left) {
  size_t k;
  switch (rnd() % 6) {
    case 0: k = rnd() % 17; break;                 // tiny, incl. 0
    case 1: k = 64 * (rnd() % 8) + (rnd() % 3) - 1; break;  // around block sizes
    case 2: k = rnd() % 300; break;
    case 3: k = 16384; break;
    case 4: k = rnd() % 70000; break;
    default: k = left; break;
  }
  if (k > left) k = left;
  return k;
}
// Encrypts (enc=1) or decrypts (enc=0) in random pieces; returns final's result.
static int run(int enc, const unsigned char *key, const unsigned char *iv, const unsigned char *aad, size_t aadlen,
               const unsigned char *in, size_t len, unsigned char *out, unsigned char *tag) {
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int ol, ok = 1;
  EVP_CipherInit_ex(ctx, EVP_chacha20_poly1305(), NULL, NULL, NULL, enc);
  EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, 12, NULL);
  EVP_CipherInit_ex(ctx, NULL, NULL, key, iv, enc);
  if (!enc) EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag);
  for (size_t done = 0; done < aadlen;) {  // AAD, possibly in pieces
    size_t k = rnd() % 3 == 0 ? rnd() % (aadlen - done + 1) : aadlen - done;
    if (k == 0) k = 1;
    ok &= EVP_CipherUpdate(ctx, NULL, &ol, aad + done, (int)k) == 1;
    done += k;
  }
  size_t o = 0;
  for (size_t done = 0; done < len;) {
    size_t k = piece(len - done);
    ok &= EVP_CipherUpdate(ctx, out + o, &ol, in + done, (int)k) == 1;
    o += ol; done += k;
  }
  if (o != len) { printf("BAD OUTLEN %zu %zu\n", o, len); ok = 0; }
  int f = EVP_CipherFinal_ex(ctx, out + o, &ol);
  if (enc) EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag);
  EVP_CIPHER_CTX_free(ctx);
  return ok && f == 1;
}
int main(int argc, char **argv) {
#if defined(OPENSSL_IS_AWSLC)
  CRYPTO_library_init();
  fprintf(stderr, "ia32cap[2] %08x (AVX2 %u, BMI1 %u, BMI2 %u)\n", OPENSSL_ia32cap_P[2], (OPENSSL_ia32cap_P[2] >> 5) & 1, (OPENSSL_ia32cap_P[2] >> 3) & 1, (OPENSSL_ia32cap_P[2] >> 8) & 1);
#endif
  int ncases = argc > 1 ? atoi(argv[1]) : 5000;
  enum { MAX = 300000 };
  unsigned char *pt = malloc(MAX), *ct = malloc(MAX + 64), *back = malloc(MAX + 64);
  unsigned char key[32], iv[12], aad[600], tag[16], tag2[16];
  int bad = 0;
  // RFC 8439 2.8.2
  {
    static const unsigned char k[32] = {0x80,0x81,0x82,0x83,0x84,0x85,0x86,0x87,0x88,0x89,0x8a,0x8b,0x8c,0x8d,0x8e,0x8f,0x90,0x91,0x92,0x93,0x94,0x95,0x96,0x97,0x98,0x99,0x9a,0x9b,0x9c,0x9d,0x9e,0x9f};
    static const unsigned char n[12] = {0x07,0,0,0,0x40,0x41,0x42,0x43,0x44,0x45,0x46,0x47};
    static const unsigned char a[12] = {0x50,0x51,0x52,0x53,0xc0,0xc1,0xc2,0xc3,0xc4,0xc5,0xc6,0xc7};
    static const unsigned char t[16] = {0x1a,0xe1,0x0b,0x59,0x4f,0x09,0xe2,0x6a,0x7e,0x90,0x2e,0xcb,0xd0,0x60,0x06,0x91};
    static const unsigned char c0[8] = {0xd3,0x1a,0x8d,0x34,0x64,0x8e,0x60,0xdb};
    const char *p = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
    int ok = run(1, k, n, a, 12, (const unsigned char *)p, strlen(p), ct, tag);
    ok &= !memcmp(tag, t, 16) && !memcmp(ct, c0, 8) && ct[strlen(p) - 1] == 0x16;
    printf("RFC 8439 2.8.2: %s\n", ok ? "ok" : "FAIL");
    bad += !ok;
  }
  for (int c = 0; c < ncases; c++) {
    for (int i = 0; i < 32; i++) key[i] = rnd();
    for (int i = 0; i < 12; i++) iv[i] = rnd();
    size_t aadlen = rnd() % 4 == 0 ? 0 : rnd() % 2 ? 13 : rnd() % sizeof(aad);
    for (size_t i = 0; i < aadlen; i++) aad[i] = rnd();
    size_t len;
    switch (rnd() % 4) {
      case 0: len = rnd() % 600; break;
      case 1: len = rnd() % 5000; break;
      case 2: len = 64 * (rnd() % 300) + (rnd() % 3) - 1; if (len > MAX) len = 0; break;
      default: len = rnd() % MAX; break;
    }
    for (size_t i = 0; i < len; i++) pt[i] = rnd();
    if (!run(1, key, iv, aad, aadlen, pt, len, ct, tag)) { printf("case %d: encrypt failed\n", c); bad++; }
    printf("%d %zu %zu %016llx ", c, aadlen, len, (unsigned long long)fnv(ct, len));
    for (int i = 0; i < 16; i++) printf("%02x", tag[i]);
    printf("\n");
    memcpy(tag2, tag, 16);
    if (!run(0, key, iv, aad, aadlen, ct, len, back, tag2) || memcmp(back, pt, len)) { printf("case %d: decrypt failed\n", c); bad++; }
    tag2[rnd() % 16] ^= 1 << (rnd() % 8);
    if (run(0, key, iv, aad, aadlen, ct, len, back, tag2)) { printf("case %d: changed tag accepted\n", c); bad++; }
  }
  fprintf(stderr, "%d cases, %d local failures\n", ncases, bad);
  return bad != 0;
}
