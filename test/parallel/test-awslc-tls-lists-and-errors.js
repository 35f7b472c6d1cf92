'use strict';
// node-awslc: what tls.getCiphers() lists works, the default TLS 1.3 suite is the same on
// every backend, and PFX failures say what went wrong (patches `tls-pfx-unsupported-algorithm-error`, `tls-getciphers-lists-tls13-suites-the-library-has`, `tls-tls13-default-suites-in-openssl-order`; AWS-LC
// patch `tls-ktls-attach`). Runs on both the AWS-LC and the OpenSSL build.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// Every TLS 1.3 suite tls.getCiphers() lists can be configured (AWS-LC has no CCM suites;
// they were listed although setting them failed with ERR_SSL_NO_CIPHER_MATCH).
// On a FIPS build the TLS policy (patch `tls-fips-approved-suites-and-groups`) also refuses the suites that are not approved
// (ChaCha20-Poly1305), which getCiphers() still lists: only the AES-GCM ones are checked there.
const fips = require('crypto').getFips() === 1;
const tls13 = tls.getCiphers().filter((name) => name.startsWith('tls_'));
assert(tls13.includes('tls_aes_256_gcm_sha384'));
assert(tls13.includes('tls_aes_128_gcm_sha256'));
for (const name of tls13) {
  if (fips && !name.includes('_gcm_')) continue;
  tls.createSecureContext({ ciphers: name.toUpperCase() });
}

// A wrong PFX passphrase names the MAC failure (AWS-LC said "unknown error").
const pfx = fixtures.readKey('rsa_cert.pfx');
for (const passphrase of [undefined, 'wrong']) {
  assert.throws(() => tls.createSecureContext({ pfx, passphrase }), {
    name: 'Error',
    message: /^(?:mac verify failure|MAC_VERIFY_FAILURE)$/,  // OpenSSL | AWS-LC
  });
}
tls.createSecureContext({ pfx, passphrase: 'sample' });

// A PFX with an algorithm the library does not have (40-bit RC2) is refused with a code,
// not a bare reason (OpenSSL 3 without the legacy provider, AWS-LC).
if (!process.features.openssl_is_boringssl) {
  let legacyLoads = true;
  try {
    tls.createSecureContext({ pfx: fixtures.readKey('legacy.pfx'), passphrase: 'legacy' });
  } catch (err) {
    legacyLoads = false;
    assert.strictEqual(err.code, 'ERR_CRYPTO_UNSUPPORTED_OPERATION');
    assert.strictEqual(err.message, 'Unsupported PKCS12 PFX data');
  }
  // Only OpenSSL 1.1.1 (or OpenSSL 3 with the legacy provider) reads it.
  if (legacyLoads) assert(!process.features.openssl_is_awslc);
}

// With `ciphers` naming only TLS 1.2 suites, TLS 1.3 uses the default suites, in OpenSSL's
// order on every backend: AES-256-GCM first.
const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');
const server = tls.createServer({ key, cert }, (socket) => socket.end());
server.listen(0, common.mustCall(() => {
  const client = tls.connect({
    port: server.address().port,
    rejectUnauthorized: false,
    ciphers: 'AES256-SHA',
  }, common.mustCall(() => {
    assert.strictEqual(client.getProtocol(), 'TLSv1.3');
    assert.strictEqual(client.getCipher().name, 'TLS_AES_256_GCM_SHA384');
    client.end();
    server.close();
  }));
}));
