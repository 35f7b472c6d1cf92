'use strict';
// Diffie-Hellman over a modulus of fewer than 512 bits is refused as OpenSSL 3 refuses it
// (DH_MIN_MODULUS_BITS): no parameters, no keys, verifyError flags it.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

const DH_MODULUS_TOO_SMALL = 0x80;

// Generating parameters of fewer than 512 bits.
for (const bits of [32, 256, 511]) {
  assert.throws(() => crypto.createDiffieHellman(bits),
                { code: 'ERR_INVALID_ARG_VALUE', message: /Invalid DH parameters/ });
}

// Given primes of fewer than 512 bits: flagged, and no keys.
for (const prime of [Buffer.from([7]), Buffer.from([0x7f]),
                     // 2^127 - 1, a Mersenne prime
                     Buffer.from('7fffffffffffffffffffffffffffffff', 'hex')]) {
  const dh = crypto.createDiffieHellman(prime);
  assert.ok(dh.verifyError & DH_MODULUS_TOO_SMALL, `verifyError ${dh.verifyError}`);
  assert.throws(() => dh.generateKeys(), { code: 'ERR_CRYPTO_OPERATION_FAILED' });
}
assert.ok(crypto.createDiffieHellman(Buffer.from([8])).verifyError & DH_MODULUS_TOO_SMALL);

// Key generation jobs (their errors carry the library's code with this series; stock
// Node's job errors have none, so only the reason is checked).
assert.throws(() => crypto.generateKeyPairSync('dh', { primeLength: 256 }),
              { message: /modulus too small|MODULUS_TOO_SMALL/i });
assert.throws(() => crypto.generateKeyPairSync('dh', { prime: Buffer.from([7]) }),
              { message: /modulus too small|MODULUS_TOO_SMALL/i });

// RSA keys under 512 bits are not generated either.
assert.throws(() => crypto.generateKeyPairSync('rsa', { modulusLength: 256 }),
              { message: /key size too small|KEY_SIZE_TOO_SMALL/i });

// 512 bits and more work.
crypto.createDiffieHellman(crypto.getDiffieHellman('modp1').getPrime()).generateKeys();
assert.strictEqual(crypto.generateKeyPairSync('rsa', { modulusLength: 512 })
  .privateKey.asymmetricKeyDetails.modulusLength, 512);
