// Flags: --expose-internals
'use strict';
// kTLS key material without a kernel: the crypto_info structs the hook hands
// to setsockopt(SOL_TLS, TLS_TX/TLS_RX) must decrypt the records on the
// wire. A TCP proxy captures both directions; the records after the switch
// are decrypted with node:crypto from nothing but the struct (key, salt/IV,
// sequence number), for AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305 over
// TLS 1.2 and 1.3, client->server and server->client. A wrong key or a wrong
// sequence number must not decrypt.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');
const { internalBinding } = require('internal/test/binding');
if (!internalBinding('tls_wrap').HAVE_KTLS)
  common.skip('this build has no kTLS hook');

const assert = require('assert');
const crypto = require('crypto');
const net = require('net');
const tls = require('tls');
const fixtures = require('../common/fixtures');

const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');

const TLS_1_2 = 0x0303;
const TLS_1_3 = 0x0304;
const CIPHERS = {
  51: { name: 'aes-128-gcm', ivLen: 8, keyLen: 16, saltLen: 4 },
  52: { name: 'aes-256-gcm', ivLen: 8, keyLen: 32, saltLen: 4 },
  54: { name: 'chacha20-poly1305', ivLen: 12, keyLen: 32, saltLen: 0 },
};

// struct tls12_crypto_info_*: { u16 version, u16 cipher_type, iv, key, salt, rec_seq[8] }
function parseCryptoInfo(buf) {
  const version = buf.readUInt16LE(0);
  const type = buf.readUInt16LE(2);
  const c = CIPHERS[type];
  assert.ok(c, `cipher_type ${type}`);
  let off = 4;
  const iv = buf.subarray(off, off += c.ivLen);
  const k = buf.subarray(off, off += c.keyLen);
  const salt = buf.subarray(off, off += c.saltLen);
  const seq = buf.readBigUInt64BE(off);
  assert.strictEqual(buf.length, off + 8);
  return { version, cipher: c.name, iv, key: k, salt, seq };
}

function splitRecords(stream) {
  const records = [];
  for (let off = 0; off + 5 <= stream.length;) {
    const len = stream.readUInt16BE(off + 3);
    records.push({ type: stream[off], header: stream.subarray(off, off + 5),
                   body: stream.subarray(off + 5, off + 5 + len) });
    off += 5 + len;
  }
  return records;
}

function seqBytes(seq) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(seq);
  return b;
}

function xorNonce(iv12, seq) {
  const nonce = Buffer.from(iv12);
  const s = seqBytes(seq);
  for (let i = 0; i < 8; i++) nonce[4 + i] ^= s[i];
  return nonce;
}

// Returns { type, data } or null when the record does not authenticate.
function decrypt(info, record, seq) {
  const tagLen = 16;
  let nonce, ciphertext, aad;
  if (info.version === TLS_1_3) {
    const iv12 = Buffer.concat([info.salt, info.iv]);
    nonce = xorNonce(iv12, seq);
    ciphertext = record.body;
    aad = record.header;
  } else {
    if (info.cipher === 'chacha20-poly1305') {
      nonce = xorNonce(info.iv, seq);
      ciphertext = record.body;
    } else {
      nonce = Buffer.concat([info.salt, record.body.subarray(0, 8)]);
      ciphertext = record.body.subarray(8);
    }
    if (ciphertext.length < tagLen) return null;
    const len = Buffer.alloc(2);
    len.writeUInt16BE(ciphertext.length - tagLen);
    aad = Buffer.concat([seqBytes(seq), Buffer.from([record.type, 3, 3]), len]);
  }
  if (ciphertext.length < tagLen) return null;
  const d = crypto.createDecipheriv(info.cipher, info.key, nonce, { authTagLength: tagLen });
  d.setAAD(aad, { plaintextLength: ciphertext.length - tagLen });
  d.setAuthTag(ciphertext.subarray(ciphertext.length - tagLen));
  let plain;
  try {
    plain = Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.length - tagLen)), d.final()]);
  } catch {
    return null;
  }
  if (info.version === TLS_1_3) {
    let end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--;
    return { type: plain[end - 1], data: plain.subarray(0, end - 1) };
  }
  return { type: record.type, data: plain };
}

