// Key import and export: PEM / DER / JWK; PKCS#1, PKCS#8, SPKI, SEC1; encrypted keys;
// garbage, truncated and wrong-type input.
'use strict';

const crypto = require('crypto');
const fx = require('../fixtures');

const area = 'keys';
const c = (id, desc, run) => ({ id: `keys.${id}`, area, desc, run });

const priv = (key) => crypto.createPrivateKey(key);
const pub = (key) => crypto.createPublicKey(key);
const half = (s) => s.slice(0, Math.floor(s.length / 2));
const rsaJwk = () => priv(fx.rsa).export({ format: 'jwk' });
const garbage = Buffer.from('30820122300d06092a864886f70d01010105000382010f00', 'hex');  // an SPKI header, cut

module.exports = [
  // Private keys: PEM
  c('rsa-pkcs8-pem', 'RSA private key, PKCS#8 PEM', () => priv(fx.rsa)),
  c('rsa-pkcs1-pem', 'RSA private key, PKCS#1 PEM', () => priv(fx.rsaPkcs1)),
  c('ec-sec1-pem', 'P-256 private key, SEC1 PEM', () => priv(fx.ecSec1)),
  c('ec-pkcs8-pem', 'P-256 private key, PKCS#8 PEM', () => priv(fx.ec)),
  c('ed25519-pem', 'Ed25519 private key, PKCS#8 PEM', () => priv(fx.ed25519)),
  c('x25519-pem', 'X25519 private key, PKCS#8 PEM', () => priv(fx.x25519)),
  c('ed448-pem', 'Ed448 private key, PKCS#8 PEM', () => priv(fx.ed448)),
  c('dsa-pem', 'DSA private key, PKCS#8 PEM', () => priv(fx.dsa)),
  c('rsa-pss-pem', 'RSA-PSS private key (id-RSASSA-PSS), PKCS#8 PEM',
    () => priv(fx.rsapss).asymmetricKeyDetails),
  c('ec-p384-pem', 'P-384 private key, PKCS#8 PEM', () => priv(fx.ec384)),
  c('garbage-pem', "createPrivateKey('not a key')", () => priv('not a key')),
  c('truncated-pem', 'createPrivateKey of the first half of a PKCS#8 PEM', () => priv(half(fx.rsa))),
  c('bad-base64-pem', 'PKCS#8 PEM whose body is not base64',
    () => priv('-----BEGIN PRIVATE KEY-----\n!!!!not base64!!!!\n-----END PRIVATE KEY-----\n')),
  c('pem-wrong-label', 'PKCS#8 body under an EC PRIVATE KEY label',
    () => priv(fx.rsa.replace(/PRIVATE KEY/g, 'EC PRIVATE KEY'))),
  c('public-as-private', 'createPrivateKey of an SPKI PEM', () => priv(fx.rsaSpki)),
  c('cert-as-private', 'createPrivateKey of a certificate', () => priv(fx.server)),
  // Private keys: DER
  c('rsa-pkcs8-der', 'RSA private key, PKCS#8 DER', () => priv({ key: fx.der(fx.rsa), format: 'der', type: 'pkcs8' })),
  c('rsa-pkcs1-der', 'RSA private key, PKCS#1 DER',
    () => priv({ key: fx.der(fx.rsaPkcs1), format: 'der', type: 'pkcs1' })),
  c('ec-sec1-der', 'P-256 private key, SEC1 DER', () => priv({ key: fx.der(fx.ecSec1), format: 'der', type: 'sec1' })),
  c('ec-sec1-der-no-public', 'P-256 SEC1 DER without the optional publicKey',
    () => pub(priv({ key: fx.ecSec1NoPubDer, format: 'der', type: 'sec1' }))),
  c('pkcs8-der-as-pkcs1', 'PKCS#8 DER given as type pkcs1',
    () => priv({ key: fx.der(fx.rsa), format: 'der', type: 'pkcs1' })),
  c('pkcs1-der-as-pkcs8', 'PKCS#1 DER given as type pkcs8',
    () => priv({ key: fx.der(fx.rsaPkcs1), format: 'der', type: 'pkcs8' })),
  c('sec1-der-as-pkcs8', 'SEC1 DER given as type pkcs8',
    () => priv({ key: fx.der(fx.ecSec1), format: 'der', type: 'pkcs8' })),
  c('rsa-pkcs1-der-as-sec1', 'RSA PKCS#1 DER given as type sec1',
    () => priv({ key: fx.der(fx.rsaPkcs1), format: 'der', type: 'sec1' })),
  c('pkcs1-public-der-as-private', 'PKCS#1 RSAPublicKey DER given to createPrivateKey as pkcs1',
    () => priv({ key: fx.der(fx.rsaPkcs1Pub), format: 'der', type: 'pkcs1' })),
  c('empty-pem', "createPrivateKey({ key: '' })", () => priv({ key: '' })),
  c('garbage-der', 'PKCS#8 DER of 24 garbage bytes', () => priv({ key: garbage, format: 'der', type: 'pkcs8' })),
  c('truncated-der', 'PKCS#8 DER cut in half', () => {
    const d = fx.der(fx.rsa);
    return priv({ key: d.subarray(0, d.length >> 1), format: 'der', type: 'pkcs8' });
  }),
  c('empty-der', 'PKCS#8 DER of zero bytes', () => priv({ key: Buffer.alloc(0), format: 'der', type: 'pkcs8' })),
  c('der-no-type', 'DER private key without a type', () => priv({ key: fx.der(fx.rsa), format: 'der' })),
  // Encrypted private keys
  c('enc-pkcs8-pem', 'encrypted PKCS#8 PEM, right passphrase',
    () => priv({ key: fx.rsaEncPkcs8, passphrase: 'secret' })),
  c('enc-pkcs8-pem-wrong', 'encrypted PKCS#8 PEM, wrong passphrase',
    () => priv({ key: fx.rsaEncPkcs8, passphrase: 'wrong' })),
  c('enc-pkcs8-pem-none', 'encrypted PKCS#8 PEM, no passphrase', () => priv(fx.rsaEncPkcs8)),
  c('enc-pkcs8-pem-empty', "encrypted PKCS#8 PEM, passphrase ''", () => priv({ key: fx.rsaEncPkcs8, passphrase: '' })),
  c('enc-pkcs8-der', 'encrypted PKCS#8 DER, right passphrase',
    () => priv({ key: fx.der(fx.rsaEncPkcs8), format: 'der', type: 'pkcs8', passphrase: 'secret' })),
  c('enc-pkcs8-der-wrong', 'encrypted PKCS#8 DER, wrong passphrase',
    () => priv({ key: fx.der(fx.rsaEncPkcs8), format: 'der', type: 'pkcs8', passphrase: 'wrong' })),
  c('enc-pkcs8-der-none', 'encrypted PKCS#8 DER, no passphrase',
    () => priv({ key: fx.der(fx.rsaEncPkcs8), format: 'der', type: 'pkcs8' })),
  c('enc-pkcs1-pem', 'encrypted PKCS#1 PEM (Proc-Type, AES-128-CBC), right passphrase',
    () => priv({ key: fx.rsaEncPkcs1, passphrase: 'secret' })),
  c('enc-pkcs1-pem-wrong', 'encrypted PKCS#1 PEM, wrong passphrase',
    () => priv({ key: fx.rsaEncPkcs1, passphrase: 'wrong' })),
  c('enc-pkcs1-pem-none', 'encrypted PKCS#1 PEM, no passphrase', () => priv(fx.rsaEncPkcs1)),
  c('passphrase-unencrypted', 'a passphrase given for an unencrypted PEM',
    () => priv({ key: fx.rsa, passphrase: 'secret' })),
  // Public keys
  c('rsa-spki-pem', 'RSA public key, SPKI PEM', () => pub(fx.rsaSpki)),
  c('rsa-pkcs1-pub-pem', 'RSA public key, PKCS#1 PEM', () => pub(fx.rsaPkcs1Pub)),
  c('rsa-spki-der', 'RSA public key, SPKI DER', () => pub({ key: fx.der(fx.rsaSpki), format: 'der', type: 'spki' })),
  c('rsa-pkcs1-pub-der', 'RSA public key, PKCS#1 DER',
    () => pub({ key: fx.der(fx.rsaPkcs1Pub), format: 'der', type: 'pkcs1' })),
  c('ec-spki-pem', 'P-256 public key, SPKI PEM', () => pub(fx.ecSpki)),
  c('public-from-private', 'createPublicKey of a PKCS#8 private PEM', () => pub(fx.rsa)),
  c('public-from-cert', 'createPublicKey of a certificate', () => pub(fx.serverEc)),
  c('public-from-enc-none', 'createPublicKey of an encrypted PKCS#8 PEM (no passphrase)', () => pub(fx.rsaEncPkcs8)),
  c('public-garbage-pem', "createPublicKey('not a key')", () => pub('not a key')),
  c('public-garbage-der', 'createPublicKey of a cut SPKI DER',
    () => pub({ key: garbage, format: 'der', type: 'spki' })),
  c('spki-der-as-pkcs1', 'SPKI DER given as type pkcs1',
    () => pub({ key: fx.der(fx.rsaSpki), format: 'der', type: 'pkcs1' })),
  c('public-der-private-pkcs8', 'createPublicKey of a PKCS#8 DER (type pkcs8)',
    () => pub({ key: fx.der(fx.rsa), format: 'der', type: 'pkcs8' })),
  // JWK
  c('jwk-rsa-private', 'RSA private JWK import', () => priv({ key: rsaJwk(), format: 'jwk' })),
  c('jwk-rsa-missing-n', 'RSA JWK without n', () => {
    const { n, ...jwk } = rsaJwk();  // eslint-disable-line no-unused-vars
    return priv({ key: jwk, format: 'jwk' });
  }),
  c('jwk-rsa-bad-d', "RSA private JWK with d = 'AA'", () => priv({ key: { ...rsaJwk(), d: 'AA' }, format: 'jwk' })),
  c('jwk-unknown-kty', "JWK with kty 'FOO'", () => pub({ key: { kty: 'FOO' }, format: 'jwk' })),
  c('jwk-ec-unknown-crv', "EC JWK with crv 'P-999'",
    () => pub({ key: { kty: 'EC', crv: 'P-999', x: 'AA', y: 'AA' }, format: 'jwk' })),
  c('jwk-ec-off-curve', 'EC JWK whose point is not on P-256', () => {
    const jwk = pub(fx.ecSpki).export({ format: 'jwk' });
    return pub({ key: { ...jwk, y: jwk.x }, format: 'jwk' });
  }),
  c('jwk-okp-ed25519', 'Ed25519 public JWK import',
    () => pub({ key: pub(fx.ed25519).export({ format: 'jwk' }), format: 'jwk' })),
  c('jwk-okp-short-x', 'Ed25519 JWK with a 31-byte x',
    () => pub({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.alloc(31).toString('base64url') }, format: 'jwk' })),
  c('jwk-secret-export', 'secret KeyObject exported as JWK',
    () => crypto.createSecretKey(Buffer.from('0001020304', 'hex')).export({ format: 'jwk' })),
  // Export
  c('export-rsa-pkcs1-pem', 'export RSA private as PKCS#1 PEM',
    () => priv(fx.rsa).export({ format: 'pem', type: 'pkcs1' })),
  c('export-rsa-pkcs8-der', 'export RSA private as PKCS#8 DER',
    () => priv(fx.rsaPkcs1).export({ format: 'der', type: 'pkcs8' })),
  c('export-rsa-spki-der', 'export RSA public as SPKI DER', () => pub(fx.rsa).export({ format: 'der', type: 'spki' })),
  c('export-rsa-pkcs1-pub-pem', 'export RSA public as PKCS#1 PEM',
    () => pub(fx.rsa).export({ format: 'pem', type: 'pkcs1' })),
  c('export-ec-sec1-der', 'export P-256 private as SEC1 DER',
    () => priv(fx.ec).export({ format: 'der', type: 'sec1' })),
  c('export-ec-sec1-pem', 'export P-256 private as SEC1 PEM',
    () => priv(fx.ec).export({ format: 'pem', type: 'sec1' })),
  c('export-ed25519-pkcs8', 'export Ed25519 private as PKCS#8 PEM',
    () => priv(fx.ed25519).export({ format: 'pem', type: 'pkcs8' })),
  c('export-ed25519-sec1', 'export Ed25519 private as SEC1',
    () => priv(fx.ed25519).export({ format: 'der', type: 'sec1' })),
  c('export-rsa-sec1', 'export RSA private as SEC1', () => priv(fx.rsa).export({ format: 'pem', type: 'sec1' })),
  c('export-ec-pkcs1', 'export P-256 private as PKCS#1', () => priv(fx.ec).export({ format: 'pem', type: 'pkcs1' })),
  c('export-dsa-jwk', 'export DSA private as JWK', () => priv(fx.dsa).export({ format: 'jwk' })),
  c('export-encrypted-roundtrip', 'export PKCS#8 PEM with aes-256-cbc and read it back', () => {
    const pem = priv(fx.ec).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' });
    return priv({ key: pem, passphrase: 'pw' });
  }),
  c('export-encrypted-pkcs1-roundtrip', 'export PKCS#1 PEM with aes-128-cbc and read it back', () => {
    const pem = priv(fx.rsa).export({ format: 'pem', type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: 'pw' });
    return priv({ key: pem, passphrase: 'pw' });
  }),
  c('export-encrypted-des3-roundtrip', 'export PKCS#8 PEM with des-ede3-cbc and read it back', () => {
    const pem = priv(fx.ec).export({ format: 'pem', type: 'pkcs8', cipher: 'des-ede3-cbc', passphrase: 'pw' });
    return priv({ key: pem, passphrase: 'pw' });
  }),
  c('export-unknown-cipher', 'export with cipher aes-128-foo',
    () => priv(fx.ec).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-foo', passphrase: 'pw' })),
  c('export-aead-cipher', 'export with cipher aes-128-gcm',
    () => priv(fx.ec).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-gcm', passphrase: 'pw' })),
  c('export-cipher-no-passphrase', 'export with a cipher and no passphrase',
    () => priv(fx.ec).export({ format: 'der', type: 'pkcs8', cipher: 'aes-128-cbc' })),
  c('equals-across-formats', 'KeyObject.equals(): PKCS#1 PEM vs PKCS#8 DER import',
    () => priv(fx.rsaPkcs1).equals(priv({ key: fx.der(fx.rsa), format: 'der', type: 'pkcs8' }))),
  c('details-ec', 'asymmetricKeyDetails of a P-384 key', () => priv(fx.ec384).asymmetricKeyDetails),
];
