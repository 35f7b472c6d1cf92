'use strict';
// node-awslc: what a FIPS auditor checks (issue 17). On the FIPS build
// (AWS-LC-FIPS module): kTLS stays in userspace with the reason unless
// --tls-ktls-outside-fips-boundary; crypto.getFipsIndicator() reports what the
// module's service indicator says for approved and non-approved calls;
// --fips-strict refuses each non-approved service in node:crypto, Web Crypto
// and node:tls with ERR_CRYPTO_FIPS_NOT_APPROVED naming the rule, lets the
// approved ones through (and the module then reports nothing unapproved:
// the rules and the module agree), and without it nothing changes. On the
// AWS-LC build without the module: no indicator (undefined), --fips-strict
// refused at start-up, the kTLS flag a no-op.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
if (process.features.openssl_is_awslc !== true)
  common.skip('node-awslc APIs (AWS-LC builds)');

const assert = require('assert');
const crypto = require('crypto');
const tls = require('tls');
const { spawn, spawnSync } = require('child_process');
const fixtures = require('../common/fixtures');

const isFipsBuild = process.config.variables.openssl_is_fips === true;
const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');
const ca = fixtures.readKey('ca1-cert.pem');
const kFipsKtlsReason = /outside the FIPS module's boundary \(--tls-ktls-outside-fips-boundary allows it\)/;
const { subtle } = globalThis.crypto;

function child(args, mode, env = process.env) {
  return spawnSync(process.execPath, [...args, __filename, mode],
                   { encoding: 'utf8', env, timeout: 120_000 });
}

function assertChildOk(r, what) {
  assert.strictEqual(r.signal, null, `${what}: ${r.stderr}`);
  assert.strictEqual(r.status, 0, `${what}: ${r.stdout}\n${r.stderr}`);
}

// crypto.getFipsIndicator() as "service algorithm" -> { approved, unapproved }.
function indicatorCounts() {
  const map = new Map();
  for (const s of crypto.getFipsIndicator().services)
    map.set(`${s.service} ${s.algorithm}`, s);
  return map;
}

// What the module reported for the services `fn` completed.
async function measure(fn) {
  const before = indicatorCounts();
  await fn();
  const after = indicatorCounts();
  const changes = new Map();
  for (const [name, s] of after) {
    const b = before.get(name) ?? { approved: 0, unapproved: 0 };
    if (s.approved !== b.approved || s.unapproved !== b.unapproved) {
      changes.set(name, { approved: s.approved - b.approved,
                          unapproved: s.unapproved - b.unapproved });
    }
  }
  return changes;
}

async function assertIndicator(fn, name, approved) {
  const changes = await measure(fn);
  const got = changes.get(name);
  assert.ok(got, `${name}: not counted (counted: ${[...changes.keys()]})`);
  if (approved) {
    assert.ok(got.approved >= 1 && got.unapproved === 0,
              `${name}: expected approved, got ${JSON.stringify(got)}`);
  } else {
    assert.ok(got.unapproved >= 1 && got.approved === 0,
              `${name}: expected not approved, got ${JSON.stringify(got)}`);
  }
}

const data = Buffer.from('node-awslc FIPS audit');
const key16 = Buffer.alloc(16, 1);
const key24 = Buffer.alloc(24, 2);
const key32 = Buffer.alloc(32, 3);
const iv8 = Buffer.alloc(8, 4);
const iv12 = Buffer.alloc(12, 5);
const iv16 = Buffer.alloc(16, 6);
const salt16 = Buffer.alloc(16, 7);
const password14 = 'fourteen-chars';  // 14 bytes: PBKDF2's minimum