// Decrypts a direction's records from the first one that authenticates at
// info.seq; returns the application data after the switch.
function decryptDirection(info, stream, label) {
  const records = splitRecords(stream).filter((r) => r.type !== 20);  // no CCS
  const first = records.findIndex((r) => decrypt(info, r, info.seq) !== null);
  assert.notStrictEqual(first, -1, `${label}: no record decrypts with the crypto_info`);

  // Negative checks on that record: wrong key, wrong sequence number.
  const badKey = { ...info, key: Buffer.from(info.key) };
  badKey.key[0] ^= 1;
  assert.strictEqual(decrypt(badKey, records[first], info.seq), null, `${label}: wrong key`);
  assert.strictEqual(decrypt(info, records[first], info.seq + 1n), null, `${label}: wrong seq`);

  const data = [];
  let seq = info.seq;
  for (const r of records.slice(first)) {
    const plain = decrypt(info, r, seq++);
    assert.ok(plain, `${label}: record at seq ${seq - 1n} does not decrypt`);
    if (plain.type === 23) data.push(plain.data);
  }
  return Buffer.concat(data);
}

function runCase({ version, cipher }, next) {
  const label = `${version} ${cipher}`;
  const toServer = [];
  const toClient = [];
  const clientMsg = crypto.randomBytes(40000);  // spans several records
  const serverMsg = crypto.randomBytes(30000);
  const tlsOptions = { minVersion: version, maxVersion: version, ciphers: cipher, ktls: true };

  // Both ends write at once; the server ends once it has the client's data.
  const server = tls.createServer({ key, cert, ...tlsOptions }, common.mustCall((s) => {
    s.write(serverMsg);
    const chunks = [];
    let received = 0;
    s.on('data', (d) => {
      chunks.push(d);
      received += d.length;
      if (received === clientMsg.length) {
        assert.deepStrictEqual(Buffer.concat(chunks), clientMsg);
        s.end();
      }
    });
  }));

  const proxy = net.createServer((inbound) => {
    const outbound = net.connect(server.address().port);
    inbound.on('data', (d) => { toServer.push(d); outbound.write(d); });
    outbound.on('data', (d) => { toClient.push(d); inbound.write(d); });
    inbound.on('end', () => outbound.end());
    outbound.on('end', () => inbound.end());
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
  });

  server.listen(0, () => proxy.listen(0, common.mustCall(() => {
    let info;
    const client = tls.connect({
      port: proxy.address().port, rejectUnauthorized: false, ...tlsOptions,
    }, common.mustCall(() => {
      assert.strictEqual(client.getProtocol(), version);
      info = client._handle.getKtlsCryptoInfo();
      assert.ok(info, `${label}: no crypto_info`);
      client.write(clientMsg);
    }));
    const chunks = [];
    client.on('data', (d) => chunks.push(d));
    client.on('close', common.mustCall(() => {
      assert.deepStrictEqual(Buffer.concat(chunks), serverMsg);
      const tx = parseCryptoInfo(info.tx);
      const rx = parseCryptoInfo(info.rx);
      const v = version === 'TLSv1.3' ? TLS_1_3 : TLS_1_2;
      assert.strictEqual(tx.version, v);
      assert.strictEqual(rx.version, v);
      assert.deepStrictEqual(
        decryptDirection(tx, Buffer.concat(toServer), `${label} client->server`), clientMsg);
      assert.deepStrictEqual(
        decryptDirection(rx, Buffer.concat(toClient), `${label} server->client`), serverMsg);
      proxy.close();
      server.close(next);
    }));
  })));
}

const cases = [
  { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' },
  { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
  { version: 'TLSv1.3', cipher: 'TLS_CHACHA20_POLY1305_SHA256' },
  { version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' },
  { version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' },
  { version: 'TLSv1.2', cipher: 'ECDHE-RSA-CHACHA20-POLY1305' },
];
(function next(i = 0) {
  if (i < cases.length) runCase(cases[i], common.mustCall(() => next(i + 1)));
})();
