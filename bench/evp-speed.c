// Library-level numbers, without Node, for the causes in reports/bench.md: the time of the
// process's first RAND_bytes (the DRBG seeding Node's start-up pays for), then throughput of the
// EVP_CIPHER path node:crypto uses (one context, 16 KiB EVP_EncryptUpdate calls), AWS-LC's
// EVP_AEAD path (what its libssl uses: one seal per 16 KiB record) and EVP_Digest. MiB/s, best of 5.
// Built and run inside the build root (see reports/bench.md, "Causes"):
//   cc -O2 -I<awslc>/include bench/evp-speed.c <awslc>/lib/libcrypto.a -lpthread -o evp-speed-awslc
//   cc -O2 bench/evp-speed.c -lcrypto -o evp-speed-openssl
#include <openssl/evp.h>
#include <openssl/rand.h>
#if defined(OPENSSL_IS_AWSLC)
#include <openssl/aead.h>
#endif
#include <stdio.h>
#include <string.h>
#include <time.h>

#define CHUNK 16384
#define TOTAL (512u << 20)

static unsigned char buf[CHUNK + 64], out[CHUNK + 64], key[32], iv[12], aad[13], tag[16];

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(const char *what, double seconds) {
  printf("%-44s %8.0f MiB/s\n", what, TOTAL / seconds / (1 << 20));
}

static double cipher_stream(const EVP_CIPHER *cipher) {
  double best = 1e9;
  for (int round = 0; round < 5; round++) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len;
    double t0 = now();
    EVP_EncryptInit_ex(ctx, cipher, NULL, key, iv);
    EVP_EncryptUpdate(ctx, NULL, &len, aad, sizeof(aad));
    for (unsigned done = 0; done < TOTAL; done += CHUNK) EVP_EncryptUpdate(ctx, out, &len, buf, CHUNK);
    EVP_EncryptFinal_ex(ctx, out, &len);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag);
    double t = now() - t0;
    if (t < best) best = t;
    EVP_CIPHER_CTX_free(ctx);
  }
  return best;
}

static double digest(const EVP_MD *md) {
  double best = 1e9;
  unsigned char md_out[64];
  for (int round = 0; round < 5; round++) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    double t0 = now();
    EVP_DigestInit_ex(ctx, md, NULL);
    for (unsigned done = 0; done < TOTAL; done += CHUNK) EVP_DigestUpdate(ctx, buf, CHUNK);
    EVP_DigestFinal_ex(ctx, md_out, NULL);
    double t = now() - t0;
    if (t < best) best = t;
    EVP_MD_CTX_free(ctx);
  }
  return best;
}

#if defined(OPENSSL_IS_AWSLC)
static double aead_records(const EVP_AEAD *aead, size_t key_len) {
  double best = 1e9;
  for (int round = 0; round < 5; round++) {
    EVP_AEAD_CTX ctx;
    size_t out_len;
    EVP_AEAD_CTX_init(&ctx, aead, key, key_len, 16, NULL);
    double t0 = now();
    for (unsigned done = 0; done < TOTAL; done += CHUNK) {
      EVP_AEAD_CTX_seal(&ctx, out, &out_len, sizeof(out), iv, sizeof(iv), buf, CHUNK, aad, sizeof(aad));
    }
    double t = now() - t0;
    if (t < best) best = t;
    EVP_AEAD_CTX_cleanup(&ctx);
  }
  return best;
}
#endif

int main(void) {
  double t0 = now();
  RAND_bytes(key, sizeof(key));
  double first = now() - t0;
  t0 = now();
  RAND_bytes(iv, sizeof(iv));
  double second = now() - t0;
  memset(buf, 'b', sizeof(buf));
#if defined(OPENSSL_IS_AWSLC)
  printf("AWS-LC (%s)\n", OPENSSL_VERSION_TEXT);
#else
  printf("%s\n", OPENSSL_VERSION_TEXT);
#endif
  printf("%-44s %8.2f ms (second call %.3f ms)\n", "first RAND_bytes of the process", first * 1e3, second * 1e3);
  report("EVP_CIPHER chacha20-poly1305, 16 KiB updates", cipher_stream(EVP_chacha20_poly1305()));
  report("EVP_CIPHER aes-128-gcm, 16 KiB updates", cipher_stream(EVP_aes_128_gcm()));
  report("EVP_CIPHER aes-256-gcm, 16 KiB updates", cipher_stream(EVP_aes_256_gcm()));
#if defined(OPENSSL_IS_AWSLC)
  report("EVP_AEAD chacha20-poly1305, 16 KiB seals", aead_records(EVP_aead_chacha20_poly1305(), 32));
  report("EVP_AEAD aes-128-gcm, 16 KiB seals", aead_records(EVP_aead_aes_128_gcm(), 16));
  report("EVP_AEAD aes-256-gcm, 16 KiB seals", aead_records(EVP_aead_aes_256_gcm(), 32));
#endif
  report("EVP_Digest sha256, 16 KiB updates", digest(EVP_sha256()));
  report("EVP_Digest sha512, 16 KiB updates", digest(EVP_sha512()));
  return 0;
}
