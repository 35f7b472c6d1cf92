'use strict';
// Key generation per second for the key types TLS uses (benchmark/crypto/keygen.js has RSA-1024
// and DSA only): EC P-256, Ed25519, X25519, synchronous.
const common = require('../common.js');
const { generateKeyPairSync } = require('crypto');

const types = {
  'ec-p256': ['ec', { namedCurve: 'P-256' }],
  'ed25519': ['ed25519', {}],
  'x25519': ['x25519', {}],
};

const bench = common.createBenchmark(main, {
  type: Object.keys(types),
  n: [1e3],
});

function main({ type, n }) {
  const [kind, options] = types[type];
  bench.start();
  for (let i = 0; i < n; i++) generateKeyPairSync(kind, options);
  bench.end(n);
}
