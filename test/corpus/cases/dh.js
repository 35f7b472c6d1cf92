// Finite-field DH, ECDH and crypto.diffieHellman(): bad public keys, unknown groups and
// curves, tiny and unsafe primes. Private keys are fixed, so secrets are comparable.
'use strict';

const crypto = require('crypto');
const fx = require('../fixtures');

const d = (id, desc, run) => ({ id: `dh.${id}`, area: 'dh', desc, run });
const e = (id, desc, run) => ({ id: `ecdh.${id}`, area: 'ecdh', desc, run });

const A = Buffer.from('2f5e8a91c3d7b6e40f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70', 'hex');
const B = Buffer.from('71c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9f01', 'hex');
const MODP14 = () => crypto.getDiffieHellman('modp14');
const P127 = Buffer.from('7fffffffffffffffffffffffffffffff', 'hex');  // 2^127 - 1: prime, not safe

// modp14 with a fixed private key: generateKeys() derives only the public key.
function fixedDh(priv, group = 'modp14') {
  const dh = crypto.createDiffieHellman(crypto.getDiffieHellman(group).getPrime(), 2);
  dh.setPrivateKey(priv);
  dh.generateKeys();
  return dh;
}

function fixedEcdh(curve, priv) {
  const ecdh = crypto.createECDH(curve);
  ecdh.setPrivateKey(priv);
  return ecdh;
}

function ecdhSecret(curve, a = A, b = B) {
  const alice = fixedEcdh(curve, a);
  return alice.computeSecret(fixedEcdh(curve, b).getPublicKey());
}

// X25519 keys from fixed scalars (PKCS#8 / SPKI prefix + 32 bytes).
const x25519Priv = (k) => crypto.createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), k]), format: 'der', type: 'pkcs8' });
const x25519Pub = (raw) => crypto.createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), raw]), format: 'der', type: 'spki' });
const ecKeyFromEcdh = (curve, priv) => {
  const ecdh = fixedEcdh(curve, priv);
  const pubRaw = ecdh.getPublicKey();
  const half = (pubRaw.length - 1) / 2;
  return crypto.createPrivateKey({ format: 'jwk', key: {
    kty: 'EC', crv: curve === 'prime256v1' ? 'P-256' : curve,
    d: priv.toString('base64url'),
    x: pubRaw.subarray(1, 1 + half).toString('base64url'),
    y: pubRaw.subarray(1 + half).toString('base64url'),
  } });
};

