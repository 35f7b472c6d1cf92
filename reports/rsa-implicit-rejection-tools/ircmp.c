// ircmp: decrypt deterministic RSA PKCS#1 v1.5 test inputs and print the
// results as hex lines, so that the output of the same program built against
// OpenSSL and against AWS-LC can be compared with diff.
//
//   ircmp gen KEY.pem NAME COUNT SEED    # generated inputs (see below)
//   ircmp vec KEY.pem NAME VECTORS.txt   # "ct_hex expected_hex|-" per line
//
// Every input is decrypted three ways:
//   evp   EVP_PKEY_decrypt, RSA_PKCS1_PADDING, default settings
//   ir0   EVP_PKEY_decrypt after ctrl_str("rsa_pkcs1_implicit_rejection","0")
//   rsa   RSA_private_decrypt(RSA_PKCS1_PADDING)
// and each result is printed as "NAME KIND i MODE ok HEX" or "... err".
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

static uint64_t rng_state;
static uint64_t rng_next(void) {  // splitmix64: the same stream everywhere
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
static uint8_t rng_byte(void) { return (uint8_t)(rng_next() >> 56); }
static uint8_t rng_nonzero(void) {
  uint8_t b;
  do {
    b = rng_byte();
  } while (b == 0);
  return b;
}

static void print_hex(const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
}

static EVP_PKEY *pkey;
static RSA *rsa;
static size_t k;

static int evp_decrypt(const uint8_t *ct, size_t ct_len, int ir_off,
                       uint8_t *out, size_t *out_len) {
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);
  int ok = ctx != NULL && EVP_PKEY_decrypt_init(ctx) > 0 &&
           EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0;
  if (ok && ir_off) {
    ok = EVP_PKEY_CTX_ctrl_str(ctx, "rsa_pkcs1_implicit_rejection", "0") > 0;
    if (!ok) {
      fprintf(stderr, "ctrl_str 0 failed\n");
      exit(1);
    }
  }
  *out_len = k;
  ok = ok && EVP_PKEY_decrypt(ctx, out, out_len, ct, ct_len) > 0;
  EVP_PKEY_CTX_free(ctx);
  ERR_clear_error();
  return ok;
}

// Returns the number of mismatches against |expected| (NULL: none expected).
static int run_one(const char *name, const char *kind, long i,
                   const uint8_t *ct, size_t ct_len, const uint8_t *expected,
                   size_t expected_len) {
  uint8_t *out = malloc(k);
  size_t out_len;
  int bad = 0;
  for (int mode = 0; mode < 3; mode++) {
    int ok;
    const char *mode_name;
    if (mode == 0) {
      mode_name = "evp";
      ok = evp_decrypt(ct, ct_len, 0, out, &out_len);
    } else if (mode == 1) {
      mode_name = "ir0";
      ok = evp_decrypt(ct, ct_len, 1, out, &out_len);
    } else {
      mode_name = "rsa";
      int r = RSA_private_decrypt((int)ct_len, ct, out, rsa, RSA_PKCS1_PADDING);
      ok = r >= 0;
      out_len = ok ? (size_t)r : 0;
      ERR_clear_error();
    }
    printf("%s %s %ld %s %s ", name, kind, i, mode_name, ok ? "ok" : "err");
    if (ok) print_hex(out, out_len);
    printf("\n");
    if (mode == 0 && expected != NULL &&
        (!ok || out_len != expected_len ||
         memcmp(out, expected, expected_len) != 0)) {
      fprintf(stderr, "%s %s %ld: does not match the expected output\n", name,
              kind, i);
      bad++;
    }
  }
  free(out);
  return bad;
}

// raw_encrypt encrypts the k-byte block |em| with no padding (deterministic).
static int raw_encrypt(const uint8_t *em, uint8_t *ct) {
  return RSA_public_encrypt((int)k, em, ct, rsa, RSA_NO_PADDING) == (int)k;
}

// The generated inputs, for i = 0 .. COUNT-1, cycle through these kinds:
enum {
  KIND_GARBAGE,       // random k bytes below n (first byte below n's)
  KIND_VALID,         // 00 02 PS 00 M, random length 0 .. k-11
  KIND_VALID_MAX,     // valid, message of k-11 bytes (PS of 8 bytes)
  KIND_VALID_EMPTY,   // valid, empty message
  KIND_BAD_FIRST,     // valid but first byte 01
  KIND_BAD_SECOND,    // valid but second byte 01 (or 00, 03)
  KIND_SHORT_PS,      // separator at index 9 (PS of 7 bytes)
  KIND_NO_SEPARATOR,  // no zero byte after 00 02
  KIND_ZERO_IN_PS,    // a zero byte among the first 8 of PS, then message
  KIND_ABOVE_N,       // ciphertext >= n (publicly invalid)
  KIND_COUNT,
};
static const char *kind_names[KIND_COUNT] = {
    "garbage", "valid",  "valid-max",    "valid-empty", "bad-first",
    "bad-second", "short-ps", "no-separator", "zero-in-ps", "above-n"};

