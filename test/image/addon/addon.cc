// A native addon that calls the crypto library node carries (AWS-LC, AWS-LC-FIPS or
// OpenSSL) through the symbols node exports, with the openssl/ headers of
// /usr/local/include/node: sha256(string) -> hex, randomBytes(n) -> Buffer.
#include <node_api.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <string>

namespace {

napi_value Sha256(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  size_t length = 0;
  napi_get_value_string_utf8(env, argv[0], nullptr, 0, &length);
  std::string data(length + 1, '\0');
  napi_get_value_string_utf8(env, argv[0], data.data(), data.size(), &length);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_length = 0;
  if (!EVP_Digest(data.data(), length, md, &md_length, EVP_sha256(), nullptr)) {
    napi_throw_error(env, nullptr, "EVP_Digest failed");
    return nullptr;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < md_length; i++) {
    hex += kHex[md[i] >> 4];
    hex += kHex[md[i] & 15];
  }
  napi_value result;
  napi_create_string_utf8(env, hex.data(), hex.size(), &result);
  return result;
}

napi_value RandomBytes(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  uint32_t n = 0;
  napi_get_value_uint32(env, argv[0], &n);
  void* data;
  napi_value buffer;
  napi_create_buffer(env, n, &data, &buffer);
  if (RAND_bytes(static_cast<unsigned char*>(data), n) != 1) {
    napi_throw_error(env, nullptr, "RAND_bytes failed");
    return nullptr;
  }
  return buffer;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"sha256", nullptr, Sha256, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"randomBytes", nullptr, RandomBytes, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, 2, props);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
