#pragma once

// Single place where differences between the OpenSSL-compatible libraries
// ncrypto/Node.js can be built against are turned into *feature* macros.
// Code elsewhere must test these feature macros (or OPENSSL_NO_*), never
// OPENSSL_IS_AWSLC directly, and AWS-LC is NOT aliased to BoringSSL.
//
// This header must be included after the OpenSSL headers (ncrypto.h does so).

#include <openssl/crypto.h>  // AWS-LC: pulls base.h -> OPENSSL_IS_AWSLC
#include <openssl/dh.h>
#include <openssl/ssl.h>

// --- Behaviour shared by BoringSSL and AWS-LC (per feature, not per lib) ----
#if defined(OPENSSL_IS_BORINGSSL) || defined(OPENSSL_IS_AWSLC)
// No TLS 1.3 post-handshake client authentication (AWS-LC's
// SSL_verify_client_post_handshake() is a stub; BoringSSL has none). When the
// library gains it, only this condition changes.
#ifndef OPENSSL_NO_TLS_PHA
#define OPENSSL_NO_TLS_PHA 1
#endif
// NETSCAPE_SPKI_b64_decode() uses the strict EVP_DecodeBase64(), which does
// not skip trailing whitespace (AWS-LC crypto/x509/x509spki.c).
#define NCRYPTO_SPKAC_NEEDS_WHITESPACE_TRIM 1
// Client-side renegotiation is off by default (ssl_renegotiate_never) and has
// to be enabled with SSL_set_renegotiate_mode().
#define NCRYPTO_RENEGOTIATION_NEEDS_MODE 1
// SSL_renegotiate() on a TLS 1.3 connection fails with
// ERR_R_SHOULD_NOT_HAVE_BEEN_CALLED (it only answers a pending HelloRequest);
// OpenSSL reports SSL_R_WRONG_SSL_VERSION there, as TLS 1.3 has no
// renegotiation.
#define NCRYPTO_RENEGOTIATE_TLS13_NO_VERSION_ERROR 1
// The default TLS 1.3 suites are ordered by the hardware (AES-128-GCM first
// with AES-NI); OpenSSL's default order puts AES-256-GCM first.
#define NCRYPTO_TLS13_DEFAULT_SUITES_NOT_OPENSSL_ORDER 1
// A TLS 1.3 client's SSL_get_session() stays the handshake's session, which
// cannot resume: tickets arrive as new SSL_SESSION objects for the new-session
// callback only, and a resumed connection gets a copy without the ticket
// (OpenSSL's SSL_get_session() follows the tickets).
#define NCRYPTO_TLS13_CLIENT_SESSION_NOT_UPDATED_BY_TICKETS 1
#endif

