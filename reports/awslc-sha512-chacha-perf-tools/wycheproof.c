// Wycheproof ChaCha20-Poly1305 (EVP_CIPHER, random update() pieces, encrypt and decrypt) and
// HMAC-SHA-384/512 vectors. Input: the text files made from the JSON files.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static uint64_t rs = 42;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static size_t unhex(const char *s, unsigned char *out) {
  if (!strcmp(s, "-")) return 0;
  size_t n = strlen(s) / 2;
  for (size_t i = 0; i < n; i++) sscanf(s + 2 * i, "%2hhx", &out[i]);
  return n;
}
static int cipher(int enc, const unsigned char *key, const unsigned char *iv, const unsigned char *aad, size_t al,
                  const unsigned char *in, size_t n, unsigned char *out, unsigned char *tag) {
  EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
  int ol, ok = EVP_CipherInit_ex(c, EVP_chacha20_poly1305(), NULL, key, iv, enc);
  if (!enc) ok &= EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, 16, tag);
  if (al) ok &= EVP_CipherUpdate(c, NULL, &ol, aad, (int)al);
  size_t o = 0;
  for (size_t d = 0; d < n;) {
    size_t k = rnd() % 3 ? rnd() % (n - d + 1) : n - d;
    ok &= EVP_CipherUpdate(c, out + o, &ol, in + d, (int)k);
    o += ol; d += k;
  }
  ok &= o == n;
  ok &= EVP_CipherFinal_ex(c, out + o, &ol) == 1;
  if (enc) ok &= EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_GET_TAG, 16, tag);
  EVP_CIPHER_CTX_free(c);
  return ok;
}
int main(void) {
#if defined(OPENSSL_IS_AWSLC)
  CRYPTO_library_init();
#endif
  static char l1[8][70000];
  static unsigned char key[64], iv[64], aad[70000], msg[70000], ct[70000], tag[16], out[70000], t2[16];
  int pass = 0, fail = 0;
  FILE *f = fopen("/tmp/perf19/wp/cp.txt", "r");
  while (fscanf(f, "%s %s %s %s %s %s %s", l1[0], l1[1], l1[2], l1[3], l1[4], l1[5], l1[6]) == 7) {
    unhex(l1[0], key); unhex(l1[1], iv);
    size_t al = unhex(l1[2], aad), ml = unhex(l1[3], msg), cl = unhex(l1[4], ct);
    unhex(l1[5], tag);
    int valid = !strcmp(l1[6], "valid");
    for (int rep = 0; rep < 8; rep++) {
      int ok = 1;
      if (valid) {
        ok &= cipher(1, key, iv, aad, al, msg, ml, out, t2) && cl == ml && !memcmp(out, ct, cl) && !memcmp(t2, tag, 16);
      }
      int dec = cipher(0, key, iv, aad, al, ct, cl, out, tag);
      ok &= valid ? dec && !memcmp(out, msg, ml) : !dec;
      if (ok) pass++; else { fail++; if (fail < 5) printf("FAIL cp %s %s\n", l1[0], l1[6]); }
    }
  }
  fclose(f);
  const char *hf[2] = {"/tmp/perf19/wp/hmac_sha384_test.txt", "/tmp/perf19/wp/hmac_sha512_test.txt"};
  for (int h = 0; h < 2; h++) {
    f = fopen(hf[h], "r");
    while (fscanf(f, "%s %s %s %s %s", l1[0], l1[1], l1[2], l1[3], l1[4]) == 5) {
      size_t kl = unhex(l1[0], key), ml = unhex(l1[1], msg), tl = unhex(l1[2], t2);
      unsigned char md[64]; unsigned mdl;
      HMAC(h ? EVP_sha512() : EVP_sha384(), key, kl, msg, ml, md, &mdl);
      int match = !memcmp(md, t2, tl);
      int ok = !strcmp(l1[4], "valid") ? match : !match;
      if (ok) pass++; else { fail++; printf("FAIL hmac %d %s\n", h, l1[4]); }
    }
    fclose(f);
  }
  printf("wycheproof: %d pass, %d fail\n", pass, fail);
  return fail != 0;
}
