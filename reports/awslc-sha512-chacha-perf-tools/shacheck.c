// Prints SHA-384, SHA-512, SHA-512/256 digests of deterministic data for many lengths, one-shot
// and in random pieces; run against two libraries and diff the outputs.
#include <openssl/evp.h>
#include <openssl/crypto.h>
#if defined(OPENSSL_IS_AWSLC)
extern uint32_t OPENSSL_ia32cap_P[4];
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static uint64_t rs = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static void hex(const unsigned char *p, unsigned n) { for (unsigned i = 0; i < n; i++) printf("%02x", p[i]); }
int main(void) {
#if defined(OPENSSL_IS_AWSLC)
  CRYPTO_library_init();
  fprintf(stderr, "ia32cap[2] %08x (AVX2 %u, BMI1 %u, BMI2 %u)\n", OPENSSL_ia32cap_P[2], (OPENSSL_ia32cap_P[2] >> 5) & 1, (OPENSSL_ia32cap_P[2] >> 3) & 1, (OPENSSL_ia32cap_P[2] >> 8) & 1);
#endif
  enum { MAX = 1 << 21 };
  unsigned char *buf = malloc(MAX), md[64], md2[64];
  for (size_t i = 0; i < MAX; i++) buf[i] = (unsigned char)rnd();
  const EVP_MD *mds[3] = {EVP_sha384(), EVP_sha512(), EVP_sha512_256()};
  const char *names[3] = {"sha384", "sha512", "sha512-256"};
  size_t lens[3000]; int nl = 0;
  for (size_t l = 0; l <= 1100; l++) lens[nl++] = l;                   // every length to 1100
  for (int k = 1; k <= 64; k++) { lens[nl++] = 128 * k - 1; lens[nl++] = 128 * k; lens[nl++] = 128 * k + 1; }
  while (nl < 2900) lens[nl++] = rnd() % MAX;                           // random up to 2 MiB
  lens[nl++] = MAX;
  long cases = 0;
  for (int i = 0; i < nl; i++) {
    size_t len = lens[i];
    size_t off = rnd() % 64;  // misaligned input
    if (len + off > MAX) off = MAX - len;
    for (int m = 0; m < 3; m++) {
      unsigned n, n2;
      EVP_Digest(buf + off, len, md, &n, mds[m], NULL);
      EVP_MD_CTX *ctx = EVP_MD_CTX_new();
      EVP_DigestInit_ex(ctx, mds[m], NULL);
      for (size_t done = 0; done < len;) {  // random pieces: tiny, block-sized, large
        size_t k = rnd() % 4 == 0 ? rnd() % 130 : rnd() % 70000;
        if (k > len - done) k = len - done;
        EVP_DigestUpdate(ctx, buf + off + done, k);
        done += k;
      }
      EVP_DigestFinal_ex(ctx, md2, &n2);
      EVP_MD_CTX_free(ctx);
      printf("%s %zu ", names[m], len); hex(md, n);
      printf("%s\n", n == n2 && !memcmp(md, md2, n) ? "" : " PIECES-DIFFER");
      cases++;
    }
  }
  fprintf(stderr, "%ld digests\n", cases);
  return 0;
}
