// kTLS on a real kernel (run inside the qemu VM by scripts/ktls-vm-test.sh):
// out/node with { ktls: true } against itself and against OpenSSL's s_server /
// s_client, with the kernel's /proc/net/tls_stat as the witness.
//
//   node test/ktls-vm/ktls-kernel.test.ts        (node:test, TAP-like output)
//
// KTLS_BULK_MIB (default 64) sets the bulk transfer size per direction.
import assert from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import net from 'node:net';
import { once } from 'node:events';
import { after, test } from 'node:test';
import tls from 'node:tls';
import { selfSignedP256, tlsStat } from './common.ts';

const bulkMiB = Number(process.env.KTLS_BULK_MIB ?? 64);
const { keyFile, certFile, key, cert } = selfSignedP256('ktls-');

// Whatever a failed test leaves running (servers, openssl children) must not keep the
// process alive.
const cleanups: Array<() => void> = [];
after(() => { for (const cleanup of cleanups) cleanup(); });

type Options = { minVersion?: tls.SecureVersion; maxVersion?: tls.SecureVersion; ciphers?: string };

// A node server and client, both with ktls, connected over loopback (or
// through `via`, a port in between). Resolves once both are secure.
async function pair(options: Options, serverExtra: tls.TlsOptions = {}, via?: (port: number) => Promise<number>) {
  // allowHalfOpen: each side ends only its own direction (both stream at once).
  const server = tls.createServer({ key, cert, ktls: true, allowHalfOpen: true, ...options, ...serverExtra });
  server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close());
  await once(server, 'listening');
  const serverPort = (server.address() as net.AddressInfo).port;
  const port = via ? await via(serverPort) : serverPort;
  const accepted = once(server, 'secureConnection');
  const client = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ktls: true,
                               allowHalfOpen: true, ...options });
  await once(client, 'secureConnect');
  const [socket] = await accepted as [tls.TLSSocket];
  return { server, client, socket };
}

function sha256Of(stream: NodeJS.ReadableStream): Promise<{ bytes: number; digest: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  return new Promise((resolve, reject) => {
    stream.on('data', (d: Buffer) => { bytes += d.length; hash.update(d); });
    stream.on('end', () => resolve({ bytes, digest: hash.digest('hex') }));
    stream.on('error', reject);
  });
}

// Writes `total` random bytes in random-sized writes (1 B .. 64 KiB), honouring
// backpressure; resolves with the sha256 of what was written.
async function sendRandom(socket: tls.TLSSocket, total: number): Promise<string> {
  const hash = createHash('sha256');
  const pool = randomBytes(1 << 20);
  let sent = 0;
  while (sent < total) {
    const size = Math.min(total - sent, randomInt(1, 65537));
    const offset = randomInt(0, pool.length - size + 1);
    const chunk = pool.subarray(offset, offset + size);
    hash.update(chunk);
    sent += size;
    if (!socket.write(chunk)) await once(socket, 'drain');
  }
  return hash.digest('hex');
}

