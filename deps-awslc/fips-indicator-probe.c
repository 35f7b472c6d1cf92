// What AWS-LC-FIPS's service indicator reports for each service node:crypto,
// WebCrypto and node:tls reach, called the way Node calls it (the same EVP
// entry points). Output: one line per service, "approved" / "NOT approved".
// Build (against the FIPS build's headers and libcrypto.a):
//   cc -O1 -I$P/include fips-indicator-probe.c $P/lib/libcrypto.a -lpthread -o probe
#include <openssl/aes.h>
#include <openssl/bn.h>
#include <openssl/cipher.h>
#include <openssl/crypto.h>
#include <openssl/curve25519.h>
#include <openssl/dh.h>
#include <openssl/digest.h>
#include <openssl/ec.h>
#include <openssl/ec_key.h>
#include <openssl/ecdh.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hkdf.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/nid.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/service_indicator.h>
#include <stdio.h>
#include <string.h>

static uint64_t before_;
#define BEGIN() (before_ = FIPS_service_indicator_before_call())
#define END(name, ok)                                                       \
  printf("%-58s %s%s\n", name,                                              \
         FIPS_service_indicator_after_call() != before_ ? "approved"        \
                                                       : "NOT approved",    \
         (ok) ? "" : "  (call failed)");                                    \
  ERR_clear_error()

static uint8_t buf[4096], out[4096], key[64], iv[16];

static void digest(const char* label, const EVP_MD* md) {
  EVP_MD_CTX* c = EVP_MD_CTX_new();
  unsigned n = 0;
  int ok = EVP_DigestInit_ex(c, md, NULL) && EVP_DigestUpdate(c, buf, 100);
  BEGIN();
  if (EVP_MD_flags(md) & EVP_MD_FLAG_XOF)
    ok = ok && EVP_DigestFinalXOF(c, out, 32);
  else
    ok = ok && EVP_DigestFinal_ex(c, out, &n);
  END(label, ok);
  EVP_MD_CTX_free(c);
}

static void hmac(const char* label, const EVP_MD* md, size_t key_len) {
  HMAC_CTX* c = HMAC_CTX_new();
  unsigned n = 0;
  int ok = HMAC_Init_ex(c, key, key_len, md, NULL) && HMAC_Update(c, buf, 100);
  BEGIN();
  ok = ok && HMAC_Final(c, out, &n);
  END(label, ok);
  HMAC_CTX_free(c);
}

// createCipheriv: EVP_CipherInit_ex, update, final (the indicator is read at
// final). A decryption decrypts what an encryption with the same cipher made
// (a final() that fails, e.g. on bad padding, completes no service).
static int cipher_run(const EVP_CIPHER* ciph, int enc, const uint8_t* in,
                      size_t len, uint8_t* tag, uint8_t* res, int* res_len,
                      int measure, const char* label) {
  EVP_CIPHER_CTX* c = EVP_CIPHER_CTX_new();
  int n = 0, m = 0, ok = ciph != NULL;
  const int gcm = ok && EVP_CIPHER_mode(ciph) == EVP_CIPH_GCM_MODE;
  ok = ok && EVP_CipherInit_ex(c, ciph, NULL, NULL, NULL, enc);
  if (ok && gcm) ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_IVLEN, 12, NULL);
  ok = ok && EVP_CipherInit_ex(c, NULL, NULL, key, iv, enc);
  if (ok && gcm && !enc) ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, 16, tag);
  ok = ok && EVP_CipherUpdate(c, res, &n, in, len);
  if (measure) BEGIN();
  ok = ok && EVP_CipherFinal_ex(c, res + n, &m);
  if (measure) { END(label, ok); }
  if (ok && gcm && enc) ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_GET_TAG, 16, tag);
  *res_len = n + m;
  EVP_CIPHER_CTX_free(c);
  return ok;
}

static void cipher(const char* label, const EVP_CIPHER* ciph, int enc, size_t len) {
  uint8_t ct[4096], tag[16], pt[4096];
  int ct_len = 0, pt_len = 0;
  if (enc) {
    cipher_run(ciph, 1, buf, len, tag, ct, &ct_len, 1, label);
  } else {
    cipher_run(ciph, 1, buf, len, tag, ct, &ct_len, 0, label);
    cipher_run(ciph, 0, ct, ct_len, tag, pt, &pt_len, 1, label);
  }
}

