'use strict';
// An https server's requests per second under wrk (one wrk thread, `connections` connections,
// `dur` seconds; response 'hello world\n'). keepalive=off sends `Connection: close`, so every
// request is a new TLS connection (a full handshake: wrk does not resume sessions);
// keepalive=on measures request handling over established connections.
// wrk is $NODE_AWSLC_WRK (default: `wrk` on PATH). Rate: requests/s as wrk reports it.
const common = require('../common.js');
const https = require('https');
const { execFile } = require('child_process');
const { loadCerts } = require('./_tls-certs.js');

const bench = common.createBenchmark(main, {
  keepalive: ['on', 'off'],
  cert: ['ecdsa-p256', 'rsa-2048'],
  connections: [16],
  dur: [5],
});

function main({ keepalive, cert, connections, dur }) {
  const { key, cert: certPem } = loadCerts(cert);
  const server = https.createServer({ key, cert: certPem }, (req, res) => {
    res.end('hello world\n');
  });
  server.on('tlsClientError', () => {}); // wrk closes connections mid-handshake when it stops
  server.listen(0, '127.0.0.1', () => {
    const args = ['-t1', `-c${connections}`, `-d${dur}s`];
    if (keepalive === 'off') args.push('-H', 'Connection: close');
    args.push(`https://127.0.0.1:${server.address().port}/`);
    const started = process.hrtime.bigint();
    execFile(process.env.NODE_AWSLC_WRK || 'wrk', args, (err, stdout, stderr) => {
      const elapsed = process.hrtime.bigint() - started;
      if (err) throw new Error(`wrk failed: ${err.message}\n${stderr}`);
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
      const requests = /(\d+) requests in/.exec(stdout);
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
      if (!rps || !requests) throw new Error(`cannot read wrk's output:\n${stdout}`);
      const failed = errors ? errors.slice(1).reduce((sum, v) => sum + Number(v), 0) : 0;
      if (failed > Number(requests[1]) / 100) throw new Error(`wrk saw ${failed} socket errors:\n${stdout}`);
      server.close();
      bench.report(Number(rps[1]), elapsed);
      setTimeout(() => process.exit(0), 100);
    });
  });
}
