// Cross-check of the modified poly1305_vec.c (X_ prefix) against libcrypto.a's original
// CRYPTO_poly1305 (SSE2 + scalar tail), many lengths and random update splits; then speed.
#include <openssl/poly1305.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
void X_poly1305_init(poly1305_state *state, const uint8_t key[32]);
void X_poly1305_update(poly1305_state *state, const uint8_t *in, size_t in_len);
void X_poly1305_finish(poly1305_state *state, uint8_t mac[16]);
static uint64_t rs = 88172645463325252ull;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static double now(void){struct timespec t; clock_gettime(CLOCK_MONOTONIC,&t); return t.tv_sec+t.tv_nsec/1e9;}
extern uint32_t OPENSSL_ia32cap_P[4];
void OPENSSL_cpuid_setup(void);
int main(int argc, char **argv) {
  OPENSSL_cpuid_setup();
  printf("ia32cap %08x %08x %08x %08x avx2=%d\n", OPENSSL_ia32cap_P[0], OPENSSL_ia32cap_P[1], OPENSSL_ia32cap_P[2], OPENSSL_ia32cap_P[3], (OPENSSL_ia32cap_P[2] >> 5) & 1);
  enum { MAX = 1 << 17 };
  uint8_t *msg = malloc(MAX), key[32], a[16], b[16];
  long bad = 0, n = 0;
  for (int iter = 0; iter < 20000; iter++) {
    for (int i = 0; i < 32; i++) key[i] = rnd();
    // lengths: all small ones, then random up to MAX; extreme bytes sometimes
    size_t len = iter < 2048 ? (size_t)iter : rnd() % (iter % 10 == 0 ? MAX : 8192);
    int mode = rnd() % 3;
    for (size_t i = 0; i < len; i++) msg[i] = mode == 0 ? 0xff : mode == 1 ? rnd() : (i % 7 ? 0xff : 0);
    if (iter % 5 == 0) for (int i = 0; i < 32; i++) key[i] = 0xff;
    poly1305_state s1, s2;
    CRYPTO_poly1305_init(&s1, key);
    CRYPTO_poly1305_update(&s1, msg, len);
    CRYPTO_poly1305_finish(&s1, a);
    X_poly1305_init(&s2, key);
    size_t off = 0;
    while (off < len) {  // random split
      size_t k = rnd() % 4 == 0 ? rnd() % 17 : rnd() % 3000;
      if (k > len - off) k = len - off;
      X_poly1305_update(&s2, msg + off, k);
      off += k;
    }
    X_poly1305_finish(&s2, b);
    n++;
    if (memcmp(a, b, 16)) { if (bad++ < 5) printf("MISMATCH len=%zu iter=%d\n", len, iter); }
  }
  printf("checked %ld cases, %ld mismatches\n", n, bad);
  // RFC 8439 2.5.2
  static const uint8_t k8439[32] = {0x85,0xd6,0xbe,0x78,0x57,0x55,0x6d,0x33,0x7f,0x44,0x52,0xfe,0x42,0xd5,0x06,0xa8,0x01,0x03,0x80,0x8a,0xfb,0x0d,0xb2,0xfd,0x4a,0xbf,0xf6,0xaf,0x41,0x49,0xf5,0x1b};
  static const uint8_t t8439[16] = {0xa8,0x06,0x1d,0xc1,0x30,0x51,0x36,0xc6,0xc2,0x2b,0x8b,0xaf,0x0c,0x01,0x27,0xa9};
  const char *m8439 = "Cryptographic Forum Research Group";
  poly1305_state s; X_poly1305_init(&s, k8439); X_poly1305_update(&s, (const uint8_t*)m8439, strlen(m8439)); X_poly1305_finish(&s, b);
  printf("RFC 8439 2.5.2: %s\n", memcmp(b, t8439, 16) ? "FAIL" : "ok");
  size_t chunk = 16384; int reps = 20000;
  for (int r = 0; r < 3; r++) {
    double t0 = now(); CRYPTO_poly1305_init(&s, key); for (int i = 0; i < reps; i++) CRYPTO_poly1305_update(&s, msg, chunk); CRYPTO_poly1305_finish(&s, a);
    double t1 = now(); X_poly1305_init(&s, key); for (int i = 0; i < reps; i++) X_poly1305_update(&s, msg, chunk); X_poly1305_finish(&s, a);
    double t2 = now();
    printf("16K updates: sse2 %.0f MiB/s, avx2 %.0f MiB/s\n", reps * (double)chunk / (t1 - t0) / 1048576, reps * (double)chunk / (t2 - t1) / 1048576);
  }
  return bad != 0;
}
