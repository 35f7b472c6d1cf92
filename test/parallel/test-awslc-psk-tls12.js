'use strict';
// node-awslc: AWS-LC has no TLS 1.3 external PSK, so a socket with a pskCallback
// negotiates TLS 1.2 there (patch `tls-psk-negotiates-tls12-without-tls13-psk`) and its PSK is used; OpenSSL uses TLS 1.3.
// A socket limited to TLS 1.3 cannot use a PSK on AWS-LC and fails the handshake.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const tls = require('tls');

const isAWSLC = process.features.openssl_is_awslc === true;
const secret = Buffer.from('82072606b502b0f4025e90eb75fe137d', 'hex');
const ciphers = 'PSK+HIGH:TLS_AES_128_GCM_SHA256';

function psk(clientOptions, check) {
  const server = tls.createServer({
    ciphers,
    pskCallback: common.mustCall((socket, identity) => {
      assert.strictEqual(identity, 'node-awslc');
      return secret;
    }),
  }, common.mustCall((socket) => socket.end('ok')));
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({
      port: server.address().port,
      ciphers,
      checkServerIdentity: () => {},
      pskCallback: common.mustCall(() => ({ psk: secret, identity: 'node-awslc' })),
      ...clientOptions,
    }, common.mustCall(() => {
      check(client);
      client.on('data', common.mustCall((data) => assert.strictEqual(data.toString(), 'ok')));
      client.on('end', common.mustCall(() => server.close()));
    }));
  }));
}

psk({}, (client) => {
  assert.strictEqual(client.getProtocol(), isAWSLC ? 'TLSv1.2' : 'TLSv1.3');
  if (isAWSLC) assert.match(client.getCipher().name, /^(ECDHE-)?PSK-/);
});
psk({ maxVersion: 'TLSv1.2' }, (client) => {
  assert.strictEqual(client.getProtocol(), 'TLSv1.2');
  assert.match(client.getCipher().name, /PSK/);
});

if (isAWSLC) {
  // TLS 1.3 only: no PSK, no certificate on the server; the handshake fails.
  const server = tls.createServer({ ciphers, pskCallback: () => secret },
                                  common.mustNotCall());
  server.on('tlsClientError', common.mustCall(() => server.close()));
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({
      port: server.address().port, ciphers, minVersion: 'TLSv1.3',
      checkServerIdentity: () => {},
      pskCallback: () => ({ psk: secret, identity: 'node-awslc' }),
    }, common.mustNotCall());
    client.on('error', common.mustCall());
  }));
}
