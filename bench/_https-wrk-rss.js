'use strict';
// An https server's memory under wrk with many keep-alive connections.
//
//   node _https-wrk-rss.js CONNECTIONS SECONDS   prints {"startRss":B,"peakRss":B,"endRss":B}
//
// The server (ECDSA P-256 certificate, response 'hello world\n') runs in this process; wrk
// ($NODE_AWSLC_WRK, one thread) holds CONNECTIONS keep-alive connections for SECONDS.
// startRss: when the server listens; peakRss: VmHWM, the peak over the run; endRss: while wrk's
// connections are still open, just before it stops (sampled every 100 ms, the last sample).
// Run by bench/run-bench.ts, not a benchmark.
const https = require('https');
const fs = require('fs');
const { execFile } = require('child_process');
const { loadCerts } = require('./_tls-certs.js');

const [connections, seconds] = process.argv.slice(2).map(Number);
const { key, cert } = loadCerts('ecdsa-p256');
const server = https.createServer({ key, cert }, (req, res) => res.end('hello world\n'));
server.on('tlsClientError', () => {}); // wrk closes connections mid-handshake when it stops
server.listen(0, '127.0.0.1', () => {
  const startRss = process.memoryUsage.rss();
  let endRss = startRss;
  const sampler = setInterval(() => { endRss = process.memoryUsage.rss(); }, 100);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, `https://127.0.0.1:${server.address().port}/`];
  execFile(process.env.NODE_AWSLC_WRK || 'wrk', args, (err, stdout, stderr) => {
    clearInterval(sampler);
    if (err) throw new Error(`wrk failed: ${err.message}\n${stderr}`);
    const requests = /(\d+) requests in/.exec(stdout);
    const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
    const failed = errors ? errors.slice(1).reduce((sum, v) => sum + Number(v), 0) : 0;
    if (!requests || failed > connections / 100) throw new Error(`wrk had ${failed} socket errors:\n${stdout}`);
    const peakRss = Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
    console.log(JSON.stringify({ startRss, peakRss, endRss }));
    process.exit(0);
  });
});
