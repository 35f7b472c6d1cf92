'use strict';
// AEAD encryption throughput the way a stream feeds a cipher: one Cipher object, `chunk`-byte
// update() calls until `total` bytes are through, then final() and the tag (as `openssl speed
// -evp` does per block size). benchmark/crypto/aes-gcm-throughput.js makes a new cipher per
// message and has no ChaCha20-Poly1305. Rate: MiB/s.
const common = require('../common.js');
const crypto = require('crypto');

const keyLength = { 'aes-128-gcm': 16, 'aes-256-gcm': 32, 'chacha20-poly1305': 32 };

const bench = common.createBenchmark(main, {
  cipher: Object.keys(keyLength),
  chunk: [16 * 1024],
  total: [256 * 1024 * 1024],
});

function main({ cipher, chunk, total }) {
  const key = crypto.randomBytes(keyLength[cipher]);
  const iv = crypto.randomBytes(12);
  const data = Buffer.alloc(chunk, 'b');
  const updates = Math.ceil(total / chunk);
  bench.start();
  const c = crypto.createCipheriv(cipher, key, iv, { authTagLength: 16 });
  c.setAAD(Buffer.alloc(13, 'z'));
  for (let i = 0; i < updates; i++) c.update(data);
  c.final();
  c.getAuthTag();
  bench.end((updates * chunk) / (1024 * 1024));
}
