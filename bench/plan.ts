// What scripts/bench.sh measures: each job is one benchmark file run through
// benchmark/compare.js with these --set values (their cross product is the job's rows).
// Files under awslc/ are ours (bench/*.js, copied into the staged benchmark tree).
// `quick` replaces values for `scripts/bench.sh --quick`; `runs` is compare.js --runs (default
// 8); `hide` keys are left out of the table's config column, `about` is added to it; `target`
// gives the target for a row, if one applies.
'use strict';

export type Conf = Record<string, string | number>;
export interface Target { label: string; min?: number; max?: number }
export interface Job {
  file: string;
  set: Record<string, (string | number)[]>;
  quick?: Record<string, (string | number)[]>;
  runs?: number;
  hide?: string[];
  about?: string;
  unit: string;
  target?: (conf: Conf) => Target | undefined;
}

// The targets (AWS-LC ÷ control).
export const targets = {
  ecdsaHandshake: { label: 'TLS 1.3 ECDSA handshakes ≥ 1.5×', min: 1.5 },
  rsaHandshake: { label: 'TLS 1.3 RSA-2048 handshakes ≥ 1.0×', min: 1.0 },
  resumption: { label: 'TLS 1.3 resumption ≥ 1.3×', min: 1.3 },
  aesGcmTls: { label: 'bulk AES-GCM TLS ≥ 1.0×', min: 1.0 },
  chacha: { label: 'ChaCha20-Poly1305 ≥ 0.9×', min: 0.9 },
  hashCipher: { label: 'crypto hashing/cipher ≥ 1.0×', min: 1.0 },
  within5: { label: 'within 5% of control (≤ 1.05×)', max: 1.05 },
} satisfies Record<string, Target>;

const bulkTls = (): Target => targets.aesGcmTls;

