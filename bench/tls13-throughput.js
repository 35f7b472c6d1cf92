'use strict';
// Bulk TLS 1.3 throughput per cipher suite, client to server in this process (as
// tls/throughput-c2s.js, which is TLS 1.2 AES256-GCM-SHA384 only): the client writes `size`-byte
// buffers for `dur` seconds, the server counts what it decrypted. Rate: Mbit/s (2^20 bits).
const common = require('../common.js');
const tls = require('tls');
const { loadCerts } = require('./_tls-certs.js');

const bench = common.createBenchmark(main, {
  cipher: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'],
  size: [64 * 1024],
  dur: [5],
});

function main({ cipher, size, dur }) {
  const { key, cert, ca } = loadCerts('ecdsa-p256');
  const chunk = Buffer.alloc(size, 'b');
  let received = 0;
  const server = tls.createServer({ key, cert, ciphers: cipher, minVersion: 'TLSv1.3' }, (socket) => {
    socket.on('data', (data) => { received += data.length; });
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1', () => {
    const conn = tls.connect({
      port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca, minVersion: 'TLSv1.3',
    }, () => {
      const negotiated = conn.getCipher().standardName;
      if (negotiated !== cipher) throw new Error(`negotiated ${negotiated}, not ${cipher}`);
      setTimeout(() => {
        bench.end((received * 8) / (1024 * 1024));
        process.exit(0);
      }, dur * 1000);
      bench.start();
      const write = () => { while (conn.write(chunk)); };
      conn.on('drain', write);
      write();
    });
    conn.on('error', (err) => { throw err; });
  });
}