const cases: Array<[string, Options]> = [
  ['TLS 1.3 AES-128-GCM', { minVersion: 'TLSv1.3', ciphers: 'TLS_AES_128_GCM_SHA256' }],
  ['TLS 1.3 AES-256-GCM', { minVersion: 'TLSv1.3', ciphers: 'TLS_AES_256_GCM_SHA384' }],
  ['TLS 1.3 ChaCha20-Poly1305', { minVersion: 'TLSv1.3', ciphers: 'TLS_CHACHA20_POLY1305_SHA256' }],
  ['TLS 1.2 AES-128-GCM', { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' }],
  ['TLS 1.2 AES-256-GCM', { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' }],
  ['TLS 1.2 ChaCha20-Poly1305', { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305' }],
];

test('the host has kTLS', { timeout: 10_000 }, () => {
  assert.strictEqual(tls.ktlsAvailable(), true);
});

for (const [name, options] of cases) {
  // The first case moves bulkMiB each way; the others 4 MiB (TCG is slow).
  const mib = name === cases[0][0] ? bulkMiB : 4;
  test(`${name}: both directions in the kernel, ${mib} MiB each way, sha256-verified`, { timeout: 120_000 }, async () => {
    const before = tlsStat();
    const { server, client, socket } = await pair(options);
    assert.deepStrictEqual(client.ktls, { tx: true, rx: true, reason: null });
    assert.deepStrictEqual(socket.ktls, { tx: true, rx: true, reason: null });
    // The TLS state stays readable after the switch.
    assert.ok(client.getCipher().name);
    assert.strictEqual(client.getProtocol(), options.maxVersion ?? 'TLSv1.3');
    assert.strictEqual(client.exportKeyingMaterial(32, 'k').length, 32);
    assert.ok(client.getPeerCertificate().subject);
    assert.ok(client.getSession());

    const total = mib << 20;
    const atServer = sha256Of(socket);
    const atClient = sha256Of(client);
    // If it stalls, say where (bytes each way, kTLS state, write queues).
    const progress = setInterval(() => {
      console.log(`# progress: server read ${socket.bytesRead} wrote ${socket.bytesWritten}` +
                  ` (queued ${socket.writableLength}) ${JSON.stringify(socket.ktls)};` +
                  ` client read ${client.bytesRead} wrote ${client.bytesWritten}` +
                  ` (queued ${client.writableLength}) ${JSON.stringify(client.ktls)}`);
    }, 20_000);
    progress.unref();
    for (const s of [socket, client]) s.on('close', () => clearInterval(progress));
    const [c2s, s2c] = await Promise.all([
      sendRandom(client, total).then((d) => { client.end(); return d; }),
      sendRandom(socket, total).then((d) => { socket.end(); return d; }),
    ]);
    assert.deepStrictEqual(await atServer, { bytes: total, digest: c2s });
    assert.deepStrictEqual(await atClient, { bytes: total, digest: s2c });
    server.close();

    const after = tlsStat();
    assert.ok(after.TlsTxSw - before.TlsTxSw >= 2, 'TlsTxSw rose by both ends');
    assert.ok(after.TlsRxSw - before.TlsRxSw >= 2, 'TlsRxSw rose by both ends');
    assert.strictEqual(after.TlsDecryptError - before.TlsDecryptError, 0);
  });
}

test('TLS 1.3 client with a session listener: ticket first, then RX in the kernel', { timeout: 30_000 }, async () => {
  // The server answers a little later, so the client has switched RX by then.
  const server = tls.createServer({ key, cert, ktls: true }, (s) => setTimeout(() => s.end('hi'), 500));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = tls.connect({ port: (server.address() as net.AddressInfo).port, host: '127.0.0.1',
                               rejectUnauthorized: false, ktls: true });
  const session = once(client, 'session');
  await once(client, 'secureConnect');
  assert.deepStrictEqual(client.ktls, { tx: true, rx: false, reason: 'RX waits for the first TLS 1.3 session ticket' });
  const data = sha256Of(client);
  assert.ok((await session)[0] instanceof Buffer);
  const [chunk] = await once(client, 'data');
  assert.strictEqual(chunk.toString(), 'hi');
  assert.deepStrictEqual(client.ktls, { tx: true, rx: true, reason: null });
  await data;
  server.close();
});

// OpenSSL as the peer. s_server sends what arrives on its stdin; a line "k" /
// "K" makes it send a KeyUpdate (K: and ask for ours).
function openssl(args: string[]): ChildProcess & { out: () => string } {
  const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] }) as ChildProcess & { out: () => string };
  cleanups.push(() => child.kill());
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  child.out = () => out;
  return child;
}

async function until(what: string, cond: () => boolean, ms = 20000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const [name, args] of [['TLS 1.3', ['-tls1_3']], ['TLS 1.2', ['-tls1_2']]] as const) {
  test(`${name}: interop with openssl s_server${name === 'TLS 1.3' ? ', KeyUpdate both ways' : ''}`, { timeout: 60_000 }, async () => {
    const port = 20000 + randomInt(0, 20000);
    const server = openssl(['s_server', '-accept', `127.0.0.1:${port}`, '-cert', certFile,
                            '-key', keyFile, ...args, '-ign_eof']);
    await until('s_server', () => /ACCEPT/.test(server.out()));
    const client = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ktls: true });
    await once(client, 'secureConnect');
    assert.deepStrictEqual(client.ktls, { tx: true, rx: true, reason: null });
    let got = '';
    client.on('data', (d) => { got += d; });

    client.write('from-node-1\n');
    await until('s_server to read', () => server.out().includes('from-node-1'));
    server.stdin!.write('from-openssl-1\n');
    await until('node to read', () => got.includes('from-openssl-1'));

    if (name === 'TLS 1.3') {
      // "k": s_server re-keys its sending side; "K": and asks us to re-key ours. The kernel's
      // counters witness our side: RX re-keyed for each, TX for "K". Data must flow both
      // ways under the new keys afterwards.
      for (const cmd of ['k', 'K']) {
        const before = tlsStat();
        server.stdin!.write(`${cmd}\n`);
        await until(`RX re-key after ${cmd}`, () => tlsStat().TlsRxRekeyOk > before.TlsRxRekeyOk);
        if (cmd === 'K')
          await until('TX re-key after K', () => tlsStat().TlsTxRekeyOk > before.TlsTxRekeyOk);
        server.stdin!.write(`after-${cmd}\n`);
        await until(`data after ${cmd}`, () => got.includes(`after-${cmd}`));
        client.write(`node-after-${cmd}\n`);
        await until(`s_server reads after ${cmd}`, () => server.out().includes(`node-after-${cmd}`));
        assert.strictEqual(tlsStat().TlsRxRekeyError, before.TlsRxRekeyError);
      }
    }
    // close_notify from us: s_server sees a clean shutdown.
    client.end();
    await once(client, 'close');
    await until('s_server to see close_notify', () => /DONE|shutting down SSL|CONNECTION CLOSED/.test(server.out()));
    assert.doesNotMatch(server.out(), /alert|error:/i);
    server.kill();
  });
}

// A reader paused (readStop) in front of a KeyUpdate: the kernel's poll() does not report
// that record as readable, so resuming must look for records itself (patch `tls-ktls-attach`), or RX
// stays on the old key until the peer happens to send more.
test('TLS 1.3: a KeyUpdate that arrives while reading is stopped is handled on readStart', { timeout: 60_000 }, async () => {
  const port = 20000 + randomInt(0, 20000);
  const server = openssl(['s_server', '-accept', `127.0.0.1:${port}`, '-cert', certFile,
                          '-key', keyFile, '-tls1_3', '-ign_eof']);
  await until('s_server', () => /ACCEPT/.test(server.out()));
  const client = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ktls: true });
  await once(client, 'secureConnect');
  assert.deepStrictEqual(client.ktls, { tx: true, rx: true, reason: null });
  // The socket's handle is what readStop()/readStart() act on (net.Socket calls them under
  // backpressure); call them directly so the stop falls right after the data record.
  const handle = (client as unknown as { _handle: { readStop(): number; readStart(): number } })._handle;
  let got = '';
  let stopped = false;
  client.on('data', (d) => {
    got += d;
    if (!stopped && got.includes('before-k')) {
      stopped = true;
      handle.readStop();
    }
  });
  client.write('hello\n');
  await until('s_server to read', () => server.out().includes('hello'));
  const before = tlsStat();
  server.stdin!.write('before-k\n');
  await until('node to read before-k', () => got.includes('before-k'));
  server.stdin!.write('k\n');  // the KeyUpdate reaches the kernel while we are paused
  await new Promise((r) => setTimeout(r, 500));
  assert.strictEqual(tlsStat().TlsRxRekeyOk, before.TlsRxRekeyOk, 'nothing read while paused');
  handle.readStart();
  await until('RX re-key after resume, before any new data', () => tlsStat().TlsRxRekeyOk > before.TlsRxRekeyOk, 5000);
  server.stdin!.write('after-k\n');
  await until('data after the KeyUpdate', () => got.includes('after-k'));
  client.end();
  await once(client, 'close');
  server.kill();
});

