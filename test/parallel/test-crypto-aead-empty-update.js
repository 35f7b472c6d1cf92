'use strict';
// An empty update() or setAAD() must not end an AEAD operation early.
// An empty view has no memory behind it, so Node used to hand the library a NULL
// input pointer, which AWS-LC's EVP layer reads as "finish": GCM/CCM then failed
// in final(), and ChaCha20-Poly1305 returned a wrong tag without any error.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

// Every spelling of "nothing" that existing code passes.
const empties = () => [
  new Uint8Array(0),
  Buffer.alloc(0),
  new DataView(new ArrayBuffer(0)),
  '',
];

// Known answers: RFC 8439 2.8.2 and the GCM spec's test case 4.
const vectors = [
  {
    name: 'chacha20-poly1305',
    options: { authTagLength: 16 },
    key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
    iv: '070000004041424344454647',
    aad: '50515253c0c1c2c3c4c5c6c7',
    plaintext: Buffer.from('Ladies and Gentlemen of the class of \'99: If I ' +
                           'could offer you only one tip for the future, ' +
                           'sunscreen would be it.').toString('hex'),
    ciphertext: 'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6' +
                '3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36' +
                '92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc' +
                '3ff4def08e4b7a9de576d26586cec64b6116',
    tag: '1ae10b594f09e26a7e902ecbd0600691',
  },
  {
    name: 'aes-128-gcm',
    key: 'feffe9928665731c6d6a8f9467308308',
    iv: 'cafebabefacedbaddecaf888',
    aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    plaintext: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
               '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    ciphertext: '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e' +
                '21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091',
    tag: '5bc94fbc3221a5db94fae95ae7121a47',
  },
];

for (const v of vectors) {
  const key = Buffer.from(v.key, 'hex');
  const iv = Buffer.from(v.iv, 'hex');
  const aad = Buffer.from(v.aad, 'hex');
  const plaintext = Buffer.from(v.plaintext, 'hex');

  for (const empty of empties()) {
    // Encrypt: empty AAD first, empty updates before, between and after the data.
    const cipher = crypto.createCipheriv(v.name, key, iv, v.options);
    cipher.setAAD(Buffer.alloc(0));
    cipher.setAAD(aad);
    const parts = [
      cipher.update(empty),
      cipher.update(plaintext.subarray(0, 17)),
      cipher.update(empty),
      cipher.update(plaintext.subarray(17)),
      cipher.update(empty),
      cipher.final(),
    ];
    assert.strictEqual(Buffer.concat(parts).toString('hex'), v.ciphertext, v.name);
    assert.strictEqual(cipher.getAuthTag().toString('hex'), v.tag, v.name);

    // Decrypt the same way.
    const decipher = crypto.createDecipheriv(v.name, key, iv, v.options);
    decipher.setAuthTag(Buffer.from(v.tag, 'hex'));
    decipher.setAAD(aad);
    const out = [
      decipher.update(empty),
      decipher.update(Buffer.from(v.ciphertext, 'hex')),
      decipher.update(empty),
      decipher.final(),
    ];
    assert.strictEqual(Buffer.concat(out).toString('hex'), v.plaintext, v.name);
  }

  // An empty message: only AAD, and an empty update.
  const reference = crypto.createCipheriv(v.name, key, iv, v.options);
  reference.setAAD(aad);
  reference.final();
  const cipher = crypto.createCipheriv(v.name, key, iv, v.options);
  cipher.setAAD(aad);
  assert.strictEqual(cipher.update(new Uint8Array(0)).length, 0);
  assert.strictEqual(cipher.final().length, 0);
  assert.deepStrictEqual(cipher.getAuthTag(), reference.getAuthTag());
}

