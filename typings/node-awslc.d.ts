// Type declarations for the APIs node-awslc adds to Node.js 22, in @types/node style.
// Use with @types/node@22: add this file to "files"/"include" or reference it with
//   /// <reference path="node-awslc.d.ts" />
export {};

declare global {
    namespace NodeJS {
        interface ProcessFeatures {
            /**
             * A boolean value that is `true` if the current Node.js build's `node:crypto` and
             * `node:tls` run on AWS-LC (a node-awslc build).
             * @since node-awslc (Node.js v22.22.2)
             */
            readonly openssl_is_awslc: boolean;
            /**
             * A boolean value that is `true` if the current Node.js build's `node:crypto` and
             * `node:tls` run on BoringSSL. `false` on AWS-LC builds.
             * @since v22.13.0
             */
            readonly openssl_is_boringssl: boolean;
            /**
             * A boolean value that is `true` if the current Node.js build's TLS library supports
             * TLS 1.3 post-handshake client authentication (`enablePostHandshakeAuth` on the
             * client, `tlsSocket.renegotiate()` on a TLS 1.3 server). `false` on AWS-LC builds,
             * where both fail with `ERR_TLS_PHA_UNSUPPORTED`.
             * @since node-awslc (Node.js v22.22.2)
             */
            readonly tls_pha: boolean;
        }
        interface ProcessVersions {
            /**
             * The AWS-LC release `node:crypto` and `node:tls` run on (e.g. `'5.1.0'`); only
             * present on node-awslc builds. On those, `process.versions.openssl` is the OpenSSL
             * API level AWS-LC implements (`'1.1.1'`).
             * @since node-awslc (Node.js v22.22.2)
             */
            readonly awslc?: string;
        }
    }
}

declare module "tls" {
    interface ConnectionOptions {
        /**
         * Offer TLS 1.3 post-handshake authentication to the server, so that it can ask for
         * this client's certificate (`cert`/`key`) after the handshake with
         * `tlsSocket.renegotiate()`. Throws `ERR_TLS_PHA_UNSUPPORTED` when
         * `process.features.tls_pha` is `false`.
         * @default false
         * @since node-awslc (Node.js v22.22.2)
         */
        enablePostHandshakeAuth?: boolean | undefined;
    }
    interface CommonConnectionOptions {
        /**
         * Hand this connection's record layer to the Linux kernel (kTLS) once the handshake is
         * done, before `'secureConnect'` / `'secureConnection'` is emitted. Eligible: Linux, a
         * TCP socket, TLS 1.2 or 1.3 with AES-128-GCM, AES-256-GCM or ChaCha20-Poly1305, and a
         * kernel with the `tls` ULP and the cipher's crypto. Otherwise the socket stays in
         * userspace and `tlsSocket.ktls.reason` says why; it is never an error. For HTTPS,
         * pass it to `https.createServer()` and to an `https.Agent` (kTLS sockets are pooled
         * apart from others).
         * @default false
         * @since node-awslc (Node.js v22.22.2)
         */
        ktls?: boolean | undefined;
    }
    /**
     * Which directions of a TLS socket the kernel runs (kTLS), and why not.
     * @since node-awslc (Node.js v22.22.2)
     */
    interface KtlsState {
        /** `true` when the kernel encrypts what this socket sends. */
        tx: boolean;
        /** `true` when the kernel decrypts what this socket receives. */
        rx: boolean;
        /**
         * `null` when both directions are in the kernel; otherwise why not, e.g.
         * `'not requested'`, `'pending'`, an ineligible cipher or protocol, a kernel without
         * the `tls` ULP, or `'RX waits for the first TLS 1.3 session ticket'`.
         */
        reason: string | null;
    }
    interface TLSSocket {
        /**
         * The kTLS state of this socket (see the `ktls` option).
         * @since node-awslc (Node.js v22.22.2)
         */
        readonly ktls: KtlsState;
        /**
         * On a TLS 1.2 connection: renegotiate, as in Node.js. On a TLS 1.3 server socket:
         * request the client's certificate with post-handshake authentication; `callback`
         * gets `null` once the certificate has been received and verified, or an `Error`
         * (`ERR_TLS_PHA_UNSUPPORTED` when the build has no PHA, `ERR_SSL_EXTENSION_NOT_RECEIVED`
         * when the client did not offer it, a verification or connection error otherwise).
         * Returns `false` when the request could not be made.
         */
        renegotiate(
            options: { rejectUnauthorized?: boolean | undefined; requestCert?: boolean | undefined },
            callback: (err: Error | null) => void,
        ): undefined | boolean;
    }
    /**
     * Whether this build and host can hand TLS records to the kernel (kTLS): the build has the
     * hook and the kernel's `tls` ULP is loaded or installed as a module. A cheap probe; what
     * happened to a given socket is in `tlsSocket.ktls`.
     * @since node-awslc (Node.js v22.22.2)
     */
    function ktlsAvailable(): boolean;
}