static EVP_PKEY* keygen(int type, int param, int bits, int print, const char* label) {
  EVP_PKEY_CTX* c = EVP_PKEY_CTX_new_id(type, NULL);
  EVP_PKEY* k = NULL;
  int ok = c && EVP_PKEY_keygen_init(c);
  if (ok && type == EVP_PKEY_RSA) ok = EVP_PKEY_CTX_set_rsa_keygen_bits(c, bits);
  if (ok && type == EVP_PKEY_EC) ok = EVP_PKEY_CTX_set_ec_paramgen_curve_nid(c, param);
  BEGIN();
  ok = ok && EVP_PKEY_keygen(c, &k);
  if (print) { END(label, ok); } else ERR_clear_error();
  EVP_PKEY_CTX_free(c);
  return k;
}

// crypto.sign()/verify() and WebCrypto: EVP_DigestSign/EVP_DigestVerify one-shot.
static void digestsign(const char* label, EVP_PKEY* k, const EVP_MD* md, int pss,
                       int saltlen, int verify) {
  EVP_MD_CTX* c = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pc = NULL;
  size_t n = sizeof(out);
  int ok = k != NULL && EVP_DigestSignInit(c, &pc, md, NULL, k);
  if (ok && pss) ok = EVP_PKEY_CTX_set_rsa_padding(pc, RSA_PKCS1_PSS_PADDING) &&
                      EVP_PKEY_CTX_set_rsa_pss_saltlen(pc, saltlen);
  ok = ok && EVP_DigestSign(c, out, &n, buf, 100);
  if (verify) {
    EVP_MD_CTX* v = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pv = NULL;
    int vok = ok && EVP_DigestVerifyInit(v, &pv, md, NULL, k);
    if (vok && pss) vok = EVP_PKEY_CTX_set_rsa_padding(pv, RSA_PKCS1_PSS_PADDING) &&
                          EVP_PKEY_CTX_set_rsa_pss_saltlen(pv, saltlen);
    BEGIN();
    vok = vok && EVP_DigestVerify(v, out, n, buf, 100);
    END(label, vok);
    EVP_MD_CTX_free(v);
  } else {
    EVP_MD_CTX_free(c);
    c = EVP_MD_CTX_new();
    n = sizeof(out);
    ok = k != NULL && EVP_DigestSignInit(c, &pc, md, NULL, k);
    if (ok && pss) ok = EVP_PKEY_CTX_set_rsa_padding(pc, RSA_PKCS1_PSS_PADDING) &&
                        EVP_PKEY_CTX_set_rsa_pss_saltlen(pc, saltlen);
    BEGIN();
    ok = ok && EVP_DigestSign(c, out, &n, buf, 100);
    END(label, ok);
  }
  EVP_MD_CTX_free(c);
}

// createSign()/createVerify(): the digest is computed first, then EVP_PKEY_sign/_verify.
static void pkeysign(const char* label, EVP_PKEY* k, const EVP_MD* md, int verify) {
  uint8_t m[64];
  unsigned ml = 0;
  EVP_Digest(buf, 100, m, &ml, md, NULL);
  EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k, NULL);
  size_t n = sizeof(out);
  int ok = c && EVP_PKEY_sign_init(c) && EVP_PKEY_CTX_set_signature_md(c, md);
  if (!verify) BEGIN();
  ok = ok && EVP_PKEY_sign(c, out, &n, m, ml);
  if (!verify) { END(label, ok); }
  EVP_PKEY_CTX_free(c);
  if (verify) {
    c = EVP_PKEY_CTX_new(k, NULL);
    int vok = c && EVP_PKEY_verify_init(c) && EVP_PKEY_CTX_set_signature_md(c, md);
    BEGIN();
    vok = vok && EVP_PKEY_verify(c, out, n, m, ml);
    END(label, vok);
    EVP_PKEY_CTX_free(c);
  }
}

// crypto.diffieHellman() and WebCrypto ECDH/X25519: EVP_PKEY_derive.
static void derive(const char* label, EVP_PKEY* a, EVP_PKEY* b) {
  EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(a, NULL);
  size_t n = sizeof(out);
  int ok = c && EVP_PKEY_derive_init(c) && EVP_PKEY_derive_set_peer(c, b);
  BEGIN();
  ok = ok && EVP_PKEY_derive(c, out, &n);
  END(label, ok);
  EVP_PKEY_CTX_free(c);
}

