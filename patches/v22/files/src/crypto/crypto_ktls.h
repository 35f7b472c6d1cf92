#ifndef SRC_CRYPTO_CRYPTO_KTLS_H_
#define SRC_CRYPTO_CRYPTO_KTLS_H_

#if defined(NODE_WANT_INTERNALS) && NODE_WANT_INTERNALS

// Linux kernel TLS (kTLS) for TLSWrap: after the handshake, the record layer
// of a TCP connection is handed to the kernel (setsockopt TCP_ULP "tls", then
// SOL_TLS/TLS_TX and TLS_RX with the current keys and sequence numbers), so
// plaintext moves with plain read/write and the kernel does the AEAD.
//
// This file only derives the kernel's crypto_info from the TLS library's
// connection state and talks to the socket; TLSWrap decides when to switch.
// It needs the library to export the key block and the sequence numbers
// (NCRYPTO_HAS_TLS_KEY_BLOCK), and for TLS 1.3 the traffic secrets
// (NCRYPTO_HAS_TLS_TRAFFIC_SECRETS; without them CheckEligible() keeps TLS 1.3
// connections in userspace and says why).

#include "ncrypto.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#if defined(__linux__) && defined(NCRYPTO_HAS_TLS_KEY_BLOCK)
#define NODE_HAVE_KTLS 1
#endif

namespace node {
namespace crypto {
namespace ktls {

enum class Direction { kTx, kRx };

// TLS record content types (RFC 8446 5.1).
constexpr uint8_t kRecordAlert = 21;
constexpr uint8_t kRecordHandshake = 22;
constexpr uint8_t kRecordApplicationData = 23;

// Handshake message types seen after the handshake (RFC 8446 4).
constexpr uint8_t kNewSessionTicket = 4;
constexpr uint8_t kKeyUpdate = 24;

struct Keys {
  // The struct tls12_crypto_info_* the kernel takes for this direction.
  std::vector<uint8_t> crypto_info;
  // TLS 1.3 only: the traffic secret these keys came from, for KeyUpdate.
  std::vector<uint8_t> secret;
  void Clear();
};

// Follows the record framing of the bytes read from the peer, so that reads
// can stop exactly at a record boundary: the kernel's RX path must start at
// the first byte of a record (as ClientHelloParser follows the first record
// for TLSWrap's 'newSession' handling).
class RecordBoundary {
 public:
  // Accounts for |len| more bytes read from the peer.
  void Track(const char* data, size_t len);
  // How many bytes a read may take without crossing the next record boundary;
  // 0 when the bytes read so far end on one (no limit).
  size_t BytesToBoundary() const;

 private:
  uint8_t header_[5];       // record header being read
  size_t header_have_ = 0;  // bytes of it so far
  size_t body_left_ = 0;    // body bytes of the current record still due
};

#ifdef NODE_HAVE_KTLS
// Why |ssl| cannot use kTLS (version or cipher), or "" when it can.
std::string CheckEligible(const SSL* ssl);

// Derives the current keys of one direction of |ssl| (TLS 1.2 or 1.3 with
// AES-128-GCM, AES-256-GCM or ChaCha20-Poly1305) with the sequence number of
// the next record. Returns "" or why it could not.
std::string DeriveKeys(SSL* ssl, Direction direction, Keys* out);

// TLS 1.3 KeyUpdate: replaces |keys| by the next generation (RFC 8446 7.2),
// sequence number 0.
std::string NextGeneration(const SSL* ssl, Keys* keys);

// setsockopt(TCP_ULP, "tls"). Returns "" or why not.
std::string AttachUlp(int fd);

// setsockopt(SOL_TLS, TLS_TX / TLS_RX). Returns "" or why not.
std::string Install(int fd, Direction direction, const Keys& keys);

// Sends one record of |type| (alert, handshake) through the kernel's TX path.
// Returns 0 or a negative errno.
int SendControlRecord(int fd, uint8_t type, const uint8_t* data, size_t len);

// recvmsg() one batch of records of the same type without blocking. Returns
// the byte count (0 at EOF) with the record type in |type|, or -errno.
ssize_t ReceiveRecords(int fd, char* buf, size_t len, uint8_t* type);
#endif  // NODE_HAVE_KTLS

}  // namespace ktls
}  // namespace crypto
}  // namespace node

#endif  // defined(NODE_WANT_INTERNALS) && NODE_WANT_INTERNALS

#endif  // SRC_CRYPTO_CRYPTO_KTLS_H_
