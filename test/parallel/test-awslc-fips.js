'use strict';
// node-awslc: FIPS mode is a property of the build. On the FIPS build
// (scripts/build-node.sh --fips, AWS-LC-FIPS module) getFips() is 1 and cannot
// be turned off; on the AWS-LC build it is 0 and cannot be turned on; neither
// lies. TLS 1.3 and 1.2 with FIPS cipher suites (AES-GCM) work on every build.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');
const tls = require('tls');
const { spawnSync } = require('child_process');
const fixtures = require('../common/fixtures');

const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');
const ca = fixtures.readKey('ca1-cert.pem');
const isAWSLC = process.features.openssl_is_awslc === true;
const isFipsBuild = process.config.variables.openssl_is_fips === true;

function child(args, code) {
  return spawnSync(process.execPath, [...args, '-p', code], { encoding: 'utf8' });
}

if (isFipsBuild) {
  assert.ok(isAWSLC, 'the FIPS build is an AWS-LC build');
  // The module's version (ci: deps-awslc/awslc-fips.env's AWSLC_FIPS_VERSION).
  assert.match(process.versions.awslc, /^\d+\.\d+\.\d+$/);
  assert.strictEqual(crypto.getFips(), 1);
  crypto.setFips(true);  // Already in FIPS mode: a no-op.
  assert.strictEqual(crypto.getFips(), 1);
  assert.throws(() => crypto.setFips(false), {
    code: 'ERR_CRYPTO_FIPS_BUILD_PROPERTY',
    message: `FIPS mode is a property of this build (AWS-LC-FIPS ${process.versions.awslc}) ` +
             'and cannot be turned off',
  });
  assert.strictEqual(crypto.getFips(), 1);
  for (const flag of ['--enable-fips', '--force-fips']) {
    const r = child([flag], 'require("crypto").getFips()');
    assert.strictEqual(r.status, 0, `${flag}: ${r.stderr}`);
    assert.strictEqual(r.stdout.trim(), '1');
  }
  // Keys below the module's minimum (2048 bits) are refused with an error, not an abort.
  assert.throws(() => crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }),
                { code: 'ERR_OSSL_RSA_BAD_RSA_PARAMETERS', message: /BAD_RSA_PARAMETERS/ });
  crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });

  // TLS negotiates only FIPS-approved suites and groups: names outside them are
  // dropped from what the application configures; nothing left is an error.
  assert.throws(() => tls.createSecureContext({ ciphers: 'TLS_CHACHA20_POLY1305_SHA256' }),
                { code: 'ERR_SSL_NO_CIPHER_MATCH' });
  assert.throws(() => tls.createSecureContext({ ciphers: 'ECDHE-RSA-CHACHA20-POLY1305' }),
                { code: 'ERR_SSL_NO_CIPHER_MATCH' });
  assert.throws(() => tls.createSecureContext({ ecdhCurve: 'X25519' }),
                { code: 'ERR_CRYPTO_OPERATION_FAILED', message: /FIPS mode allows P-256, P-384, P-521/ });
  tls.createSecureContext({ ciphers: 'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384' });
  tls.createSecureContext({ ecdhCurve: 'X25519:P-384' });
  refusedPeers();
} else if (isAWSLC) {
  assert.strictEqual(crypto.getFips(), 0);
  crypto.setFips(false);  // Already out of FIPS mode: a no-op.
  assert.throws(() => crypto.setFips(true), {
    code: 'ERR_CRYPTO_FIPS_NOT_SUPPORTED',
    message: /^fips mode not supported: this build's AWS-LC \d+\.\d+\.\d+ is not a FIPS module$/,
  });
  assert.strictEqual(crypto.getFips(), 0);
  for (const flag of ['--enable-fips', '--force-fips']) {
    const r = child([flag], 'require("crypto").getFips()');
    assert.strictEqual(r.status, 1, `${flag} must fail on a non-FIPS build`);
    assert.match(r.stderr, /OpenSSL error when trying to enable FIPS:\nfips mode not supported: /);
  }
} else {
  // OpenSSL: FIPS depends on the provider configuration; only the type is fixed.
  assert.ok([0, 1].includes(crypto.getFips()));
}

// A process that used the RNG on the thread pool exits (patch `src-join-thread-pool-before-exit`; the FIPS module's
// at-exit zeroization blocked pool threads and hung every such process at exit).
{
  const r = spawnSync(process.execPath, ['-e', `
    const crypto = require('crypto');
    crypto.randomBytes(16, () => {});
    crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, () => {});
    crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  `], { encoding: 'utf8', timeout: 30_000 });
  assert.strictEqual(r.signal, null, 'the child hung at exit');
  assert.strictEqual(r.status, 0, r.stderr);
}

// TLS 1.3 and TLS 1.2 handshakes with FIPS cipher suites (AES-GCM). AWS-LC
// picks the TLS 1.3 suite itself (no ciphersuites setting), an AES-GCM one.
const cases = [
  { version: 'TLSv1.3', cipher: /^TLS_AES_(128_GCM_SHA256|256_GCM_SHA384)$/, options: {} },
  { version: 'TLSv1.2', cipher: /^ECDHE-RSA-AES128-GCM-SHA256$/,
    options: { ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' } },
  { version: 'TLSv1.2', cipher: /^ECDHE-RSA-AES256-GCM-SHA384$/,
    options: { ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' } },
];

function handshake(i) {
  if (i === cases.length) return;
  const { version, cipher, options } = cases[i];
  const server = tls.createServer({ key, cert, minVersion: version, maxVersion: version, ...options },
                                  common.mustCall((socket) => socket.end('ok')));
  server.listen(0, common.mustCall(() => {
    const socket = tls.connect({
      port: server.address().port, host: 'localhost', servername: 'agent1', ca,
      minVersion: version, maxVersion: version, ...options,
    }, common.mustCall(() => {
      assert.strictEqual(socket.getProtocol(), version);
      assert.match(socket.getCipher().name, cipher);
      socket.on('data', common.mustCall((data) => assert.strictEqual(data.toString(), 'ok')));
      socket.on('end', common.mustCall(() => {
        server.close();
        handshake(i + 1);
      }));
    }));
  }));
}
handshake(0);

// On the FIPS build a peer that offers only suites or groups outside the approved
// set is refused (openssl s_client from the build root plays the peer).
function refusedPeers() {
  const { opensslCli } = require('../common/crypto');
  const { spawn } = require('child_process');
  const peers = [
    ['-tls1_3', '-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256'],
    ['-tls1_3', '-groups', 'X25519'],
    ['-tls1_2', '-cipher', 'ECDHE-RSA-CHACHA20-POLY1305'],
  ];
  for (const args of peers) {
    const server = tls.createServer({ key, cert }, common.mustNotCall());
    server.on('tlsClientError', common.mustCall((err) => {
      assert.match(err.code, /^ERR_SSL_(NO_SHARED_CIPHER|NO_SHARED_GROUP|NO_SUITABLE_KEY_SHARE|HANDSHAKE_FAILURE_ON_CLIENT_HELLO)$/);
      server.close();
    }));
    server.listen(0, common.mustCall(() => {
      const client = spawn(opensslCli, ['s_client', '-connect', `127.0.0.1:${server.address().port}`, ...args],
                           { stdio: ['pipe', 'ignore', 'ignore'] });
      client.stdin.end();
      client.on('exit', common.mustCall((code) => assert.notStrictEqual(code, 0)));
    }));
  }
}