// A KeyUpdate flood (a known denial of service on kTLS servers: every KeyUpdate re-keys the
// kernel): more than 32 KeyUpdates without data between them close the connection with
// ERR_TLS_KTLS_KEY_UPDATE_FLOOD and an unexpected_message alert; as many KeyUpdates with data
// between them are fine.
test('TLS 1.3: a KeyUpdate flood is refused, KeyUpdates between data are not', { timeout: 120_000 }, async () => {
  for (const flood of [false, true]) {
    const port = 20000 + randomInt(0, 20000);
    const server = openssl(['s_server', '-accept', `127.0.0.1:${port}`, '-cert', certFile,
                            '-key', keyFile, '-tls1_3', '-ign_eof']);
    await until('s_server', () => /ACCEPT/.test(server.out()));
    const client = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ktls: true });
    await once(client, 'secureConnect');
    assert.deepStrictEqual(client.ktls, { tx: true, rx: true, reason: null });
    let got = '';
    let error: (Error & { code?: string }) | undefined;
    client.on('data', (d) => { got += d; });
    client.on('error', (e) => { error = e; });
    client.write('hello\n');
    await until('s_server to read', () => server.out().includes('hello'));
    const before = tlsStat();
    // One stdin line per KeyUpdate: s_server reads a command per read, so pause between.
    for (let i = 0; i < 40; i++) {
      server.stdin!.write('k\n');
      await until(`KeyUpdate ${i + 1} sent`, () => tlsStat().TlsRxRekeyOk > before.TlsRxRekeyOk + i || error !== undefined, 5000);
      if (error) break;
      if (!flood) {
        server.stdin!.write(`data-${i}\n`);
        await until(`data-${i}`, () => got.includes(`data-${i}`));
      }
    }
    if (flood) {
      await until('the flood error', () => error !== undefined);
      assert.strictEqual(error!.code, 'ERR_TLS_KTLS_KEY_UPDATE_FLOOD');
      assert.strictEqual(tlsStat().TlsRxRekeyOk - before.TlsRxRekeyOk, 32, 'exactly 32 re-keys before refusing');
      await until('s_server to get the alert', () => /alert|unexpected message|shut ?down|DONE/i.test(server.out()));
    } else {
      assert.strictEqual(error, undefined);
      assert.strictEqual(tlsStat().TlsRxRekeyOk - before.TlsRxRekeyOk, 40);
      client.end();
      await once(client, 'close');
    }
    server.kill();
  }
});

