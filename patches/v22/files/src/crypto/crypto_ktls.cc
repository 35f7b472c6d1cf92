#include "crypto/crypto_ktls.h"

#include <openssl/crypto.h>
#include <openssl/obj_mac.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cstring>

#ifdef NODE_HAVE_KTLS
#include <openssl/hkdf.h>

#include <errno.h>
#include <linux/tls.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SOL_TLS
#define SOL_TLS 282
#endif
#endif  // NODE_HAVE_KTLS

namespace node {
namespace crypto {
namespace ktls {

void Keys::Clear() {
  if (!crypto_info.empty())
    OPENSSL_cleanse(crypto_info.data(), crypto_info.size());
  if (!secret.empty())
    OPENSSL_cleanse(secret.data(), secret.size());
  crypto_info.clear();
  secret.clear();
}

void RecordBoundary::Track(const char* data, size_t len) {
  while (len > 0) {
    if (body_left_ > 0) {
      const size_t n = std::min(len, body_left_);
      body_left_ -= n;
      data += n;
      len -= n;
      continue;
    }
    const size_t n = std::min(len, sizeof(header_) - header_have_);
    memcpy(header_ + header_have_, data, n);
    header_have_ += n;
    data += n;
    len -= n;
    if (header_have_ == sizeof(header_)) {
      header_have_ = 0;
      body_left_ = (size_t{header_[3]} << 8) | header_[4];
    }
  }
}

size_t RecordBoundary::BytesToBoundary() const {
  if (body_left_ > 0) return body_left_;
  if (header_have_ > 0) return sizeof(header_) - header_have_;
  return 0;
}

#ifdef NODE_HAVE_KTLS
namespace {

// The three AEADs the kernel and TLS have in common. The kernel's structs
// differ only in these lengths: {info, iv[iv], key[key], salt[salt], seq[8]}.
struct Cipher {
  uint16_t kernel_type;
  size_t key_len;
  size_t salt_len;  // implicit part of the nonce (GCM)
  size_t iv_len;    // the struct's iv field
  size_t tls12_fixed_iv_len;  // per-direction IV in the TLS 1.2 key block
  const char* name;
};

static_assert(sizeof(tls12_crypto_info_aes_gcm_128) == 4 + 8 + 16 + 4 + 8);
static_assert(sizeof(tls12_crypto_info_aes_gcm_256) == 4 + 8 + 32 + 4 + 8);
static_assert(sizeof(tls12_crypto_info_chacha20_poly1305) == 4 + 12 + 32 + 8);

const Cipher* FindCipher(const SSL* ssl) {
  static const Cipher kAes128Gcm = {
      TLS_CIPHER_AES_GCM_128, 16, 4, 8, 4, "AES-128-GCM"};
  static const Cipher kAes256Gcm = {
      TLS_CIPHER_AES_GCM_256, 32, 4, 8, 4, "AES-256-GCM"};
  static const Cipher kChaCha = {
      TLS_CIPHER_CHACHA20_POLY1305, 32, 0, 12, 12, "ChaCha20-Poly1305"};
  const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl);
  if (cipher == nullptr) return nullptr;
  switch (SSL_CIPHER_get_cipher_nid(cipher)) {
    case NID_aes_128_gcm: return &kAes128Gcm;
    case NID_aes_256_gcm: return &kAes256Gcm;
    case NID_chacha20_poly1305: return &kChaCha;
    default: return nullptr;
  }
}

std::string Errno(const char* what, int err) {
  return std::string(what) + ": " + strerror(err);
}

// HKDF-Expand-Label(secret, label, "", length) (RFC 8446 7.1).
bool ExpandLabel(const EVP_MD* md,
                 const std::vector<uint8_t>& secret,
                 const char* label,
                 uint8_t* out,
                 size_t out_len) {
  std::vector<uint8_t> info;
  const size_t label_len = 6 + strlen(label);
  info.push_back(static_cast<uint8_t>(out_len >> 8));
  info.push_back(static_cast<uint8_t>(out_len));
  info.push_back(static_cast<uint8_t>(label_len));
  for (const char* p = "tls13 "; *p != '\0'; p++) info.push_back(*p);
  for (const char* p = label; *p != '\0'; p++) info.push_back(*p);
  info.push_back(0);  // empty context
  return HKDF_expand(out, out_len, md, secret.data(), secret.size(),
                     info.data(), info.size()) == 1;
}

// Lays out {info, iv, key, salt, rec_seq} as the kernel's struct.
void BuildCryptoInfo(uint16_t version,
                     const Cipher& c,
                     const uint8_t* iv,
                     const uint8_t* key,
                     const uint8_t* salt,
                     uint64_t seq,
                     std::vector<uint8_t>* out) {
  out->assign(4 + c.iv_len + c.key_len + c.salt_len + 8, 0);
  tls_crypto_info info;
  info.version = version;
  info.cipher_type = c.kernel_type;
  uint8_t* p = out->data();
  memcpy(p, &info, sizeof(info));
  p += sizeof(info);
  memcpy(p, iv, c.iv_len);
  p += c.iv_len;
  memcpy(p, key, c.key_len);
  p += c.key_len;
  if (c.salt_len > 0) memcpy(p, salt, c.salt_len);
  p += c.salt_len;
  for (int i = 7; i >= 0; i--, seq >>= 8) p[i] = static_cast<uint8_t>(seq);
}

std::string KeysFromSecret(const SSL* ssl,
                           const Cipher& c,
                           uint64_t seq,
                           Keys* out) {
  const EVP_MD* md =
      SSL_CIPHER_get_handshake_digest(SSL_get_current_cipher(ssl));
  uint8_t key[32];
  uint8_t iv[12];
  if (md == nullptr || !ExpandLabel(md, out->secret, "key", key, c.key_len) ||
      !ExpandLabel(md, out->secret, "iv", iv, sizeof(iv))) {
    return "could not derive the TLS 1.3 traffic keys";
  }
  // GCM: salt = the first 4 bytes of the IV, iv field = the other 8.
  // ChaCha20-Poly1305: the iv field is the whole 12-byte IV.
  const uint8_t* iv_field = c.salt_len > 0 ? iv + c.salt_len : iv;
  BuildCryptoInfo(TLS_1_3_VERSION, c, iv_field, key, iv, seq,
                  &out->crypto_info);
  OPENSSL_cleanse(key, sizeof(key));
  OPENSSL_cleanse(iv, sizeof(iv));
  return "";
}

}  // namespace

std::string CheckEligible(const SSL* ssl) {
  const int version = SSL_version(ssl);
  if (version != TLS1_2_VERSION && version != TLS1_3_VERSION)
    return std::string("protocol ") + SSL_get_version(ssl) +
           " is not supported by kTLS (TLS 1.2 and 1.3 are)";
#ifndef NCRYPTO_HAS_TLS_TRAFFIC_SECRETS
  if (version == TLS1_3_VERSION)
    return "protocol TLSv1.3 is not supported by kTLS with this TLS library, "
           "which does not export the TLS 1.3 traffic secrets (TLS 1.2 is)";
#endif
  if (FindCipher(ssl) == nullptr) {
    const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl);
    return std::string("cipher ") +
           (cipher != nullptr ? SSL_CIPHER_get_name(cipher) : "(none)") +
           " is not supported by kTLS (AES-128-GCM, AES-256-GCM and "
           "ChaCha20-Poly1305 are)";
  }
  return "";
}

std::string DeriveKeys(SSL* ssl, Direction direction, Keys* out) {
  std::string why = CheckEligible(ssl);
  if (!why.empty()) return why;
  const Cipher& c = *FindCipher(ssl);
  const bool tx = direction == Direction::kTx;
  const uint64_t seq =
      tx ? SSL_get_write_sequence(ssl) : SSL_get_read_sequence(ssl);
  out->Clear();

#ifdef NCRYPTO_HAS_TLS_TRAFFIC_SECRETS
  if (SSL_version(ssl) == TLS1_3_VERSION) {
    size_t len = 0;
    auto get = tx ? SSL_get_write_traffic_secret : SSL_get_read_traffic_secret;
    if (!get(ssl, nullptr, &len) || len == 0)
      return "the TLS library did not export the traffic secret";
    out->secret.resize(len);
    if (!get(ssl, out->secret.data(), &len))
      return "the TLS library did not export the traffic secret";
    out->secret.resize(len);
    return KeysFromSecret(ssl, c, seq, out);
  }
#endif  // NCRYPTO_HAS_TLS_TRAFFIC_SECRETS

  // TLS 1.2 key block (RFC 5246 6.3): client MAC, server MAC (empty for
  // AEADs), client key, server key, client IV, server IV.
  const size_t block_len = SSL_get_key_block_len(ssl);
  if (block_len != 2 * (c.key_len + c.tls12_fixed_iv_len))
    return "unexpected TLS 1.2 key block length";
  std::vector<uint8_t> block(block_len);
  if (!SSL_generate_key_block(ssl, block.data(), block.size()))
    return "the TLS library did not export the key block";
  const bool client_side = (SSL_is_server(ssl) == 0) == tx;
  const uint8_t* key = block.data() + (client_side ? 0 : c.key_len);
  const uint8_t* fixed_iv = block.data() + 2 * c.key_len +
                            (client_side ? 0 : c.tls12_fixed_iv_len);
  if (c.salt_len > 0) {
    // GCM: salt = the 4-byte fixed IV; the iv field is the explicit nonce of
    // the next record, which the kernel increments per record (as the TLS
    // library does, it equals the sequence number).
    uint8_t explicit_nonce[8];
    for (int i = 7, s = 0; i >= 0; i--, s += 8)
      explicit_nonce[i] = static_cast<uint8_t>(seq >> s);
    BuildCryptoInfo(TLS_1_2_VERSION, c, explicit_nonce, key, fixed_iv, seq,
                    &out->crypto_info);
  } else {
    BuildCryptoInfo(TLS_1_2_VERSION, c, fixed_iv, key, nullptr, seq,
                    &out->crypto_info);
  }
  OPENSSL_cleanse(block.data(), block.size());
  return "";
}

std::string NextGeneration(const SSL* ssl, Keys* keys) {
  const Cipher* c = FindCipher(ssl);
  const EVP_MD* md =
      SSL_CIPHER_get_handshake_digest(SSL_get_current_cipher(ssl));
  if (c == nullptr || md == nullptr || keys->secret.empty())
    return "KeyUpdate outside TLS 1.3";
  std::vector<uint8_t> next(keys->secret.size());
  if (!ExpandLabel(md, keys->secret, "traffic upd", next.data(), next.size()))
    return "could not derive the next traffic secret";
  OPENSSL_cleanse(keys->secret.data(), keys->secret.size());
  keys->secret = std::move(next);
  return KeysFromSecret(ssl, *c, 0, keys);
}

std::string AttachUlp(int fd) {
  static const char kTls[] = "tls";
  if (setsockopt(fd, SOL_TCP, TCP_ULP, kTls, sizeof(kTls)) == 0) return "";
  const int err = errno;
  if (err == EEXIST) return "";  // already attached
  if (err == ENOENT)
    return "the kernel has no TLS ULP (CONFIG_TLS off, or the tls module is "
           "not loaded)";
  return Errno("setsockopt(TCP_ULP, \"tls\")", err);
}

std::string Install(int fd, Direction direction, const Keys& keys) {
  const int opt = direction == Direction::kTx ? TLS_TX : TLS_RX;
  if (setsockopt(fd, SOL_TLS, opt, keys.crypto_info.data(),
                 keys.crypto_info.size()) == 0) {
    return "";
  }
  const int err = errno;
  const char* what = direction == Direction::kTx ? "setsockopt(SOL_TLS, TLS_TX)"
                                                 : "setsockopt(SOL_TLS, TLS_RX)";
  if (err == ENOENT)
    return std::string(what) +
           ": ENOENT (the kernel's AEAD for this cipher is not available; "
           "load its crypto modules)";
  return Errno(what, err);
}

int SendControlRecord(int fd, uint8_t type, const uint8_t* data, size_t len) {
  char control[CMSG_SPACE(sizeof(type))];
  memset(control, 0, sizeof(control));
  iovec iov = {const_cast<uint8_t*>(data), len};
  msghdr msg = {};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_TLS;
  cmsg->cmsg_type = TLS_SET_RECORD_TYPE;
  cmsg->cmsg_len = CMSG_LEN(sizeof(type));
  memcpy(CMSG_DATA(cmsg), &type, sizeof(type));
  // A control record is tiny; if the send buffer is full, wait for room
  // briefly rather than dropping it.
  for (int attempt = 0; attempt < 2; attempt++) {
    ssize_t n;
    do {
      n = sendmsg(fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n == static_cast<ssize_t>(len)) return 0;
    if (n >= 0) return -EIO;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -errno;
    pollfd pfd = {fd, POLLOUT, 0};
    poll(&pfd, 1, 1000);
  }
  return -EAGAIN;
}

ssize_t ReceiveRecords(int fd, char* buf, size_t len, uint8_t* type) {
  char control[CMSG_SPACE(sizeof(*type))];
  iovec iov = {buf, len};
  msghdr msg = {};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  ssize_t n;
  do {
    n = recvmsg(fd, &msg, MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return -errno;
  *type = kRecordApplicationData;
  for (cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg != nullptr;
       cmsg = CMSG_NXTHDR(&msg, cmsg)) {
    if (cmsg->cmsg_level == SOL_TLS && cmsg->cmsg_type == TLS_GET_RECORD_TYPE)
      memcpy(type, CMSG_DATA(cmsg), sizeof(*type));
  }
  return n;
}
#endif  // NODE_HAVE_KTLS

}  // namespace ktls
}  // namespace crypto
}  // namespace node
