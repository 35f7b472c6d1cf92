'use strict';
// On TLS 1.3 the session to resume comes in a ticket after the handshake.
// tlsSocket.getSession() must return that session (as OpenSSL's SSL_get_session()
// does), not the handshake's own session, which cannot resume: connection pools
// that keep getSession() for the next connection resumed none of them.
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

const N = 4;
const server = tls.createServer({
  key: fixtures.readKey('agent1-key.pem'),
  cert: fixtures.readKey('agent1-cert.pem'),
  minVersion: 'TLSv1.3',
}, (socket) => socket.end('hello'));

// A pool that only calls getSession() (no 'session' listener), then one that also
// listens: getSession() is the session the last 'session' event handed out.
function run(withListener, done) {
  let session;
  let resumed = 0;
  const connect = common.mustCall((i) => {
    const client = tls.connect({
      port: server.address().port,
      rejectUnauthorized: false,
      session,
    }, common.mustCall(() => {
      assert.strictEqual(client.getProtocol(), 'TLSv1.3');
      if (client.isSessionReused()) resumed++;
    }));
    let sessionEvent;
    if (withListener) client.on('session', (s) => { sessionEvent = s; });
    client.on('data', common.mustCall((data) => {
      assert.strictEqual(data.toString(), 'hello');
    }));
    client.on('end', common.mustCall(() => {
      // The server's tickets precede its data, so they have arrived by now.
      const offered = session;
      session = client.getSession();
      assert.ok(Buffer.isBuffer(session));
      if (sessionEvent) {
        // The last session the 'session' event handed out.
        assert.ok(session.equals(sessionEvent));
      } else if (client.isSessionReused()) {
        // No new ticket on a resumed connection: the offered session, still good.
        assert.ok(session.equals(offered));
      }
      const ticket = client.getTLSTicket();
      assert.ok(Buffer.isBuffer(ticket) && ticket.length > 0);
    }));
    client.on('close', common.mustCall(() => {
      if (i + 1 < N) return connect(i + 1);
      assert.strictEqual(resumed, N - 1, `withListener=${withListener}`);
      done();
    }));
  }, N);
  connect(0);
}

server.listen(0, common.mustCall(() => {
  run(false, common.mustCall(() => {
    run(true, common.mustCall(() => server.close()));
  }));
}));
