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
            /**
             * The FIPS module's version as the module reports it (`awslc_version_string()`,
             * e.g. `'AWS-LC FIPS 3.1.0'` gives `'3.1.0'`); only present on a build on the
             * AWS-LC-FIPS module. Not a validation claim: which module versions hold a
             * FIPS 140-3 certificate is for the certificate to say.
             * @since node-awslc (Node.js v22.22.2)
             */
            readonly awslc_fips?: string;
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
         * userspace and `tlsSocket.ktls.reason` says why; it is never an error. In FIPS mode
         * the kernel's record encryption would be outside the FIPS module's boundary, so the
         * socket stays in userspace unless the process runs with
         * `--tls-ktls-outside-fips-boundary` (also in `NODE_OPTIONS`). For HTTPS,
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
         * the `tls` ULP, `'RX waits for the first TLS 1.3 session ticket'`, or, in FIPS mode
         * without `--tls-ktls-outside-fips-boundary`, that the kernel's record encryption is
         * outside the FIPS module's boundary.
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
     * hook, FIPS mode does not keep the records inside the FIPS module (see
     * `--tls-ktls-outside-fips-boundary`), and the kernel's `tls` ULP is loaded or installed as
     * a module. A cheap probe; what happened to a given socket is in `tlsSocket.ktls`, why
     * kTLS is unavailable in `getKtlsStatus().reason`.
     * @since node-awslc (Node.js v22.22.2)
     */
    function ktlsAvailable(): boolean;
    /**
     * Whether kTLS can engage in this process, and why not.
     * @since node-awslc (Node.js v22.22.2)
     */
    interface KtlsStatus {
        /** The value `ktlsAvailable()` returns. */
        available: boolean;
        /**
         * `null` when `available` is `true`; otherwise why not: the build has no kTLS
         * support, FIPS mode keeps the records inside the FIPS module (the kernel's record
         * encryption is outside its boundary), or the kernel has no `tls` module.
         */
        reason: string | null;
    }
    /**
     * `ktlsAvailable()` with the reason.
     * @since node-awslc (Node.js v22.22.2)
     */
    function getKtlsStatus(): KtlsStatus;
}

declare module "crypto" {
    /**
     * One service and algorithm in `getFipsIndicator()`.
     * @since node-awslc (Node.js v22.22.2)
     */
    interface FipsIndicatorService {
        /**
         * `'hash'`, `'hmac'`, `'encrypt'`, `'decrypt'`, `'sign'`, `'verify'`, `'keygen'`,
         * `'derive'` (key agreement) or `'kdf'`.
         */
        service: string;
        /**
         * The algorithm and its parameters, e.g. `'sha256'`, `'aes-256-gcm'`,
         * `'rsa-2048/sha256/pss'`, `'ec-P-256'`, `'hkdf/sha256'`; `'/prehashed'` marks
         * `createSign()`/`createVerify()`.
         */
        algorithm: string;
        /** How many times the FIPS module reported this service approved. */
        approved: number;
        /** How many times the FIPS module reported this service not approved. */
        unapproved: number;
    }
    /**
     * What the FIPS module's approved service indicator reported for the services this
     * process completed through `node:crypto` and Web Crypto (all threads, since start-up).
     * @since node-awslc (Node.js v22.22.2)
     */
    interface FipsIndicator {
        /** Services the module reported approved. */
        approved: number;
        /** Services the module reported not approved. */
        unapproved: number;
        /** Per service and algorithm, sorted by `service`, then `algorithm`. */
        services: FipsIndicatorService[];
    }
    /**
     * The FIPS module's approved service indicator (FIPS 140-3 IG 2.4.C) as counted so far;
     * `undefined` when the library has no service indicator or is not a FIPS module (every
     * build but the AWS-LC-FIPS one). The diagnostic report has the same data as
     * `fipsServiceIndicator`. With `--fips-strict`, services the module does not approve are
     * refused with `ERR_CRYPTO_FIPS_NOT_APPROVED` instead.
     * @since node-awslc (Node.js v22.22.2)
     */
    function getFipsIndicator(): FipsIndicator | undefined;
}