export const jobs: Job[] = [
  // Node's TLS benchmarks: TLS 1.2, AES256-GCM-SHA384, RSA key exchange.
  { file: 'tls/tls-connect.js', set: { concurrency: [1, 10], dur: [2] }, quick: { dur: [0.3] },
    hide: ['dur'], unit: 'conn/s' },
  { file: 'tls/throughput-c2s.js', set: { type: ['buf'], size: [1024, 1048576], dur: [2] },
    quick: { dur: [0.3] }, hide: ['dur'], unit: 'Mbit/s', target: bulkTls },
  { file: 'tls/throughput-s2c.js',
    set: { type: ['buf'], sendchunklen: [256, 131072], recvbuflen: [0], recvbufgenfn: ['false'], dur: [2] },
    quick: { dur: [0.3] }, hide: ['dur', 'recvbuflen', 'recvbufgenfn'], unit: 'Mbit/s', target: bulkTls },
  { file: 'tls/secure-pair.js', set: { securing: ['TLSSocket', 'SecurePair'], size: [1048576], dur: [2] },
    quick: { dur: [0.3] }, hide: ['dur'], unit: 'Mbit/s', target: bulkTls },
  // Ours: TLS 1.3.
  { file: 'awslc/tls13-handshake.js',
    set: { cert: ['ecdsa-p256', 'rsa-2048'], mode: ['full', 'resumed'], group: ['X25519'], dur: [2] },
    quick: { dur: [0.3] }, hide: ['dur', 'concurrency'], unit: 'handshakes/s', target: handshakeTarget },
  { file: 'awslc/tls13-handshake.js',
    set: { cert: ['ecdsa-p256', 'rsa-2048'], mode: ['full'], group: ['default'], dur: [2] },
    quick: { dur: [0.3] }, hide: ['dur', 'concurrency'], unit: 'handshakes/s', target: handshakeTarget },
  { file: 'awslc/tls13-throughput.js',
    set: { cipher: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'], dur: [2] },
    quick: { dur: [0.3] }, hide: ['dur'], unit: 'Mbit/s',
    target: (c) => String(c.cipher).includes('CHACHA') ? targets.chacha : targets.aesGcmTls },
  { file: 'awslc/https-wrk.js', set: { keepalive: ['off', 'on'], cert: ['ecdsa-p256'], dur: [3] },
    quick: { dur: [1] }, hide: ['dur'], unit: 'req/s' },
  { file: 'awslc/https-wrk.js', set: { keepalive: ['off'], cert: ['rsa-2048'], dur: [3] },
    quick: { dur: [1] }, hide: ['dur'], unit: 'req/s' },
  // node:crypto: work per run sized to ~0.2-1 s per config (shorter runs are mostly noise), and
  // more runs than the TLS jobs, which they cost little.
  { file: 'crypto/hash-stream-throughput.js',
    set: { algo: ['sha1', 'sha256', 'sha512'], type: ['buf'], len: [1024], api: ['stream'], writes: [50000] },
    quick: { writes: [5000] }, runs: 10, hide: ['type', 'api'], unit: 'Gbit/s', target: () => targets.hashCipher },
  { file: 'crypto/hash-stream-throughput.js',
    set: { algo: ['sha1', 'sha256', 'sha512'], type: ['buf'], len: [1048576], api: ['stream'], writes: [500] },
    quick: { writes: [50] }, runs: 10, hide: ['type', 'api'], unit: 'Gbit/s', target: () => targets.hashCipher },
  { file: 'crypto/webcrypto-digest.js',
    set: { sync: ['subtle'], data: [100], method: ['SHA-256', 'SHA-512'], n: [50000] },
    quick: { n: [2000] }, runs: 10, hide: ['n'], unit: 'digests/s', target: () => targets.hashCipher },
  { file: 'crypto/aes-gcm-throughput.js', set: { cipher: ['aes-128-gcm', 'aes-256-gcm'], len: [1024, 16384], n: [10000] },
    quick: { n: [250] }, runs: 10, unit: 'Mbit/s', target: () => targets.hashCipher },
  { file: 'awslc/crypto-aead-stream.js',
    set: { cipher: ['aes-128-gcm', 'aes-256-gcm', 'chacha20-poly1305'], chunk: [16384], total: [1073741824] },
    quick: { total: [16777216] }, runs: 10, hide: ['total'], unit: 'MiB/s',
    target: (c) => c.cipher === 'chacha20-poly1305' ? targets.chacha : targets.hashCipher },
  { file: 'crypto/oneshot-sign.js', set: { keyType: ['rsa'], mode: ['sync'], keyFormat: ['keyObject'], n: [1000] },
    quick: { n: [100] }, runs: 10, hide: ['n', 'keyFormat'], unit: 'signs/s' },
  { file: 'crypto/oneshot-sign.js', set: { keyType: ['ec', 'ed25519'], mode: ['sync'], keyFormat: ['keyObject'], n: [20000] },
    quick: { n: [500] }, runs: 10, hide: ['n', 'keyFormat'], unit: 'signs/s' },
  { file: 'crypto/oneshot-verify.js', set: { keyType: ['rsa', 'ec', 'ed25519'], mode: ['sync'], keyFormat: ['keyObject'], n: [10000] },
    quick: { n: [200] }, runs: 10, hide: ['n', 'keyFormat'], unit: 'verifies/s' },
  { file: 'crypto/keygen.js', set: { method: ['rsaSync'], n: [100] }, quick: { n: [10] }, runs: 10, about: '(RSA-1024)',
    unit: 'keys/s' },
  { file: 'awslc/crypto-keygen.js', set: { type: ['ec-p256', 'ed25519', 'x25519'], n: [20000] },
    quick: { n: [200] }, runs: 10, hide: ['n'], unit: 'keys/s' },
  { file: 'crypto/randomBytes.js', set: { size: [64, 16384], n: [100000] }, quick: { n: [2000] }, runs: 10, hide: ['n'],
    unit: 'calls/s' },
];

function handshakeTarget(c: Conf): Target {
  if (c.mode === 'resumed') return targets.resumption;
  return c.cert === 'rsa-2048' ? targets.rsaHandshake : targets.ecdsaHandshake;
}
