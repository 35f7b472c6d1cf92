// kTLS and the FIPS module's boundary on a real kernel (run inside the qemu VM by
// scripts/ktls-vm-test.sh with out/node-fips): in FIPS mode { ktls: true } keeps the records
// in the module (userspace) and says why; with --tls-ktls-outside-fips-boundary the operator
// accepts records encrypted by the kernel, and the kernel's counters show it.
//
//   node-fips test/ktls-vm/ktls-fips.test.ts                 (node:test, TAP-like output)
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { getFips } from 'node:crypto';
import { once } from 'node:events';
import { test } from 'node:test';
import tls from 'node:tls';
import { selfSignedP256, tlsStat } from './common.ts';

const optedIn = process.execArgv.includes('--tls-ktls-outside-fips-boundary');
const { key, cert } = selfSignedP256('ktls-fips-');
const tlsTxSw = () => tlsStat().TlsTxSw;

// A connection (TLS 1.3 unless told) with { ktls: true } at both ends; 1 MiB from client
// to server.
async function transfer(maxVersion: tls.SecureVersion = 'TLSv1.3') {
  const server = tls.createServer({ key, cert, ktls: true, maxVersion });
  const received = new Promise<{ bytes: number; ktls: unknown }>((resolve) => {
    server.on('secureConnection', (socket) => {
      let bytes = 0;
      socket.on('data', (d) => { bytes += d.length; });
      socket.on('end', () => { resolve({ bytes, ktls: socket.ktls }); socket.end(); });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const client = tls.connect({ port, host: '127.0.0.1', ca: cert, servername: 'localhost', ktls: true });
  await once(client, 'secureConnect');
  const clientKtls = client.ktls;
  client.end(Buffer.alloc(1 << 20, 'k'));
  const atServer = await received;
  server.close();
  return { clientKtls, ...atServer };
}

test('the FIPS build is in FIPS mode and the kernel has kTLS', () => {
  assert.strictEqual(getFips(), 1);
  assert.ok(tlsTxSw() >= 0);
});

if (!optedIn) {
  test('without the opt-in, { ktls: true } stays in the module and says why', async () => {
    const reason = /FIPS mode: the kernel's TLS record encryption is outside the FIPS module's boundary \(--tls-ktls-outside-fips-boundary allows it\)/;
    assert.strictEqual(tls.ktlsAvailable(), false);
    assert.match(tls.getKtlsStatus().reason ?? '', reason);
    const before = tlsTxSw();
    const { clientKtls, bytes, ktls } = await transfer();
    assert.strictEqual(bytes, 1 << 20);
    for (const state of [clientKtls, ktls] as { tx: boolean; rx: boolean; reason: string }[]) {
      assert.strictEqual(state.tx, false);
      assert.strictEqual(state.rx, false);
      assert.match(state.reason, reason);
    }
    assert.strictEqual(tlsTxSw() - before, 0, 'no socket was handed to the kernel');
  });

  test('--tls-ktls-outside-fips-boundary in NODE_OPTIONS is the same opt-in', () => {
    const r = spawnSync(process.execPath, ['-p', 'require("tls").ktlsAvailable()'],
                        { env: { ...process.env, NODE_OPTIONS: '--tls-ktls-outside-fips-boundary' }, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout.trim(), 'true');
  });
} else {
  test('with --tls-ktls-outside-fips-boundary, both directions go to the kernel (TLS 1.2)', async () => {
    assert.strictEqual(tls.ktlsAvailable(), true);
    const before = tlsTxSw();
    const { clientKtls, bytes, ktls } = await transfer('TLSv1.2');
    assert.strictEqual(bytes, 1 << 20);
    assert.deepStrictEqual(clientKtls, { tx: true, rx: true, reason: null });
    assert.deepStrictEqual(ktls, { tx: true, rx: true, reason: null });
    assert.ok(tlsTxSw() - before >= 2, 'TlsTxSw rose by both ends');
  });

  // TLS 1.3 needs the traffic secrets from the library: AWS-LC-FIPS 4.x exports them,
  // 3.x does not (the connection then stays in userspace and says so).
  const hasTls13Secrets = Number(process.versions.awslc.split('.')[0]) >= 4;
  test(`with the opt-in, TLS 1.3 ${hasTls13Secrets ? 'goes to the kernel' : 'stays in userspace with the reason'}`, async () => {
    const before = tlsTxSw();
    const { clientKtls, bytes, ktls } = await transfer('TLSv1.3');
    assert.strictEqual(bytes, 1 << 20);
    if (hasTls13Secrets) {
      assert.deepStrictEqual(clientKtls, { tx: true, rx: true, reason: null });
      assert.deepStrictEqual(ktls, { tx: true, rx: true, reason: null });
      assert.ok(tlsTxSw() - before >= 2, 'TlsTxSw rose by both ends');
    } else {
      for (const state of [clientKtls, ktls] as { tx: boolean; rx: boolean; reason: string }[]) {
        assert.strictEqual(state.tx, false);
        assert.strictEqual(state.rx, false);
        assert.match(state.reason, /TLSv1\.3 is not supported by kTLS with this TLS library/);
      }
      assert.strictEqual(tlsTxSw() - before, 0);
    }
  });
}
