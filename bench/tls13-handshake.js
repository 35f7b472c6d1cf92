'use strict';
// TLS 1.3 handshakes per second, client and server in this process (as tls/tls-connect.js):
// `full` handshakes (key exchange + certificate + CertificateVerify, the client verifies the
// chain and the name) or `resumed` ones (PSK-DHE with a ticket from a first connection, no
// certificate), with an ECDSA P-256 or an RSA-2048 leaf. `group` is the key-exchange group:
// a fixed X25519, or `default` (what the library offers by itself; hybrid ML-KEM on OpenSSL
// 3.5+ and AWS-LC 5).
const common = require('../common.js');
const tls = require('tls');
const { loadCerts } = require('./_tls-certs.js');

const bench = common.createBenchmark(main, {
  cert: ['ecdsa-p256', 'rsa-2048'],
  mode: ['full', 'resumed'],
  group: ['X25519', 'default'],
  concurrency: [1],
  dur: [5],
});

function main({ cert, mode, group, concurrency, dur }) {
  const { key, cert: certPem, ca } = loadCerts(cert);
  const groupOption = group === 'default' ? {} : { ecdhCurve: group };
  // The server answers each connection with two bytes, as a server answers a request.
  // (An AWS-LC server under Node sends its session tickets only with its first write.)
  const server = tls.createServer({ key, cert: certPem, minVersion: 'TLSv1.3', ...groupOption }, (socket) => {
    socket.on('error', () => {}); // a client may go before the server's close_notify
    socket.end('ok');
  });
  let session;
  let handshakes = 0;
  let running = true;

  // Connect, wait for the server's bytes (and, when `wantSession`, a ticket), then `next`.
  function connect(wantSession, next) {
    let waiting = wantSession ? 2 : 1;
    const conn = tls.connect({
      port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca,
      minVersion: 'TLSv1.3', session: mode === 'resumed' ? session : undefined, ...groupOption,
    }, () => {
      if (mode === 'resumed' && session && !conn.isSessionReused()) throw new Error('the session was not resumed');
    });
    const done = () => { if (--waiting === 0) { conn.end(); next(); } };
    if (wantSession) conn.once('session', (s) => { session = s; done(); });
    conn.once('data', done);
    conn.on('error', (err) => { throw err; });
  }

  function loop() {
    if (!running) return;
    handshakes++;
    connect(false, loop);
  }

  server.listen(0, '127.0.0.1', () => {
    // A first connection gets the ticket that every `resumed` connection offers.
    connect(true, () => {
      setTimeout(() => {
        running = false;
        bench.end(handshakes);
        process.exit(0);
      }, dur * 1000);
      bench.start();
      for (let i = 0; i < concurrency; i++) connect(false, loop);
    });
  });
}