#if defined(OPENSSL_IS_AWSLC)
#define NCRYPTO_AWSLC 1
// OPENSSL_INIT_SETTINGS is only a typedef; OPENSSL_INIT_new/_free/
// _set_config_* do not exist and there is no config-file support.
#define NCRYPTO_NO_OPENSSL_INIT_SETTINGS 1
// CRYPTO_secure_malloc_init() always returns 0 (mem.h).
#define NCRYPTO_NO_SECURE_HEAP 1
// SSL_*_security_level() are stubs returning 0; no OPENSSL_TLS_SECURITY_LEVEL.
#define NCRYPTO_NO_SECURITY_LEVEL 1
// libssl has no FFDHE cipher suites: SSL_CTX_set_tmp_dh() is a no-op that
// returns 1 and SSL_CTX_set_dh_auto() returns 0.
#define NCRYPTO_NO_TLS_FFDHE 1
// SSL_get_shared_sigalgs() always returns 0 (getSharedSigalgs() computes the
// shared list from SSL_get0_peer_verify_algorithms(), crypto_tls.cc).
#define NCRYPTO_NO_SHARED_SIGALGS 1
// The cipher-string parser rejects "@SECLEVEL=n".
#define NCRYPTO_NO_CIPHER_SECLEVEL 1
// The cipher-string parser knows "HIGH" only as the first rule; elsewhere it
// is silently ignored. Its "ALL" (everything but 3DES and eNULL) is the same
// set, as the library has no MEDIUM/LOW suites.
#define NCRYPTO_CIPHER_HIGH_ONLY_AS_PREFIX 1
// EVP_MD_do_all_sorted() leaves out digests the library has (SHA-3, SHAKE,
// MD5-SHA1), so crypto.getHashes() would not list them.
#define NCRYPTO_MD_DO_ALL_INCOMPLETE 1
// The EVP ChaCha20-Poly1305 cipher refuses EVP_CTRL_AEAD_SET_TAG while
// encrypting (OpenSSL takes it as the tag length); it takes the length from
// EVP_CTRL_AEAD_GET_TAG instead.
#define NCRYPTO_CHACHA20_POLY1305_NO_TAG_LENGTH_WHEN_ENCRYPTING 1
// EVP_CipherUpdate() with a NULL input finishes an AEAD operation (GCM, CCM
// and ChaCha20-Poly1305 compute their tag there), even with a length of 0;
// OpenSSL 3 treats NULL with length 0 as "no data".
#define NCRYPTO_CIPHER_UPDATE_NULL_INPUT_FINISHES 1
// d2i_AutoPrivateKey() (and so d2i_PrivateKey_bio()) picks the key type of a
// legacy DER private key by counting its fields, and reads an ECPrivateKey
// without its optional fields as RSA (OpenSSL tries every decoder).
#define NCRYPTO_AUTO_PRIVATE_KEY_COUNTS_FIELDS 1
// err.code as stock Node 22 (OpenSSL 3) gives it where the library reports the
// same failure differently, so that programs branching on codes run unchanged.
// One row per difference: {ERR_LIB_* the library raises it in (0: any), the
// reason's name as Node spells it (upper case, '_' for ' '; a final '*' matches
// a prefix), what OpenSSL 3 gives: a whole err.code ("ERR_...", a final '*'
// standing for the rest the prefix matched), or else only the reason's name}.
// The failures behind every row are cases of test/corpus (reports/corpus.md).
#define NCRYPTO_ERROR_CODE_TABLE                                              \
  /* OpenSSL 3 raises cipher failures in a provider: no library part. */      \
  {ERR_LIB_CIPHER, "BAD_DECRYPT", "ERR_OSSL_BAD_DECRYPT"},                    \
  {ERR_LIB_CIPHER, "WRONG_FINAL_BLOCK_LENGTH",                                \
   "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"},                                      \
  /* ... and calls a partial block without padding a wrong final block. */    \
  {ERR_LIB_CIPHER, "DATA_NOT_MULTIPLE_OF_BLOCK_LENGTH",                       \
   "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"},                                      \
  /* Signature and key agreement failures come from providers too. */        \
  {ERR_LIB_EVP, "ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",                        \
   "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE"},                           \
  /* A digest for a key type that takes none (Ed25519). */                    \
  {ERR_LIB_EVP, "COMMAND_NOT_SUPPORTED", "ERR_OSSL_INVALID_DIGEST"},          \
  /* A digest the parameters of an RSA-PSS key do not allow. */               \
  {ERR_LIB_EVP, "INVALID_PSS_MD", "ERR_OSSL_DIGEST_NOT_ALLOWED"},             \
  /* Key agreement between keys of different curves. */                      \
  {ERR_LIB_EVP, "DIFFERENT_PARAMETERS",                                       \
   "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS"},                                 \
  /* An X25519 peer key that gives the all-zero secret. */                    \
  {ERR_LIB_EVP, "INVALID_PEER_KEY", "ERR_OSSL_FAILED_DURING_DERIVATION"},     \
  /* RSA reasons with other names: the exponent or size of a new key,        \
     RSA_NO_PADDING input shorter than the key, a PKCS#1 type 1 block that is \
     not one. */                                                              \
  {ERR_LIB_RSA, "KEY_SIZE_TOO_SMALL", "ERR_OSSL_KEY_SIZE_TOO_SMALL"},         \
  {ERR_LIB_RSA, "BAD_E_VALUE", "ERR_OSSL_RSA_PUB_EXPONENT_OUT_OF_RANGE"},     \
  {ERR_LIB_RSA, "DATA_TOO_SMALL", "ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE"},\
  {ERR_LIB_RSA, "BLOCK_TYPE_IS_NOT_01", "ERR_OSSL_RSA_INVALID_PADDING"},      \
  /* OpenSSL 3.2 renamed the alerts of SSL 3.0 ("ssl/tls alert ..."). */      \
  {ERR_LIB_SSL, "SSLV3_ALERT_*", "SSL/TLS_ALERT_*"},                          \
  /* TLS reasons with other names. */                                         \
  {ERR_LIB_SSL, "TLSV1_ALERT_CERTIFICATE_REQUIRED",                           \
   "TLSV13_ALERT_CERTIFICATE_REQUIRED"},                                      \
  {ERR_LIB_SSL, "NO_COMMON_SIGNATURE_ALGORITHMS",                             \
   "NO_SHARED_SIGNATURE_ALGORITHMS"},                                         \
  {ERR_LIB_SSL, "NO_SUPPORTED_VERSIONS_ENABLED", "NO_PROTOCOLS_AVAILABLE"},   \
  /* A TLS 1.3 server and client without a common group. */                   \
  {ERR_LIB_SSL, "NO_SHARED_GROUP", "NO_SUITABLE_KEY_SHARE"},                  \
  /* ERR_R_ASN1_LIB, the reason "ASN.1 encoding routines" in any library. */  \
  {0, "ASN.1_ENCODING_ROUTINES", "ASN1_LIB"},
