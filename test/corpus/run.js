// Run the failure corpus (test/corpus/cases/*.js) in this process and print one JSON line
// per case on stdout:
//
//   {"id":"cipher.aes-128-cbc-wrong-key","area":"cipher","desc":"...","ok":false,
//    "code":"ERR_OSSL_BAD_DECRYPT","name":"Error","message":"...","digest":null,"ms":1, ...}
//
// ok: the case returned (or its promise resolved); digest is the sha256 hex of the output
// bytes (see toBytes()), out a short preview of them. Otherwise code/name/message come from
// what it threw or rejected with, plus library/reason/cause/opensslErrorStack when the error
// has them. test/corpus/compare.js compares ok/digest and code/name only; the rest (message,
// ms, ...) is informative.
//
//   node test/corpus/run.js [--filter=REGEXP] [--after=ID] [--list]
//                           [--timeout=MS] [--total-timeout=MS]
//
// --filter   run only the cases whose id matches REGEXP
// --after    skip the cases up to and including ID (resuming after a crash)
// --list     print the ids (one per line) and exit
// --timeout  per case (default 5000): a case still pending then is reported with code
//            "TIMEOUT" and the next one starts
// --total-timeout  for the whole run (default 100000): the running case and every case not
//            run yet are reported "TIMEOUT" and the process exits 3
// Before each case, "corpus: start <id>" goes to stderr, so a caller can tell which case a
// crash or a hang happened in. The exit code is 0 whatever the cases do.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const args = { filter: null, after: null, list: false, timeout: 5000, totalTimeout: 100000 };
for (const arg of process.argv.slice(2)) {
  const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
  if (!m) usageError(`unexpected argument '${arg}'`);
  const [, key, value] = m;
  if (key === 'list' && value === undefined) args.list = true;
  else if (key === 'filter' && value) args.filter = new RegExp(value);
  else if (key === 'after' && value) args.after = value;
  else if (key === 'timeout' && +value > 0) args.timeout = +value;
  else if (key === 'total-timeout' && +value > 0) args.totalTimeout = +value;
  else usageError(`bad option '${arg}'`);
}

function usageError(message) {
  process.stderr.write(`run.js: ${message}\n`);
  process.exit(2);
}

function loadCases() {
  const dir = path.join(__dirname, 'cases');
  const all = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^[a-z].*\.js$/.test(f)).sort()) {
    for (const c of require(path.join(dir, file))) {
      if (typeof c.id !== 'string' || typeof c.run !== 'function' || !c.area || !c.desc)
        throw new Error(`${file}: malformed case ${JSON.stringify(c.id)}`);
      all.push(c);
    }
  }
  const seen = new Set();
  for (const c of all) {
    if (seen.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    seen.add(c.id);
  }
  return all;
}

// A canonical byte form of what a case returned.
function toBytes(value) {
  if (Buffer.isBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(stableJson(value), 'utf8');
}

function stableJson(value) {
  return JSON.stringify(value, (key, v) => {
    if (v instanceof crypto.KeyObject) return describeKeyObject(v);
    if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) {
      return { type: v.type, extractable: v.extractable, algorithm: v.algorithm, usages: [...v.usages].sort() };
    }
    if (v && v.type === 'Buffer' && Array.isArray(v.data)) return { hex: Buffer.from(v.data).toString('hex') };
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return { hex: toBytes(v).toString('hex') };
    if (typeof v === 'bigint') return `${v}n`;
    if (v === undefined) return '<undefined>';
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
    }
    return v;
  });
}

function describeKeyObject(key) {
  if (key.type === 'secret') return { type: 'secret', hex: key.export().toString('hex') };
  const d = { type: key.type, asymmetricKeyType: key.asymmetricKeyType };
  try {
    d.jwk = key.export({ format: 'jwk' });
  } catch {
    d.der = key.export({ format: 'der', type: key.type === 'private' ? 'pkcs8' : 'spki' }).toString('hex');
  }
  return d;
}

