// speed: library-level throughput of the node:crypto hot paths of issue 19, built the same way
// against AWS-LC (libcrypto.a) and OpenSSL 3.6 (-lcrypto), so that a driver can run the two
// binaries interleaved.
//   speed <test> <chunk bytes> [seconds]     prints "<test> <chunk> <MiB/s>"
// tests:
//   sha512      EVP_DigestUpdate(chunk) on one context (hash-stream-throughput), final at end
//   cp-enc      EVP_chacha20_poly1305: one context, 13-byte AAD, EVP_EncryptUpdate(chunk)...,
//               final + tag (node's createCipheriv stream, bench/crypto-aead-stream.js)
//   cp-dec      the same, decrypting (tag set first, as node does)
//   cp-msg      one message per chunk: init, AAD, update, final, tag (aes-gcm-throughput style)
//   aead-seal   AWS-LC only: EVP_AEAD_CTX_seal of one chunk (what libssl does per record)
//   chacha20    raw ChaCha20 (CRYPTO_chacha_20 on AWS-LC, EVP_chacha20 on OpenSSL)
//   poly1305    raw Poly1305 update(chunk) (CRYPTO_poly1305 on AWS-LC, EVP_MAC on OpenSSL)
#include <openssl/evp.h>
#include <openssl/crypto.h>
#if defined(OPENSSL_IS_AWSLC)
#include <openssl/aead.h>
#include <openssl/chacha.h>
#include <openssl/poly1305.h>
#else
#include <openssl/core_names.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned char *in, *out, key[32], iv[12], aad[13], tag[16];

// Thread CPU time, not wall time: the machine is shared, and CPU time leaves out the time
// this process waits for a core (SPEED_WALL=1 for wall time).
static double now(void) {
  struct timespec ts;
  clock_gettime(getenv("SPEED_WALL") ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// One "unit" of work: process `chunk` bytes `n` times; returns bytes done.
static size_t run(const char *test, size_t chunk, size_t n) {
  int len;
  if (!strcmp(test, "sha512")) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char md[64];
    EVP_DigestInit_ex(ctx, EVP_sha512(), NULL);
    for (size_t i = 0; i < n; i++) EVP_DigestUpdate(ctx, in, chunk);
    EVP_DigestFinal_ex(ctx, md, NULL);
    EVP_MD_CTX_free(ctx);
  } else if (!strcmp(test, "cp-enc") || !strcmp(test, "cp-dec")) {
    int enc = test[3] == 'e';
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    EVP_CipherInit_ex(ctx, EVP_chacha20_poly1305(), NULL, NULL, NULL, enc);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, 12, NULL);
    EVP_CipherInit_ex(ctx, NULL, NULL, key, iv, enc);
    if (!enc) EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag);
    EVP_CipherUpdate(ctx, NULL, &len, aad, sizeof(aad));
    for (size_t i = 0; i < n; i++) EVP_CipherUpdate(ctx, out, &len, in, (int)chunk);
    EVP_CipherFinal_ex(ctx, out, &len);  // fails when decrypting (wrong tag): fine
    if (enc) EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag);
    EVP_CIPHER_CTX_free(ctx);
  } else if (!strcmp(test, "cp-msg")) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    for (size_t i = 0; i < n; i++) {
      EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), NULL, key, iv);
      EVP_EncryptUpdate(ctx, NULL, &len, aad, sizeof(aad));
      EVP_EncryptUpdate(ctx, out, &len, in, (int)chunk);
      EVP_EncryptFinal_ex(ctx, out, &len);
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag);
    }
    EVP_CIPHER_CTX_free(ctx);
#if defined(OPENSSL_IS_AWSLC)
  } else if (!strcmp(test, "aead-seal")) {
    EVP_AEAD_CTX *ctx = EVP_AEAD_CTX_new(EVP_aead_chacha20_poly1305(), key, 32, 16);
    size_t out_len;
    for (size_t i = 0; i < n; i++)
      EVP_AEAD_CTX_seal(ctx, out, &out_len, chunk + 16, iv, 12, in, chunk, aad, sizeof(aad));
    EVP_AEAD_CTX_free(ctx);
  } else if (!strcmp(test, "chacha20")) {
    for (size_t i = 0; i < n; i++) CRYPTO_chacha_20(out, in, chunk, key, iv, 1);
  } else if (!strcmp(test, "poly1305")) {
    poly1305_state st;
    CRYPTO_poly1305_init(&st, key);
    for (size_t i = 0; i < n; i++) CRYPTO_poly1305_update(&st, in, chunk);
    CRYPTO_poly1305_finish(&st, tag);
#else
  } else if (!strcmp(test, "aead-seal")) {
    return run("cp-msg", chunk, n);
  } else if (!strcmp(test, "chacha20")) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    unsigned char iv16[16] = {1};
    memcpy(iv16 + 4, iv, 12);
    EVP_EncryptInit_ex(ctx, EVP_chacha20(), NULL, key, iv16);
    for (size_t i = 0; i < n; i++) EVP_EncryptUpdate(ctx, out, &len, in, (int)chunk);
    EVP_CIPHER_CTX_free(ctx);
  } else if (!strcmp(test, "poly1305")) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "POLY1305", NULL);
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    size_t l;
    EVP_MAC_init(ctx, key, 32, NULL);
    for (size_t i = 0; i < n; i++) EVP_MAC_update(ctx, in, chunk);
    EVP_MAC_final(ctx, tag, &l, 16);
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
#endif
  } else {
    fprintf(stderr, "unknown test %s\n", test);
    exit(2);
  }
  return chunk * n;
}

#if defined(OPENSSL_IS_AWSLC)
extern uint32_t OPENSSL_ia32cap_P[4];
#endif

int main(int argc, char **argv) {
#if defined(OPENSSL_IS_AWSLC)
  CRYPTO_library_init();
  if (getenv("SPEED_CAPS"))
    fprintf(stderr, "ia32cap %08x %08x %08x %08x\n", OPENSSL_ia32cap_P[0],
            OPENSSL_ia32cap_P[1], OPENSSL_ia32cap_P[2], OPENSSL_ia32cap_P[3]);
#endif
  if (argc < 3) {
    fprintf(stderr, "usage: speed <test> <chunk> [seconds]\n");
    return 2;
  }
  const char *test = argv[1];
  size_t chunk = strtoul(argv[2], NULL, 0);
  double secs = argc > 3 ? atof(argv[3]) : 1.0;
  in = malloc(chunk + 64);
  out = malloc(chunk + 64);
  for (size_t i = 0; i < chunk; i++) in[i] = (unsigned char)(i * 7);
  for (int i = 0; i < 32; i++) key[i] = (unsigned char)i;
  // Each unit is ~32 MiB (at least one chunk); time whole units until `secs` pass.
  size_t n = (32u << 20) / chunk;
  if (n == 0) n = 1;
  run(test, chunk, n);  // warm-up
  size_t bytes = 0;
  double t0 = now(), t;
  do {
    bytes += run(test, chunk, n);
    t = now() - t0;
  } while (t < secs);
  printf("%s %zu %.0f\n", test, chunk, bytes / t / (1 << 20));
  return 0;
}
