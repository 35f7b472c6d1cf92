// Poly1305 variants (X-prefixed objects of poly1305_vec.c) against OpenSSL's Poly1305 (EVP_MAC),
// interleaved in one process. Links OpenSSL's libcrypto, not AWS-LC's.
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
typedef uint8_t poly1305_state[512];
uint32_t OPENSSL_ia32cap_P[4];
#define DECL(P) void P##_poly1305_init(poly1305_state *, const uint8_t *); void P##_poly1305_update(poly1305_state *, const uint8_t *, size_t); void P##_poly1305_finish(poly1305_state *, uint8_t *);
DECL(A) DECL(B) DECL(C) DECL(D) DECL(O)
static double now(void){struct timespec t; clock_gettime(CLOCK_MONOTONIC,&t); return t.tv_sec+t.tv_nsec/1e9;}
typedef struct { const char *n; void (*i)(poly1305_state *, const uint8_t *); void (*u)(poly1305_state *, const uint8_t *, size_t); void (*f)(poly1305_state *, uint8_t *);} impl;
static EVP_MAC_CTX *mctx;
static void ossl_i(poly1305_state *s, const uint8_t *k) { EVP_MAC_init(mctx, k, 32, NULL); }
static void ossl_u(poly1305_state *s, const uint8_t *m, size_t n) { EVP_MAC_update(mctx, m, n); }
static void ossl_f(poly1305_state *s, uint8_t *t) { size_t l; EVP_MAC_final(mctx, t, &l, 16); }
int main(int argc, char **argv) {
  OPENSSL_ia32cap_P[2] = 1 << 5;  // AVX2 for CRYPTO_is_AVX2_capable
  EVP_MAC *mac = EVP_MAC_fetch(NULL, "POLY1305", NULL); mctx = EVP_MAC_CTX_new(mac);
  impl im[6] = {{"openssl", ossl_i, ossl_u, ossl_f}, {"sse2", O_poly1305_init, O_poly1305_update, O_poly1305_finish},
    {"A", A_poly1305_init, A_poly1305_update, A_poly1305_finish}, {"B", B_poly1305_init, B_poly1305_update, B_poly1305_finish},
    {"C", C_poly1305_init, C_poly1305_update, C_poly1305_finish}, {"D", D_poly1305_init, D_poly1305_update, D_poly1305_finish}};
  size_t chunk = argc > 1 ? atoi(argv[1]) : 16384; int reps = (32 << 20) / chunk;
  uint8_t *msg = malloc(chunk), key[32] = {1}, tag[6][16]; memset(msg, 3, chunk);
  double best[6] = {0};
  for (int r = 0; r < 21; r++) for (int k = 0; k < 6; k++) {
    poly1305_state s; double t0 = now(); im[k].i(&s, key); for (int i = 0; i < reps; i++) im[k].u(&s, msg, chunk); im[k].f(&s, tag[k]);
    double v = reps * (double)chunk / (now() - t0) / 1048576; if (v > best[k]) best[k] = v; }
  for (int k = 0; k < 6; k++) printf("%s %.0f (%.2fx)%s  ", im[k].n, best[k], best[k] / best[0], memcmp(tag[k], tag[0], 16) ? "(BAD)" : "");
  printf("\n");
}
