'use strict';
// Certificates for the TLS benchmarks in this directory, made once per directory with the
// `openssl` command: for each kind a self-signed CA and a `localhost` leaf it signs.
//
//   const { loadCerts } = require('./_tls-certs.js');
//   const { key, cert, ca } = loadCerts('ecdsa-p256');   // or 'rsa-2048'
//
// The directory is $NODE_AWSLC_BENCH_CERTS, else <tmpdir>/node-awslc-bench-certs.
// (Files starting with '_' are not benchmarks: benchmark/compare.js skips them.)
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const newKeyArgs = {
  'ecdsa-p256': ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'rsa-2048': ['-newkey', 'rsa:2048'],
};

function certDir() {
  return process.env.NODE_AWSLC_BENCH_CERTS || path.join(os.tmpdir(), 'node-awslc-bench-certs');
}

function makeCerts(dir, kind) {
  const tmp = `${dir}.tmp${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const openssl = (...args) => execFileSync('openssl', args, { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-nodes', ...newKeyArgs[kind], '-sha256', '-days', '3650',
          '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-subj', `/CN=node-awslc bench CA ${kind}`,
          '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-new', '-nodes', ...newKeyArgs[kind], '-keyout', 'key.pem', '-out', 'csr.pem',
          '-subj', '/CN=localhost');
  fs.writeFileSync(path.join(tmp, 'leaf.ext'),
                   'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-sha256', '-days', '3650', '-in', 'csr.pem', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem',
          '-set_serial', '2', '-extfile', 'leaf.ext', '-out', 'cert.pem');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
}

function loadCerts(kind) {
  if (!newKeyArgs[kind]) throw new Error(`unknown certificate kind '${kind}' (${Object.keys(newKeyArgs)})`);
  const dir = path.join(certDir(), kind);
  if (!fs.existsSync(path.join(dir, 'cert.pem'))) makeCerts(dir, kind);
  const read = (name) => fs.readFileSync(path.join(dir, name));
  return { key: read('key.pem'), cert: read('cert.pem'), ca: read('ca.pem') };
}

module.exports = { loadCerts, certKinds: Object.keys(newKeyArgs) };
