'use strict';
// node-awslc: an https server and client in one process, TLS 1.3 and 1.2,
// the basics a user's existing code relies on.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const https = require('https');
const tls = require('tls');
const fixtures = require('../common/fixtures');

const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');
const ca = fixtures.readKey('ca1-cert.pem');

for (const version of ['TLSv1.3', 'TLSv1.2']) {
  const server = https.createServer({ key, cert, minVersion: version, maxVersion: version },
                                    common.mustCall((req, res) => {
                                      res.end(`hello over ${req.socket.getProtocol()}`);
                                    }));
  server.listen(0, common.mustCall(() => {
    https.get({
      port: server.address().port,
      ca,
      servername: 'agent1',
      checkServerIdentity: () => undefined,
    }, common.mustCall((res) => {
      const socket = res.socket;
      assert.strictEqual(socket.getProtocol(), version);
      assert.ok(socket.authorized);
      assert.match(socket.getCipher().name, /AES|CHACHA20/);
      assert.strictEqual(socket.getPeerCertificate().subject.CN, 'agent1');
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => body += chunk);
      res.on('end', common.mustCall(() => {
        assert.strictEqual(body, `hello over ${version}`);
        server.close();
      }));
    }));
  }));
}

assert.ok(tls.getCiphers().includes('aes128-gcm-sha256'));
assert.ok(tls.rootCertificates.length > 100);
