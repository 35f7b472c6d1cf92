// Key and prime generation: parameter errors. Generated keys are random, so a success
// reports the key type and asymmetricKeyDetails only.
'use strict';

const crypto = require('crypto');
const { viaCallback } = require('./_util');

const area = 'keygen';
const c = (id, desc, run) => ({ id: `keygen.${id}`, area, desc, run });

const details = ({ publicKey }) => ({ type: publicKey.asymmetricKeyType, details: publicKey.asymmetricKeyDetails });
const pair = (type, opts) => details(crypto.generateKeyPairSync(type, opts));
const pairAsync = (type, opts) => viaCallback((cb) => crypto.generateKeyPair(type, opts, cb))
  .then(([publicKey]) => details({ publicKey }));

module.exports = [
  c('rsa-512', "generateKeyPairSync('rsa', { modulusLength: 512 })", () => pair('rsa', { modulusLength: 512 })),
  c('rsa-256', "generateKeyPairSync('rsa', { modulusLength: 256 })", () => pair('rsa', { modulusLength: 256 })),
  c('rsa-1025', 'RSA with an odd modulusLength 1025', () => pair('rsa', { modulusLength: 1025 })),
  c('rsa-exponent-3', 'RSA-512 with publicExponent 3', () => pair('rsa', { modulusLength: 512, publicExponent: 3 })),
  c('rsa-exponent-1', 'RSA-512 with publicExponent 1', () => pair('rsa', { modulusLength: 512, publicExponent: 1 })),
  c('rsa-exponent-even', 'RSA-512 with publicExponent 4', () => pair('rsa', { modulusLength: 512, publicExponent: 4 })),
  c('rsa-exponent-1-async', 'generateKeyPair (callback) RSA-512 with publicExponent 1',
    () => pairAsync('rsa', { modulusLength: 512, publicExponent: 1 })),
  c('rsa-pss', 'RSA-PSS 512 with SHA-256 / MGF1 SHA-256 / salt 16',
    () => pair('rsa-pss', { modulusLength: 512, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256',
                            saltLength: 16 })),
  c('rsa-pss-unknown-hash', "RSA-PSS with hashAlgorithm 'sha257'",
    () => pair('rsa-pss', { modulusLength: 512, hashAlgorithm: 'sha257' })),
  c('rsa-pss-unknown-mgf1', "RSA-PSS with mgf1HashAlgorithm 'sha257'",
    () => pair('rsa-pss', { modulusLength: 512, mgf1HashAlgorithm: 'sha257' })),
  c('rsa-pss-salt-too-big', 'RSA-PSS 512 with SHA-512 and saltLength 64', () =>
    pair('rsa-pss', { modulusLength: 512, hashAlgorithm: 'sha512', saltLength: 64 })),
  c('ec-unknown-curve', "EC on namedCurve 'foo'", () => pair('ec', { namedCurve: 'foo' })),
  c('ec-p256', 'EC on P-256 (NIST name)', () => pair('ec', { namedCurve: 'P-256' })),
  c('ec-brainpoolP256r1', 'EC on brainpoolP256r1', () => pair('ec', { namedCurve: 'brainpoolP256r1' })),
  c('ec-brainpoolP512r1-async', 'EC on brainpoolP512r1 (callback)',
    () => pairAsync('ec', { namedCurve: 'brainpoolP512r1' })),
  c('ec-secp256k1', 'EC on secp256k1', () => pair('ec', { namedCurve: 'secp256k1' })),
  c('ec-explicit', "EC on P-256 with paramEncoding 'explicit'",
    () => pair('ec', { namedCurve: 'prime256v1', paramEncoding: 'explicit' })),
  c('ec-explicit-export', "EC P-256 paramEncoding 'explicit' exported as SPKI DER (length)", () =>
    crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1', paramEncoding: 'explicit',
                                        publicKeyEncoding: { format: 'der', type: 'spki' },
                                        privateKeyEncoding: { format: 'der', type: 'sec1' } }).publicKey.length),
  c('ec-bad-param-encoding', "EC with paramEncoding 'foo'",
    () => pair('ec', { namedCurve: 'P-256', paramEncoding: 'foo' })),
  c('ed25519', 'Ed25519', () => pair('ed25519')),
  c('x25519', 'X25519', () => pair('x25519')),
  c('ed448', 'Ed448', () => pair('ed448')),
  c('x448', 'X448', () => pair('x448')),
  c('dsa-1024', 'DSA 1024/160', () => pair('dsa', { modulusLength: 1024, divisorLength: 160 })),
  c('dsa-divisor-1', 'DSA 1024 with divisorLength 1', () => pair('dsa', { modulusLength: 1024, divisorLength: 1 })),
  c('dh-group', "DH keys of group 'modp14'", () => pair('dh', { group: 'modp14' })),
  c('dh-group-unknown', "DH keys of group 'modp99'", () => pair('dh', { group: 'modp99' })),
  c('dh-prime-length-256', 'DH keys with primeLength 256', () => pair('dh', { primeLength: 256 })),
  c('dh-prime-7', 'DH keys with prime Buffer.from([7])', () => pair('dh', { prime: Buffer.from([7]) })),
  c('encoding-unknown-cipher', 'EC keys encoded with cipher aes-128-foo', () => crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-128-foo', passphrase: 'x' } })),
  c('hmac-length-7', "generateKeySync('hmac', { length: 7 })", () => crypto.generateKeySync('hmac', { length: 7 })),
  c('aes-length-100', "generateKeySync('aes', { length: 100 })", () => crypto.generateKeySync('aes', { length: 100 })),
  c('check-prime-7', 'checkPrimeSync(7n)', () => crypto.checkPrimeSync(7n)),
  c('check-prime-mersenne', 'checkPrimeSync(2^127-1)', () => crypto.checkPrimeSync(2n ** 127n - 1n)),
  c('check-prime-composite', 'checkPrimeSync(2^127+1)', () => crypto.checkPrimeSync(2n ** 127n + 1n)),
  c('check-prime-0', 'checkPrimeSync(0n)', () => crypto.checkPrimeSync(0n)),
  c('generate-prime-add-too-big', 'generatePrimeSync(3, { add: 16n })',
    () => crypto.generatePrimeSync(3, { add: 16n })),
  c('generate-prime-1', 'generatePrimeSync(1)', () => crypto.generatePrimeSync(1)),
  c('generate-prime-safe', 'generatePrimeSync(32, { safe: true }) is prime (checkPrime)', () =>
    crypto.checkPrimeSync(crypto.generatePrimeSync(32, { safe: true, bigint: true }))),
];