module.exports = [
  d('prime-7', 'createDiffieHellman(Buffer.from([7]))', () => crypto.createDiffieHellman(Buffer.from([7])).verifyError),
  d('prime-7-keys', 'createDiffieHellman(Buffer.from([7])).generateKeys()',
    () => crypto.createDiffieHellman(Buffer.from([7])).generateKeys().length),
  d('prime-length-256', 'createDiffieHellman(256): generate a 256-bit prime',
    () => crypto.createDiffieHellman(256).getPrime().length),
  d('prime-length-32', 'createDiffieHellman(32)', () => crypto.createDiffieHellman(32).getPrime().length),
  d('prime-even', 'createDiffieHellman of an even prime (0x10)',
    () => crypto.createDiffieHellman(Buffer.from([16])).verifyError),
  d('prime-p127', 'createDiffieHellman(2^127-1): a prime that is not safe',
    () => crypto.createDiffieHellman(P127).verifyError),
  d('prime-p127-secret', '2^127-1 group: generateKeys + computeSecret with fixed keys', () => {
    const a = crypto.createDiffieHellman(P127);
    a.setPrivateKey(A.subarray(0, 8));
    a.generateKeys();
    const b = crypto.createDiffieHellman(P127);
    b.setPrivateKey(B.subarray(0, 8));
    return a.computeSecret(b.generateKeys());
  }),
  d('generator-1', 'createDiffieHellman(modp14 prime, 1)',
    () => crypto.createDiffieHellman(MODP14().getPrime(), 1).verifyError),
  d('generator-0', 'createDiffieHellman(modp14 prime, 0)',
    () => crypto.createDiffieHellman(MODP14().getPrime(), 0).verifyError),
  d('modp14-verify', "getDiffieHellman('modp14').verifyError", () => MODP14().verifyError),
  d('modp14-prime', "getDiffieHellman('modp14') prime", () => MODP14().getPrime()),
  d('modp1', "getDiffieHellman('modp1') (768-bit RFC 2409)", () => crypto.getDiffieHellman('modp1').getPrime()),
  d('modp2', "getDiffieHellman('modp2') (1024-bit RFC 2409)", () => crypto.getDiffieHellman('modp2').getPrime()),
  d('modp5', "getDiffieHellman('modp5')", () => crypto.getDiffieHellman('modp5').getPrime()),
  d('modp-unknown', "getDiffieHellman('modp99')", () => crypto.getDiffieHellman('modp99')),
  d('modp14-secret', 'modp14 with fixed private keys: shared secret',
    () => fixedDh(A).computeSecret(fixedDh(B).getPublicKey())),
  d('modp14-public', 'modp14 public key of a fixed private key', () => fixedDh(A).getPublicKey()),
  d('modp1-secret', 'modp1 (768-bit) with fixed private keys: shared secret',
    () => fixedDh(A, 'modp1').computeSecret(fixedDh(B, 'modp1').getPublicKey())),
  d('public-0', 'modp14 computeSecret with public key 0', () => fixedDh(A).computeSecret(Buffer.from([0]))),
  d('public-1', 'modp14 computeSecret with public key 1', () => fixedDh(A).computeSecret(Buffer.from([1]))),
  d('public-p-1', 'modp14 computeSecret with public key p-1', () => {
    const p = MODP14().getPrime();
    p[p.length - 1] -= 1;
    return fixedDh(A).computeSecret(p);
  }),
  d('public-p', 'modp14 computeSecret with public key p', () => fixedDh(A).computeSecret(MODP14().getPrime())),
  d('public-too-long', 'modp14 computeSecret with a 300-byte public key',
    () => fixedDh(A).computeSecret(Buffer.alloc(300, 0xff))),
  d('group-setprivatekey', "getDiffieHellman('modp14').setPrivateKey (absent on groups)",
    () => typeof crypto.getDiffieHellman('modp14').setPrivateKey),
  d('stateless-x25519', 'crypto.diffieHellman() X25519 with fixed keys', () =>
    crypto.diffieHellman({ privateKey: x25519Priv(A), publicKey: crypto.createPublicKey(x25519Priv(B)) })),
  d('stateless-x25519-zero', 'crypto.diffieHellman() X25519 with the all-zero (small order) public key', () =>
    crypto.diffieHellman({ privateKey: x25519Priv(A), publicKey: x25519Pub(Buffer.alloc(32)) })),
  d('stateless-x25519-vs-ec', 'crypto.diffieHellman() X25519 private with a P-256 public key', () =>
    crypto.diffieHellman({ privateKey: x25519Priv(A), publicKey: crypto.createPublicKey(fx.ecSpki) })),
  d('stateless-p256', 'crypto.diffieHellman() P-256 with fixed keys', () =>
    crypto.diffieHellman({ privateKey: ecKeyFromEcdh('prime256v1', A),
                           publicKey: crypto.createPublicKey(ecKeyFromEcdh('prime256v1', B)) })),
  d('stateless-p256-vs-p384', 'crypto.diffieHellman() P-256 private with a P-384 public key', () =>
    crypto.diffieHellman({ privateKey: crypto.createPrivateKey(fx.ec), publicKey: crypto.createPublicKey(fx.ec384) })),
  d('stateless-rsa', 'crypto.diffieHellman() with RSA keys', () =>
    crypto.diffieHellman({ privateKey: crypto.createPrivateKey(fx.rsa), publicKey: crypto.createPublicKey(fx.rsa) })),
  // ECDH
  e('p256-public', 'createECDH(prime256v1) public key of a fixed private key',
    () => fixedEcdh('prime256v1', A).getPublicKey()),
  e('p256-secret', 'ECDH P-256 shared secret', () => ecdhSecret('prime256v1')),
  e('p256-compressed', 'ECDH P-256 compressed public key',
    () => fixedEcdh('prime256v1', A).getPublicKey(null, 'compressed')),
  e('p384-secret', 'ECDH P-384 shared secret',
    () => ecdhSecret('secp384r1', Buffer.concat([A, B.subarray(0, 16)]), Buffer.concat([B, A.subarray(0, 16)]))),
  e('p521-secret', 'ECDH P-521 shared secret',
    () => ecdhSecret('secp521r1', Buffer.concat([Buffer.from([0]), A, B, Buffer.from([1])]),
    Buffer.concat([Buffer.from([1]), B, A, Buffer.from([2])]))),
  e('secp224r1-secret', 'ECDH P-224 shared secret',
    () => ecdhSecret('secp224r1', A.subarray(0, 28), B.subarray(0, 28))),
  e('secp256k1-secret', 'ECDH secp256k1 shared secret', () => ecdhSecret('secp256k1')),
  e('brainpoolP256r1-secret', 'ECDH brainpoolP256r1 shared secret', () => ecdhSecret('brainpoolP256r1')),
  e('brainpoolP384r1-public', 'ECDH brainpoolP384r1 public key',
    () => fixedEcdh('brainpoolP384r1', Buffer.concat([A, B.subarray(0, 16)])).getPublicKey()),
  e('unknown-curve', "createECDH('foo')", () => crypto.createECDH('foo').constructor.name),
  e('x25519-curve', "createECDH('X25519')", () => crypto.createECDH('X25519').constructor.name),
  e('invalid-public', 'ECDH P-256 computeSecret with 65 bytes that are not a point',
    () => fixedEcdh('prime256v1', A).computeSecret(Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]))),
  e('invalid-public-short', 'ECDH P-256 computeSecret with the point at infinity (one 0x00 byte)',
    () => fixedEcdh('prime256v1', A).computeSecret(Buffer.from([0]))),
  e('invalid-public-other-curve', 'ECDH P-256 computeSecret with a P-384 public key',
    () => fixedEcdh('prime256v1', A)
      .computeSecret(fixedEcdh('secp384r1', Buffer.concat([A, B.subarray(0, 16)])).getPublicKey())),
  e('private-zero', 'ECDH P-256 setPrivateKey(0)', () => fixedEcdh('prime256v1', Buffer.alloc(32)).getPublicKey()),
  e('private-too-big', 'ECDH P-256 setPrivateKey(2^256-1)',
    () => fixedEcdh('prime256v1', Buffer.alloc(32, 0xff)).getPublicKey()),
  e('private-short', 'ECDH P-256 setPrivateKey of 1 byte',
    () => fixedEcdh('prime256v1', Buffer.from([5])).getPublicKey()),
  e('convert-key', 'ECDH.convertKey() uncompressed -> compressed',
    () => crypto.ECDH.convertKey(fixedEcdh('prime256v1', A).getPublicKey(), 'prime256v1', null, null, 'compressed')),
  e('convert-key-invalid', 'ECDH.convertKey() of 33 bytes that are not a point',
    () => crypto.ECDH.convertKey(Buffer.concat([Buffer.from([2]), Buffer.alloc(32, 0xff)]), 'prime256v1',
                                 null, null, 'uncompressed')),
  e('convert-key-unknown-curve', "ECDH.convertKey() on curve 'foo'",
    () => crypto.ECDH.convertKey(Buffer.from([4]), 'foo')),
];
