'use strict';
// Cipher names that existing code uses and crypto.getCiphers() lists on OpenSSL:
// raw ChaCha20 and the aliases aes192, des3, des-ede3, des-ede3-ecb, des-ede-ecb.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

const ciphers = crypto.getCiphers();

// Raw ChaCha20: 32-byte key, 16-byte IV = 32-bit little-endian block counter || nonce.
{
  assert.ok(ciphers.includes('chacha20'));
  const info = crypto.getCipherInfo('chacha20');
  assert.strictEqual(info.name, 'chacha20');
  assert.strictEqual(info.mode, 'stream');
  assert.strictEqual(info.keyLength, 32);
  assert.strictEqual(info.ivLength, 16);

  // RFC 8439 2.4.2: key 00..1f, nonce 000000000000004a00000000, counter 1.
  const key = Buffer.from([...Array(32).keys()]);
  const iv = Buffer.from('01000000000000000000004a00000000', 'hex');
  const plaintext = Buffer.from('Ladies and Gentlemen of the class of \'99: If I could ' +
                                'offer you only one tip for the future, sunscreen ' +
                                'would be it.');
  const expected = '6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b' +
                   'f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8' +
                   '07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736' +
                   '5af90bbf74a35be6b40b8eedf2785e42874d';
  const cipher = crypto.createCipheriv('chacha20', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  assert.strictEqual(ciphertext.toString('hex'), expected);

  // Pieces of any size give the same stream (the keystream of a partly used block
  // carries over), and decryption is the same operation.
  const random = crypto.randomBytes(1000);
  const whole = crypto.createCipheriv('chacha20', key, iv).update(random);
  for (const sizes of [[1, 63, 64, 65, 7], [200, 1, 1, 1, 300], [64, 64, 128, 5]]) {
    const c = crypto.createCipheriv('chacha20', key, iv);
    const parts = [];
    let offset = 0;
    for (let i = 0; offset < random.length; i++) {
      const n = sizes[i % sizes.length];
      parts.push(c.update(random.subarray(offset, offset + n)));
      offset += n;
    }
    parts.push(c.final());
    assert.deepStrictEqual(Buffer.concat(parts), whole);
  }
  const decipher = crypto.createDecipheriv('chacha20', key, iv);
  assert.deepStrictEqual(Buffer.concat([decipher.update(ciphertext), decipher.final()]),
                         plaintext);

  // A block counter that wraps carries into the first nonce word, as in OpenSSL.
  const wrapIv = Buffer.from('ffffffff000000000000004a00000000', 'hex');
  const wrapped = crypto.createCipheriv('chacha20', key, wrapIv).update(Buffer.alloc(200));
  assert.strictEqual(crypto.createHash('sha256').update(wrapped).digest('hex'),
                     '139762179ba7acc0dcc853bb3f5115a1d705c54b02a745137f6fb935feeacd85');

  assert.throws(() => crypto.createCipheriv('chacha20', key, Buffer.alloc(12)),
                { code: 'ERR_CRYPTO_INVALID_IV' });
}

// Aliases: the same bytes as the canonical name.
for (const [alias, name, expected] of [
  ['aes192', 'aes-192-cbc', '98b895a145ca4e0bf83e693281c1a0976b691d5790d8ccbf6ac3c4de16e09fe5'],
  ['des3', 'des-ede3-cbc', '994d4dc157b96c528efa04a4eb2936eeb2547d8e0d813a59'],
  ['des-ede3', 'des-ede3', '4587596b86f0922f4587596b86f0922f6c5a76128baa49c8'],
  ['des-ede3-ecb', 'des-ede3', '4587596b86f0922f4587596b86f0922f6c5a76128baa49c8'],
  ['des-ede-ecb', 'des-ede', '4587596b86f0922f4587596b86f0922f6c5a76128baa49c8'],
]) {
  const info = crypto.getCipherInfo(alias);
  assert.strictEqual(info.name, name, alias);
  assert.deepStrictEqual(info, crypto.getCipherInfo(name));
  const key = Buffer.alloc(info.keyLength, 1);
  const iv = info.ivLength ? Buffer.alloc(info.ivLength, 2) : null;
  const cipher = crypto.createCipheriv(alias, key, iv);
  const out = Buffer.concat([cipher.update(Buffer.alloc(20, 3)), cipher.final()]);
  assert.strictEqual(out.toString('hex'), expected, alias);
}
for (const alias of ['aes192', 'des3', 'des-ede3', 'des-ede3-ecb']) {
  assert.ok(ciphers.includes(alias), alias);
}