// A PKCS#12 file using an algorithm the library lacks (e.g. 40-bit RC2)
// fails with one of these PKCS#8 reasons, not with OpenSSL 3's ERR_R_UNSUPPORTED.
#define NCRYPTO_PKCS12_UNSUPPORTED_ALGORITHM(err)                             \
  (ERR_GET_LIB(err) == ERR_LIB_PKCS8 &&                                       \
   (ERR_GET_REASON(err) == PKCS8_R_UNSUPPORTED_KEYLENGTH ||                   \
    ERR_GET_REASON(err) == PKCS8_R_UNSUPPORTED_CIPHER ||                      \
    ERR_GET_REASON(err) == PKCS8_R_UNKNOWN_ALGORITHM ||                       \
    ERR_GET_REASON(err) == PKCS8_R_UNSUPPORTED_KEY_DERIVATION_FUNCTION ||     \
    ERR_GET_REASON(err) == PKCS8_R_UNSUPPORTED_PRF))
// BN_get_rfc2409_prime_768/1024 are not provided (only RFC 3526 primes).
#define NCRYPTO_NEEDS_RFC2409_PRIMES 1
// DH_check() fails with DH_R_INVALID_PARAMETERS for an even p or a g outside
// (1, p) instead of reporting DH_CHECK_* flags as OpenSSL does.
#define NCRYPTO_DH_CHECK_FAILS_ON_INVALID_PARAMS 1
// RSA key generation does not validate the public exponent (e == 1 loops
// forever; an even e fails only after many iterations), and generates keys of
// fewer than 512 bits, which OpenSSL 3 refuses (RSA_MIN_MODULUS_BITS).
#define NCRYPTO_NO_RSA_KEYGEN_EXPONENT_CHECK 1
// EVP_DigestSignInit()/EVP_DigestVerifyInit() without a digest fail for RSA,
// EC and DSA keys (EVP_R_NO_DEFAULT_DIGEST); OpenSSL 3 uses the key type's
// default digest, SHA-256.
#define NCRYPTO_NO_DEFAULT_DIGEST 1
// A key the library cannot read fails with the error of the step that failed
// (PEM, ASN.1, EVP); OpenSSL 3 reads PEM keys and PKCS#1/SEC1 DER through its
// decoders, which report any such input as ERR_R_UNSUPPORTED (err.code
// ERR_OSSL_UNSUPPORTED), and an encrypted PEM key without a passphrase as
// ERR_R_INTERRUPTED_OR_CANCELLED (the decoder's passphrase prompt).
#define NCRYPTO_KEY_DECODING_ERRORS_SAY_WHERE 1
// DH_check() of the library may not flag a modulus under 512 bits
// (DH_MODULUS_TOO_SMALL, OpenSSL 3's DH_MIN_MODULUS_BITS).
#ifndef DH_MODULUS_TOO_SMALL
#define DH_MODULUS_TOO_SMALL 0x80
#endif
// SSL_get_{read,write}_sequence(), SSL_get_key_block_len() and
// SSL_generate_key_block() export the TLS 1.2 record-layer state, which is
// what kTLS needs for TLS 1.2 (src/crypto/crypto_ktls.h).
#define NCRYPTO_HAS_TLS_KEY_BLOCK 1
// SSL_get_{read,write}_traffic_secret() export TLS 1.3's traffic secrets,
// which kTLS needs for TLS 1.3: AWS-LC since 1.54.0 (API version 34, which
// 1.52 and 1.53 share, hence 35); not the AWS-LC-FIPS 3.x module (API version
// 30), on which TLS 1.3 connections stay in userspace.
#if AWSLC_API_VERSION >= 35
#define NCRYPTO_HAS_TLS_TRAFFIC_SECRETS 1
#endif
// FIPS mode is a property of the build: FIPS_mode() is 1 when the library is
// the AWS-LC-FIPS module (static: integrity check + power-on self tests run
// before main), 0 otherwise; FIPS_mode_set() cannot change it and queues no
// error. BORINGSSL_self_test() runs the known-answer tests again.
#define NCRYPTO_FIPS_IS_BUILD_PROPERTY 1
// In FIPS mode libssl still negotiates what is not FIPS-approved (ChaCha20-
// Poly1305, X25519, 3DES); the caller has to restrict suites and groups.
#define NCRYPTO_FIPS_TLS_NOT_RESTRICTED 1
// EVP_get_cipherbyname()/_bynid() and EVP_CIPHER_do_all_sorted() do not know
// ciphers the library implements: AES-CCM (EVP_aes_{128,192,256}_ccm()) and
// AES-256 key wrap (EVP_aes_256_wrap()). A library with
// OPENSSL_HAS_WRAP_CIPHER_NAMES knows every key wrap cipher it has by
// OpenSSL's names itself (AES-128/192, with padding, 3DES).
#define NCRYPTO_CIPHER_NAMES_INCOMPLETE 1
#ifndef OPENSSL_HAS_EVP_AES_WRAP_PAD
// EVP_CipherUpdate() on the key-wrap cipher has no size query: with a NULL
// output it writes through it. Its output is the input plus one 8-byte block.
// (The AES key wrap ciphers of OPENSSL_HAS_EVP_AES_WRAP_PAD answer it.)
#define NCRYPTO_WRAP_CIPHER_NO_SIZE_QUERY 1
#endif
// The EVP AES-CCM cipher needs the message length before the data (an
// EVP_CipherUpdate() with NULL input and output); OpenSSL's takes it from the
// first update when no AAD came before.
#define NCRYPTO_CCM_NEEDS_MESSAGE_LENGTH 1
// Its encryption does not check updates against the announced message length:
// a shorter, longer or second update returns wrong ciphertext and a tag that
// does not verify (OpenSSL refuses them: the message goes in one update).
#define NCRYPTO_CCM_ENCRYPT_UNCHECKED_LENGTH 1
// EVP_PKEY_verify_init() on a key type that cannot verify returns 0 with
// EVP_R_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE queued (OpenSSL returns -2),
// and EVP_PKEY_CTX_new() of a key type without methods returns NULL.
#define NCRYPTO_PKEY_VERIFY_UNSUPPORTED_RETURNS_ZERO 1
// AES key wrap (RFC 3394) has no EVP cipher for 128- and 192-bit keys;
// AES_wrap_key()/AES_unwrap_key() take any AES key.
#define NCRYPTO_AES_KW_WITHOUT_EVP 1
// SSL_CTX_use_PrivateKey() checks the key against the certificate set last,
// not against the certificate in the key's own slot (RSA, ECDSA, Ed25519):
// with certificates of several key types, every key but the last one's
// "does not match". Setting that slot's certificate again selects the slot.
#define NCRYPTO_KEY_CHECK_USES_CURRENT_CERT_SLOT 1
// No TLS 1.3 external PSK: SSL_set_psk_{client,server}_callback() act in
// TLS 1.2 and below only.
#define NCRYPTO_NO_TLS13_EXTERNAL_PSK 1
// AWS-LC's FIPS 140-3 approved service indicator (openssl/service_indicator.h):
// FIPS_service_indicator_before_call()/_after_call() read a per-thread counter
// that a service increments when it completes as an approved service. It
// means something only when FIPS_mode() is 1: outside the FIPS module every
// service reads as approved.
#define NCRYPTO_HAS_FIPS_SERVICE_INDICATOR 1
// awslc_version_string() (openssl/service_indicator.h) names the module as
// the library reports it: "AWS-LC FIPS 4.2.0" on the FIPS module, "AWS-LC
// 5.12.0" otherwise. (FIPS_version() is declared only with
// BORINGSSL_FIPS_140_3, which AWS-LC-FIPS 4.x does not define or build.)
#define NCRYPTO_HAS_AWSLC_VERSION_STRING 1
#define NCRYPTO_LIBRARY_NAME "AWS-LC " AWSLC_VERSION_NUMBER_STRING
#define NCRYPTO_FIPS_MODULE_NAME "AWS-LC-FIPS " AWSLC_VERSION_NUMBER_STRING

