'use strict';
// node-awslc: the AEAD ciphers users rely on round-trip, reject a tampered tag
// with the same error on every backend, and honour shorter tags.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

const cases = [
  { algo: 'aes-128-gcm', keyLen: 16 },
  { algo: 'aes-256-gcm', keyLen: 32 },
  { algo: 'chacha20-poly1305', keyLen: 32 },
];
const plaintext = Buffer.from('node-awslc says hello, '.repeat(11));
const aad = Buffer.from('header');

for (const { algo, keyLen } of cases) {
  assert.ok(crypto.getCiphers().includes(algo), `${algo} is listed`);
  for (const authTagLength of [16, 12]) {
    const key = crypto.randomBytes(keyLen);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv(algo, key, iv, { authTagLength });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();
    assert.strictEqual(tag.length, authTagLength);

    const decipher = crypto.createDecipheriv(algo, key, iv, { authTagLength });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const decrypted = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    assert.deepStrictEqual(decrypted, plaintext);

    // A flipped tag bit must fail, never return plaintext.
    const bad = Buffer.from(tag);
    bad[0] ^= 1;
    const tampered = crypto.createDecipheriv(algo, key, iv, { authTagLength });
    tampered.setAAD(aad);
    tampered.setAuthTag(bad);
    tampered.update(ciphertext);
    assert.throws(() => tampered.final(), {
      message: 'Unsupported state or unable to authenticate data',
    });
  }
}
