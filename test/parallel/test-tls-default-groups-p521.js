'use strict';
// With the default ecdhCurve ('auto': the library's group list) a server accepts a
// client that offers only P-521, and a client reaches a server that accepts only
// P-521, in TLS 1.3 and TLS 1.2, as with OpenSSL, whose default list has
// secp521r1. Java (jdk.tls.namedGroups=secp521r1), curl (--curves secp521r1) and
// Node clients with ecdhCurve 'P-521' are such peers.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

const key = fixtures.readKey('agent1-key.pem');
const cert = fixtures.readKey('agent1-cert.pem');

function connect({ serverCurve, clientCurve, version }, done) {
  const server = tls.createServer({ key, cert, ecdhCurve: serverCurve },
                                  (socket) => socket.end('hello'));
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({
      port: server.address().port,
      rejectUnauthorized: false,
      ecdhCurve: clientCurve,
      maxVersion: version,
    }, common.mustCall(() => {
      assert.strictEqual(client.getProtocol(), version);
      assert.deepStrictEqual(client.getEphemeralKeyInfo(),
                             { type: 'ECDH', name: 'secp521r1', size: 521 });
    }));
    client.on('data', common.mustCall((data) => {
      assert.strictEqual(data.toString(), 'hello');
    }));
    client.on('close', common.mustCall(() => server.close(done)));
  }));
}

const cases = [];
for (const version of ['TLSv1.3', 'TLSv1.2']) {
  cases.push({ serverCurve: undefined, clientCurve: 'P-521', version });
  cases.push({ serverCurve: 'P-521', clientCurve: undefined, version });
}

(function next() {
  const c = cases.shift();
  if (c) connect(c, common.mustCall(next));
})();
