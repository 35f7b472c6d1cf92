// Constant-time check of the implicit rejection code under valgrind memcheck,
// the way AWS-LC's CONSTANT_TIME_VALIDATION builds work: secret inputs are
// marked undefined, and memcheck reports any branch or memory address that
// depends on them. CONSTTIME_DECLASSIFY in the code under test marks what it
// deliberately makes public (the output length).
//
// The file under test is compiled into this program, so that its static
// functions can be called with secret-marked inputs.
#define BORINGSSL_CONSTANT_TIME_VALIDATION 1
#include "rsa_crypt.c"

#include <stdio.h>

#include <openssl/pem.h>
#include <valgrind/memcheck.h>

static void check(RSA *rsa, const uint8_t *em, const char *what) {
  const size_t k = RSA_size(rsa);
  uint8_t ct[2048], em_copy[2048], kdk[SHA256_DIGEST_LENGTH], out[2048];
  size_t out_len;
  // The ciphertext for |em| (public).
  if (!RSA_encrypt(rsa, &out_len, ct, sizeof(ct), em, k, RSA_NO_PADDING)) {
    abort();
  }

  // The key derivation key: |d| is secret. Only its low |k| bytes can be
  // nonzero (d < n); |BN_bn2bin_padded| checks the bytes above, which are
  // zero for every valid key.
  const BIGNUM *d = rsa->d;
  VALGRIND_MAKE_MEM_UNDEFINED(d->d, k);
  if (!rsa_implicit_rejection_kdk(kdk, rsa, ct, k)) {
    abort();
  }
  VALGRIND_MAKE_MEM_DEFINED(d->d, d->width * sizeof(BN_ULONG));

  // The padding check: the decrypted block and the KDK are secret.
  memcpy(em_copy, em, k);
  VALGRIND_MAKE_MEM_UNDEFINED(em_copy, k);
  VALGRIND_MAKE_MEM_UNDEFINED(kdk, sizeof(kdk));
  if (!rsa_padding_check_PKCS1_type_2_implicit_rejection(out, &out_len, k,
                                                         em_copy, k, kdk)) {
    abort();
  }
  VALGRIND_MAKE_MEM_DEFINED(out, out_len);

  // The same result through the public API.
  uint8_t out2[2048];
  size_t out2_len;
  if (!RSA_decrypt(rsa, &out2_len, out2, sizeof(out2), ct, k,
                   RSA_PKCS1_PADDING) ||
      out2_len != out_len || memcmp(out, out2, out_len) != 0) {
    fprintf(stderr, "%s: mismatch with RSA_decrypt\n", what);
    exit(1);
  }
  printf("%s: %zu bytes\n", what, out_len);
}

int main(int argc, char **argv) {
  FILE *f = fopen(argv[1], "r");
  EVP_PKEY *pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
  RSA *rsa = EVP_PKEY_get1_RSA(pkey);
  const size_t k = RSA_size(rsa);
  uint8_t em[2048];

  // Valid: 00 02 PS 00 M, with a 20-byte message.
  em[0] = 0;
  em[1] = 2;
  for (size_t i = 2; i < k; i++) em[i] = (uint8_t)(i * 7 + 1) | 1;
  em[k - 21] = 0;
  check(rsa, em, "valid");
  // Valid, empty message and maximal message.
  em[k - 21] = 1;
  em[k - 1] = 0;
  check(rsa, em, "valid-empty");
  em[k - 1] = 1;
  em[10] = 0;
  check(rsa, em, "valid-max");
  // Invalid: PS of 7 bytes, no separator, wrong type byte, wrong first byte.
  em[10] = 1;
  em[9] = 0;
  check(rsa, em, "short-ps");
  em[9] = 1;
  check(rsa, em, "no-separator");
  em[k - 21] = 0;
  em[1] = 1;
  check(rsa, em, "bad-second");
  em[1] = 2;
  em[0] = 0;
  em[2] = 0;
  check(rsa, em, "zero-in-ps");
  return 0;
}