int main(int argc, char **argv) {
  if (argc != 6 && argc != 5) {
    fprintf(stderr, "usage: ircmp gen KEY NAME COUNT SEED | vec KEY NAME FILE\n");
    return 2;
  }
  FILE *f = fopen(argv[2], "r");
  if (f == NULL) return 2;
  pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
  fclose(f);
  if (pkey == NULL) {
    fprintf(stderr, "bad key\n");
    return 2;
  }
  rsa = (RSA *)EVP_PKEY_get1_RSA(pkey);
  k = RSA_size(rsa);
  const char *name = argv[3];
  const BIGNUM *n;
  RSA_get0_key(rsa, &n, NULL, NULL);
  uint8_t *n_bytes = malloc(k);
  BN_bn2binpad(n, n_bytes, (int)k);
  int bad = 0;

  // The library must say it does implicit rejection, as Node checks.
  {
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);
    if (EVP_PKEY_decrypt_init(ctx) <= 0 ||
        EVP_PKEY_CTX_ctrl_str(ctx, "rsa_pkcs1_implicit_rejection", "1") <= 0) {
      fprintf(stderr, "no rsa_pkcs1_implicit_rejection control\n");
      return 1;
    }
    EVP_PKEY_CTX_free(ctx);
  }

  if (strcmp(argv[1], "vec") == 0) {
    f = fopen(argv[4], "r");
    if (f == NULL) return 2;
    char *line = NULL;
    size_t cap = 0;
    long i = 0;
    while (getline(&line, &cap, f) > 0) {
      char *ct_hex = strtok(line, " \n"), *exp_hex = strtok(NULL, " \n");
      if (ct_hex == NULL || exp_hex == NULL) continue;
      // "." is the empty message, "-" means no expected output.
      size_t ct_len = strlen(ct_hex) / 2,
             exp_len = strcmp(exp_hex, ".") == 0 ? 0 : strlen(exp_hex) / 2;
      uint8_t *ct = malloc(ct_len + 1), *exp = malloc(exp_len + 1);
      for (size_t j = 0; j < ct_len; j++) sscanf(ct_hex + 2 * j, "%2hhx", &ct[j]);
      for (size_t j = 0; j < exp_len; j++) sscanf(exp_hex + 2 * j, "%2hhx", &exp[j]);
      if (strcmp(exp_hex, "-") == 0) {
        run_one(name, "vector", i, ct, ct_len, NULL, 0);
      } else {
        bad += run_one(name, "vector", i, ct, ct_len, exp, exp_len);
      }
      free(ct);
      free(exp);
      i++;
    }
    free(line);
    fclose(f);
    fprintf(stderr, "%s: %ld vectors, %d mismatches\n", name, i, bad);
    return bad != 0;
  }

  long count = atol(argv[4]);
  rng_state = strtoull(argv[5], NULL, 10);
  uint8_t *em = malloc(k), *ct = malloc(k);
  for (long i = 0; i < count; i++) {
    int kind = (int)(i % KIND_COUNT);
    // Mostly garbage: every other input is garbage, the rest cycle the kinds.
    if (i % 2 == 0) kind = KIND_GARBAGE;
    else kind = (int)((i / 2) % KIND_COUNT);
    if (kind == KIND_GARBAGE || kind == KIND_ABOVE_N) {
      for (size_t j = 0; j < k; j++) ct[j] = rng_byte();
      if (kind == KIND_GARBAGE) {
        ct[0] = n_bytes[0] == 0 ? 0 : (uint8_t)(ct[0] % n_bytes[0]);
      } else {
        memcpy(ct, n_bytes, k);  // n + small, or n itself
        uint8_t add = rng_byte() & 3;
        for (size_t j = k; j-- > 0 && add;) {
          unsigned v = ct[j] + add;
          ct[j] = (uint8_t)v;
          add = (uint8_t)(v >> 8);
        }
      }
      bad += run_one(name, kind_names[kind], i, ct, k, NULL, 0);
      continue;
    }
    size_t max_msg = k - 11, msg_len;
    if (kind == KIND_VALID_MAX) msg_len = max_msg;
    else if (kind == KIND_VALID_EMPTY) msg_len = 0;
    else msg_len = (size_t)(rng_next() % (max_msg + 1));
    size_t ps_len = k - 3 - msg_len;
    em[0] = 0;
    em[1] = 2;
    for (size_t j = 0; j < ps_len; j++) em[2 + j] = rng_nonzero();
    em[2 + ps_len] = 0;
    for (size_t j = 0; j < msg_len; j++) em[3 + ps_len + j] = rng_byte();
    switch (kind) {
      case KIND_BAD_FIRST:
        em[0] = 1;
        if (memcmp(em, n_bytes, k) >= 0) em[0] = 0, em[1] = 3;  // keep < n
        break;
      case KIND_BAD_SECOND:
        em[1] = (uint8_t[]){0, 1, 3}[rng_next() % 3];
        break;
      case KIND_SHORT_PS:
        em[9] = 0;  // PS = em[2..8], 7 bytes
        break;
      case KIND_NO_SEPARATOR:
        for (size_t j = 2; j < k; j++)
          if (em[j] == 0) em[j] = rng_nonzero();
        break;
      case KIND_ZERO_IN_PS:
        em[2 + rng_next() % 8] = 0;
        break;
    }
    if (!raw_encrypt(em, ct)) {
      fprintf(stderr, "raw encryption failed\n");
      return 1;
    }
    int valid = kind == KIND_VALID || kind == KIND_VALID_MAX ||
                kind == KIND_VALID_EMPTY;
    bad += run_one(name, kind_names[kind], i, ct, k,
                   valid ? em + 3 + ps_len : NULL, msg_len);
  }
  fprintf(stderr, "%s: %ld inputs, %d mismatches with the expected message\n",
          name, count, bad);
  return bad != 0;
}
