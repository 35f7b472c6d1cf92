// Checked by `tsc --strict` (scripts/check-typings.sh): the PHA API as a program uses it.
import * as tls from 'node:tls';

const options: tls.ConnectionOptions = { host: 'localhost', port: 8443, enablePostHandshakeAuth: process.features.tls_pha };
const server = tls.createServer({ minVersion: 'TLSv1.3' }, (socket: tls.TLSSocket) => {
  const started: undefined | boolean = socket.renegotiate({ requestCert: true, rejectUnauthorized: true }, (err: Error | null) => {
    if (err) socket.destroy(err);
    else console.log(socket.getPeerCertificate().subject.CN);
  });
  void started;
});
void options;
void server;
