'use strict';
// A SEC1 ECPrivateKey's publicKey field is optional (RFC 5915). In DER, Node asks the
// library to detect the key type; a library that guesses the type by counting fields
// took a three-field ECPrivateKey for RSA and failed with "Key is invalid".
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

function tlv(tag, body) {
  const len = body.length;
  const header = len < 128 ? [tag, len] :
    len < 256 ? [tag, 0x81, len] : [tag, 0x82, len >> 8, len & 0xff];
  return Buffer.concat([Buffer.from(header), body]);
}

const curves = {
  'prime256v1': '2a8648ce3d030107',
  'secp384r1': '2b81040022',
  'secp521r1': '2b81040023',
};

for (const [namedCurve, oid] of Object.entries(curves)) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve });
  const jwk = privateKey.export({ format: 'jwk' });
  const d = Buffer.from(jwk.d, 'base64url');
  const version = Buffer.from('020101', 'hex');
  const parameters = tlv(0xa0, tlv(0x06, Buffer.from(oid, 'hex')));
  // ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters } -- no publicKey
  const noPublicKey = tlv(0x30, Buffer.concat([version, tlv(0x04, d), parameters]));
  const full = privateKey.export({ format: 'der', type: 'sec1' });

  for (const [what, der] of [['full', full], ['without publicKey', noPublicKey]]) {
    // 'pkcs1' is a wrong label for an EC key, which Node has always accepted.
    for (const type of ['sec1', 'pkcs1']) {
      const key = crypto.createPrivateKey({ key: der, format: 'der', type });
      const label = `${namedCurve} ${what} as ${type}`;
      assert.strictEqual(key.asymmetricKeyType, 'ec', label);
      assert.strictEqual(key.asymmetricKeyDetails.namedCurve, namedCurve, label);
      // The public key is derived from the private one.
      assert.deepStrictEqual(key.export({ format: 'jwk' }), jwk, label);
      assert.ok(crypto.createPublicKey(key).equals(publicKey), label);

      // Usable: sign here, verify with the generated public key.
      const signature = crypto.sign('sha256', Buffer.from('data'), key);
      assert.ok(crypto.verify('sha256', Buffer.from('data'), publicKey, signature), label);
    }
  }

  // The same key in PEM ("EC PRIVATE KEY") reads too.
  const pem = `-----BEGIN EC PRIVATE KEY-----\n${
    noPublicKey.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END EC PRIVATE KEY-----\n`;
  assert.deepStrictEqual(crypto.createPrivateKey(pem).export({ format: 'jwk' }), jwk);
}

// RSA (PKCS#1) and PKCS#8 DER keep working under either label.
{
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs1 = privateKey.export({ format: 'der', type: 'pkcs1' });
  for (const type of ['pkcs1', 'sec1']) {
    const key = crypto.createPrivateKey({ key: pkcs1, format: 'der', type });
    assert.strictEqual(key.asymmetricKeyType, 'rsa');
    assert.ok(key.equals(privateKey));
  }
}
{
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  for (const type of ['pkcs1', 'sec1', 'pkcs8']) {
    assert.ok(crypto.createPrivateKey({ key: pkcs8, format: 'der', type }).equals(privateKey));
  }
}

// Garbage is still refused.
assert.throws(() => crypto.createPrivateKey({
  key: Buffer.from('3003020101', 'hex'), format: 'der', type: 'sec1',
}), { name: 'Error' });
