// WebCrypto (crypto.subtle): rejections of importKey, usages, decrypt, derive and generateKey.
// A DOMException's code is its legacy number; name is what programs test.
'use strict';

const crypto = require('crypto');
const fx = require('../fixtures');
const { K16, K32, IV12, IV16, PT, AAD, tamper } = require('./_util');

const { subtle } = crypto.webcrypto;
const area = 'webcrypto';
const c = (id, desc, run) => ({ id: `webcrypto.${id}`, area, desc, run });

const aesKey = (name, raw = K16, usages = ['encrypt', 'decrypt']) =>
  subtle.importKey('raw', raw, { name }, true, usages);
const GCM = { name: 'AES-GCM', iv: IV12, additionalData: AAD };
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' };
const gcmSeal = async () => Buffer.from(await subtle.encrypt(GCM, await aesKey('AES-GCM'), PT));
const pkcs8 = (pem) => fx.der(pem);
const spki = (pem) => fx.der(pem);
const buf = (p) => p.then((ab) => Buffer.from(ab));

module.exports = [
  c('aes-gcm-encrypt', 'AES-GCM encrypt (fixed IV)', () => gcmSeal()),
  c('aes-gcm-decrypt', 'AES-GCM round trip', async () =>
    buf(subtle.decrypt(GCM, await aesKey('AES-GCM'), await gcmSeal()))),
  c('aes-gcm-wrong-tag', 'AES-GCM decrypt with a flipped tag bit', async () =>
    subtle.decrypt(GCM, await aesKey('AES-GCM'), tamper(await gcmSeal()))),
  c('aes-gcm-tag-96', 'AES-GCM with tagLength 96', async () =>
    buf(subtle.encrypt({ name: 'AES-GCM', iv: IV12, tagLength: 96 }, await aesKey('AES-GCM'), PT))),
  c('aes-gcm-tag-100', 'AES-GCM with tagLength 100', async () =>
    subtle.encrypt({ name: 'AES-GCM', iv: IV12, tagLength: 100 }, await aesKey('AES-GCM'), PT)),
  c('aes-gcm-short-ct', 'AES-GCM decrypt of 8 bytes (shorter than the tag)', async () =>
    subtle.decrypt({ name: 'AES-GCM', iv: IV12 }, await aesKey('AES-GCM'), Buffer.alloc(8))),
  c('aes-cbc-encrypt', 'AES-CBC encrypt',
    async () => buf(subtle.encrypt({ name: 'AES-CBC', iv: IV16 }, await aesKey('AES-CBC'), PT))),
  c('aes-cbc-bad-padding', 'AES-CBC decrypt with the wrong key (bad padding)', async () => {
    const ct = await subtle.encrypt({ name: 'AES-CBC', iv: IV16 }, await aesKey('AES-CBC'), PT);
    return subtle.decrypt({ name: 'AES-CBC', iv: IV16 }, await aesKey('AES-CBC', K32.subarray(16)), ct);
  }),
  c('aes-cbc-partial-block', 'AES-CBC decrypt of 20 bytes', async () =>
    subtle.decrypt({ name: 'AES-CBC', iv: IV16 }, await aesKey('AES-CBC'), Buffer.alloc(20))),
  c('aes-cbc-iv-12', 'AES-CBC with a 12-byte IV',
    async () => subtle.encrypt({ name: 'AES-CBC', iv: IV12 }, await aesKey('AES-CBC'), PT)),
  c('aes-ctr-length-0', 'AES-CTR with length 0', async () =>
    subtle.encrypt({ name: 'AES-CTR', counter: IV16, length: 0 }, await aesKey('AES-CTR'), PT)),
  c('aes-ctr', 'AES-CTR with length 64', async () =>
    buf(subtle.encrypt({ name: 'AES-CTR', counter: IV16, length: 64 }, await aesKey('AES-CTR'), PT))),
  c('import-aes-17', 'importKey raw AES-GCM of 17 bytes', () => aesKey('AES-GCM', Buffer.alloc(17))),
  c('import-aes-wrong-usage', "importKey raw AES-GCM with usage 'sign'", () => aesKey('AES-GCM', K16, ['sign'])),
  c('import-aes-kw-export', 'importKey raw AES-KW + exportKey', async () =>
    buf(subtle.exportKey('raw', await subtle.importKey('raw', K32, 'AES-KW', true, ['wrapKey'])))),
  c('import-spki-garbage', 'importKey spki of garbage bytes (ECDSA)', () =>
    subtle.importKey('spki', Buffer.from('3003020101', 'hex'), ECDSA, true, ['verify'])),
  c('import-pkcs8-garbage', 'importKey pkcs8 of garbage bytes (RSA-PSS)', () =>
    subtle.importKey('pkcs8', Buffer.alloc(40, 0x30), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['sign'])),
  c('import-pkcs8-rsa', 'importKey pkcs8 RSASSA-PKCS1-v1_5', () =>
    subtle.importKey('pkcs8', pkcs8(fx.rsa), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])),
  c('import-pkcs8-rsa-encrypt-usage', "importKey pkcs8 RSASSA-PKCS1-v1_5 with usage 'encrypt'", () =>
    subtle.importKey('pkcs8', pkcs8(fx.rsa), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['encrypt'])),
  c('import-pkcs8-ec-as-rsa', 'importKey pkcs8 of an EC key as RSA-PSS', () =>
    subtle.importKey('pkcs8', pkcs8(fx.ec), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign'])),
  c('import-spki-wrong-curve', 'importKey spki P-256 key as P-384', () =>
    subtle.importKey('spki', spki(fx.ecSpki), { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify'])),
  c('import-jwk-bad', 'importKey jwk EC without y', () =>
    subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: 'AAAA' }, ECDSA, true, ['verify'])),
  c('import-ed25519-raw-31', 'importKey raw Ed25519 of 31 bytes', () =>
    subtle.importKey('raw', Buffer.alloc(31), { name: 'Ed25519' }, true, ['verify'])),
  c('import-ec-raw-bad-point', 'importKey raw P-256 point not on the curve', () =>
    subtle.importKey('raw', Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]),
                     { name: 'ECDH', namedCurve: 'P-256' }, true, [])),
  c('ecdsa-sign-verify', 'ECDSA P-256 sign + verify', async () => {
    const priv = await subtle.importKey('pkcs8', pkcs8(fx.ec), ECDSA, false, ['sign']);
    const pub = await subtle.importKey('spki', spki(fx.ecSpki), ECDSA, false, ['verify']);
    const sig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, priv, PT);
    return subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, PT);
  }),
  c('ed25519-sign', 'Ed25519 sign (deterministic)', async () => {
    const priv = await subtle.importKey('pkcs8', pkcs8(fx.ed25519), { name: 'Ed25519' }, false, ['sign']);
    return buf(subtle.sign('Ed25519', priv, PT));
  }),
  c('sign-with-public', 'sign with a public CryptoKey', async () => {
    const pub = await subtle.importKey('spki', spki(fx.ecSpki), ECDSA, false, ['verify']);
    return subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pub, PT);
  }),
  c('rsa-oaep-decrypt-garbage', 'RSA-OAEP decrypt of garbage', async () => {
    const priv = await subtle.importKey('pkcs8', pkcs8(fx.rsa), { name: 'RSA-OAEP', hash: 'SHA-256' }, false,
                                        ['decrypt']);
    return subtle.decrypt({ name: 'RSA-OAEP' }, priv, Buffer.alloc(256, 0x11));
  }),
  c('ecdh-derive-wrong-curve', 'deriveBits ECDH P-256 private with a P-384 public key', async () => {
    const priv = await subtle.importKey('pkcs8', pkcs8(fx.ec), { name: 'ECDH', namedCurve: 'P-256' }, false,
                                        ['deriveBits']);
    const p384 = crypto.createPublicKey(fx.ec384).export({ format: 'der', type: 'spki' });
    const pub = await subtle.importKey('spki', p384, { name: 'ECDH', namedCurve: 'P-384' }, false, []);
    return subtle.deriveBits({ name: 'ECDH', public: pub }, priv, 256);
  }),
  c('pbkdf2-iterations-0', 'deriveBits PBKDF2 with 0 iterations', async () => {
    const key = await subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2', false, ['deriveBits']);
    return subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: AAD, iterations: 0 }, key, 256);
  }),
  c('pbkdf2', 'deriveBits PBKDF2-SHA-256', async () => {
    const key = await subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2', false, ['deriveBits']);
    return buf(subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: AAD, iterations: 10 }, key, 256));
  }),
  c('hkdf-length-7', 'deriveBits HKDF of 7 bits', async () => {
    const key = await subtle.importKey('raw', K32, 'HKDF', false, ['deriveBits']);
    return subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: AAD, info: AAD }, key, 7);
  }),
  c('digest-sha256', "digest('SHA-256')", () => buf(subtle.digest('SHA-256', PT))),
  c('digest-unknown', "digest('SHA-0')", () => subtle.digest('SHA-0', PT)),
  c('generate-aes-100', 'generateKey AES-GCM length 100',
    () => subtle.generateKey({ name: 'AES-GCM', length: 100 }, true, ['encrypt'])),
  c('generate-rsa-exponent-1', 'generateKey RSA-PSS with publicExponent 1', () =>
    subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1]), hash: 'SHA-256' },
                       true, ['sign'])),
  c('generate-ec-unknown-curve', 'generateKey ECDSA on P-999', () =>
    subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-999' }, true, ['sign'])),
  c('wrap-aes-kw-odd', 'wrapKey AES-KW of a 15-byte HMAC key (not a multiple of 8)', async () => {
    const kek = await subtle.importKey('raw', K16, 'AES-KW', false, ['wrapKey']);
    const hmac = await subtle.importKey('raw', Buffer.alloc(15, 1), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    return subtle.wrapKey('raw', hmac, kek, 'AES-KW');
  }),
  c('wrap-aes-kw', 'wrapKey AES-KW of a 16-byte AES key', async () => {
    const kek = await subtle.importKey('raw', K16, 'AES-KW', false, ['wrapKey']);
    return buf(subtle.wrapKey('raw', await aesKey('AES-GCM', K32.subarray(0, 16)), kek, 'AES-KW'));
  }),
  c('unwrap-aes-kw-corrupt', 'unwrapKey AES-KW of a tampered key', async () => {
    const kek = await subtle.importKey('raw', K16, 'AES-KW', false, ['wrapKey', 'unwrapKey']);
    const inner = await aesKey('AES-GCM', K32.subarray(0, 16));
    const wrapped = Buffer.from(await subtle.wrapKey('raw', inner, kek, 'AES-KW'));
    return subtle.unwrapKey('raw', tamper(wrapped, 2), kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
  }),
  c('x25519-derive-zero', 'deriveBits X25519 with the all-zero public key', async () => {
    const priv = await subtle.importKey('pkcs8', pkcs8(fx.x25519), { name: 'X25519' }, false, ['deriveBits']);
    const pub = await subtle.importKey('raw', Buffer.alloc(32), { name: 'X25519' }, false, []);
    return subtle.deriveBits({ name: 'X25519', public: pub }, priv, 256);
  }),
];
