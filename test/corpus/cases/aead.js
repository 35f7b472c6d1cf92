// AEAD ciphers (GCM, CCM, ChaCha20-Poly1305, OCB): empty / detached / odd-length inputs,
// tag handling, IV and tag length limits.
'use strict';

const crypto = require('crypto');
const { K16, K32, IV12, PT, AAD, tamper } = require('./_util');

const area = 'aead';
const c = (id, desc, run) => ({ id: `aead.${id}`, area, desc, run });

// Encrypt: ciphertext || tag.
function seal(alg, key, iv, data, { aad = AAD, tagLength, updates, ccm = false } = {}) {
  const opts = tagLength === undefined ? undefined : { authTagLength: tagLength };
  const ci = crypto.createCipheriv(alg, key, iv, opts);
  if (aad) ci.setAAD(aad, ccm ? { plaintextLength: data.length } : undefined);
  const parts = (updates || [data]).map((u) => ci.update(u));
  parts.push(ci.final());
  return Buffer.concat([...parts, ci.getAuthTag()]);
}

function open(alg, key, iv, sealed, { aad = AAD, tagLength = 16, tag, ccm = false } = {}) {
  const ct = sealed.subarray(0, sealed.length - tagLength);
  const de = crypto.createDecipheriv(alg, key, iv, ccm || tagLength !== 16 ? { authTagLength: tagLength } : undefined);
  de.setAuthTag(tag || sealed.subarray(sealed.length - tagLength));
  if (aad) de.setAAD(aad, ccm ? { plaintextLength: ct.length } : undefined);
  return Buffer.concat([de.update(ct), de.final()]);
}

const gcm = () => seal('aes-128-gcm', K16, IV12, PT);
const ccm = () => seal('aes-128-ccm', K16, IV12, PT, { tagLength: 16, ccm: true });
const chacha = () => seal('chacha20-poly1305', K32, IV12, PT, { tagLength: 16 });