test('TLS 1.3: openssl s_client talks to a kTLS server, close_notify ends it cleanly', { timeout: 60_000 }, async () => {
  const server = tls.createServer({ key, cert, ktls: true }, (s) => {
    assert.deepStrictEqual(s.ktls, { tx: true, rx: true, reason: null });
    s.setEncoding('latin1');
    s.on('data', (d) => { if (d.includes('ping')) s.write('pong\n'); });
    s.on('end', () => s.end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  // No -ign_eof: it turns s_client's command letters ("k") off.
  const client = openssl(['s_client', '-connect', `127.0.0.1:${port}`, '-tls1_3']);
  await until('s_client handshake', () => /Verify return code/.test(client.out()));
  client.stdin!.write('ping\n');
  await until('pong', () => client.out().includes('pong'));
  // s_client sends its KeyUpdate with its next write.
  const before = tlsStat();
  client.stdin!.write('k\n');
  await new Promise((r) => setTimeout(r, 200));
  client.stdin!.write('ping\n');
  await until('pong after KeyUpdate', () => client.out().split('pong').length > 2);
  assert.ok(tlsStat().TlsRxRekeyOk > before.TlsRxRekeyOk, 'the server re-keyed its RX');
  client.stdin!.end();
  await once(client, 'exit');
  server.close();
});

test('a tampered record is an error, never plaintext', { timeout: 30_000 }, async () => {
  let flip = false;
  let proxySockets: net.Socket[] = [];
  const via = async (serverPort: number) => {
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(serverPort, '127.0.0.1');
      proxySockets.push(inbound, outbound);
      inbound.on('data', (d: Buffer) => {
        if (flip) { d = Buffer.from(d); d[d.length - 1] ^= 0x80; flip = false; }
        outbound.write(d);
      });
      outbound.pipe(inbound);
      inbound.on('error', () => {});
      outbound.on('error', () => {});
    });
    proxy.listen(0, '127.0.0.1');
    cleanups.push(() => proxy.close());
    await once(proxy, 'listening');
    return (proxy.address() as net.AddressInfo).port;
  };
  const { server, client, socket } = await pair({ minVersion: 'TLSv1.3' }, {}, via);
  const before = tlsStat();
  let received = 0;
  socket.on('data', (d) => { received += d.length; });
  const failed = once(socket, 'error');
  client.on('error', () => {});
  flip = true;
  client.write(Buffer.alloc(1000, 'a'));
  const [err] = await failed;
  assert.strictEqual(err.code, 'ERR_TLS_KTLS_BAD_RECORD');
  assert.strictEqual(received, 0);
  assert.strictEqual(tlsStat().TlsDecryptError - before.TlsDecryptError, 1);
  client.destroy();
  for (const s of proxySockets) s.destroy();
  server.close();
});

test(`throughput: userspace vs kTLS, ${bulkMiB} MiB client->server (VM, TCG: indicative only)`, { timeout: 180_000 }, async () => {
  const rates: Record<string, number> = {};
  // Interleaved: userspace, kTLS, userspace, kTLS.
  for (const ktls of [false, true, false, true]) {
    const server = tls.createServer({ key, cert, ktls, ciphers: 'TLS_AES_128_GCM_SHA256' });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'secureConnection');
    const client = tls.connect({ port: (server.address() as net.AddressInfo).port, host: '127.0.0.1',
                                 rejectUnauthorized: false, ktls });
    await once(client, 'secureConnect');
    const [socket] = await accepted as [tls.TLSSocket];
    assert.strictEqual(socket.ktls.rx, ktls);
    const chunk = Buffer.alloc(64 * 1024, 'z');
    const total = bulkMiB << 20;
    const start = process.hrtime.bigint();
    const done = sha256Of(socket);
    for (let sent = 0; sent < total; sent += chunk.length)
      if (!client.write(chunk)) await once(client, 'drain');
    client.end();
    await done;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const mode = ktls ? 'ktls' : 'userspace';
    rates[mode] = Math.max(rates[mode] ?? 0, bulkMiB / seconds);
    server.close();
  }
  const ratio = rates.ktls / rates.userspace;
  console.log(`# throughput MiB/s: userspace ${rates.userspace.toFixed(1)}, ` +
              `kTLS ${rates.ktls.toFixed(1)}, ratio kTLS/userspace ${ratio.toFixed(2)} (best of 2 each)`);
});
