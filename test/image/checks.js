'use strict';
// Checks that run inside a node-awslc container (scripts/image-test.sh):
//   node /work/checks.js <check> <variant> <flavour>
// Exits 0 and prints "ok <check>" when the check holds; throws (exit 1) otherwise.
// /work is this directory, mounted read-only, with the fixtures image-test.sh adds.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const [check, variant, flavour] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync('/work/expected.json', 'utf8'));

const checks = {
  versions() {
    const v = process.versions;
    assert.strictEqual(v.node, expected.node);
    if (variant === 'openssl') {
      assert.strictEqual(v.awslc, undefined);
      assert.strictEqual(v.openssl, expected.openssl);
    } else {
      assert.strictEqual(v.awslc, variant === 'fips' ? expected.fips : expected.awslc);
    }
    assert.strictEqual(crypto.getFips(), variant === 'fips' ? 1 : 0);
  },

  user() {
    assert.strictEqual(process.getuid(), 1000);
    assert.strictEqual(process.getgid(), 1000);
    assert.strictEqual(require('os').userInfo().username, 'node');
    assert.strictEqual(process.cwd(), '/home/node');
  },

  random() {
    const a = crypto.randomBytes(32);
    const b = crypto.randomBytes(32);
    assert.strictEqual(a.length, 32);
    assert.notDeepStrictEqual(a, b);
    assert.strictEqual(crypto.randomUUID().length, 36);
  },

  // An https server, https.get and fetch() inside the container, over loopback.
  async https() {
    const https = require('https');
    const key = fs.readFileSync('/work/fixtures/agent1-key.pem');
    const cert = fs.readFileSync('/work/fixtures/agent1-cert.pem');
    const ca = fs.readFileSync('/work/fixtures/ca1-cert.pem');
    const server = https.createServer({ key, cert }, (req, res) => res.end(`hello ${req.url}`));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    try {
      const body = await new Promise((resolve, reject) => {
        https.get({ host: '127.0.0.1', port, path: '/get', ca, servername: 'agent1' }, (res) => {
          let data = '';
          res.on('data', (d) => data += d);
          res.on('end', () => resolve(data));
        }).on('error', reject);
      });
      assert.strictEqual(body, 'hello /get');
      // fetch() takes its CAs from NODE_EXTRA_CA_CERTS (set by image-test.sh).
      const res = await fetch(`https://agent1:${port}/fetch`);
      assert.strictEqual(await res.text(), 'hello /fetch');
    } finally {
      server.close();
    }
  },

  // Every file node has mapped is a file of the image: nothing from the host, nothing
  // from /usr/share/nodejs, and no OpenSSL library where node carries AWS-LC.
  maps() {
    const files = fs.readFileSync('/proc/self/maps', 'utf8').split('\n')
      .map((line) => line.split(/\s+/).slice(5).join(' ')).filter((p) => p.startsWith('/'));
    for (const file of new Set(files)) {
      assert.ok(!file.startsWith('/usr/share/nodejs'), file);
      assert.ok(!file.startsWith('/work'), file);
      assert.ok(fs.existsSync(file.replace(/ \(deleted\)$/, '')), file);
      if (variant !== 'openssl') assert.ok(!/lib(ssl|crypto)\.so/.test(file), file);
    }
    assert.ok(files.includes('/usr/local/bin/node'));
  },

  // The min image has no shell, no package manager, no /usr/share/nodejs.
  layout() {
    for (const f of ['/usr/local/bin/node', '/usr/local/bin/npm', '/usr/local/bin/npx',
                     '/usr/local/bin/corepack', '/usr/local/include/node/node_api.h',
                     '/usr/local/include/node/openssl/evp.h',
                     '/usr/local/share/doc/node-awslc/LICENSE.node',
                     '/usr/local/share/doc/node-awslc/sbom.spdx.json',
                     '/etc/ssl/certs/ca-certificates.crt', '/usr/share/zoneinfo/Europe/Paris']) {
      assert.ok(fs.existsSync(f), f);
    }
    assert.ok(!fs.existsSync('/usr/share/nodejs'));
    const shell = fs.existsSync('/bin/sh');
    const apt = fs.existsSync('/usr/bin/apt-get');
    if (flavour === 'min') {
      assert.ok(!shell, 'a min image has no shell');
      assert.ok(!apt, 'a min image has no package manager');
    } else {
      assert.ok(shell, 'a slim image has a shell');
      assert.strictEqual(apt, variant !== 'fips', 'apt in slim images, but not in the FIPS one');
    }
    // The binary is stripped: no symbol table section.
    const elf = fs.readFileSync('/usr/local/bin/node');
    assert.ok(!elf.includes(Buffer.from('\0.symtab\0')), 'node is stripped');
    // Time zones work.
    const d = new Date(Date.UTC(2026, 0, 1, 12));
    assert.strictEqual(d.toLocaleString('en-US', { timeZone: 'Asia/Tokyo', hour: 'numeric', hour12: false }), '21');
  },

  // The FIPS image holds one crypto library, the module inside node.
  'one-crypto-library'() {
    const found = [];
    const walk = (dir) => {
      let entries;
      try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (['/proc', '/sys', '/dev', '/work'].includes(p)) continue;
        if (e.isDirectory()) walk(p);
        else if (/^lib(ssl|crypto|gnutls|nettle|hogweed|gcrypt|mbedcrypto|wolfssl|sodium)\b/.test(e.name)) found.push(p);
      }
    };
    walk('/');
    assert.deepStrictEqual(found, []);
  },

  // A native addon built against /usr/local/include/node that calls the crypto library
  // through the symbols node exports.
  addon() {
    const addon = require('/work/addon/addon.node');
    for (const data of ['', 'abc', 'x'.repeat(100000)]) {
      assert.strictEqual(addon.sha256(data), crypto.createHash('sha256').update(data).digest('hex'));
    }
    const r = addon.randomBytes(32);
    assert.strictEqual(r.length, 32);
    assert.notDeepStrictEqual(r, addon.randomBytes(32));
  },
};

(async () => {
  assert.ok(checks[check], `unknown check ${check}`);
  await checks[check]();
  console.log(`ok ${check}`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
