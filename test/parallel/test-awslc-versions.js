'use strict';
// node-awslc: a program can tell which library node:crypto runs on, and
// process.versions.openssl stays set (Node's own test suite needs it).
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

assert.strictEqual(typeof process.features.openssl_is_awslc, 'boolean');
assert.match(process.versions.openssl, /^\d+\.\d+\.\d+/);

if (process.features.openssl_is_awslc) {
  assert.match(process.versions.awslc, /^\d+\.\d+\.\d+$/);
  // AWS-LC implements the OpenSSL 1.1.1 API and says so; its own release is
  // process.versions.awslc.
  assert.strictEqual(process.versions.openssl, '1.1.1');
  assert.strictEqual(crypto.constants.OPENSSL_VERSION_NUMBER, 0x1010107f);
  assert.strictEqual(process.features.openssl_is_boringssl, false);
  // Statically linked: no OpenSSL or AWS-LC shared object in this process.
  const maps = require('fs').readFileSync('/proc/self/maps', 'utf8');
  assert.doesNotMatch(maps, /lib(ssl|crypto)\.so/);
} else {
  assert.strictEqual(process.versions.awslc, undefined);
  assert.ok(!('awslc' in process.versions));
}
