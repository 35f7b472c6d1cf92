// Block and stream cipher modes (non-AEAD): round trips, wrong key/IV lengths, padding.
'use strict';

const crypto = require('crypto');
const { K16, K24, K32, K64, IV8, IV16, PT, concat, tamper } = require('./_util');

const area = 'cipher';
const c = (id, desc, run) => ({ id: `cipher.${id}`, area, desc, run });

const enc = (alg, key, iv, data, opts) => concat(crypto.createCipheriv(alg, key, iv, opts), data);
const dec = (alg, key, iv, data, opts) => concat(crypto.createDecipheriv(alg, key, iv, opts), data);
const noPad = (obj, data) => {
  obj.setAutoPadding(false);
  return concat(obj, data);
};
// A case that only creates an object reports its class name.
const made = (obj) => obj.constructor.name;
const cbc = () => enc('aes-128-cbc', K16, IV16, PT);
const K16b = Buffer.from('ffeeddccbbaa99887766554433221100', 'hex');

module.exports = [
  c('aes-128-cbc', 'AES-128-CBC encrypt of an odd-length input', () => cbc()),
  c('aes-128-cbc-decrypt', 'AES-128-CBC round trip', () => dec('aes-128-cbc', K16, IV16, cbc())),
  c('aes-128-cbc-wrong-key', 'AES-128-CBC decrypt with the wrong key (bad padding)',
    () => dec('aes-128-cbc', K16b, IV16, cbc())),
  c('aes-128-cbc-bad-padding', 'AES-128-CBC decrypt with the last ciphertext byte flipped',
    () => dec('aes-128-cbc', K16, IV16, tamper(cbc()))),
  c('aes-256-cbc-truncated', 'AES-256-CBC decrypt of a ciphertext cut mid-block',
    () => dec('aes-256-cbc', K32, IV16, enc('aes-256-cbc', K32, IV16, PT).subarray(0, 40))),
  c('aes-128-cbc-decrypt-empty', 'AES-128-CBC decrypt of no input at all',
    () => dec('aes-128-cbc', K16, IV16, Buffer.alloc(0))),
  c('aes-128-cbc-encrypt-empty', 'AES-128-CBC encrypt of no input (one padding block)',
    () => enc('aes-128-cbc', K16, IV16, Buffer.alloc(0))),
  c('aes-128-cbc-nopad-partial-encrypt', 'setAutoPadding(false) encrypt of 43 bytes (partial block)',
    () => noPad(crypto.createCipheriv('aes-128-cbc', K16, IV16), PT)),
  c('aes-128-cbc-nopad-partial-decrypt', 'setAutoPadding(false) decrypt of 40 bytes (partial block)',
    () => noPad(crypto.createDecipheriv('aes-128-cbc', K16, IV16), Buffer.alloc(40, 1))),
  c('aes-128-cbc-nopad-full', 'setAutoPadding(false) encrypt of exactly two blocks',
    () => noPad(crypto.createCipheriv('aes-128-cbc', K16, IV16), PT.subarray(0, 32))),
  c('aes-128-cbc-nopad-decrypt-padded', 'setAutoPadding(false) decrypt keeps the PKCS#7 padding',
    () => noPad(crypto.createDecipheriv('aes-128-cbc', K16, IV16), cbc())),
  c('aes-128-cbc-key-15', 'AES-128-CBC with a 15-byte key',
    () => made(crypto.createCipheriv('aes-128-cbc', K16.subarray(0, 15), IV16))),
  c('aes-256-cbc-key-16', 'AES-256-CBC with a 16-byte key',
    () => made(crypto.createCipheriv('aes-256-cbc', K16, IV16))),
  c('aes-128-cbc-iv-8', 'AES-128-CBC with an 8-byte IV', () => made(crypto.createCipheriv('aes-128-cbc', K16, IV8))),
  c('aes-128-cbc-iv-null', 'AES-128-CBC with a null IV', () => made(crypto.createCipheriv('aes-128-cbc', K16, null))),
  c('aes-128-ecb', 'AES-128-ECB with a null IV', () => enc('aes-128-ecb', K16, null, PT)),
  c('aes-128-ecb-with-iv', 'AES-128-ECB given a 16-byte IV',
    () => made(crypto.createCipheriv('aes-128-ecb', K16, IV16))),
  c('aes-192-ctr', 'AES-192-CTR of an odd-length input', () => enc('aes-192-ctr', K24, IV16, PT)),
  c('aes-256-ofb', 'AES-256-OFB of an odd-length input', () => enc('aes-256-ofb', K32, IV16, PT)),
  c('aes-128-cfb', 'AES-128-CFB', () => enc('aes-128-cfb', K16, IV16, PT)),
  c('aes-128-cfb8', 'AES-128-CFB8', () => enc('aes-128-cfb8', K16, IV16, PT)),
  c('aes-128-cfb1', 'AES-128-CFB1', () => enc('aes-128-cfb1', K16, IV16, PT)),
  c('aes-256-xts', 'AES-256-XTS of 43 bytes', () => enc('aes-256-xts', K64, IV16, PT)),
  c('aes-256-xts-short', 'AES-256-XTS of 15 bytes (below one block)',
    () => enc('aes-256-xts', K64, IV16, PT.subarray(0, 15))),
  c('aes-128-xts-duplicate-key', 'AES-128-XTS with two equal key halves',
    () => enc('aes-128-xts', Buffer.concat([K16, K16]), IV16, PT)),
  c('unknown', 'createCipheriv of an unknown cipher name', () => made(crypto.createCipheriv('aes-128-foo', K16, IV16))),
  c('chacha20', 'ChaCha20 (16-byte IV: counter + nonce)', () => enc('chacha20', K32, IV16, PT)),
  c('chacha20-iv-12', 'ChaCha20 with a 12-byte IV', () => enc('chacha20', K32, IV16.subarray(0, 12), PT)),
  c('aes192', "'aes192' alias of AES-192-CBC", () => enc('aes192', K24, IV16, PT)),
  c('aes256', "'aes256' alias of AES-256-CBC", () => enc('aes256', K32, IV16, PT)),
  c('des3', "'des3' alias of DES-EDE3-CBC", () => enc('des3', K24, IV8, PT)),
  c('des-ede3', "'des-ede3' (3-key 3DES, ECB)", () => enc('des-ede3', K24, null, PT)),
  c('des-ede3-ecb', "'des-ede3-ecb'", () => enc('des-ede3-ecb', K24, null, PT)),
  c('des-ede3-cbc', "'des-ede3-cbc'", () => enc('des-ede3-cbc', K24, IV8, PT)),
  c('des-ede-cbc', "'des-ede-cbc' (2-key 3DES)", () => enc('des-ede-cbc', K16, IV8, PT)),
  c('des-ede3-cbc-key-16', "'des-ede3-cbc' with a 16-byte key",
    () => made(crypto.createCipheriv('des-ede3-cbc', K16, IV8))),
  c('des-cbc', "'des-cbc' (single DES; OpenSSL 3 legacy provider)", () => enc('des-cbc', K16.subarray(0, 8), IV8, PT)),
  c('bf-cbc', "'bf-cbc' (Blowfish; OpenSSL 3 legacy provider)", () => enc('bf-cbc', K16, IV8, PT)),
  c('rc4', "'rc4' (OpenSSL 3 legacy provider)", () => enc('rc4', K16, null, PT)),
  c('aes128-wrap', 'id-aes128-wrap (RFC 3394) of 16 bytes',
    () => enc('id-aes128-wrap', K16, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'), K16b)),
  c('aes256-wrap-pad', 'id-aes256-wrap-pad (RFC 5649) of 5 bytes',
    () => enc('id-aes256-wrap-pad', K32, Buffer.from('a65959a6', 'hex'), PT.subarray(0, 5))),
  c('aes128-wrap-12-bytes', 'id-aes128-wrap of 12 bytes (not a multiple of 8)',
    () => enc('id-aes128-wrap', K16, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'), PT.subarray(0, 12))),
  c('aes128-unwrap-corrupt', 'id-aes128-wrap unwrap of a tampered wrapped key', () => {
    const iv = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
    return dec('id-aes128-wrap', K16, iv, tamper(enc('id-aes128-wrap', K16, iv, K16b), 3));
  }),
  c('info-aes-128-gcm', "getCipherInfo('aes-128-gcm')", () => crypto.getCipherInfo('aes-128-gcm')),
  c('info-chacha20-poly1305', "getCipherInfo('chacha20-poly1305')", () => crypto.getCipherInfo('chacha20-poly1305')),
  c('info-aes-128-ccm', "getCipherInfo('aes-128-ccm') (default IV length)", () => crypto.getCipherInfo('aes-128-ccm')),
  c('info-des-ede3-ecb', "getCipherInfo('des-ede3-ecb')", () => crypto.getCipherInfo('des-ede3-ecb')),
  c('info-bad-keylength', "getCipherInfo('aes-128-cbc', { keyLength: 17 }) (undefined)",
    () => crypto.getCipherInfo('aes-128-cbc', { keyLength: 17 })),
  c('update-after-final', 'Cipher update() after final()', () => {
    const ci = crypto.createCipheriv('aes-128-cbc', K16, IV16);
    ci.final();
    return ci.update(PT);
  }),
  c('final-twice', 'Cipher final() twice', () => {
    const ci = crypto.createCipheriv('aes-128-cbc', K16, IV16);
    ci.final();
    return ci.final();
  }),
  c('setautopadding-after-final', 'setAutoPadding() after final()', () => {
    const ci = crypto.createCipheriv('aes-128-cbc', K16, IV16);
    ci.final();
    return made(ci.setAutoPadding(false));
  }),
  c('hex-input-output', 'AES-128-CTR with hex input and base64 output', () => {
    const ci = crypto.createCipheriv('aes-128-ctr', K16, IV16);
    return ci.update(PT.toString('hex'), 'hex', 'base64') + ci.final('base64');
  }),
];