// publicEncrypt()/privateDecrypt(), WebCrypto RSA-OAEP: EVP_PKEY_encrypt/_decrypt.
static void rsa_encrypt(const char* label, EVP_PKEY* k, int padding) {
  EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(k, NULL);
  size_t n = sizeof(out);
  int ok = c && EVP_PKEY_encrypt_init(c) && EVP_PKEY_CTX_set_rsa_padding(c, padding);
  BEGIN();
  ok = ok && EVP_PKEY_encrypt(c, out, &n, buf, 32);
  END(label, ok);
  EVP_PKEY_CTX_free(c);
  // The padding draws random bytes with RAND_bytes() (outside the module),
  // which is an approved service of its own: measured without it, by
  // counting what RAND_bytes() alone adds.
  uint8_t r[32];
  BEGIN();
  RAND_bytes(r, sizeof(r));
  printf("%-58s counter +%llu\n", "  (RAND_bytes alone, for comparison)",
         (unsigned long long)(FIPS_service_indicator_after_call() - before_));
  c = EVP_PKEY_CTX_new(k, NULL);
  n = sizeof(out);
  ok = c && EVP_PKEY_encrypt_init(c) && EVP_PKEY_CTX_set_rsa_padding(c, padding);
  BEGIN();
  ok = ok && EVP_PKEY_encrypt(c, out, &n, buf, 32);
  printf("%-58s counter +%llu\n", "  (the encryption: counter delta)",
         (unsigned long long)(FIPS_service_indicator_after_call() - before_));
  EVP_PKEY_CTX_free(c);
  uint8_t pt[512];
  size_t pt_len = sizeof(pt);
  c = EVP_PKEY_CTX_new(k, NULL);
  int dok = c && EVP_PKEY_decrypt_init(c) && EVP_PKEY_CTX_set_rsa_padding(c, padding);
  BEGIN();
  dok = dok && EVP_PKEY_decrypt(c, pt, &pt_len, out, n);
  char l2[96];
  snprintf(l2, sizeof(l2), "%s decrypt (EVP_PKEY_decrypt)", label);
  END(l2, dok);
  EVP_PKEY_CTX_free(c);
}

// ncrypto::hkdf(): HMAC() for HKDF-Extract, then EVP_PKEY_derive in expand-only mode.
static void hkdf(const char* label, const EVP_MD* md, size_t info_len) {
  uint8_t prk[64];
  unsigned prk_len = sizeof(prk);
  BEGIN();
  int ok = HMAC(md, iv, 16, key, 32, prk, &prk_len) != NULL;
  char l1[96];
  snprintf(l1, sizeof(l1), "%s: extract (HMAC)", label);
  END(l1, ok);
  EVP_PKEY_CTX* c = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
  size_t n = 32;
  ok = c && EVP_PKEY_derive_init(c) && EVP_PKEY_CTX_set_hkdf_md(c, md) &&
       EVP_PKEY_CTX_add1_hkdf_info(c, buf, info_len) &&
       EVP_PKEY_CTX_hkdf_mode(c, EVP_PKEY_HKDEF_MODE_EXPAND_ONLY) &&
       EVP_PKEY_CTX_set1_hkdf_key(c, prk, prk_len);
  BEGIN();
  ok = ok && EVP_PKEY_derive(c, out, &n) > 0;
  snprintf(l1, sizeof(l1), "%s: expand (EVP_PKEY_derive)", label);
  END(l1, ok);
  EVP_PKEY_CTX_free(c);
}

static void pbkdf2(const char* label, const EVP_MD* md, size_t pass, size_t salt, unsigned iter) {
  BEGIN();
  int ok = PKCS5_PBKDF2_HMAC((const char*)key, pass, buf, salt, iter, md, 32, out);
  END(label, ok);
}