#ifndef OPENSSL_TLS_SECURITY_LEVEL
// AWS-LC documents its (fixed) level as 0, see SSL_CTX_get_security_level().
#define OPENSSL_TLS_SECURITY_LEVEL 0
#endif
#endif  // OPENSSL_IS_AWSLC

// --- Functions an older supported library version lacks ----------------------
// Defined for every library but the AWS-LC releases from before the function.
// AWSLC_API_VERSION is the only number AWS-LC's headers give: each threshold
// is the first API version all of whose releases have the function. The
// AWS-LC-FIPS 3.x module (3.1.0, FIPS 140-3 certificates #5314/#5298, is
// one) is API version 30.
#if !defined(OPENSSL_IS_AWSLC) || AWSLC_API_VERSION >= 31
// EVP_PKEY_CTX_set_dh_paramgen_prime_len()/_generator(), DH parameters
// through EVP_PKEY_paramgen() (AWS-LC since 1.37.0, the first of API version
// 31). Without them: DH_generate_parameters_ex().
#define NCRYPTO_HAS_EVP_DH_PARAMGEN 1
#endif
#if !defined(OPENSSL_IS_AWSLC) || AWSLC_API_VERSION >= 32
// SSL_get_peer_tmp_key() (AWS-LC since 1.38.0; 1.37 is API version 31 too).
// Without it, a client's getEphemeralKeyInfo() is told by the negotiated
// group (SSL_get_group_id()) instead of the server's key share.
#define NCRYPTO_HAS_PEER_TMP_KEY 1
#endif
#if !defined(OPENSSL_IS_AWSLC) || AWSLC_API_VERSION >= 35
// SSL_client_hello_get0_ext(), with SSL_CTX_set_client_hello_cb() (AWS-LC
// since 1.56.0; 1.52 to 1.55 are API version 34 too). Without it,
// SSLPointer::getClientHelloAlpn()/getClientHelloServerName() (which Node
// itself does not call) find nothing.
#define NCRYPTO_HAS_CLIENT_HELLO_GET0_EXT 1
#endif
#if !defined(OPENSSL_IS_AWSLC) || AWSLC_API_VERSION >= 36
// EVP_PKEY_check()/EVP_PKEY_public_check() (AWS-LC since 1.58.0; 1.57 is API
// version 35, as AWS-LC 4.x to 5.5 and AWS-LC-FIPS 4.x are). Without them:
// EC_KEY_check_key(), which is what AWS-LC's do for the EC keys Node checks
// (EVP_PKEY_check() requires the private key as well).
#define NCRYPTO_HAS_EVP_PKEY_CHECK 1
#endif

