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
    interface TLSSocket {
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
}
