'use strict';
// node-awslc: verifying with a key type that has no signature operation (X25519, DH) is an
// error on every backend, never `false` (patch `crypto-verify-unsupported-key-type-throws`: AWS-LC's EVP_PKEY_verify_init() says
// so with 0 where OpenSSL says -2).
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

const unsupported = {
  code: 'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE',
  message: /operation not supported for this keytype|OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE/,
};

for (const [type, options] of [['x25519', {}], ['dh', { group: 'modp14' }]]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  for (const key of [publicKey, privateKey]) {
    assert.throws(() => crypto.createVerify('SHA256').update('data').verify(key, Buffer.alloc(64)),
                  unsupported, `${type} ${key.type} key`);
  }
  assert.throws(() => crypto.createSign('SHA256').update('data').sign(privateKey), unsupported);
}
