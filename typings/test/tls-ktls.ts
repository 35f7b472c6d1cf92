// Type test for the kTLS API (checked by scripts/check-typings.sh, not run).
import * as https from "node:https";
import * as tls from "node:tls";

const available: boolean = tls.ktlsAvailable();

const server = tls.createServer({ ktls: true }, (socket: tls.TLSSocket) => {
    const state: tls.KtlsState = socket.ktls;
    const tx: boolean = state.tx;
    const rx: boolean = state.rx;
    const reason: string | null = state.reason;
    if (reason !== null) console.log(`userspace: ${reason}`, tx, rx);
    socket.pipe(socket);
});

const client = tls.connect({ port: 443, host: "example.com", ktls: available }, () => {
    if (client.ktls.tx && client.ktls.rx) console.log("kernel TLS");
    // @ts-expect-error ktls is read-only
    client.ktls = { tx: true, rx: true, reason: null };
});

https.createServer({ ktls: true }, (_req, res) => res.end("ok"));
https.get({ host: "example.com", agent: new https.Agent({ ktls: true, keepAlive: true }) });
// @ts-expect-error ktls is a boolean
tls.connect({ port: 443, ktls: "yes" });
server.close();
