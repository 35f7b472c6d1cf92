'use strict';
// node-awslc: TLS 1.3 post-handshake authentication (PHA).
// Where the TLS library has PHA (process.features.tls_pha), a TLS 1.3 server
// asks for the client's certificate with tlsSocket.renegotiate(); where it has
// none, both APIs fail with ERR_TLS_PHA_UNSUPPORTED and the connection stays
// usable. The test branches on the feature, never on the library's name.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');

const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

const serverOptions = {
  key: fixtures.readKey('agent1-key.pem'),
  cert: fixtures.readKey('agent1-cert.pem'),
  ca: fixtures.readKey('ca1-cert.pem'),
  minVersion: 'TLSv1.3',
};
const clientCert = {
  key: fixtures.readKey('agent1-key.pem'),
  cert: fixtures.readKey('agent1-cert.pem'),
};

assert.strictEqual(typeof process.features.tls_pha, 'boolean');

// Start a TLS 1.3 server whose connections call `onConnection(socket)`, and a
// client with `clientOptions`; `onClient(client)` runs once it is connected.
function pair(clientOptions, onConnection, onClient) {
  const server = tls.createServer(serverOptions, (socket) => {
    socket.on('error', () => {});
    onConnection(socket, () => server.close());
  });
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({
      port: server.address().port,
      ca: serverOptions.ca,
      servername: 'agent1',
      checkServerIdentity: () => undefined,
      ...clientOptions,
    }, () => onClient(client));
    client.on('error', () => {});
  }));
}

if (!process.features.tls_pha) {
  // The client option is refused up front.
  assert.throws(() => tls.connect({ port: 1, enablePostHandshakeAuth: true }),
                { code: 'ERR_TLS_PHA_UNSUPPORTED' });

  // A TLS 1.3 server's renegotiate() fails with the same code, and the
  // connection keeps working.
  pair({}, common.mustCall((socket, done) => {
    assert.strictEqual(socket.getProtocol(), 'TLSv1.3');
    const ret = socket.renegotiate({ requestCert: true },
                                   common.mustCall((err) => {
                                     assert.strictEqual(err.code, 'ERR_TLS_PHA_UNSUPPORTED');
                                     socket.write('still here');
                                   }));
    assert.strictEqual(ret, false);
    socket.on('data', common.mustCall((data) => {
      assert.strictEqual(data.toString(), 'bye');
      socket.end();
      done();
    }));
  }), common.mustCall((client) => {
    client.once('data', common.mustCall((data) => {
      assert.strictEqual(data.toString(), 'still here');
      client.end('bye');
    }));
  }));
  return;
}

// 1. The client offers PHA and has a certificate: the server gets it.
pair({ ...clientCert, enablePostHandshakeAuth: true },
     common.mustCall((socket, done) => {
       assert.strictEqual(socket.getPeerCertificate().subject, undefined);
       socket.renegotiate({ requestCert: true, rejectUnauthorized: true },
                          common.mustCall((err) => {
                            assert.ifError(err);
                            assert.strictEqual(socket.authorized, true);
                            assert.strictEqual(socket.getPeerCertificate().subject.CN, 'agent1');
                            socket.end('ok');
                            done();
                          }));
     }), common.mustCall((client) => {
  client.on('data', common.mustCall((data) => {
    assert.strictEqual(data.toString(), 'ok');
  }));
}));

// 2. The client offers PHA but has no certificate, and one is required.
pair({ enablePostHandshakeAuth: true }, common.mustCall((socket, done) => {
  socket.renegotiate({ requestCert: true, rejectUnauthorized: true },
                     common.mustCall((err) => {
                       assert.ok(err instanceof Error);
                       done();
                     }));
}), common.mustCall(() => {}));

// 3. The client did not offer PHA: a clear error, the connection stays usable.
pair(clientCert, common.mustCall((socket, done) => {
  socket.renegotiate({ requestCert: true }, common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SSL_EXTENSION_NOT_RECEIVED');
    socket.end('ok');
    done();
  }));
}), common.mustCall((client) => {
  client.on('data', common.mustCall((data) => {
    assert.strictEqual(data.toString(), 'ok');
  }));
}));

// 4. Interop: the OpenSSL CLI as the client (`s_client -enable_pha`).
const { opensslCli } = require('../common/crypto');
if (opensslCli) {
  const { spawn } = require('child_process');
  const server = tls.createServer(serverOptions, common.mustCall((socket) => {
    socket.renegotiate({ requestCert: true, rejectUnauthorized: true },
                       common.mustCall((err) => {
                         assert.ifError(err);
                         assert.strictEqual(socket.getPeerCertificate().subject.CN, 'agent1');
                         socket.end();
                         server.close();
                       }));
  }));
  server.listen(0, common.mustCall(() => {
    const client = spawn(opensslCli, [
      's_client', '-connect', `127.0.0.1:${server.address().port}`,
      '-tls1_3', '-enable_pha', '-quiet',
      '-cert', fixtures.path('keys', 'agent1-cert.pem'),
      '-key', fixtures.path('keys', 'agent1-key.pem'),
    ], { stdio: ['pipe', 'ignore', 'ignore'] });
    server.on('close', () => client.kill());
  }));
}
