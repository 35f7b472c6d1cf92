// Signatures: RSA PKCS#1 v1.5 / PSS, ECDSA, EdDSA, DSA; digests that do not fit, wrong key
// types. Randomized schemes are compared through verify(), never by signature bytes.
'use strict';

const crypto = require('crypto');
const fx = require('../fixtures');
const { PT, viaCallback } = require('./_util');

const area = 'sign';
const c = (id, desc, run) => ({ id: `sign.${id}`, area, desc, run });

const key = (pem) => crypto.createPrivateKey(pem);
const PSS = crypto.constants.RSA_PKCS1_PSS_PADDING;

// Sign and verify with the matching public key: the verify() result (for randomized schemes).
function roundTrip(alg, pem, opts = {}) {
  const sig = crypto.sign(alg, PT, { key: key(pem), ...opts });
  return crypto.verify(alg, PT, { key: crypto.createPublicKey(pem), ...opts }, sig);
}

module.exports = [
  c('rsa-sha256', 'RSA PKCS#1 v1.5 SHA-256 signature bytes', () => crypto.sign('sha256', PT, key(fx.rsa))),
  c('rsa-sha256-verify', 'RSA PKCS#1 v1.5 SHA-256 sign + verify', () => roundTrip('sha256', fx.rsa)),
  c('rsa-verify-other-data', 'RSA PKCS#1 v1.5 verify over other data',
    () => crypto.verify('sha256', Buffer.from('x'), key(fx.rsa), crypto.sign('sha256', PT, key(fx.rsa)))),
  c('rsa-verify-garbage-sig', 'RSA verify of 256 bytes of 0x01',
    () => crypto.verify('sha256', PT, key(fx.rsa), Buffer.alloc(256, 1))),
  c('rsa-verify-short-sig', 'RSA verify of a 10-byte signature',
    () => crypto.verify('sha256', PT, key(fx.rsa), Buffer.alloc(10, 1))),
  c('rsa-null-digest', 'crypto.sign(null, data, rsaKey)', () => crypto.sign(null, PT, key(fx.rsa))),
  c('rsa-md5', 'RSA PKCS#1 v1.5 MD5 signature', () => crypto.sign('md5', PT, key(fx.rsa))),
  c('rsa-sha1', 'RSA PKCS#1 v1.5 SHA-1 signature', () => crypto.sign('sha1', PT, key(fx.rsa))),
  c('rsa-sha3-256', 'RSA PKCS#1 v1.5 SHA3-256 signature', () => crypto.sign('sha3-256', PT, key(fx.rsa))),
  c('rsa-unknown-digest', "crypto.sign('sha257', ...)", () => crypto.sign('sha257', PT, key(fx.rsa))),
  c('createsign-unknown', "createSign('sha257')", () => crypto.createSign('sha257').constructor.name),
  c('createsign-rsa', 'createSign(RSA-SHA512).sign(pkcs1 PEM)',
    () => crypto.createSign('RSA-SHA512').update(PT).sign(fx.rsaPkcs1)),
  c('rsa512-sha512', 'RSA-512 key, PKCS#1 v1.5 SHA-512 (digest too big)',
    () => crypto.sign('sha512', PT, key(fx.rsa512))),
  c('rsa512-sha256', 'RSA-512 key, PKCS#1 v1.5 SHA-256', () => crypto.sign('sha256', PT, key(fx.rsa512))),
  c('rsa-pss', 'RSA-PSS (padding option) sign + verify', () => roundTrip('sha256', fx.rsa, { padding: PSS })),
  c('rsa-pss-salt-0', 'RSA-PSS with saltLength 0 (deterministic bytes)',
    () => crypto.sign('sha256', PT, { key: key(fx.rsa), padding: PSS, saltLength: 0 })),
  c('rsa-pss-salt-max', 'RSA-PSS with RSA_PSS_SALTLEN_MAX_SIGN, verified with AUTO', () => {
    const sig = crypto.sign('sha256', PT, { key: key(fx.rsa), padding: PSS,
                                           saltLength: crypto.constants.RSA_PSS_SALTLEN_MAX_SIGN });
    return crypto.verify('sha256', PT, { key: key(fx.rsa), padding: PSS,
                                         saltLength: crypto.constants.RSA_PSS_SALTLEN_AUTO }, sig);
  }),
  c('rsa-pss-salt-too-big', 'RSA-PSS with saltLength 1000', () =>
    crypto.sign('sha256', PT, { key: key(fx.rsa), padding: PSS, saltLength: 1000 })),
  c('rsa-pss-verify-wrong-salt', 'RSA-PSS signed with salt 0, verified expecting salt 32', () => {
    const sig = crypto.sign('sha256', PT, { key: key(fx.rsa), padding: PSS, saltLength: 0 });
    return crypto.verify('sha256', PT, { key: key(fx.rsa), padding: PSS, saltLength: 32 }, sig);
  }),
  c('rsa-bad-padding', 'RSA sign with padding 99', () => crypto.sign('sha256', PT, { key: key(fx.rsa), padding: 99 })),
  c('rsa-oaep-padding', 'RSA sign with RSA_PKCS1_OAEP_PADDING',
    () => crypto.sign('sha256', PT, { key: key(fx.rsa), padding: crypto.constants.RSA_PKCS1_OAEP_PADDING })),
  c('rsa-pss-key', 'id-RSASSA-PSS key, sign + verify (restricted to SHA-256)', () => roundTrip('sha256', fx.rsapss)),
  c('rsa-pss-key-wrong-digest', 'id-RSASSA-PSS key restricted to SHA-256, signing with SHA-512',
    () => crypto.sign('sha512', PT, key(fx.rsapss))),
  c('ecdsa', 'ECDSA P-256 SHA-256 sign + verify', () => roundTrip('sha256', fx.ec)),
  c('ecdsa-p1363', 'ECDSA P-384 ieee-p1363 sign + verify',
    () => roundTrip('sha384', fx.ec384, { dsaEncoding: 'ieee-p1363' })),
  c('ecdsa-p1363-length', 'ECDSA ieee-p1363 signature length (P-384)',
    () => crypto.sign('sha384', PT, { key: key(fx.ec384), dsaEncoding: 'ieee-p1363' }).length),
  c('ecdsa-verify-garbage-der', 'ECDSA verify of a non-DER signature', () =>
    crypto.verify('sha256', PT, crypto.createPublicKey(fx.ecSpki), Buffer.alloc(70, 2))),
  c('ecdsa-verify-p1363-wrong-length', 'ECDSA ieee-p1363 verify of a 63-byte signature', () =>
    crypto.verify('sha256', PT, { key: crypto.createPublicKey(fx.ecSpki), dsaEncoding: 'ieee-p1363' },
                  Buffer.alloc(63, 2))),
  c('ecdsa-null-digest', 'crypto.sign(null, data, ecKey) + verify', () => roundTrip(null, fx.ec)),
  c('ecdsa-pss-padding', 'ECDSA with padding RSA_PKCS1_PSS_PADDING, sign + verify', () =>
    roundTrip('sha256', fx.ec, { padding: PSS })),
  c('ed25519', 'Ed25519 signature bytes', () => crypto.sign(null, PT, key(fx.ed25519))),
  c('ed25519-verify', 'Ed25519 sign + verify', () => roundTrip(null, fx.ed25519)),
  c('ed25519-digest', "Ed25519 crypto.sign('sha256', ...)", () => crypto.sign('sha256', PT, key(fx.ed25519))),
  c('ed25519-verify-digest', "Ed25519 crypto.verify('sha512', ...)",
    () => crypto.verify('sha512', PT, key(fx.ed25519), Buffer.alloc(64))),
  c('ed25519-createsign', "createSign('sha256').sign(ed25519Key)",
    () => crypto.createSign('sha256').update(PT).sign(key(fx.ed25519))),
  c('ed25519-verify-short', 'Ed25519 verify of a 63-byte signature',
    () => crypto.verify(null, PT, key(fx.ed25519), Buffer.alloc(63))),
  c('ed448', 'Ed448 signature bytes', () => crypto.sign(null, PT, key(fx.ed448))),
  c('x25519-sign', 'crypto.sign with an X25519 key', () => crypto.sign(null, PT, key(fx.x25519))),
  c('dsa', 'DSA SHA-256 sign + verify', () => roundTrip('sha256', fx.dsa)),
  c('sign-with-public', 'crypto.sign with a public KeyObject',
    () => crypto.sign('sha256', PT, crypto.createPublicKey(fx.rsa))),
  c('sign-with-secret', 'crypto.sign with a secret KeyObject',
    () => crypto.sign('sha256', PT, crypto.createSecretKey(Buffer.alloc(16)))),
  c('verify-rsa-sig-with-ec', 'RSA signature verified with an EC key',
    () => crypto.verify('sha256', PT, crypto.createPublicKey(fx.ecSpki), crypto.sign('sha256', PT, key(fx.rsa)))),
  c('sign-async', 'crypto.sign() with a callback (RSA SHA-384)',
    () => viaCallback((cb) => crypto.sign('sha384', PT, key(fx.rsa), cb))),
  c('sign-async-bad-digest', 'crypto.sign() with a callback, Ed25519 with SHA-256',
    () => viaCallback((cb) => crypto.sign('sha256', PT, key(fx.ed25519), cb))),
];