// --- Constants ncrypto uses only as enum discriminators --------------------
// (values are OpenSSL 3's; the library never reports them when undefined)
#ifndef DH_CHECK_INVALID_J_VALUE
#define DH_CHECK_INVALID_J_VALUE 0x40
#endif
#ifndef DH_R_CHECK_PUBKEY_INVALID
#define DH_R_CHECK_PUBKEY_INVALID 122
#endif
#ifndef DH_R_CHECK_PUBKEY_TOO_LARGE
#define DH_R_CHECK_PUBKEY_TOO_LARGE 123
#endif
#ifndef DH_R_CHECK_PUBKEY_TOO_SMALL
#define DH_R_CHECK_PUBKEY_TOO_SMALL 124
#endif

#ifdef NCRYPTO_ERROR_CODE_TABLE
#include <string>
#include <string_view>
namespace ncrypto {
// Looks a failure up in NCRYPTO_ERROR_CODE_TABLE by the library it was raised
// in and its reason's name (as Node spells it in err.code): returns the whole
// err.code OpenSSL 3 gives, or "" after giving *reason OpenSSL's name for it
// (*reason stays as it is when no row matches).
inline std::string OpenSSLErrorCode(int lib, std::string* reason) {
  struct Row {
    int lib;
    std::string_view reason;
    std::string_view code;
  };
  static constexpr Row kRows[] = {NCRYPTO_ERROR_CODE_TABLE};
  for (const Row& row : kRows) {
    if (row.lib != 0 && row.lib != lib) continue;
    std::string_view pattern = row.reason;
    std::string rest;
    if (pattern.ends_with('*')) {
      pattern.remove_suffix(1);
      if (!std::string_view(*reason).starts_with(pattern)) continue;
      rest = reason->substr(pattern.size());
    } else if (*reason != pattern) {
      continue;
    }
    std::string out(row.code);
    if (out.ends_with('*')) {
      out.pop_back();
      out += rest;
    }
    if (out.starts_with("ERR_")) return out;
    *reason = out;
    return "";
  }
  return "";
}
}  // namespace ncrypto
#endif  // NCRYPTO_ERROR_CODE_TABLE
