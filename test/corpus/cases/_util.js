// Helpers shared by the corpus cases (files named _* hold no cases).
'use strict';

const tls = require('tls');

// Fixed inputs: no case uses random bytes.
const K16 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const K24 = Buffer.from('000102030405060708090a0b0c0d0e0f1011121314151617', 'hex');
const K32 = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const K64 = Buffer.concat([K32, Buffer.from(K32.map((b) => b ^ 0x5a))]);
const IV8 = Buffer.from('a0a1a2a3a4a5a6a7', 'hex');
const IV12 = Buffer.from('b0b1b2b3b4b5b6b7b8b9babb', 'hex');
const IV16 = Buffer.from('c0c1c2c3c4c5c6c7c8c9cacbcccdcecf', 'hex');
const PT = Buffer.from('The quick brown fox jumps over the lazy dog');  // 43 bytes: not a block multiple
const AAD = Buffer.from('additional authenticated data');

// Close what a case opened once it settles or times out (run.js calls these).
function track(fn) {
  if (typeof globalThis.__corpusCleanup === 'function') globalThis.__corpusCleanup(fn);
}

// A callback API as a promise: the callback's error rejects, its result resolves.
function viaCallback(fn) {
  return new Promise((resolve, reject) => {
    fn((err, ...results) => (err ? reject(err) : resolve(results.length > 1 ? results : results[0])));
  });
}

function concat(obj, data) {
  return Buffer.concat([obj.update(data), obj.final()]);
}

function tamper(buf, index = buf.length - 1) {
  const copy = Buffer.from(buf);
  copy[index] ^= 0x01;
  return copy;
}

// One TLS handshake over loopback (port 0). Resolves (never rejects) with
//   { client: { err } | { ok, protocol, cipher, authorized, authorizationError },
//     server: { err } | { ok, protocol, authorized, authorizationError } | { none: true } }
// The server writes 'hello' and ends once its handshake is done; the client result is final
// when its socket closes, so an alert arriving after 'secureConnect' (TLS 1.3 client
// certificates) still counts as the client's error. The server result is 'none' when neither
// 'secureConnection' nor 'tlsClientError' arrived within `grace` ms of the client's result.
function handshake(serverOptions, clientOptions = {}, { grace = 500 } = {}) {
  return new Promise((resolve) => {
    const res = { client: null, server: null };
    let clientDone = false;
    let graceTimer = null;
    const sockets = new Set();
    const server = tls.createServer(serverOptions);
    const close = () => {
      clearTimeout(graceTimer);
      server.close();
      for (const s of sockets) s.destroy();
    };
    track(close);
    const check = () => {
      if (clientDone && res.server) {
        close();
        resolve(res);
      } else if (clientDone && !graceTimer) {
        graceTimer = setTimeout(() => {
          res.server = { none: true };
          check();
        }, grace);
      }
    };
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('error', () => {});
    });
    server.on('secureConnection', (s) => {
      s.on('error', () => {});
      if (!res.server) {
        res.server = { ok: true, protocol: s.getProtocol(), authorized: s.authorized,
                       authorizationError: s.authorizationError || null };
      }
      s.end('hello');
      check();
    });
    server.on('tlsClientError', (err) => {
      if (!res.server) res.server = { err };
      check();
    });
    server.on('error', (err) => {
      if (!res.server) res.server = { err };
      clientDone = true;
      check();
    });
    server.listen(0, '127.0.0.1', () => {
      let c;
      try {
        c = tls.connect({ host: '127.0.0.1', port: server.address().port, servername: 'localhost',
                          ...clientOptions });
      } catch (err) {
        res.client = { err };
        clientDone = true;
        return check();
      }
      sockets.add(c);
      c.on('secureConnect', () => {
        if (!res.client) {
          res.client = { ok: true, protocol: c.getProtocol(), cipher: c.getCipher().name,
                         authorized: c.authorized, authorizationError: c.authorizationError || null };
        }
      });
      c.on('data', () => {});
      c.on('end', () => c.end());
      c.on('error', (err) => {
        if (!res.client || res.client.ok) res.client = { err };
      });
      c.on('close', () => {
        if (!res.client) res.client = { closed: true };
        clientDone = true;
        check();
      });
    });
  });
}

function describeSide(side) {
  if (side.err) throw side.err;
  if (side.none) return 'no server event';
  if (side.closed) return 'closed without handshake or error';
  return [side.protocol, side.cipher, `authorized=${side.authorized}`,
          side.authorizationError].filter((x) => x !== undefined).join(' ');
}

// The client's (or the server's) outcome of a handshake: throws its error, else a summary.
async function clientSide(serverOptions, clientOptions) {
  return describeSide((await handshake(serverOptions, clientOptions)).client);
}
async function serverSide(serverOptions, clientOptions) {
  return describeSide((await handshake(serverOptions, clientOptions)).server);
}

module.exports = {
  K16, K24, K32, K64, IV8, IV12, IV16, PT, AAD,
  track, viaCallback, concat, tamper, handshake, clientSide, serverSide,
};
