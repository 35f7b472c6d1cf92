'use strict';
// Prints {"startRss":N,"handshakeRss":N} (bytes): the resident set size when this script starts,
// and after one TLS 1.3 handshake (ECDSA P-256 certificate, the library's default group)
// between a server and a client in this process. Run by bench/run-bench.ts, not a benchmark.
const startRss = process.memoryUsage.rss();
const tls = require('tls');
const { loadCerts } = require('./_tls-certs.js');

const { key, cert, ca } = loadCerts('ecdsa-p256');
const server = tls.createServer({ key, cert }, (socket) => socket.end('ok'));
server.listen(0, '127.0.0.1', () => {
  const conn = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca }, () => {
    conn.once('data', () => {
      const handshakeRss = process.memoryUsage.rss();
      conn.end();
      server.close();
      console.log(JSON.stringify({ startRss, handshakeRss }));
    });
  });
});