module.exports = [
  // GCM
  c('gcm-seal', 'AES-128-GCM encrypt with AAD of 43 bytes', () => gcm()),
  c('gcm-open', 'AES-128-GCM round trip', () => open('aes-128-gcm', K16, IV12, gcm())),
  c('gcm-empty-plaintext', 'AES-128-GCM with AAD only (no plaintext)',
    () => seal('aes-128-gcm', K16, IV12, Buffer.alloc(0))),
  c('gcm-empty-all', 'AES-128-GCM with neither AAD nor plaintext',
    () => seal('aes-128-gcm', K16, IV12, Buffer.alloc(0), { aad: null })),
  c('gcm-empty-update', 'AES-128-GCM with an empty update() before and between the data',
    () => seal('aes-128-gcm', K16, IV12, PT,
               { updates: [Buffer.alloc(0), PT.subarray(0, 7), Buffer.alloc(0), PT.subarray(7)] })),
  c('gcm-odd-updates', 'AES-128-GCM fed 1 + 13 + 29 bytes',
    () => seal('aes-128-gcm', K16, IV12, PT, { updates: [PT.subarray(0, 1), PT.subarray(1, 14), PT.subarray(14)] })),
  c('gcm-open-empty-update', 'AES-128-GCM decrypt with an empty update() first', () => {
    const sealed = gcm();
    const de = crypto.createDecipheriv('aes-128-gcm', K16, IV12);
    de.setAuthTag(sealed.subarray(-16));
    de.setAAD(AAD);
    return Buffer.concat([de.update(Buffer.alloc(0)), de.update(sealed.subarray(0, -16)), de.final()]);
  }),
  c('gcm-wrong-tag', 'AES-128-GCM decrypt with a flipped tag bit', () => open('aes-128-gcm', K16, IV12, tamper(gcm()))),
  c('gcm-wrong-aad', 'AES-128-GCM decrypt with other AAD',
    () => open('aes-128-gcm', K16, IV12, gcm(), { aad: Buffer.from('other') })),
  c('gcm-truncated-ct', 'AES-128-GCM decrypt of a ciphertext one byte short (tag kept)', () => {
    const sealed = gcm();
    return open('aes-128-gcm', K16, IV12, Buffer.concat([sealed.subarray(0, 42), sealed.subarray(-16)]));
  }),
  c('gcm-no-tag', 'AES-128-GCM decrypt without setAuthTag()', () => {
    const de = crypto.createDecipheriv('aes-128-gcm', K16, IV12);
    return Buffer.concat([de.update(gcm().subarray(0, -16)), de.final()]);
  }),
  c('gcm-tag-3-bytes', 'AES-128-GCM setAuthTag() of 3 bytes', () => {
    const de = crypto.createDecipheriv('aes-128-gcm', K16, IV12);
    return de.setAuthTag(Buffer.alloc(3)).constructor.name;
  }),
  c('gcm-tag-length-mismatch', 'AES-128-GCM authTagLength 16 but a 12-byte tag', () => {
    const de = crypto.createDecipheriv('aes-128-gcm', K16, IV12, { authTagLength: 16 });
    return de.setAuthTag(Buffer.alloc(12)).constructor.name;
  }),
  c('gcm-tag-4', 'AES-128-GCM with authTagLength 4',
    () => seal('aes-128-gcm', K16, IV12, PT, { tagLength: 4 })),
  c('gcm-tag-4-open', 'AES-128-GCM authTagLength 4 round trip', () =>
    open('aes-128-gcm', K16, IV12, seal('aes-128-gcm', K16, IV12, PT, { tagLength: 4 }), { tagLength: 4 })),
  c('gcm-tag-5', 'AES-128-GCM with authTagLength 5 (invalid)',
    () => seal('aes-128-gcm', K16, IV12, PT, { tagLength: 5 })),
  c('gcm-iv-1', 'AES-128-GCM with a 1-byte IV', () => seal('aes-128-gcm', K16, IV12.subarray(0, 1), PT)),
  c('gcm-iv-0', 'AES-128-GCM with an empty IV', () => seal('aes-128-gcm', K16, Buffer.alloc(0), PT)),
  c('gcm-iv-64', 'AES-128-GCM with a 64-byte IV', () => seal('aes-128-gcm', K16, Buffer.alloc(64, 7), PT)),
  c('gcm-gettag-before-final', 'AES-128-GCM getAuthTag() before final()', () => {
    const ci = crypto.createCipheriv('aes-128-gcm', K16, IV12);
    ci.update(PT);
    return ci.getAuthTag();
  }),
  c('gcm-setaad-after-update', 'AES-128-GCM setAAD() after update()', () => {
    const ci = crypto.createCipheriv('aes-128-gcm', K16, IV12);
    ci.update(PT);
    ci.setAAD(AAD);
    ci.final();
    return ci.getAuthTag();
  }),
  c('gcm-settag-twice', 'AES-128-GCM setAuthTag() twice', () => {
    const de = crypto.createDecipheriv('aes-128-gcm', K16, IV12);
    de.setAuthTag(Buffer.alloc(16));
    return de.setAuthTag(Buffer.alloc(16)).constructor.name;
  }),
  c('gcm-256-key-16', 'AES-256-GCM with a 16-byte key', () => seal('aes-256-gcm', K16, IV12, PT)),
  c('gcm-256', 'AES-256-GCM encrypt', () => seal('aes-256-gcm', K32, IV12, PT)),
  c('gcm-192', 'AES-192-GCM encrypt', () => seal('aes-192-gcm', K32.subarray(0, 24), IV12, PT)),
  // CCM
  c('ccm-seal', 'AES-128-CCM encrypt (12-byte nonce, 16-byte tag)', () => ccm()),
  c('ccm-open', 'AES-128-CCM round trip', () => open('aes-128-ccm', K16, IV12, ccm(), { ccm: true })),
  c('ccm-wrong-tag', 'AES-128-CCM decrypt with a flipped tag bit',
    () => open('aes-128-ccm', K16, IV12, tamper(ccm()), { ccm: true })),
  c('ccm-no-taglength', 'AES-128-CCM without authTagLength', () => seal('aes-128-ccm', K16, IV12, PT, { ccm: true })),
  c('ccm-tag-5', 'AES-128-CCM with authTagLength 5 (odd)',
    () => seal('aes-128-ccm', K16, IV12, PT, { tagLength: 5, ccm: true })),
  c('ccm-tag-4', 'AES-128-CCM with authTagLength 4',
    () => seal('aes-128-ccm', K16, IV12, PT, { tagLength: 4, ccm: true })),
  c('ccm-iv-6', 'AES-128-CCM with a 6-byte nonce',
    () => seal('aes-128-ccm', K16, IV12.subarray(0, 6), PT, { tagLength: 16, ccm: true })),
  c('ccm-iv-13', 'AES-128-CCM with a 13-byte nonce',
    () => seal('aes-128-ccm', K16, Buffer.alloc(13, 9), PT, { tagLength: 16, ccm: true })),
  c('ccm-iv-14', 'AES-128-CCM with a 14-byte nonce',
    () => seal('aes-128-ccm', K16, Buffer.alloc(14, 9), PT, { tagLength: 16, ccm: true })),
  c('ccm-empty-plaintext', 'AES-128-CCM with AAD and no plaintext',
    () => seal('aes-128-ccm', K16, IV12, Buffer.alloc(0), { tagLength: 16, ccm: true })),
  c('ccm-no-plaintextlength', 'AES-128-CCM setAAD() without plaintextLength', () => {
    const ci = crypto.createCipheriv('aes-128-ccm', K16, IV12, { authTagLength: 16 });
    ci.setAAD(AAD);
    return ci.update(PT);
  }),
  c('ccm-two-updates', 'AES-128-CCM with two update() calls', () =>
    seal('aes-128-ccm', K16, IV12, PT, { tagLength: 16, ccm: true, updates: [PT.subarray(0, 10), PT.subarray(10)] })),
  c('ccm-too-long', 'AES-128-CCM, 13-byte nonce (L=2), 65536-byte plaintext', () =>
    seal('aes-128-ccm', K16, Buffer.alloc(13, 9), Buffer.alloc(65536), { tagLength: 16, ccm: true })),
  c('ccm-256', 'AES-256-CCM encrypt', () => seal('aes-256-ccm', K32, IV12, PT, { tagLength: 16, ccm: true })),
  // ChaCha20-Poly1305
  c('chacha-seal', 'ChaCha20-Poly1305 encrypt of 43 bytes', () => chacha()),
  c('chacha-open', 'ChaCha20-Poly1305 round trip', () => open('chacha20-poly1305', K32, IV12, chacha())),
  c('chacha-wrong-tag', 'ChaCha20-Poly1305 decrypt with a flipped tag bit',
    () => open('chacha20-poly1305', K32, IV12, tamper(chacha()))),
  c('chacha-empty', 'ChaCha20-Poly1305 with AAD only',
    () => seal('chacha20-poly1305', K32, IV12, Buffer.alloc(0), { tagLength: 16 })),
  c('chacha-empty-update', 'ChaCha20-Poly1305 with empty update() calls',
    () => seal('chacha20-poly1305', K32, IV12, PT, { tagLength: 16, updates: [Buffer.alloc(0), PT, Buffer.alloc(0)] })),
  c('chacha-tag-8', 'ChaCha20-Poly1305 with authTagLength 8',
    () => seal('chacha20-poly1305', K32, IV12, PT, { tagLength: 8 })),
  c('chacha-tag-17', 'ChaCha20-Poly1305 with authTagLength 17',
    () => seal('chacha20-poly1305', K32, IV12, PT, { tagLength: 17 })),
  c('chacha-iv-8', 'ChaCha20-Poly1305 with an 8-byte nonce',
    () => seal('chacha20-poly1305', K32, IV12.subarray(0, 8), PT, { tagLength: 16 })),
  c('chacha-iv-16', 'ChaCha20-Poly1305 with a 16-byte nonce',
    () => seal('chacha20-poly1305', K32, Buffer.alloc(16, 3), PT, { tagLength: 16 })),
  c('chacha-key-16', 'ChaCha20-Poly1305 with a 16-byte key',
    () => seal('chacha20-poly1305', K16, IV12, PT, { tagLength: 16 })),
  // OCB
  c('ocb-seal', 'AES-128-OCB encrypt', () => seal('aes-128-ocb', K16, IV12, PT, { tagLength: 16 })),
];
