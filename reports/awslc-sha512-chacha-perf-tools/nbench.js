'use strict';
// node nbench.js tls <dur s> | aead <chunk> <total MiB> | hash <len> <total MiB>
// Prints one number: Mbit/s (tls), MiB/s (aead, hash) per second of process CPU time (user +
// system: the machine is shared; NBENCH_WALL=1 for wall time).
const crypto = require('crypto');
const fs = require('fs');
const [mode, a, b] = process.argv.slice(2);
const wall = !!process.env.NBENCH_WALL;
const clock = () => { if (wall) return Number(process.hrtime.bigint()) / 1e9; const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
if (mode === 'tls') {
  const tls = require('tls');
  const key = fs.readFileSync(__dirname + '/key.pem'), cert = fs.readFileSync(__dirname + '/cert.pem');
  const chunk = Buffer.alloc(64 * 1024, 'b');
  let received = 0, t0;
  const server = tls.createServer({ key, cert, ciphers: 'TLS_CHACHA20_POLY1305_SHA256', minVersion: 'TLSv1.3' }, (s) => {
    s.on('data', (d) => { received += d.length; });
    s.on('error', () => {});
  });
  server.listen(0, '127.0.0.1', () => {
    const conn = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: cert,
                               minVersion: 'TLSv1.3', ciphers: 'TLS_CHACHA20_POLY1305_SHA256' }, () => {
      if (conn.getCipher().standardName !== 'TLS_CHACHA20_POLY1305_SHA256') throw new Error(conn.getCipher().standardName);
      const r0 = received; t0 = clock();
      setTimeout(() => {
        const s = clock() - t0;
        console.log(((received - r0) * 8 / (1 << 20) / s).toFixed(0));
        process.exit(0);
      }, Number(a) * 1000);
      const write = () => { while (conn.write(chunk)); };
      conn.on('drain', write);
      write();
    });
  });
} else if (mode === 'aead') {
  const chunk = Number(a), total = Number(b) << 20;
  const data = Buffer.alloc(chunk, 'b'), key = crypto.randomBytes(32), iv = crypto.randomBytes(12);
  const t0 = clock();
  const c = crypto.createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
  c.setAAD(Buffer.alloc(13, 'z'));
  for (let done = 0; done < total; done += chunk) c.update(data);
  c.final(); c.getAuthTag();
  console.log((total / (1 << 20) / (clock() - t0)).toFixed(0));
} else if (mode === 'hash') {
  const len = Number(a), total = Number(b) << 20;
  const data = Buffer.alloc(len, 'b');
  const t0 = clock();
  const h = crypto.createHash('sha512');
  for (let done = 0; done < total; done += len) h.update(data);
  h.digest();
  console.log((total / (1 << 20) / (clock() - t0)).toFixed(0));
}
