'use strict';
// ecdh.computeSecret() with a peer key it cannot use throws; it never returns the
// contents of its uninitialized output buffer. AWS-LC's ECDH_compute_key() reports
// errors as -1, which a check for 0 let through (32 bytes of heap were returned).
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

for (const curve of ['prime256v1', 'secp384r1', 'secp521r1']) {
  const ecdh = crypto.createECDH(curve);
  ecdh.generateKeys();
  // The point at infinity, encoded as one zero byte.
  assert.throws(() => ecdh.computeSecret(Buffer.from([0])),
                { code: 'ERR_CRYPTO_OPERATION_FAILED', message: 'Failed to compute ECDH key' });
  // A good peer key still works, on both sides.
  const peer = crypto.createECDH(curve);
  peer.generateKeys();
  assert.deepStrictEqual(ecdh.computeSecret(peer.getPublicKey()),
                         peer.computeSecret(ecdh.getPublicKey()));
}