int main(void) {
  memset(buf, 0x61, sizeof(buf));
  RAND_bytes(key, sizeof(key));
  RAND_bytes(iv, sizeof(iv));
  printf("%s, FIPS_mode() = %d\n\n", awslc_version_string(), FIPS_mode());

  printf("== hashes: createHash().digest(), crypto.hash(), subtle.digest() (EVP_DigestFinal_ex)\n");
  digest("sha1", EVP_sha1());
  digest("sha224", EVP_sha224());
  digest("sha256", EVP_sha256());
  digest("sha384", EVP_sha384());
  digest("sha512", EVP_sha512());
  digest("sha512-224", EVP_sha512_224());
  digest("sha512-256", EVP_sha512_256());
  digest("sha3-256", EVP_sha3_256());
  digest("sha3-512", EVP_sha3_512());
  digest("shake128 (EVP_DigestFinalXOF)", EVP_shake128());
  digest("shake256 (EVP_DigestFinalXOF)", EVP_shake256());
  digest("md5", EVP_md5());
  digest("md4", EVP_md4());
  digest("md5-sha1", EVP_md5_sha1());
  digest("ripemd160", EVP_ripemd160());

  printf("\n== HMAC: createHmac().digest() (HMAC_Final)\n");
  hmac("hmac-sha256, 32-byte key", EVP_sha256(), 32);
  hmac("hmac-sha256, 4-byte key", EVP_sha256(), 4);
  hmac("hmac-sha256, 0-byte key", EVP_sha256(), 0);
  hmac("hmac-sha1", EVP_sha1(), 32);
  hmac("hmac-sha512", EVP_sha512(), 32);
  hmac("hmac-sha3-256", EVP_sha3_256(), 32);
  hmac("hmac-md5", EVP_md5(), 32);
  hmac("hmac-ripemd160", EVP_ripemd160(), 32);

  printf("\n== ciphers: createCipheriv()/createDecipheriv() (EVP_CipherFinal_ex)\n");
  cipher("aes-128-cbc encrypt", EVP_aes_128_cbc(), 1, 64);
  cipher("aes-192-cbc encrypt", EVP_aes_192_cbc(), 1, 64);
  cipher("aes-256-cbc decrypt", EVP_aes_256_cbc(), 0, 64);
  cipher("aes-128-ecb encrypt", EVP_aes_128_ecb(), 1, 64);
  cipher("aes-256-ctr encrypt", EVP_aes_256_ctr(), 1, 64);
  cipher("aes-128-ctr decrypt", EVP_aes_128_ctr(), 0, 64);
  cipher("aes-256-xts encrypt", EVP_aes_256_xts(), 1, 64);
  cipher("aes-128-gcm encrypt (caller's IV)", EVP_aes_128_gcm(), 1, 64);
  cipher("aes-256-gcm encrypt (caller's IV)", EVP_aes_256_gcm(), 1, 64);
  cipher("aes-256-gcm decrypt", EVP_aes_256_gcm(), 0, 64);
  cipher("aes-128-ofb encrypt", EVP_aes_128_ofb(), 1, 64);
  cipher("aes-128-cfb128 encrypt", EVP_aes_128_cfb128(), 1, 64);
  cipher("chacha20-poly1305 encrypt", EVP_chacha20_poly1305(), 1, 64);
  cipher("des-ede3-cbc encrypt", EVP_des_ede3_cbc(), 1, 64);
  cipher("des-cbc encrypt", EVP_des_cbc(), 1, 64);
  cipher("rc4 encrypt", EVP_rc4(), 1, 64);
  cipher("id-aes256-wrap encrypt (EVP)", EVP_aes_256_wrap(), 1, 32);
  {
    AES_KEY k;
    AES_set_encrypt_key(key, 128, &k);
    BEGIN();
    int ok = AES_wrap_key(&k, NULL, out, buf, 32) > 0;
    END("AES-128 key wrap (AES_wrap_key, WebCrypto AES-KW)", ok);
    AES_set_encrypt_key(key, 256, &k);
    BEGIN();
    ok = AES_wrap_key(&k, NULL, out, buf, 32) > 0;
    END("AES-256 key wrap (AES_wrap_key, WebCrypto AES-KW)", ok);
  }

  printf("\n== key generation: generateKeyPair() and subtle.generateKey() (EVP_PKEY_keygen)\n");
  EVP_PKEY* rsa2048 = keygen(EVP_PKEY_RSA, 0, 2048, 1, "rsa 2048");
  EVP_PKEY* rsa3072 = keygen(EVP_PKEY_RSA, 0, 3072, 1, "rsa 3072");
  keygen(EVP_PKEY_RSA, 0, 1024, 1, "rsa 1024 (the module refuses it)");
  EVP_PKEY* p256 = keygen(EVP_PKEY_EC, NID_X9_62_prime256v1, 0, 1, "ec P-256");
  EVP_PKEY* p256b = keygen(EVP_PKEY_EC, NID_X9_62_prime256v1, 0, 0, "");
  EVP_PKEY* p384 = keygen(EVP_PKEY_EC, NID_secp384r1, 0, 1, "ec P-384");
  keygen(EVP_PKEY_EC, NID_secp521r1, 0, 1, "ec P-521");
  keygen(EVP_PKEY_EC, NID_secp224r1, 0, 1, "ec P-224");
  EVP_PKEY* k1 = keygen(EVP_PKEY_EC, NID_secp256k1, 0, 1, "ec secp256k1");
  EVP_PKEY* k1b = keygen(EVP_PKEY_EC, NID_secp256k1, 0, 0, "");
  EVP_PKEY* ed = keygen(EVP_PKEY_ED25519, 0, 0, 1, "ed25519");
  EVP_PKEY* x = keygen(EVP_PKEY_X25519, 0, 0, 1, "x25519");
  EVP_PKEY* xb = keygen(EVP_PKEY_X25519, 0, 0, 0, "");
  {
    RSA* r1024 = RSA_new();
    BIGNUM* e = BN_new();
    BN_set_word(e, 65537);
    RSA_generate_key_ex(r1024, 1024, e, NULL);  // non-FIPS keygen path, for the signing tests
    EVP_PKEY* k1024 = EVP_PKEY_new();
    EVP_PKEY_assign_RSA(k1024, r1024);
    printf("\n== signatures: crypto.sign()/verify(), WebCrypto (EVP_DigestSign/EVP_DigestVerify)\n");
    digestsign("sign rsa-2048 pkcs1 sha256", rsa2048, EVP_sha256(), 0, 0, 0);
    digestsign("sign rsa-3072 pkcs1 sha512", rsa3072, EVP_sha512(), 0, 0, 0);
    digestsign("sign rsa-2048 pkcs1 sha1", rsa2048, EVP_sha1(), 0, 0, 0);
    digestsign("sign rsa-2048 pkcs1 sha3-256", rsa2048, EVP_sha3_256(), 0, 0, 0);
    digestsign("sign rsa-1024 pkcs1 sha256", k1024, EVP_sha256(), 0, 0, 0);
    digestsign("sign rsa-2048 pss sha256 saltLength=32 (digest)", rsa2048, EVP_sha256(), 1, 32, 0);
    digestsign("sign rsa-2048 pss sha256 saltLength=-1 (RSA_PSS_SALTLEN_DIGEST)", rsa2048, EVP_sha256(), 1, -1, 0);
    digestsign("sign rsa-2048 pss sha256 saltLength=-2 (max, Node's default)", rsa2048, EVP_sha256(), 1, -2, 0);
    digestsign("sign rsa-2048 pss sha256 saltLength=20", rsa2048, EVP_sha256(), 1, 20, 0);
    digestsign("sign ecdsa P-256 sha256", p256, EVP_sha256(), 0, 0, 0);
    digestsign("sign ecdsa P-384 sha384", p384, EVP_sha384(), 0, 0, 0);
    digestsign("sign ecdsa P-256 sha1", p256, EVP_sha1(), 0, 0, 0);
    digestsign("sign ecdsa secp256k1 sha256", k1, EVP_sha256(), 0, 0, 0);
    digestsign("sign ed25519", ed, NULL, 0, 0, 0);
    digestsign("verify rsa-2048 pkcs1 sha256", rsa2048, EVP_sha256(), 0, 0, 1);
    digestsign("verify rsa-2048 pkcs1 sha1", rsa2048, EVP_sha1(), 0, 0, 1);
    digestsign("verify rsa-1024 pkcs1 sha256", k1024, EVP_sha256(), 0, 0, 1);
    digestsign("verify ecdsa P-256 sha256", p256, EVP_sha256(), 0, 0, 1);
    digestsign("verify ecdsa P-256 sha1", p256, EVP_sha1(), 0, 0, 1);
    digestsign("verify ecdsa secp256k1 sha256", k1, EVP_sha256(), 0, 0, 1);
    digestsign("verify ed25519", ed, NULL, 0, 0, 1);
    printf("\n== signatures: createSign().sign()/createVerify().verify() (digest, then EVP_PKEY_sign/_verify)\n");
    pkeysign("createSign rsa-2048 sha256 (EVP_PKEY_sign)", rsa2048, EVP_sha256(), 0);
    pkeysign("createSign ecdsa P-256 sha256 (EVP_PKEY_sign)", p256, EVP_sha256(), 0);
    pkeysign("createVerify rsa-2048 sha256 (EVP_PKEY_verify)", rsa2048, EVP_sha256(), 1);
    pkeysign("createVerify ecdsa P-256 sha256 (EVP_PKEY_verify)", p256, EVP_sha256(), 1);
    printf("\n== RSA encryption: publicEncrypt(), WebCrypto RSA-OAEP (EVP_PKEY_encrypt)\n");
    rsa_encrypt("rsa-2048 oaep", rsa2048, RSA_PKCS1_OAEP_PADDING);
    rsa_encrypt("rsa-2048 pkcs1", rsa2048, RSA_PKCS1_PADDING);
  }

  printf("\n== key agreement\n");
  derive("ECDH P-256 (EVP_PKEY_derive: diffieHellman(), WebCrypto)", p256, p256b);
  derive("ECDH secp256k1 (EVP_PKEY_derive)", k1, k1b);
  derive("X25519 (EVP_PKEY_derive)", x, xb);
  {
    EC_KEY* a = EVP_PKEY_get1_EC_KEY(p256);
    EC_KEY* b = EVP_PKEY_get1_EC_KEY(p256b);
    BEGIN();
    int ok = ECDH_compute_key(out, 32, EC_KEY_get0_public_key(b), a, NULL) > 0;
    END("ECDH P-256 (ECDH_compute_key: createECDH().computeSecret())", ok);
    DH* dh = DH_get_rfc7919_2048();
    DH* dh2 = DH_get_rfc7919_2048();
    ok = dh && dh2 && DH_generate_key(dh) && DH_generate_key(dh2);
    BEGIN();
    ok = ok && DH_compute_key(out, DH_get0_pub_key(dh2), dh) > 0;
    END("FFDHE-2048 (DH_compute_key: createDiffieHellman())", ok);
    BEGIN();
    ok = DH_generate_key(dh);
    END("FFDHE-2048 key generation (DH_generate_key)", ok);
  }

  printf("\n== KDFs\n");
  hkdf("hkdf sha256, 16-byte info", EVP_sha256(), 16);
  hkdf("hkdf sha256, empty info", EVP_sha256(), 0);
  hkdf("hkdf sha3-256", EVP_sha3_256(), 16);
  hkdf("hkdf md5", EVP_md5(), 16);
  {
    uint8_t o[32];
    BEGIN();
    int ok = HKDF(o, 32, EVP_sha256(), key, 32, iv, 16, buf, 16);
    END("HKDF() one-shot sha256 (for comparison)", ok);
  }
  pbkdf2("pbkdf2 sha256 pass=14 salt=16 iter=1000", EVP_sha256(), 14, 16, 1000);
  pbkdf2("pbkdf2 sha256 pass=13 salt=16 iter=1000", EVP_sha256(), 13, 16, 1000);
  pbkdf2("pbkdf2 sha256 pass=14 salt=15 iter=1000", EVP_sha256(), 14, 15, 1000);
  pbkdf2("pbkdf2 sha256 pass=14 salt=16 iter=999", EVP_sha256(), 14, 16, 999);
  pbkdf2("pbkdf2 sha1 pass=14 salt=16 iter=1000", EVP_sha1(), 14, 16, 1000);
  pbkdf2("pbkdf2 sha3-256 pass=14 salt=16 iter=1000", EVP_sha3_256(), 14, 16, 1000);
  pbkdf2("pbkdf2 md5 pass=14 salt=16 iter=1000", EVP_md5(), 14, 16, 1000);
  {
    BEGIN();
    int ok = EVP_PBE_scrypt("password", 8, (const uint8_t*)"salt", 4, 1024, 8, 1, 0, out, 32);
    END("scrypt N=1024 r=8 p=1 (EVP_PBE_scrypt)", ok);
  }

  printf("\n== random: randomBytes(), generateKey('aes'|'hmac') (RAND_bytes)\n");
  {
    BEGIN();
    int ok = RAND_bytes(out, 32);
    END("RAND_bytes", ok);
  }
  return 0;
}