// GCM with 256-bit keys and CCM (a single update with the announced length).
{
  const key = Buffer.alloc(32, 7);
  const iv = Buffer.alloc(12, 1);
  const plaintext = Buffer.from('The quick brown fox jumps over the lazy dog.');
  const oneShot = crypto.createCipheriv('aes-256-gcm', key, iv);
  const expected = Buffer.concat([oneShot.update(plaintext), oneShot.final()]);
  const streamed = crypto.createCipheriv('aes-256-gcm', key, iv);
  const got = Buffer.concat([streamed.update(new Uint8Array(0)), streamed.update(plaintext),
                             streamed.update(new Uint8Array(0)), streamed.final()]);
  assert.deepStrictEqual(got, expected);
  assert.deepStrictEqual(streamed.getAuthTag(), oneShot.getAuthTag());
}

for (const length of [0, 44]) {
  const key = Buffer.alloc(16, 3);
  const iv = Buffer.alloc(12, 2);
  const plaintext = Buffer.alloc(length, 'x');
  const run = (aad) => {
    const cipher = crypto.createCipheriv('aes-128-ccm', key, iv, { authTagLength: 16 });
    cipher.setAAD(aad, { plaintextLength: length });
    const ct = Buffer.concat([cipher.update(plaintext.length ? plaintext : new Uint8Array(0)),
                              cipher.final()]);
    return [ct, cipher.getAuthTag()];
  };
  const [ct1, tag1] = run(Buffer.from('header'));
  const [ct2, tag2] = run(Buffer.alloc(0));
  assert.strictEqual(ct1.length, length);
  assert.deepStrictEqual(ct1, ct2);
  assert.notDeepStrictEqual(tag1, tag2);  // The AAD is authenticated.

  if (crypto.getFips()) {
    // Node refuses CCM decryption in FIPS mode, on any library (crypto_cipher.cc).
    assert.throws(() => crypto.createDecipheriv('aes-128-ccm', key, iv, { authTagLength: 16 }),
                  { code: 'ERR_CRYPTO_UNSUPPORTED_OPERATION' });
    continue;
  }
  const decipher = crypto.createDecipheriv('aes-128-ccm', key, iv, { authTagLength: 16 });
  decipher.setAuthTag(tag2);
  decipher.setAAD(new Uint8Array(0), { plaintextLength: length });
  const pt = Buffer.concat([decipher.update(ct2.length ? ct2 : new Uint8Array(0)),
                            decipher.final()]);
  assert.deepStrictEqual(pt, plaintext);
}

// CCM encrypts the message in one update() of the announced length, which only empty
// updates may follow (as on OpenSSL); anything else fails instead of returning wrong
// ciphertext.
for (const [announced, updates, ok] of [
  [10, [10], true], [10, [10, 0], true], [0, [0, 0], true],
  [10, [10, 5], false], [40, [10, 30], false], [10, [5], false], [10, [20], false],
]) {
  const cipher = crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16, 1), Buffer.alloc(12, 2),
                                       { authTagLength: 16 });
  cipher.setAAD(Buffer.from('a'), { plaintextLength: announced });
  const run = () => {
    for (const n of updates) cipher.update(n ? Buffer.alloc(n, 3) : new Uint8Array(0));
    cipher.final();
  };
  if (ok) run();
  else assert.throws(run, { message: 'Trying to add data in unsupported state' },
                     `${announced} announced, updates ${updates}`);
}

// Non-AEAD modes: empty updates change nothing.
for (const [name, keyLength, ivLength] of [['aes-128-cbc', 16, 16], ['aes-256-ctr', 32, 16],
                                           ['aes-128-ecb', 16, 0]]) {
  const key = Buffer.alloc(keyLength, 5);
  const iv = ivLength ? Buffer.alloc(ivLength, 6) : null;
  const plaintext = Buffer.alloc(40, 'p');
  const a = crypto.createCipheriv(name, key, iv);
  const expected = Buffer.concat([a.update(plaintext), a.final()]);
  const b = crypto.createCipheriv(name, key, iv);
  const got = Buffer.concat([b.update(new Uint8Array(0)), b.update(plaintext),
                             b.update(new Uint8Array(0)), b.final()]);
  assert.deepStrictEqual(got, expected, name);
}
