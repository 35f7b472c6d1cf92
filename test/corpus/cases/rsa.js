// RSA encryption: paddings, OAEP labels and hashes, data too large, padding check failures.
// OAEP and PKCS#1 v1.5 encryption are randomized: compared through the decrypted plaintext.
'use strict';

const crypto = require('crypto');
const fx = require('../fixtures');
const { PT } = require('./_util');

const area = 'rsa';
const c = (id, desc, run) => ({ id: `rsa.${id}`, area, desc, run });

const { RSA_PKCS1_PADDING, RSA_NO_PADDING, RSA_PKCS1_OAEP_PADDING, RSA_PKCS1_PSS_PADDING } = crypto.constants;
const priv = () => crypto.createPrivateKey(fx.rsa);
const pub = () => crypto.createPublicKey(fx.rsaSpki);
const enc = (opts, data = PT) => crypto.publicEncrypt({ key: pub(), ...opts }, data);
const dec = (opts, data) => crypto.privateDecrypt({ key: priv(), ...opts }, data);
// A 256-byte block below the modulus: the raw (no padding) input.
const RAW = Buffer.concat([Buffer.from([0]), Buffer.alloc(255, 0x42)]);

module.exports = [
  c('oaep-roundtrip', 'OAEP (SHA-1) encrypt + decrypt', () => dec({}, enc({}))),
  c('oaep-sha256-roundtrip', 'OAEP SHA-256 encrypt + decrypt',
    () => dec({ oaepHash: 'sha256' }, enc({ oaepHash: 'sha256' }))),
  c('oaep-label-roundtrip', 'OAEP with a label, encrypt + decrypt',
    () => dec({ oaepLabel: Buffer.from('L') }, enc({ oaepLabel: Buffer.from('L') }))),
  c('oaep-wrong-label', 'OAEP decrypt with another label',
    () => dec({ oaepLabel: Buffer.from('M') }, enc({ oaepLabel: Buffer.from('L') }))),
  c('oaep-wrong-hash', 'OAEP SHA-256 ciphertext decrypted as OAEP SHA-1', () => dec({}, enc({ oaepHash: 'sha256' }))),
  c('oaep-unknown-hash', 'OAEP with oaepHash sha257', () => enc({ oaepHash: 'sha257' })),
  c('oaep-shake-hash', 'OAEP with oaepHash shake256', () => enc({ oaepHash: 'shake256' })),
  c('oaep-too-large', 'OAEP SHA-1 encrypt of 215 bytes (max 214)', () => enc({}, Buffer.alloc(215, 1))),
  c('oaep-max', 'OAEP SHA-1 encrypt + decrypt of 214 bytes', () => dec({}, enc({}, Buffer.alloc(214, 1)))),
  c('oaep-garbage', 'OAEP decrypt of 256 garbage bytes', () => dec({}, RAW)),
  c('oaep-short-ct', 'OAEP decrypt of a 255-byte ciphertext', () => dec({}, enc({}).subarray(1))),
  c('pkcs1-roundtrip', 'PKCS#1 v1.5 encrypt + decrypt',
    () => dec({ padding: RSA_PKCS1_PADDING }, enc({ padding: RSA_PKCS1_PADDING }))),
  c('pkcs1-too-large', 'PKCS#1 v1.5 encrypt of 246 bytes (max 245)',
    () => enc({ padding: RSA_PKCS1_PADDING }, Buffer.alloc(246, 1))),
  c('pkcs1-decrypt-garbage', 'PKCS#1 v1.5 decrypt of 256 garbage bytes (implicit rejection or error)',
    () => dec({ padding: RSA_PKCS1_PADDING }, RAW)),
  c('oaep-decrypt-pkcs1-ct', 'PKCS#1 v1.5 ciphertext decrypted with OAEP padding',
    () => dec({}, enc({ padding: RSA_PKCS1_PADDING }))),
  c('no-padding', 'RSA_NO_PADDING encrypt of a 256-byte block (deterministic)',
    () => enc({ padding: RSA_NO_PADDING }, RAW)),
  c('no-padding-roundtrip', 'RSA_NO_PADDING encrypt + decrypt',
    () => dec({ padding: RSA_NO_PADDING }, enc({ padding: RSA_NO_PADDING }, RAW))),
  c('no-padding-short', 'RSA_NO_PADDING encrypt of 255 bytes', () => enc({ padding: RSA_NO_PADDING }, RAW.subarray(1))),
  c('no-padding-too-big', 'RSA_NO_PADDING encrypt of 256 bytes of 0xff (above the modulus)',
    () => enc({ padding: RSA_NO_PADDING }, Buffer.alloc(256, 0xff))),
  c('pss-padding-encrypt', 'publicEncrypt with RSA_PKCS1_PSS_PADDING', () => enc({ padding: RSA_PKCS1_PSS_PADDING })),
  c('private-encrypt', 'privateEncrypt PKCS#1 v1.5 (deterministic)', () => crypto.privateEncrypt(priv(), PT)),
  c('public-decrypt', 'privateEncrypt + publicDecrypt',
    () => crypto.publicDecrypt(pub(), crypto.privateEncrypt(priv(), PT))),
  c('public-decrypt-garbage', 'publicDecrypt of 256 garbage bytes (padding check)',
    () => crypto.publicDecrypt(pub(), RAW)),
  c('public-decrypt-oaep', 'publicDecrypt with RSA_PKCS1_OAEP_PADDING',
    () => crypto.publicDecrypt({ key: pub(), padding: RSA_PKCS1_OAEP_PADDING }, crypto.privateEncrypt(priv(), PT))),
  c('private-encrypt-too-large', 'privateEncrypt of 246 bytes',
    () => crypto.privateEncrypt(priv(), Buffer.alloc(246, 1))),
  c('encrypt-with-ec', 'publicEncrypt with an EC key',
    () => crypto.publicEncrypt(crypto.createPublicKey(fx.ecSpki), PT)),
  c('decrypt-with-public', 'privateDecrypt given a public key', () => crypto.privateDecrypt(pub(), RAW)),
  c('encrypt-pem-string', 'publicEncrypt + privateDecrypt with PEM strings', () =>
    crypto.privateDecrypt(fx.rsaPkcs1, crypto.publicEncrypt(fx.rsaPkcs1Pub, PT))),
  c('encrypt-encrypted-pem-no-pass', 'privateDecrypt with an encrypted PEM and no passphrase',
    () => crypto.privateDecrypt(fx.rsaEncPkcs8, RAW)),
];
