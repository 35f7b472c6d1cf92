'use strict';
// crypto.sign(null, ...) / crypto.verify(null, ...) with an RSA, RSA-PSS, EC or DSA key use
// the key type's default digest, SHA-256, as OpenSSL 3 does; Ed25519 takes no digest.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

const data = Buffer.from('some data to sign');
const keys = [
  crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  crypto.generateKeyPairSync('rsa-pss', { modulusLength: 2048 }),
  crypto.generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }),
];
for (const { privateKey, publicKey } of keys) {
  const type = privateKey.asymmetricKeyType;
  const signature = crypto.sign(null, data, privateKey);
  // The same digest as 'sha256': each verifies the other's signature.
  assert.ok(crypto.verify(null, data, publicKey, signature), type);
  assert.ok(crypto.verify('sha256', data, publicKey, signature), type);
  assert.ok(crypto.verify(null, data, publicKey, crypto.sign('sha256', data, privateKey)), type);
  assert.ok(!crypto.verify('sha512', data, publicKey, signature), type);
  if (type === 'rsa') {
    // PKCS#1 v1.5 is deterministic: the bytes are those of SHA-256.
    assert.deepStrictEqual(signature, crypto.sign('sha256', data, privateKey));
  }
  crypto.sign(null, data, privateKey, common.mustSucceed((sig) => {
    assert.ok(crypto.verify('sha256', data, publicKey, sig), type);
  }));
}

// Ed25519 signs without a digest, as before.
{
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  assert.ok(crypto.verify(null, data, publicKey, crypto.sign(null, data, privateKey)));
}
