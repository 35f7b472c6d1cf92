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