function describeError(err) {
  if (err === null || typeof err !== 'object') {
    return { code: null, name: typeof err, message: String(err) };
  }
  const r = {
    code: err.code === undefined ? null : err.code,
    name: err.name === undefined ? null : String(err.name),
    message: String(err.message === undefined ? err : err.message).split('\n')[0].slice(0, 300),
  };
  if (typeof err.library === 'string') r.library = err.library;
  if (typeof err.reason === 'string') r.reason = err.reason;
  if (err.cause && typeof err.cause === 'object') {
    r.cause = `${err.cause.code || ''} ${err.cause.name || ''}: ${err.cause.message || ''}`.trim().slice(0, 200);
  }
  if (Array.isArray(err.opensslErrorStack) && err.opensslErrorStack.length) {
    r.opensslErrorStack = err.opensslErrorStack.map(String).slice(0, 4);
  }
  return r;
}

function emit(result) {
  fs.writeSync(1, JSON.stringify(result) + '\n');
}

// A case's resources (servers, sockets) are closed after it settles or times out; cases
// register them through this hook (see cases/_util.js; files named _* hold no cases).
const cleanups = [];
globalThis.__corpusCleanup = (fn) => cleanups.push(fn);
function runCleanups() {
  while (cleanups.length) {
    try { cleanups.pop()(); } catch { /* closing what is already gone */ }
  }
  // Node leaves some library errors queued (stock Node too: an error left by one call can
  // become the err.code of an unrelated later one). Each case starts with an empty queue, so
  // its result does not depend on the cases before it: the random prime job's argument
  // check clears the queue (ClearErrorOnReturn).
  crypto.generatePrimeSync(16);
}

let current = null;  // { id, reject } of the running case
process.on('uncaughtException', (err) => {
  if (current) current.reject(err);
  else process.stderr.write(`corpus: stray error outside a case: ${err && err.stack}\n`);
});
process.on('unhandledRejection', (err) => {
  process.stderr.write(`corpus: stray rejection${current ? ` during ${current.id}` : ''}: ${err && err.message}\n`);
});

function runOne(c) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const onValue = (value) => {
      let bytes;
      try {
        bytes = toBytes(value);
      } catch (err) {
        return finish({ ok: false, ...describeError(err), code: 'CORPUS_UNSERIALIZABLE' });
      }
      finish({
        ok: true, code: null, name: null, message: null,
        digest: crypto.createHash('sha256').update(bytes).digest('hex'),
        out: bytes.length <= 48 && /^[\x20-\x7e]*$/.test(bytes.toString('latin1')) ?
          bytes.toString('latin1') : `${bytes.length} bytes ${bytes.subarray(0, 16).toString('hex')}`,
      });
    };
    const onError = (err) => finish({ ok: false, ...describeError(err), digest: null });
    const timer = setTimeout(() => finish({
      ok: false, code: 'TIMEOUT', name: null, message: `no result within ${args.timeout} ms`, digest: null,
    }), args.timeout);
    current = { id: c.id, reject: onError };
    try {
      const value = c.run();
      if (value && typeof value.then === 'function') value.then(onValue, onError);
      else onValue(value);
    } catch (err) {
      onError(err);
    }
  });
}

async function main() {
  let cases = loadCases();
  if (args.filter) cases = cases.filter((c) => args.filter.test(c.id));
  if (args.after) {
    const i = cases.findIndex((c) => c.id === args.after);
    if (i < 0) usageError(`--after: no case '${args.after}'`);
    cases = cases.slice(i + 1);
  }
  if (args.list) {
    for (const c of cases) fs.writeSync(1, `${c.id}\n`);
    return;
  }
  let next = 0;
  const total = setTimeout(() => {
    for (const c of cases.slice(Math.max(0, next - 1))) {
      emit({ id: c.id, area: c.area, desc: c.desc, ok: false, code: 'TIMEOUT', name: null,
             message: `the run exceeded --total-timeout=${args.totalTimeout}`, digest: null });
    }
    process.exit(3);
  }, args.totalTimeout);
  runCleanups();
  for (const c of cases) {
    next++;
    process.stderr.write(`corpus: start ${c.id}\n`);
    const start = process.hrtime.bigint();
    const result = await runOne(c);
    current = null;
    runCleanups();
    emit({ id: c.id, area: c.area, desc: c.desc, ...result, ms: Number((process.hrtime.bigint() - start) / 1000000n) });
  }
  clearTimeout(total);
  // Whatever a case left behind (a socket in TIME_WAIT handling, a pending job) must not
  // keep the process alive.
  setImmediate(() => process.exit(0));
}

main().catch((err) => {
  process.stderr.write(`run.js: ${err && err.stack}\n`);
  process.exit(1);
});
