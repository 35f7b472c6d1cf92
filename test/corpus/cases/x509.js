// X509Certificate: parsing garbage, truncated and non-certificate input; the accessors and
// checks of valid certificates.
'use strict';

const crypto = require('crypto');
const fx = require('../fixtures');

const area = 'x509';
const c = (id, desc, run) => ({ id: `x509.${id}`, area, desc, run });

const cert = (data) => new crypto.X509Certificate(data);
const summary = (x) => ({
  subject: x.subject, issuer: x.issuer, subjectAltName: x.subjectAltName, serialNumber: x.serialNumber,
  validFrom: x.validFrom, validTo: x.validTo, fingerprint256: x.fingerprint256, ca: x.ca,
  keyUsage: x.keyUsage, infoAccess: x.infoAccess,
});

module.exports = [
  c('parse-pem', 'parse a CA-signed server certificate (PEM)', () => summary(cert(fx.server))),
  c('parse-der', 'parse the same certificate as DER', () => summary(cert(fx.der(fx.server)))),
  c('parse-ca', 'parse the root CA (CA:TRUE)', () => summary(cert(fx.ca))),
  c('parse-ec', 'parse an EC certificate', () => summary(cert(fx.serverEc))),
  c('garbage', 'new X509Certificate(Buffer of garbage)', () => cert(Buffer.from('garbage that is no certificate'))),
  c('empty', 'new X509Certificate(empty buffer)', () => cert(Buffer.alloc(0))),
  c('truncated-pem', 'PEM certificate cut in half', () => cert(fx.server.slice(0, fx.server.length >> 1))),
  c('truncated-der', 'DER certificate cut in half', () => {
    const d = fx.der(fx.server);
    return cert(d.subarray(0, d.length >> 1));
  }),
  c('der-sequence', 'a DER SEQUENCE that is no certificate', () => cert(Buffer.from('3003020101', 'hex'))),
  c('private-key-pem', 'new X509Certificate(private key PEM)', () => cert(fx.rsa)),
  c('two-certs', 'PEM of two certificates (the first is read)', () => cert(fx.serverByInt + fx.int).subject),
  c('check-host', "checkHost('localhost')", () => cert(fx.server).checkHost('localhost')),
  c('check-host-wrong', "checkHost('example.org') (undefined)", () => cert(fx.server).checkHost('example.org')),
  c('check-host-wildcard-flag', "checkHost('LOCALHOST', { wildcards: false })",
    () => cert(fx.server).checkHost('LOCALHOST', { wildcards: false })),
  c('check-ip', "checkIP('127.0.0.1')", () => cert(fx.server).checkIP('127.0.0.1')),
  c('check-ip-invalid', "checkIP('not an ip')", () => cert(fx.server).checkIP('not an ip')),
  c('check-email', "checkEmail('a@b.c') (undefined)", () => cert(fx.server).checkEmail('a@b.c')),
  c('verify-ca', 'verify(CA public key)', () => cert(fx.server).verify(cert(fx.ca).publicKey)),
  c('verify-wrong-key', 'verify(EC key that did not sign it)',
    () => cert(fx.server).verify(crypto.createPublicKey(fx.ecSpki))),
  c('verify-private-key', 'verify(private key)', () => cert(fx.server).verify(crypto.createPrivateKey(fx.rsa))),
  c('check-issued', 'checkIssued(CA)', () => cert(fx.server).checkIssued(cert(fx.ca))),
  c('check-issued-wrong', 'checkIssued(intermediate) of a root-signed certificate',
    () => cert(fx.server).checkIssued(cert(fx.int))),
  c('check-private-key', 'checkPrivateKey(matching key)',
    () => cert(fx.server).checkPrivateKey(crypto.createPrivateKey(fx.rsa))),
  c('check-private-key-mismatch', 'checkPrivateKey(EC key)',
    () => cert(fx.server).checkPrivateKey(crypto.createPrivateKey(fx.ec))),
  c('public-key', 'publicKey of the EC certificate (SPKI)',
    () => cert(fx.serverEc).publicKey.export({ format: 'der', type: 'spki' })),
  c('legacy-object', 'toLegacyObject() (modulus, exponent, bits, ext_key_usage)', () => {
    const o = cert(fx.server).toLegacyObject();
    return { subject: o.subject, modulus: o.modulus, exponent: o.exponent, bits: o.bits, ext_key_usage: o.ext_key_usage,
             valid_to: o.valid_to, fingerprint512: o.fingerprint512, serialNumber: o.serialNumber };
  }),
  c('to-string', 'toString() round trip (PEM)', () => cert(fx.der(fx.serverExpired)).toString()),
  c('raw', 'raw (DER bytes)', () => cert(fx.client).raw),
];