// --- The non-approved services and the rule --fips-strict names for each.
const refusedSync = [
  ['hash', () => crypto.createHash('md5')],
  ['hash', () => crypto.createHash('ripemd160')],
  ['hash', () => crypto.hash('md5-sha1', 'x')],
  ['hmac', () => crypto.createHmac('md5', 'key')],
  ['cipher', () => crypto.createCipheriv('aes-256-gcm', key32, iv12)],
  ['cipher', () => crypto.createDecipheriv('aes-128-gcm', key16, iv12)],
  ['cipher', () => crypto.createCipheriv('chacha20-poly1305', key32, iv12,
                                         { authTagLength: 16 })],
  ['cipher', () => crypto.createCipheriv('des-ede3-cbc', key24, iv8)],
  ['cipher', () => crypto.createCipheriv('aes-128-ofb', key16, iv16)],
  ['rsa-encryption', () => crypto.publicEncrypt(cert, data)],
  ['rsa-encryption', () => crypto.privateDecrypt(key, Buffer.alloc(256))],
  ['prehashed-signature', () => crypto.createSign('sha256')],
  ['prehashed-signature', () => crypto.createVerify('sha256')],
  ['signature', () => crypto.sign('sha1', data, key)],
  ['signature', () => crypto.sign('sha256', data, {
    key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING })],  // longest salt
  ['signature', () => crypto.sign('sha256', data,
                                  fixtures.readKey('ec_secp256k1_private.pem'))],
  ['keygen', () => crypto.generateKeyPairSync('rsa', { modulusLength: 1024 })],
  ['keygen', () => crypto.generateKeyPairSync('x25519')],
  ['keygen', () => crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' })],
  ['keygen', () => crypto.generateKeyPairSync('dsa', { modulusLength: 2048 })],
  ['key-agreement', () => crypto.diffieHellman({
    privateKey: crypto.createPrivateKey(fixtures.readKey('x25519_private.pem')),
    publicKey: crypto.createPublicKey(fixtures.readKey('x25519_public.pem')) })],
  ['key-agreement', () => crypto.createECDH('prime256v1')],
  ['key-agreement', () => crypto.getDiffieHellman('modp14')],
  ['key-agreement', () => crypto.createDiffieHellman(Buffer.from([23]), 5)],
  ['kdf', () => crypto.scryptSync('password', 'salt', 32)],
  ['kdf', () => crypto.pbkdf2Sync('short', salt16, 1000, 32, 'sha256')],
  ['kdf', () => crypto.pbkdf2Sync(password14, Buffer.alloc(8), 1000, 32, 'sha256')],
  ['kdf', () => crypto.pbkdf2Sync(password14, salt16, 999, 32, 'sha256')],
  ['kdf', () => crypto.hkdfSync('sha3-256', key32, salt16, 'info', 32)],
  ['tls', () => tls.createSecureContext({
    key: fixtures.readKey('agent11-key.pem'),  // RSA, 512 bits
    cert: fixtures.readKey('agent11-cert.pem') })],
  ['tls', () => tls.createSecureContext({ sigalgs: 'RSA+SHA1:RSA+SHA256' })],
];

async function refusedWebCrypto() {
  const aesGcm = await subtle.generateKey({ name: 'AES-GCM', length: 256 },
                                          false, ['encrypt']);
  const rsaPss = await subtle.importKey(
    'pkcs8', crypto.createPrivateKey(key).export({ type: 'pkcs8', format: 'der' }),
    { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  const rsaOaep = await subtle.importKey(
    'spki', crypto.createPublicKey(key).export({ type: 'spki', format: 'der' }),
    { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const ecdh = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' },
                                        false, ['deriveBits']);
  return [
    ['cipher', () => subtle.encrypt({ name: 'AES-GCM', iv: iv12 }, aesGcm, data)],
    ['rsa-encryption', () => subtle.encrypt({ name: 'RSA-OAEP' }, rsaOaep, data)],
    ['signature', () => subtle.sign({ name: 'RSA-PSS', saltLength: 20 }, rsaPss, data)],
    ['keygen', () => subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])],
    ['keygen', () => subtle.generateKey({
      name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024,
      publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
                                        false, ['sign'])],
    ['key-agreement', () => subtle.deriveBits({ name: 'ECDH', public: ecdh.publicKey },
                                              ecdh.privateKey, 256)],
  ];
}

// --- Approved services: they work under --fips-strict, and the module reports
// each of them approved (name as crypto.getFipsIndicator() spells it).
const approvedSync = [
  ['hash sha256', () => crypto.createHash('sha256').update(data).digest()],
  ['hash sha3-256', () => crypto.createHash('sha3-256').update(data).digest()],
  ['hash shake256', () => crypto.createHash('shake256').update(data).digest()],
  ['hash sha384', () => crypto.hash('sha384', data)],
  ['hmac sha256', () => crypto.createHmac('sha256', key32).update(data).digest()],
  // The module does not check HMAC key lengths: a 4-byte key is approved.
  ['hmac sha512', () => crypto.createHmac('sha512', 'abcd').update(data).digest()],
  ['encrypt aes-256-cbc', () => {
    const c = crypto.createCipheriv('aes-256-cbc', key32, iv16);
    return Buffer.concat([c.update(data), c.final()]);
  }],
  ['encrypt aes-128-ctr', () => {
    const c = crypto.createCipheriv('aes-128-ctr', key16, iv16);
    return Buffer.concat([c.update(data), c.final()]);
  }],
  ['sign rsa-2048/sha256', () => crypto.sign('sha256', data, key)],
  ['sign rsa-2048/sha256/pss', () => crypto.sign('sha256', data, {
    key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 })],
  ['verify rsa-2048/sha256', () => assert.ok(crypto.verify(
    'sha256', data, cert, crypto.sign('sha256', data, key)))],
  ['sign ec-P-256/sha256', () => crypto.sign('sha256', data,
                                             fixtures.readKey('ec_p256_private.pem'))],
  ['sign ed25519', () => crypto.sign(null, data,
                                     fixtures.readKey('ed25519_private.pem'))],
  ['keygen rsa-2048', () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ['keygen ec-P-384', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' })],
  ['keygen ed25519', () => crypto.generateKeyPairSync('ed25519')],
  ['derive ec-P-256', () => {
    const a = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const b = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
  }],
  ['kdf pbkdf2/sha256', () => crypto.pbkdf2Sync(password14, salt16, 1000, 32, 'sha256')],
  ['kdf hkdf/sha256', () => crypto.hkdfSync('sha256', key32, salt16, 'info', 32)],
];

async function approvedWebCrypto() {
  const aesCbc = await subtle.importKey('raw', key32, 'AES-CBC', false, ['encrypt']);
  const aesKw = await subtle.importKey('raw', key16, 'AES-KW', false, ['wrapKey']);
  const hmacKey = await subtle.importKey('raw', key32, { name: 'HMAC', hash: 'SHA-256' },
                                         true, ['sign']);
  const ecdsa = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' },
                                         false, ['sign']);
  const rsaPss = await subtle.importKey(
    'pkcs8', crypto.createPrivateKey(key).export({ type: 'pkcs8', format: 'der' }),
    { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  const pbkdf2Key = await subtle.importKey('raw', Buffer.from(password14), 'PBKDF2',
                                           false, ['deriveBits']);
  const hkdfKey = await subtle.importKey('raw', key32, 'HKDF', false, ['deriveBits']);
  return [
    ['encrypt aes-256-cbc', () => subtle.encrypt({ name: 'AES-CBC', iv: iv16 }, aesCbc, data)],
    ['encrypt aes-128-kw', () => subtle.wrapKey('raw', hmacKey, aesKw, 'AES-KW')],
    ['sign ec-P-256/sha256', () => subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecdsa.privateKey,
                                               data)],
    ['sign rsa-2048/sha256/pss', () => subtle.sign({ name: 'RSA-PSS', saltLength: 32 },
                                                   rsaPss, data)],
    ['kdf pbkdf2/sha256', () => subtle.deriveBits({
      name: 'PBKDF2', hash: 'SHA-256', salt: salt16, iterations: 1000 }, pbkdf2Key, 256)],
    ['kdf hkdf/sha256', () => subtle.deriveBits({
      name: 'HKDF', hash: 'SHA-256', salt: salt16, info: Buffer.from('i') }, hkdfKey, 256)],
  ];
}

function assertRefused(rule, fn) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.code, 'ERR_CRYPTO_FIPS_NOT_APPROVED', err.stack);
    assert.match(err.message,
                 new RegExp(`is not an approved service of the FIPS module \\(rule '${rule}': .+\\); --fips-strict refuses it$`));
    return true;
  });
}

async function assertRefusedAsync(rule, fn) {
  await assert.rejects(fn, (err) => {
    assert.strictEqual(err.code, 'ERR_CRYPTO_FIPS_NOT_APPROVED', err.stack);
    assert.match(err.message, new RegExp(`\\(rule '${rule}': `));
    return true;
  });
}

// A peer (openssl s_client) that node:tls must refuse; resolves with the
// server's tlsClientError.
function refusedPeer(args) {
  const { opensslCli } = require('../common/crypto');
  return new Promise((resolve) => {
    const server = tls.createServer({ key, cert }, common.mustNotCall());
    server.on('tlsClientError', common.mustCall((err) => {
      server.close();
      resolve(err);
    }));
    server.listen(0, () => {
      const client = spawn(opensslCli, ['s_client', '-connect',
                                        `127.0.0.1:${server.address().port}`, ...args],
                           { stdio: ['pipe', 'ignore', 'ignore'] });
      client.stdin.end();
    });
  });
}

function handshake(serverOptions, clientOptions) {
  return new Promise((resolve, reject) => {
    const server = tls.createServer({ key, cert, ...serverOptions }, (socket) => {
      socket.end('ok');
    });
    server.listen(0, () => {
      const socket = tls.connect({ port: server.address().port, host: 'localhost',
                                   servername: 'agent1', ca, ...clientOptions }, () => {
        const result = { protocol: socket.getProtocol(), cipher: socket.getCipher().name,
                         ktls: socket.ktls };
        socket.on('data', () => {});
        socket.on('end', () => { server.close(); resolve(result); });
      });
      socket.on('error', (err) => { server.close(); reject(err); });
    });
  });
}

// ---------------------------------------------------------------------------
async function strictChild() {
  assert.strictEqual(crypto.getFips(), 1);
  for (const [rule, fn] of refusedSync) assertRefused(rule, fn);
  for (const [rule, fn] of await refusedWebCrypto()) await assertRefusedAsync(rule, fn);

  // The lists say what works.
  assert.deepStrictEqual(crypto.getCurves().sort(),
                         ['prime256v1', 'secp224r1', 'secp384r1', 'secp521r1']);
  for (const name of ['md5', 'md4', 'ripemd160', 'md5-sha1'])
    assert.ok(!crypto.getHashes().includes(name), name);
  for (const name of ['sha1', 'sha256', 'sha3-256', 'shake256'])
    assert.ok(crypto.getHashes().includes(name), name);
  for (const name of crypto.getCiphers())
    assert.match(name, /^(aes-(128|192|256)-(cbc|ctr|ecb)|aes-256-xts|aes128|aes192|aes256)$/);
  for (const name of tls.getCiphers()) {
    assert.doesNotMatch(name, /chacha20|3des|des-cbc3/);
    if (!name.startsWith('tls_')) assert.match(name, /^(ecdhe-|psk-|ecdhe-psk-)/);
  }
  // TLS 1.2 with RSA key transport only: nothing approved left.
  assert.throws(() => tls.createSecureContext({ ciphers: 'AES128-GCM-SHA256' }),
                { code: 'ERR_SSL_NO_CIPHER_MATCH' });

  // What is approved works, and the module reports nothing unapproved for it.
  for (const [, fn] of approvedSync) fn();
  for (const [, fn] of await approvedWebCrypto()) await fn();
  crypto.randomBytes(32);
  const tls13 = await handshake({}, {});
  assert.strictEqual(tls13.protocol, 'TLSv1.3');
  const tls12 = await handshake({ maxVersion: 'TLSv1.2' }, { maxVersion: 'TLSv1.2' });
  assert.match(tls12.cipher, /^ECDHE-RSA-AES(128|256)-GCM-SHA(256|384)$/);
  const indicator = crypto.getFipsIndicator();
  assert.strictEqual(indicator.unapproved, 0,
                     `approved by the rules, not by the module: ${JSON.stringify(
                       indicator.services.filter((s) => s.unapproved > 0))}`);

  // node:tls refuses peers that offer only what is not approved, and a TLS 1.2
  // peer without the Extended Master Secret (the TLS 1.2 KDF is approved only
  // with it). The peer is the openssl CLI, which a minimal image does not have
  // (scripts/image-test.sh runs this file there too; the host run has it).
  if (!require('../common/crypto').opensslCli) {
    console.log('no openssl CLI: the refused-peer checks are left out');
    return;
  }
  const noEms = await refusedPeer(['-tls1_2', '-no_ems']);
  assert.strictEqual(noEms.code, 'ERR_CRYPTO_FIPS_NOT_APPROVED');
  assert.match(noEms.message, /TLS 1\.2 connection without the Extended Master Secret/);
  for (const args of [['-tls1_3', '-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256'],
                      ['-tls1_3', '-groups', 'X25519'],
                      ['-tls1_2', '-cipher', 'AES128-GCM-SHA256']]) {
    const err = await refusedPeer(args);
    assert.match(err.code, /^ERR_SSL_(NO_SHARED_CIPHER|NO_SHARED_GROUP|NO_SUITABLE_KEY_SHARE|HANDSHAKE_FAILURE_ON_CLIENT_HELLO)$/,
                 `${args}: ${err.code}`);
  }
}

async function ktlsOptInChild() {
  // The operator accepted records outside the boundary: FIPS no longer stops
  // kTLS (this host may still have no kTLS; the reason then says so).
  const status = tls.getKtlsStatus();
  if (status.reason !== null) assert.doesNotMatch(status.reason, /FIPS/);
  const { ktls } = await handshake({ ktls: true }, { ktls: true });
  if (ktls.reason !== null) assert.doesNotMatch(ktls.reason, kFipsKtlsReason);
}

async function fipsBuild() {
  assert.strictEqual(crypto.getFips(), 1);
  assert.match(process.versions.awslc_fips, /^\d+\.\d+\.\d+$/);
  assert.strictEqual(process.versions.awslc_fips, process.versions.awslc);

  // kTLS: refused with the reason.
  assert.strictEqual(tls.ktlsAvailable(), false);
  assert.match(tls.getKtlsStatus().reason, kFipsKtlsReason);
  const { ktls } = await handshake({ ktls: true }, { ktls: true });
  assert.strictEqual(ktls.tx, false);
  assert.strictEqual(ktls.rx, false);
  assert.match(ktls.reason, kFipsKtlsReason);
  assertChildOk(child(['--tls-ktls-outside-fips-boundary'], 'ktls-opt-in'),
                'kTLS opt-in flag');
  assertChildOk(child([], 'ktls-opt-in',
                      { ...process.env, NODE_OPTIONS: '--tls-ktls-outside-fips-boundary' }),
                'kTLS opt-in in NODE_OPTIONS');

  // tls.getCiphers(): what the FIPS TLS policy negotiates.
  const tlsCiphers = tls.getCiphers();
  assert.ok(tlsCiphers.includes('tls_aes_256_gcm_sha384'));
  assert.ok(tlsCiphers.includes('ecdhe-rsa-aes128-gcm-sha256'));
  for (const name of tlsCiphers) assert.doesNotMatch(name, /chacha20/);

  // The service indicator: approved and non-approved calls as the module says.
  const indicator = crypto.getFipsIndicator();
  assert.strictEqual(typeof indicator.approved, 'number');
  assert.strictEqual(typeof indicator.unapproved, 'number');
  for (const [name, fn] of approvedSync) await assertIndicator(fn, name, true);
  for (const [name, fn] of await approvedWebCrypto()) await assertIndicator(fn, name, true);
  const notApproved = [
    ['hash md5', () => crypto.createHash('md5').update(data).digest()],
    ['hash ripemd160', () => crypto.createHash('ripemd160').update(data).digest()],
    ['hmac md5', () => crypto.createHmac('md5', key32).update(data).digest()],
    ['encrypt aes-256-gcm', () => {
      const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
      return Buffer.concat([c.update(data), c.final()]);
    }],
    ['encrypt chacha20-poly1305', () => {
      const c = crypto.createCipheriv('chacha20-poly1305', key32, iv12,
                                      { authTagLength: 16 });
      return Buffer.concat([c.update(data), c.final()]);
    }],
    ['encrypt des-ede3-cbc', () => {
      const c = crypto.createCipheriv('des-ede3-cbc', key24, iv8);
      return Buffer.concat([c.update(data), c.final()]);
    }],
    ['sign rsa-2048/sha256/prehashed', () => crypto.createSign('sha256').update(data).sign(key)],
    ['sign rsa-2048/sha1', () => crypto.sign('sha1', data, key)],
    ['keygen x25519', () => crypto.generateKeyPairSync('x25519')],
    ['derive x25519', () => {
      const a = crypto.generateKeyPairSync('x25519');
      const b = crypto.generateKeyPairSync('x25519');
      return crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
    }],
    ['derive ec-P-256/ECDH_compute_key', () => {
      const a = crypto.createECDH('prime256v1');
      const b = crypto.createECDH('prime256v1');
      a.generateKeys();
      return a.computeSecret(b.generateKeys());
    }],
    ['encrypt rsa-2048/oaep', () => crypto.publicEncrypt(cert, data)],
    ['kdf pbkdf2/sha256', () => crypto.pbkdf2Sync('short', salt16, 1000, 32, 'sha256')],
    ['kdf scrypt', () => crypto.scryptSync('password', salt16, 32)],
  ];
  // HKDF with SHA-3: AWS-LC-FIPS 4.x derives and reports it not approved; 3.x has no
  // HMAC with SHA-3 at all, so the call fails.
  const hkdfSha3 = () => crypto.hkdfSync('sha3-256', key32, salt16, 'info', 32);
  if (Number(process.versions.awslc_fips.split('.')[0]) >= 4) {
    notApproved.push(['kdf hkdf/sha3-256', hkdfSha3]);
  } else {
    assert.throws(hkdfSha3, { message: 'Deriving bits failed' });
    assert.throws(() => crypto.createHmac('sha3-256', key32),
                  { code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: sha3-256' });
  }
  for (const [name, fn] of notApproved) await assertIndicator(fn, name, false);

  // The same counts in the diagnostic report.
  const report = process.report.getReport();
  assert.strictEqual(report.fipsServiceIndicator.module,
                     `AWS-LC FIPS ${process.versions.awslc_fips}`);
  assert.ok(report.fipsServiceIndicator.unapproved >= notApproved.length);
  assert.ok(report.fipsServiceIndicator.services.some(
    (s) => s.service === 'hash' && s.algorithm === 'md5' && s.unapproved >= 1));

  // Strict mode off (this process): what the module serves stays available.
  for (const [, fn] of refusedSync) {
    try {
      fn();
    } catch (err) {
      assert.notStrictEqual(err.code, 'ERR_CRYPTO_FIPS_NOT_APPROVED', err.stack);
    }
  }
  crypto.createCipheriv('chacha20-poly1305', key32, iv12, { authTagLength: 16 });
  crypto.createSign('sha256').update(data).sign(key);
  assert.ok(crypto.getHashes().includes('md5'));
  assert.ok(crypto.getCurves().includes('secp256k1'));

  // Strict mode, as a flag and in NODE_OPTIONS.
  assertChildOk(child(['--fips-strict'], 'strict'), '--fips-strict');
  assertChildOk(child([], 'strict', { ...process.env, NODE_OPTIONS: '--fips-strict' }),
                'NODE_OPTIONS=--fips-strict');
}

async function awslcBuild() {
  // No FIPS module: no indicator, no module version, strict mode refused.
  assert.strictEqual(crypto.getFips(), 0);
  assert.strictEqual(crypto.getFipsIndicator(), undefined);
  assert.strictEqual(process.versions.awslc_fips, undefined);
  assert.ok(!('awslc_fips' in process.versions));
  assert.strictEqual(process.report.getReport().fipsServiceIndicator, undefined);
  const status = tls.getKtlsStatus();
  assert.strictEqual(status.available, tls.ktlsAvailable());
  if (status.reason !== null) assert.doesNotMatch(status.reason, /FIPS/);
  for (const env of [undefined, { ...process.env, NODE_OPTIONS: '--fips-strict' }]) {
    const r = spawnSync(process.execPath,
                        [...(env ? [] : ['--fips-strict']), '-e', '0'],
                        { encoding: 'utf8', env: env ?? process.env });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stderr, /--fips-strict needs a FIPS module with an approved service indicator \(a build on AWS-LC-FIPS\); this build's AWS-LC \d+\.\d+\.\d+ is not one/);
  }
  // The kTLS flag is accepted and does nothing outside FIPS mode.
  const r = spawnSync(process.execPath, ['--tls-ktls-outside-fips-boundary', '-p',
                                         'require("tls").ktlsAvailable()'],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout.trim(), String(tls.ktlsAvailable()));
  // Nothing is refused.
  crypto.createHash('md5').update(data).digest();
  crypto.createSign('sha256').update(data).sign(key);
}

const mode = process.argv[2];
if (mode === 'strict') {
  strictChild().then(common.mustCall());
} else if (mode === 'ktls-opt-in') {
  ktlsOptInChild().then(common.mustCall());
} else if (isFipsBuild) {
  fipsBuild().then(common.mustCall());
} else {
  awslcBuild().then(common.mustCall());
}
