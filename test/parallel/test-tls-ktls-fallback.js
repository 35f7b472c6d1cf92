'use strict';
// kTLS attach hook (tls.connect/createServer({ ktls: true })): the API on any
// host. Where the kernel cannot take the connection (no CONFIG_TLS here), the
// socket stays in userspace, says why in .ktls.reason, and data flows as
// before. Where it can (the qemu VM of scripts/ktls-vm.sh), both directions
// are in the kernel and the same data flows.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const https = require('https');
const tls = require('tls');
const fixtures = require('../common/fixtures');

const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');
const available = tls.ktlsAvailable();
assert.strictEqual(typeof available, 'boolean');

// Option validation and defaults.
assert.throws(() => tls.createServer({ key, cert, ktls: 'yes' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.connect({ port: 1, ktls: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
// kTLS sockets are pooled apart from userspace ones.
assert.match(new https.Agent().getName({ ktls: true }), /:ktls/);
assert.doesNotMatch(new https.Agent().getName({}), /ktls/);

function checkState(state, side) {
  assert.deepStrictEqual(Object.keys(state).sort(), ['reason', 'rx', 'tx']);
  if (state.tx && state.rx) {
    assert.strictEqual(state.reason, null, side);
  } else {
    assert.strictEqual(typeof state.reason, 'string', side);
    assert.notStrictEqual(state.reason, 'pending', side);
  }
  if (!available) {
    assert.strictEqual(state.tx, false, side);
    assert.strictEqual(state.rx, false, side);
  }
}

// Runs one connection; `options` go to both ends. Echo of a 1 MiB payload.
function run(options, expect, next) {
  const payload = Buffer.alloc(1024 * 1024, 'x');
  const server = tls.createServer({ key, cert, ...options }, common.mustCall((s) => {
    expect(s.ktls, 'server');
    s.pipe(s);
  }));
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({
      port: server.address().port,
      rejectUnauthorized: false,
      ...options,
    }, common.mustCall(() => {
      expect(client.ktls, 'client');
      assert.strictEqual(client.getProtocol(), options.maxVersion ?? 'TLSv1.3');
      assert.ok(client.getPeerCertificate().subject);
      assert.strictEqual(client.exportKeyingMaterial(16, 'label').length, 16);
      client.end(payload);
    }));
    const chunks = [];
    client.on('data', (d) => chunks.push(d));
    client.on('end', common.mustCall(() => {
      assert.deepStrictEqual(Buffer.concat(chunks), payload);
      server.close(next);
    }));
  }));
}

// Not requested: userspace, reason says so.
run({}, (state, side) => {
  assert.deepStrictEqual(state, { tx: false, rx: false, reason: 'not requested' });
}, common.mustCall(() => {
  // Requested, eligible (TLS 1.3, AES-GCM).
  run({ ktls: true }, checkState, common.mustCall(() => {
    // Requested, TLS 1.2 ChaCha20-Poly1305.
    run({ ktls: true, maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-CHACHA20-POLY1305' },
        checkState, common.mustCall(() => {
          // Requested, ineligible cipher: userspace with the reason.
          run({ ktls: true, maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-SHA' },
              (state, side) => {
                assert.strictEqual(state.tx, false, side);
                assert.strictEqual(state.rx, false, side);
                assert.match(state.reason,
                             /cipher .* is not supported by kTLS|build has no kTLS/,
                             side);
              }, common.mustCall());
        }));
  }));
}));
