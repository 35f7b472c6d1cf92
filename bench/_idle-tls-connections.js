'use strict';
// Memory per idle TLS 1.3 connection, each end in its own process.
//
//   node _idle-tls-connections.js N        prints {"server":B,"client":B} (bytes per connection)
//
// A server process and a client process (both this binary, --expose-gc) open N TLS 1.3
// connections (ECDSA P-256 certificate, the library's default group, no session reuse); the
// server writes one byte on each, the client reads it, then both hold every connection idle.
// Each process reports its RSS (after gc()) once `warm` connections are up and once all N are;
// bytes per connection = the RSS difference / (N - warm), so start-up and the first handshake's
// one-time allocations are not counted. Run by bench/run-bench.ts, not a benchmark.
const { fork } = require('child_process');
const tls = require('tls');
const { loadCerts } = require('./_tls-certs.js');

const warm = 50;
const inFlight = 32;

function settledRss() {
  globalThis.gc();
  return process.memoryUsage.rss();
}

function server(n) {
  const { key, cert } = loadCerts('ecdsa-p256');
  const held = [];
  let before;
  const srv = tls.createServer({ key, cert, minVersion: 'TLSv1.3' }, (socket) => {
    held.push(socket);
    socket.on('error', () => {});
    socket.write('x');
    if (held.length === warm) setTimeout(() => { before = settledRss(); process.send({ warm: true }); }, 200);
    if (held.length === n) setTimeout(() => process.send({ rss: settledRss() - before }), 500);
  });
  srv.listen(0, '127.0.0.1', () => process.send({ port: srv.address().port }));
}

function client(n, port) {
  const { ca } = loadCerts('ecdsa-p256');
  const held = [];
  let started = 0;
  let before;
  const open = () => {
    if (started === n || (started === warm && before === undefined)) return;
    started++;
    const socket = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca, minVersion: 'TLSv1.3' });
    socket.on('error', (err) => { throw err; });
    socket.once('data', () => {
      held.push(socket);
      if (held.length === n) setTimeout(() => process.send({ rss: settledRss() - before }), 500);
      open();
    });
  };
  process.on('message', (m) => {
    if (m.warmed) { before = settledRss(); for (let i = 0; i < inFlight; i++) open(); }
  });
  for (let i = 0; i < inFlight; i++) open();
}

function main(n) {
  if (!(n > warm)) throw new Error(`N must be a number above ${warm}`);
  const child = (...args) => fork(__filename, args, { execArgv: ['--expose-gc'], stdio: 'inherit' });
  const srv = child('server', String(n));
  const result = {};
  const done = () => {
    if (result.server === undefined || result.client === undefined) return;
    console.log(JSON.stringify({ server: result.server / (n - warm), client: result.client / (n - warm) }));
    srv.kill();
    cli.kill();
  };
  let cli;
  let serverWarm = false;
  srv.on('message', (m) => {
    if (m.port) {
      cli = child('client', String(n), String(m.port));
      cli.on('message', (c) => { if (c.rss !== undefined) { result.client = c.rss; done(); } });
    }
    if (m.warm && !serverWarm) { serverWarm = true; setTimeout(() => cli.send({ warmed: true }), 100); }
    if (m.rss !== undefined) { result.server = m.rss; done(); }
  });
}

const [role, n, port] = process.argv.slice(2);
if (role === 'server') server(Number(n));
else if (role === 'client') client(Number(n), Number(port));
else main(Number(role));
