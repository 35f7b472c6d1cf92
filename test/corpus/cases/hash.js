// Hashes (incl. XOF output lengths), HMAC and the KDFs (PBKDF2, scrypt, HKDF).
'use strict';

const crypto = require('crypto');
const { K16, K32, PT, viaCallback } = require('./_util');

const h = (id, desc, run) => ({ id: `hash.${id}`, area: 'hash', desc, run });
const m = (id, desc, run) => ({ id: `hmac.${id}`, area: 'hmac', desc, run });
const k = (id, desc, run) => ({ id: `kdf.${id}`, area: 'kdf', desc, run });

const digest = (alg, opts) => crypto.createHash(alg, opts).update(PT).digest();
const hmac = (alg, key = K32) => crypto.createHmac(alg, key).update(PT).digest();
const SALT = Buffer.from('corpus salt');

module.exports = [
  h('sha256', 'SHA-256', () => digest('sha256')),
  h('sha1', 'SHA-1', () => digest('sha1')),
  h('md5', 'MD5', () => digest('md5')),
  h('sha224', 'SHA-224', () => digest('sha224')),
  h('sha384', 'SHA-384', () => digest('sha384')),
  h('sha512', 'SHA-512', () => digest('sha512')),
  h('sha512-256', 'SHA-512/256', () => digest('sha512-256')),
  h('sha512-224', 'SHA-512/224', () => digest('sha512-224')),
  h('sha3-256', 'SHA3-256', () => digest('sha3-256')),
  h('sha3-512', 'SHA3-512', () => digest('sha3-512')),
  h('uppercase', "'SHA256' (upper case)", () => digest('SHA256')),
  h('rsa-sha256', "'RSA-SHA256' alias", () => digest('RSA-SHA256')),
  h('md5-sha1', "'md5-sha1' (TLS 1.0 PRF digest)", () => digest('md5-sha1')),
  h('ripemd160', 'RIPEMD-160', () => digest('ripemd160')),
  h('md4', 'MD4 (OpenSSL 3 legacy provider)', () => digest('md4')),
  h('blake2b512', 'BLAKE2b-512', () => digest('blake2b512')),
  h('blake2s256', 'BLAKE2s-256', () => digest('blake2s256')),
  h('sm3', 'SM3', () => digest('sm3')),
  h('whirlpool', 'Whirlpool (OpenSSL 3 legacy provider)', () => digest('whirlpool')),
  h('unknown', "createHash('sha257')", () => digest('sha257')),
  h('shake128', 'SHAKE128, default output length', () => digest('shake128')),
  h('shake256', 'SHAKE256, default output length', () => digest('shake256')),
  h('shake128-len-0', 'SHAKE128, outputLength 0', () => digest('shake128', { outputLength: 0 })),
  h('shake128-len-33', 'SHAKE128, outputLength 33', () => digest('shake128', { outputLength: 33 })),
  h('shake256-len-100', 'SHAKE256, outputLength 100', () => digest('shake256', { outputLength: 100 })),
  h('sha256-len-16', 'SHA-256 with outputLength 16 (not an XOF)', () => digest('sha256', { outputLength: 16 })),
  h('sha256-len-32', 'SHA-256 with outputLength 32 (its own size)', () => digest('sha256', { outputLength: 32 })),
  h('digest-twice', 'Hash digest() twice', () => {
    const hash = crypto.createHash('sha256');
    hash.digest();
    return hash.digest();
  }),
  h('copy-after-digest', 'Hash copy() after digest()', () => {
    const hash = crypto.createHash('sha256');
    hash.digest();
    return hash.copy().digest();
  }),
  h('copy-shake', 'SHAKE256 copy() with another outputLength', () => {
    const hash = crypto.createHash('shake256').update(PT);
    return hash.copy({ outputLength: 5 }).digest();
  }),
  h('oneshot', "crypto.hash('sha1', ...)", () => crypto.hash('sha1', PT)),
  h('oneshot-unknown', "crypto.hash('sha257', ...)", () => crypto.hash('sha257', PT)),
  h('oneshot-shake', "crypto.hash('shake256', ...)", () => crypto.hash('shake256', PT)),
  // HMAC
  m('sha256', 'HMAC-SHA256', () => hmac('sha256')),
  m('sha1-empty-key', 'HMAC-SHA1 with an empty key', () => hmac('sha1', Buffer.alloc(0))),
  m('long-key', 'HMAC-SHA256 with a 200-byte key', () => hmac('sha256', Buffer.alloc(200, 1))),
  m('sha3-256', 'HMAC-SHA3-256', () => hmac('sha3-256')),
  m('sha512-256', 'HMAC-SHA512/256', () => hmac('sha512-256')),
  m('md5', 'HMAC-MD5', () => hmac('md5')),
  m('ripemd160', 'HMAC-RIPEMD160', () => hmac('ripemd160')),
  m('blake2b512', 'HMAC-BLAKE2b-512', () => hmac('blake2b512')),
  m('shake128', 'HMAC-SHAKE128 (an XOF)', () => hmac('shake128')),
  m('unknown', "createHmac('sha257')", () => hmac('sha257')),
  m('keyobject', 'HMAC with a secret KeyObject', () => hmac('sha384', crypto.createSecretKey(K16))),
  m('digest-twice', 'Hmac digest() twice', () => {
    const mac = crypto.createHmac('sha256', K16);
    mac.digest();
    return mac.digest();
  }),
  // KDFs
  k('pbkdf2-sha256', 'PBKDF2-SHA256, 1000 iterations', () => crypto.pbkdf2Sync('pw', SALT, 1000, 32, 'sha256')),
  k('pbkdf2-sha1-empty', 'PBKDF2-SHA1, empty password and salt', () => crypto.pbkdf2Sync('', '', 1, 20, 'sha1')),
  k('pbkdf2-keylen-0', 'PBKDF2 with keylen 0', () => crypto.pbkdf2Sync('pw', SALT, 1, 0, 'sha256')),
  k('pbkdf2-unknown-digest', 'PBKDF2 with digest sha257', () => crypto.pbkdf2Sync('pw', SALT, 1, 32, 'sha257')),
  k('pbkdf2-iterations-0', 'PBKDF2 with 0 iterations', () => crypto.pbkdf2Sync('pw', SALT, 0, 32, 'sha256')),
  k('pbkdf2-keylen-negative', 'PBKDF2 with keylen -1', () => crypto.pbkdf2Sync('pw', SALT, 1, -1, 'sha256')),
  k('pbkdf2-shake128', 'PBKDF2 with the XOF shake128', () => crypto.pbkdf2Sync('pw', SALT, 1, 32, 'shake128')),
  k('pbkdf2-sha3-256', 'PBKDF2-SHA3-256', () => crypto.pbkdf2Sync('pw', SALT, 10, 32, 'sha3-256')),
  k('pbkdf2-async', 'pbkdf2() (callback), SHA-512',
    () => viaCallback((cb) => crypto.pbkdf2('pw', SALT, 100, 64, 'sha512', cb))),
  k('scrypt', 'scrypt N=16 r=1 p=1', () => crypto.scryptSync('pw', SALT, 32, { N: 16, r: 1, p: 1 })),
  k('scrypt-empty', 'scrypt of an empty password and salt', () => crypto.scryptSync('', '', 16, { N: 16 })),
  k('scrypt-n-15', 'scrypt N=15 (not a power of 2)', () => crypto.scryptSync('pw', SALT, 32, { N: 15 })),
  k('scrypt-n-1', 'scrypt N=1', () => crypto.scryptSync('pw', SALT, 32, { N: 1 })),
  k('scrypt-maxmem', 'scrypt N=2^20 r=8 over the default maxmem',
    () => crypto.scryptSync('pw', SALT, 32, { N: 2 ** 20, r: 8 })),
  k('scrypt-p-huge', 'scrypt p=2^30', () => crypto.scryptSync('pw', SALT, 32, { N: 16, r: 8, p: 2 ** 30 })),
  k('scrypt-async-bad', 'scrypt() (callback) with N=15',
    () => viaCallback((cb) => crypto.scrypt('pw', SALT, 32, { N: 15 }, cb))),
  k('hkdf-sha256', 'HKDF-SHA256', () => Buffer.from(crypto.hkdfSync('sha256', K32, SALT, 'info', 42))),
  k('hkdf-empty', 'HKDF with empty key, salt and info', () => Buffer.from(crypto.hkdfSync('sha256', '', '', '', 16))),
  k('hkdf-unknown-digest', 'HKDF with digest sha257', () => crypto.hkdfSync('sha257', K32, SALT, 'info', 42)),
  k('hkdf-max-length', 'HKDF-SHA256 of 255*32 bytes',
    () => Buffer.from(crypto.hkdfSync('sha256', K32, SALT, '', 255 * 32))),
  k('hkdf-too-long', 'HKDF-SHA256 of 255*32+1 bytes', () => crypto.hkdfSync('sha256', K32, SALT, '', 255 * 32 + 1)),
  k('hkdf-info-too-long', 'HKDF with 1025 bytes of info',
    () => crypto.hkdfSync('sha256', K32, SALT, Buffer.alloc(1025), 16)),
  k('hkdf-sha3', 'HKDF-SHA3-256', () => Buffer.from(crypto.hkdfSync('sha3-256', K32, SALT, 'info', 32))),
  k('hkdf-shake', 'HKDF with the XOF shake256', () => Buffer.from(crypto.hkdfSync('shake256', K32, SALT, 'info', 32))),
  k('hkdf-async', 'hkdf() (callback), SHA-512',
    () => viaCallback((cb) => crypto.hkdf('sha512', K32, SALT, 'x', 64, cb)).then((ab) => Buffer.from(ab))),
];
