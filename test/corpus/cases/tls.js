// node:tls: createSecureContext() option errors, and handshakes over loopback (port 0) that
// fail on certificate verification, ciphers, versions, groups, signature algorithms, ALPN
// and client certificates. "-client" cases report the client's outcome, "-server" ones the
// server's (tlsClientError).
'use strict';

const crypto = require('crypto');
const tls = require('tls');
const fx = require('../fixtures');
const { clientSide, serverSide } = require('./_util');

const ctx = (id, desc, run) => ({ id: `tls.ctx-${id}`, area: 'tls-context', desc, run });
const hs = (id, desc, run) => ({ id: `tls.hs-${id}`, area: 'tls-handshake', desc, run });

const secureContext = (opts) => tls.createSecureContext(opts).constructor.name;
const server = (extra = {}) => ({ key: fx.rsa, cert: fx.server, ...extra });
const trusting = (extra = {}) => ({ ca: fx.ca, ...extra });

module.exports = [
  // createSecureContext
  ctx('ok', 'key + cert + ca', () => secureContext({ key: fx.rsa, cert: fx.server, ca: fx.ca })),
  ctx('key-garbage', "key: 'not a key'", () => secureContext({ key: 'not a key', cert: fx.server })),
  ctx('key-der', 'key as a DER Buffer', () => secureContext({ key: fx.der(fx.rsa), cert: fx.server })),
  ctx('key-truncated', 'key: the first half of a PEM',
    () => secureContext({ key: fx.rsa.slice(0, 800), cert: fx.server })),
  ctx('key-public', 'key: a public key PEM', () => secureContext({ key: fx.rsaSpki, cert: fx.server })),
  ctx('key-encrypted-no-passphrase', 'key: encrypted PKCS#8 PEM, no passphrase',
    () => secureContext({ key: fx.rsaEncPkcs8, cert: fx.server })),
  ctx('key-encrypted-wrong-passphrase', 'key: encrypted PKCS#8 PEM, wrong passphrase',
    () => secureContext({ key: fx.rsaEncPkcs8, passphrase: 'wrong', cert: fx.server })),
  ctx('key-encrypted-pkcs1-wrong-passphrase', 'key: encrypted PKCS#1 PEM, wrong passphrase',
    () => secureContext({ key: fx.rsaEncPkcs1, passphrase: 'wrong', cert: fx.server })),
  ctx('key-encrypted-ok', 'key: encrypted PKCS#8 PEM, right passphrase',
    () => secureContext({ key: fx.rsaEncPkcs8, passphrase: 'secret', cert: fx.server })),
  ctx('key-object', 'key: { pem, passphrase } object list',
    () => secureContext({ key: [{ pem: fx.rsaEncPkcs1, passphrase: 'secret' }], cert: fx.server })),
  ctx('key-cert-mismatch', 'key does not match cert', () => secureContext({ key: fx.ec, cert: fx.server })),
  ctx('key-cert-mismatch-same-type', 'RSA key does not match the RSA CA cert',
    () => secureContext({ key: fx.rsa, cert: fx.ca })),
  ctx('key-without-cert', 'key without cert', () => secureContext({ key: fx.rsa })),
  ctx('cert-without-key', 'cert without key', () => secureContext({ cert: fx.server })),
  ctx('cert-garbage', "cert: 'not a cert'", () => secureContext({ key: fx.rsa, cert: 'not a cert' })),
  ctx('cert-truncated', 'cert: the first half of a PEM',
    () => secureContext({ key: fx.rsa, cert: fx.server.slice(0, 600) })),
  ctx('cert-der', 'cert as a DER Buffer', () => secureContext({ key: fx.rsa, cert: fx.der(fx.server) })),
  ctx('ca-garbage', "ca: 'not a cert'", () => secureContext({ ca: 'not a cert' })),
  ctx('ca-truncated', 'ca: the first half of a PEM', () => secureContext({ ca: fx.ca.slice(0, 600) })),
  ctx('ca-der', 'ca as a DER Buffer', () => secureContext({ ca: fx.der(fx.ca) })),
  ctx('crl-garbage', "crl: 'not a crl'", () => secureContext({ crl: 'not a crl' })),
  ctx('pfx', 'pfx (PBES2 / AES-256) with the right passphrase',
    () => secureContext({ pfx: fx.serverPfx, passphrase: 'secret' })),
  ctx('pfx-wrong-passphrase', 'pfx with a wrong passphrase',
    () => secureContext({ pfx: fx.serverPfx, passphrase: 'wrong' })),
  ctx('pfx-garbage', 'pfx of garbage bytes', () => secureContext({ pfx: Buffer.from('not a pfx') })),
  ctx('ciphers-unknown', "ciphers: 'FOO'", () => secureContext({ ciphers: 'FOO' })),
  ctx('ciphers-tls13-only', "ciphers: 'TLS_AES_128_GCM_SHA256' (TLS 1.3 suite only)",
    () => secureContext({ ciphers: 'TLS_AES_128_GCM_SHA256' })),
  ctx('ciphers-tls13-unknown', "ciphers: 'TLS_FOO_SHA256'", () => secureContext({ ciphers: 'TLS_FOO_SHA256' })),
  ctx('ciphers-one-bad', "ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:FOO'",
    () => secureContext({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:FOO' })),
  ctx('ciphers-dhe', "ciphers: 'DHE-RSA-AES128-GCM-SHA256'",
    () => secureContext({ ciphers: 'DHE-RSA-AES128-GCM-SHA256' })),
  ctx('sigalgs-unknown', "sigalgs: 'FOO+BAR'", () => secureContext({ sigalgs: 'FOO+BAR' })),
  ctx('sigalgs-ok', "sigalgs: 'RSA-PSS+SHA256:ECDSA+SHA256'",
    () => secureContext({ sigalgs: 'RSA-PSS+SHA256:ECDSA+SHA256' })),
  ctx('sigalgs-names', "sigalgs: 'rsa_pss_rsae_sha256:ed25519'",
    () => secureContext({ sigalgs: 'rsa_pss_rsae_sha256:ed25519' })),
  ctx('sigalgs-ed448', "sigalgs: 'ed448'", () => secureContext({ sigalgs: 'ed448' })),
  ctx('ecdh-curve-unknown', "ecdhCurve: 'foo'", () => secureContext({ ecdhCurve: 'foo' })),
  ctx('ecdh-curve-list', "ecdhCurve: 'X25519:P-256:P-384'", () => secureContext({ ecdhCurve: 'X25519:P-256:P-384' })),
  ctx('ecdh-curve-auto', "ecdhCurve: 'auto'", () => secureContext({ ecdhCurve: 'auto' })),
  ctx('ecdh-curve-brainpool', "ecdhCurve: 'brainpoolP256r1'", () => secureContext({ ecdhCurve: 'brainpoolP256r1' })),
  ctx('ecdh-curve-x448', "ecdhCurve: 'X448'", () => secureContext({ ecdhCurve: 'X448' })),
  ctx('dhparam-garbage', "dhparam: 'not dh params'", () => secureContext({ dhparam: 'not dh params' })),
  ctx('dhparam-auto', "dhparam: 'auto'", () => secureContext({ dhparam: 'auto' })),
  ctx('min-version-unknown', "minVersion: 'TLSv1.9'", () => secureContext({ minVersion: 'TLSv1.9' })),
  ctx('max-version-unknown', "maxVersion: 'SSLv3'", () => secureContext({ maxVersion: 'SSLv3' })),
  ctx('version-conflict', "minVersion 'TLSv1.3' > maxVersion 'TLSv1.2'",
    () => secureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' })),
  ctx('min-version-tls1', "minVersion: 'TLSv1'", () => secureContext({ minVersion: 'TLSv1' })),
  ctx('secure-protocol-unknown', "secureProtocol: 'FooMethod'", () => secureContext({ secureProtocol: 'FooMethod' })),
  ctx('secure-protocol-sslv3', "secureProtocol: 'SSLv3_method'",
    () => secureContext({ secureProtocol: 'SSLv3_method' })),
  ctx('secure-protocol-tls12', "secureProtocol: 'TLSv1_2_method'",
    () => secureContext({ secureProtocol: 'TLSv1_2_method' })),
  ctx('privatekey-engine', 'privateKeyEngine / privateKeyIdentifier',
    () => secureContext({ privateKeyEngine: 'foo', privateKeyIdentifier: 'bar' })),
  ctx('session-id-context', 'sessionIdContext of 40 characters',
    () => secureContext({ sessionIdContext: 'x'.repeat(40) })),
  // Handshakes: certificate verification (client side)
  hs('ok', 'trusted CA-signed certificate', () => clientSide(server(), trusting())),
  hs('ok-tls12', 'trusted certificate, TLS 1.2 only', () => clientSide(server(), trusting({ maxVersion: 'TLSv1.2' }))),
  hs('ok-ec-cert', 'trusted EC certificate', () => clientSide(server({ key: fx.ec, cert: fx.serverEc }), trusting())),
  hs('ok-chain', 'leaf + intermediate sent, root trusted',
    () => clientSide(server({ cert: fx.serverByInt + fx.int }), trusting())),
  hs('self-signed', 'self-signed server certificate', () => clientSide(server({ cert: fx.serverSelfsigned }), {})),
  hs('self-signed-unauthorized-ok', 'self-signed, rejectUnauthorized false (authorizationError)',
    () => clientSide(server({ cert: fx.serverSelfsigned }), { rejectUnauthorized: false })),
  hs('expired', 'expired certificate (2000-2001)', () => clientSide(server({ cert: fx.serverExpired }), trusting())),
  hs('not-yet-valid', 'certificate valid from 2090', () => clientSide(server({ cert: fx.serverFuture }), trusting())),
  hs('wrong-host', 'certificate for example.com', () => clientSide(server({ cert: fx.serverWronghost }), trusting())),
  hs('wrong-servername', "servername 'other.test' against a localhost certificate",
    () => clientSide(server(), trusting({ servername: 'other.test' }))),
  hs('unknown-ca', 'CA-signed certificate, CA not trusted', () => clientSide(server(), {})),
  hs('missing-intermediate', 'leaf signed by an intermediate that is not sent',
    () => clientSide(server({ cert: fx.serverByInt }), trusting())),
  hs('untrusted-chain', 'leaf + intermediate sent, nothing trusted',
    () => clientSide(server({ cert: fx.serverByInt + fx.int }), {})),
  hs('self-signed-in-chain', 'leaf + intermediate + root sent, nothing trusted',
    () => clientSide(server({ cert: fx.serverByInt + fx.int + fx.ca }), {})),
  hs('expired-unauthorized-ok', 'expired, rejectUnauthorized false (authorizationError)',
    () => clientSide(server({ cert: fx.serverExpired }), trusting({ rejectUnauthorized: false }))),
  hs('ca-is-leaf', 'self-signed leaf given as ca',
    () => clientSide(server({ cert: fx.serverSelfsigned }), { ca: fx.serverSelfsigned })),
  // Ciphers, versions, groups, signature algorithms, ALPN
  hs('no-shared-cipher-client', 'TLS 1.2, no common cipher suite (client)', () => clientSide(
    server({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }),
    trusting({ ciphers: 'ECDHE-RSA-AES256-GCM-SHA384', maxVersion: 'TLSv1.2' }))),
  hs('no-shared-cipher-server', 'TLS 1.2, no common cipher suite (server)', () => serverSide(
    server({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }),
    trusting({ ciphers: 'ECDHE-RSA-AES256-GCM-SHA384', maxVersion: 'TLSv1.2' }))),
  hs('ecdsa-suite-rsa-cert-server', 'TLS 1.2, only ECDHE-ECDSA suites offered to an RSA server (server)',
    () => serverSide(
    server({ maxVersion: 'TLSv1.2' }), trusting({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }))),
  hs('tls13-suite-mismatch-client', 'TLS 1.3, disjoint ciphersuites (client)', () => clientSide(
    server({ ciphers: 'TLS_AES_128_GCM_SHA256', minVersion: 'TLSv1.3' }),
    trusting({ ciphers: 'TLS_CHACHA20_POLY1305_SHA256', minVersion: 'TLSv1.3' }))),
  hs('tls13-suite-mismatch-server', 'TLS 1.3, disjoint ciphersuites (server)', () => serverSide(
    server({ ciphers: 'TLS_AES_128_GCM_SHA256', minVersion: 'TLSv1.3' }),
    trusting({ ciphers: 'TLS_CHACHA20_POLY1305_SHA256', minVersion: 'TLSv1.3' }))),
  hs('version-client-old-client', 'server TLS 1.3 only, client TLS 1.2 max (client)', () =>
    clientSide(server({ minVersion: 'TLSv1.3' }), trusting({ maxVersion: 'TLSv1.2' }))),
  hs('version-client-old-server', 'server TLS 1.3 only, client TLS 1.2 max (server)', () =>
    serverSide(server({ minVersion: 'TLSv1.3' }), trusting({ maxVersion: 'TLSv1.2' }))),
  hs('version-server-old-client', 'server TLS 1.2 max, client TLS 1.3 only (client)', () =>
    clientSide(server({ maxVersion: 'TLSv1.2' }), trusting({ minVersion: 'TLSv1.3' }))),
  hs('version-server-old-server', 'server TLS 1.2 max, client TLS 1.3 only (server)', () =>
    serverSide(server({ maxVersion: 'TLSv1.2' }), trusting({ minVersion: 'TLSv1.3' }))),
  hs('tls1-client', 'client TLS 1.0 only against a default server (client)', () =>
    clientSide(server(), trusting({ minVersion: 'TLSv1', maxVersion: 'TLSv1' }))),
  hs('group-mismatch-client', 'TLS 1.3, server P-384 only, client X25519 only (client)', () =>
    clientSide(server({ ecdhCurve: 'P-384' }), trusting({ ecdhCurve: 'X25519' }))),
  hs('group-mismatch-server', 'TLS 1.3, server P-384 only, client X25519 only (server)', () =>
    serverSide(server({ ecdhCurve: 'P-384' }), trusting({ ecdhCurve: 'X25519' }))),
  hs('group-hrr', 'TLS 1.3, client offers X25519 then P-384, server P-384 only (HelloRetryRequest)', () =>
    clientSide(server({ ecdhCurve: 'P-384' }), trusting({ ecdhCurve: 'X25519:P-384' }))),
  hs('sigalgs-mismatch-client', "client sigalgs 'ECDSA+SHA256' against an RSA certificate (client)", () =>
    clientSide(server(), trusting({ sigalgs: 'ECDSA+SHA256' }))),
  hs('sigalgs-mismatch-server', "client sigalgs 'ECDSA+SHA256' against an RSA certificate (server)", () =>
    serverSide(server(), trusting({ sigalgs: 'ECDSA+SHA256' }))),
  hs('sigalgs-disjoint-server', "server sigalgs 'RSA-PSS+SHA384', client sigalgs 'ECDSA+SHA256' (server)", () =>
    serverSide(server({ sigalgs: 'RSA-PSS+SHA384' }), trusting({ sigalgs: 'ECDSA+SHA256' }))),
  hs('sigalgs-pkcs1-tls13-server', "TLS 1.3, client sigalgs 'RSA+SHA256' only (PKCS#1 is not allowed in 1.3) (server)",
    () =>
    serverSide(server(), trusting({ sigalgs: 'RSA+SHA256' }))),
  hs('alpn-mismatch-client', "ALPN: server ['h2'], client ['http/1.1'] (client)", () =>
    clientSide(server({ ALPNProtocols: ['h2'] }), trusting({ ALPNProtocols: ['http/1.1'] }))),
  hs('alpn-mismatch-server', "ALPN: server ['h2'], client ['http/1.1'] (server)", () =>
    serverSide(server({ ALPNProtocols: ['h2'] }), trusting({ ALPNProtocols: ['http/1.1'] }))),
  // Client certificates
  hs('client-cert-required-tls13-client', 'TLS 1.3, server requires a client certificate, none sent (client)', () =>
    clientSide(server({ requestCert: true, rejectUnauthorized: true, ca: fx.ca }), trusting())),
  hs('client-cert-required-tls13-server', 'TLS 1.3, server requires a client certificate, none sent (server)', () =>
    serverSide(server({ requestCert: true, rejectUnauthorized: true, ca: fx.ca }), trusting())),
  hs('client-cert-required-tls12-client', 'TLS 1.2, server requires a client certificate, none sent (client)', () =>
    clientSide(server({ requestCert: true, rejectUnauthorized: true, ca: fx.ca, maxVersion: 'TLSv1.2' }), trusting())),
  hs('client-cert-required-tls12-server', 'TLS 1.2, server requires a client certificate, none sent (server)', () =>
    serverSide(server({ requestCert: true, rejectUnauthorized: true, ca: fx.ca, maxVersion: 'TLSv1.2' }), trusting())),
  hs('client-cert-ok-server', 'client certificate signed by the trusted CA (server)', () =>
    serverSide(server({ requestCert: true, rejectUnauthorized: true, ca: fx.ca }),
               trusting({ key: fx.ec, cert: fx.client }))),
  hs('client-cert-untrusted-server',
     'self-signed client certificate, server rejectUnauthorized false (server authorizationError)',
    () =>
    serverSide(server({ requestCert: true, rejectUnauthorized: false, ca: fx.ca }),
               trusting({ key: fx.ec, cert: fx.clientSelfsigned }))),
  hs('client-cert-optional-server', 'requestCert without rejectUnauthorized, no client certificate (server)', () =>
    serverSide(server({ requestCert: true, rejectUnauthorized: false, ca: fx.ca }), trusting())),
  // PSK
  hs('psk-wrong-key-client', 'TLS 1.2 PSK with different keys (client)', () => clientSide(
    { pskCallback: () => Buffer.alloc(16, 1), ciphers: 'PSK-AES128-CBC-SHA', maxVersion: 'TLSv1.2' },
    { pskCallback: () => ({ psk: Buffer.alloc(16, 2), identity: 'id' }), ciphers: 'PSK-AES128-CBC-SHA',
      maxVersion: 'TLSv1.2', checkServerIdentity: () => undefined })),
  hs('psk-ok', 'TLS 1.2 PSK with the same key', () => clientSide(
    { pskCallback: () => Buffer.alloc(16, 1), ciphers: 'PSK-AES128-CBC-SHA', maxVersion: 'TLSv1.2' },
    { pskCallback: () => ({ psk: Buffer.alloc(16, 1), identity: 'id' }), ciphers: 'PSK-AES128-CBC-SHA',
      maxVersion: 'TLSv1.2', checkServerIdentity: () => undefined })),
  hs('peer-certificate', 'getPeerCertificate() of a verified connection (subject, fingerprint256)', async () => {
    const x = new crypto.X509Certificate(fx.server);
    return `${await clientSide(server(), trusting({ checkServerIdentity: (host, cert) =>
      (cert.fingerprint256 === x.fingerprint256 ? undefined : new Error('other certificate')) }))}`;
  }),
];
