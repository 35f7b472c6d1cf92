'use strict';
// The TLS server that scripts/tlsfuzzer.sh points tlsfuzzer at: a default tls.createServer()
// (TLS 1.2 + 1.3, the default cipher list and groups, no client certificates, no
// renegotiation) with the RSA certificate, and the ECDSA one as a second certificate when
// given, answering like `openssl s_server -www`, which the tlsfuzzer scripts are written
// against: once a request's headers are complete (an empty line: "\r\n\r\n", or the "\n\n"
// many scripts send), one HTTP/1.0 response in a single write (so a single application-data
// record, as the scripts expect one), then close_notify.
//
//   node server.js --key=rsa.key --cert=rsa.pem [--key=ec.key --cert=ec.pem] [--port=0]
//
// Prints "tlsfuzzer target: <versions>" and "listening <port>" on stdout once it accepts
// connections; runs until killed.
// Handshake errors and aborted connections are what tlsfuzzer provokes: they close the
// connection and are otherwise ignored.
const fs = require('fs');
const tls = require('tls');

const keys = [];
const certs = [];
let port = 0;
for (const arg of process.argv.slice(2)) {
  const m = /^--(key|cert|port)=(.+)$/.exec(arg);
  if (!m) {
    console.error(`server.js: unknown argument '${arg}'`);
    process.exit(2);
  }
  if (m[1] === 'key') keys.push(fs.readFileSync(m[2]));
  else if (m[1] === 'cert') certs.push(fs.readFileSync(m[2]));
  else port = Number(m[2]);
}
if (keys.length === 0 || keys.length !== certs.length) {
  console.error('server.js: give --key= and --cert= in pairs (at least one)');
  process.exit(2);
}

const body = 'node ' + process.version +
  (process.versions.awslc ? ' AWS-LC ' + process.versions.awslc : ' OpenSSL ' + process.versions.openssl) + '\n';
const server = tls.createServer({ key: keys, cert: certs }, (socket) => {
  let head = '';
  let answered = false;
  socket.on('data', (chunk) => {
    if (answered) return;
    head += chunk.toString('latin1');
    if (head.length > 1 << 20) { socket.destroy(); return; }
    if (!/\r?\n\r?\n/.test(head)) return;
    answered = true;
    const proto = socket.getProtocol();
    const text = body + 'protocol ' + proto + ', cipher ' + socket.getCipher().name + '\n';
    socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ' + text.length +
               '\r\n\r\n' + text);
  });
  // After the handshake a TLS error (a bad record, a malformed KeyUpdate) is emitted on the
  // socket, which Node leaves open; close it as an HTTP server does (that also flushes the
  // alert the library queued), or the peer sees silence until its timeout.
  socket.on('error', () => socket.destroy());
});
server.on('tlsClientError', () => {});
server.listen(port, '127.0.0.1', () => {
  console.log('tlsfuzzer target: ' + body.trim());
  console.log('listening ' + server.address().port);
});
