'use strict';
// The npm packages whose own test suites scripts/npm-suites.sh runs on out/node-openssl (the
// control), out/node (AWS-LC) and, with --reference, an official Node 22 build; what to run
// of each (full, and a fast subset for CI), and how a run is read back.
//
// The packages come from test/npm-suites/package-lock.json (npm ci --ignore-scripts into the
// cache); each suite runs with its package directory node_modules/<name> as the working
// directory. Every package here publishes its test directory in its npm tarball.
//
// This file is three things:
//   1. the suite table (SUITES below);
//   2. the test reporter both runners load, so every suite writes the same result file: one
//      line per test, "<pass|fail|skip|todo>\t<test id>\t<error code: first message line>",
//      plus "#\t<file>\t<text>" lines with what the test files printed (triage material):
//        node --test --test-reporter=<this file> --test-reporter-destination=<file>
//        mocha --reporter <this file> --reporter-option out=<file>
//      A test id is "<test file, relative to the package> > <suite titles> > <test title>"
//      (a file without node:test tests, ssh2's scripts, is one test named by its path);
//      a repeated id gets " #2", " #3"...;
//   3. a command line, run by scripts/npm-suites.sh (with the control binary):
//        node suites.js list [--fast] [--only=a,b] <install dir>   the commands, one suite a line:
//             name \t version \t timeout (s) \t cwd \t node args... (@OUT@ = the result file)
//        node suites.js compare <results dir> <expectations file> [--fast] [--reference]
//             [--install=DIR] [--candidates=FILE] [--report=FILE --command=TEXT]
//             per suite and binary: tests run and passed; exit 1 on an AWS-LC-only failure not
//             in the expectations file, or a listed test that passes (--candidates: write the
//             unlisted ones in the expectations file's format)
//
// Tests left out everywhere (and why):
//   ssh2: test-integration-openssh.js, test-userauth-agent-openssh.js need the OpenSSH client
//         and ssh-agent binaries, which the build root does not have.
//   openpgp: test/general/hkp.js and wkd.js look keys up on Internet key servers;
//         test/unittests.js needs test/worker and test/security, not in the npm tarball (the
//         globals it defines are set by OPENPGP_SETUP instead).
//   fastify, @fastify/reply-from: only the test files that use TLS (https, http2 secure) run;
//         the rest of their suites does not touch node:crypto/node:tls.
//   @fastify/reply-from: unix-https*.test.js listen on a Unix socket next to the test file, a path
//         longer than the 107 bytes sun_path holds under the cache directory (EADDRINUSE).

const fs = require('fs');
const path = require('path');

// openpgp's test/unittests.js defines these globals before loading the test files.
const OPENPGP_SETUP = 'data:text/javascript,' + [
  'globalThis.resolves=v=>Promise.resolve(v);',
  'globalThis.rejects=v=>Promise.reject(v);',
  'globalThis.tryTests=(n,t,o)=>{if(o.if){describe(n,function(){',
  'if(o.before)before(o.before);if(o.beforeEach)beforeEach(o.beforeEach);t();',
  'if(o.afterEach)afterEach(o.afterEach);if(o.after)after(o.after)})}',
  'else describe.skip(n+" (no support --> skipping tests)",t)};',
].join('');

const og = (...names) => names.map((n) => `test/general/${n}.js`);

// runner: 'node-test' (node --test, files run in child processes) or 'mocha' (in one process).
// full / fast: the files (node --test) or mocha arguments; timeout: seconds for the whole suite.
// covers: what of node:crypto/node:tls the suite exercises (for the report).
const SUITES = [
  {
    name: 'ssh2',
    runner: 'node-test',
    covers: 'node:crypto: SSH ciphers (AES-CTR/CBC/GCM, ChaCha20-Poly1305, 3DES), HMACs, DH/ECDH/X25519 key exchange, RSA/ECDSA/Ed25519 host and user keys (PEM/OpenSSH parsing, sign/verify, keygen), over loopback SSH connections',
    full: ['test-exec', 'test-keygen', 'test-misc-client-server', 'test-openssh', 'test-protocol-crypto',
      'test-protocol-keyparser', 'test-server-hostkeys', 'test-sftp', 'test-shell', 'test-userauth-agent',
      'test-userauth', 'test-worker-imports'].map((f) => `test/${f}.js`),
    fast: ['test-keygen', 'test-protocol-crypto', 'test-protocol-keyparser', 'test-server-hostkeys',
      'test-userauth'].map((f) => `test/${f}.js`),
    timeout: { full: 300, fast: 120 },
  },
  {
    name: 'fastify',
    runner: 'node-test',
    covers: 'node:tls/https/http2: HTTPS and HTTP/2-over-TLS servers (node-forge RSA certificate), ALPN with HTTP/1.1 fallback, undici and h2url clients',
    full: ['test/https/https.test.js', 'test/https/custom-https-server.test.js', 'test/http2/secure.test.js',
      'test/http2/secure-with-fallback.test.js', 'test/http2/closing.test.js', 'test/http2/constraint.test.js',
      'test/internals/initial-config.test.js'],
    fast: ['test/https/https.test.js', 'test/https/custom-https-server.test.js', 'test/http2/secure.test.js',
      'test/http2/secure-with-fallback.test.js'],
    timeout: { full: 180, fast: 90 },
  },
  {
    name: '@fastify/jwt',
    runner: 'node-test',
    covers: 'node:crypto through fast-jwt: HS/RS/PS/ES/EdDSA JWT signing and verification, PEM public/private keys, createSecretKey/createPublicKey',
    full: ['test/jwt.test.js', 'test/jwt-async.test.js', 'test/malformed-authorization.test.js',
      'test/namespace.test.js', 'test/option-hardening.test.js', 'test/options.test.js',
      'test/temporal-options.test.js'],
    fast: ['test/jwt.test.js', 'test/jwt-async.test.js', 'test/options.test.js'],
    timeout: { full: 120, fast: 60 },
  },
  {
    name: '@fastify/reply-from',
    runner: 'node-test',
    covers: 'node:tls/https/http2 clients: proxying to HTTPS and HTTP/2-over-TLS upstreams (http agents, undici) with a fixture RSA certificate',
    full: ['full-https-get', 'http-agents', 'http1-aborted-request', 'http2-canceled-streams-cleanup',
      'http2-goaway', 'http2-http2', 'http2-https', 'http2-te-header-not-stripped-if-trailing', 'https-agents',
      'https-global-agent', 'strip-connection-headers']
      .map((f) => `test/${f}.test.js`),
    fast: ['full-https-get', 'http2-https', 'https-agents', 'https-global-agent'].map((f) => `test/${f}.test.js`),
    args: ['--test-timeout=30000'],
    timeout: { full: 240, fast: 90 },
  },
  {
    name: 'selfsigned',
    runner: 'mocha',
    covers: 'WebCrypto (crypto.webcrypto through @peculiar/x509 and pkijs): RSA/ECDSA key generation, X.509 and PKCS#7 creation and signing, PKCS#8/SPKI export, encrypted private keys; crypto.X509Certificate, createPrivateKey/createPublicKey, createSign/createVerify; the openssl CLI reads the results',
    full: ['--timeout', '20000', 'test/tests.js', 'test/ec-keys.js', 'test/ca-signing.js'],
    fast: ['--timeout', '20000', 'test/ec-keys.js', 'test/ca-signing.js'],
    timeout: { full: 240, fast: 90 },
  },
  {
    name: 'openpgp',
    runner: 'mocha',
    node: ['--import', OPENPGP_SETUP],
    covers: 'node:crypto as OpenPGP.js 4 uses it in Node: AES/CAST5/3DES/Blowfish CFB, AES-GCM/CTR/CBC (EAX, OCB, CMAC), MD5/SHA-1/SHA-2/RIPEMD-160, RSA keygen/sign/verify through PEM keys, ECDH/ECDSA on NIST, secp256k1 and brainpool curves (createECDH, getCurves), random',
    full: ['--timeout', '120000', 'test/crypto/index.js', ...og('util', 'armor', 'packet', 'keyring', 'signature',
      'key', 'openpgp', 'oid', 'ecc_nist', 'ecc_secp256k1', 'x25519', 'brainpool', 'decompression', 'streaming')],
    fast: ['--timeout', '120000', 'test/crypto/index.js', ...og('util', 'packet', 'keyring', 'signature', 'oid',
      'ecc_nist', 'ecc_secp256k1', 'x25519', 'brainpool')],
    timeout: { full: 900, fast: 150 },
  },
];

// ---------------------------------------------------------------------------------------
// The reporter (loaded by node --test, which calls `new Reporter()`, and by mocha, which
// calls `new Reporter(runner, options)`).

const clean = (s, max = 400) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim().slice(0, max);

function describeError(err) {
  if (err == null) return '';
  // node --test wraps the test's own error: ERR_TEST_FAILURE with the real one as cause.
  while (err && err.code === 'ERR_TEST_FAILURE' && err.cause) err = err.cause;
  if (typeof err !== 'object') return clean(err);
  const first = String(err.message ?? err).split('\n').find((l) => l.trim()) ?? '';
  return clean(`${err.code ? `${err.code}: ` : ''}${first}`);
}

function makeIds() {
  const seen = new Map();
  return (id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id} #${n}`;
  };
}

function nodeTestReporter() {
  const { Transform } = require('stream');
  const cwd = process.cwd();
  const uniq = makeIds();
  const stacks = new Map(); // file -> names of the tests running, by nesting level
  const rel = (f) => (f ? path.relative(cwd, f.startsWith('file:') ? require('url').fileURLToPath(f) : f) : '?');
  return new Transform({
    writableObjectMode: true,
    transform({ type, data }, _enc, done) {
      const file = rel(data?.file);
      let line = '';
      if (type === 'test:start') {
        const stack = stacks.get(file) ?? [];
        stack.length = data.nesting;
        stack[data.nesting] = data.name;
        stacks.set(file, stack);
      } else if (type === 'test:pass' || type === 'test:fail') {
        if (data.details?.type !== 'suite' || type === 'test:fail') {
          const stack = (stacks.get(file) ?? []).slice(0, data.nesting);
          const names = data.name === file || data.name === data.file ? [] : [...stack, data.name];
          const id = uniq([file, ...names].map((s) => clean(s, 200)).join(' > '));
          let status = type === 'test:pass' ? 'pass' : 'fail';
          if (data.skip !== undefined) status = 'skip';
          else if (data.todo !== undefined) status = 'todo';
          const detail = status === 'fail' ? describeError(data.details?.error) : clean(data.skip ?? data.todo ?? '');
          line = `${status}\t${id}\t${detail}\n`;
        }
      } else if (type === 'test:stdout' || type === 'test:stderr') {
        const text = String(data.message ?? '');
        line = text.split('\n').filter((l) => l.trim()).map((l) => `#\t${file}\t${clean(l)}\n`).join('');
      }
      done(null, line);
    },
  });
}

function mochaReporter(runner, options) {
  const out = options?.reporterOption?.out ?? options?.reporterOptions?.out;
  const fd = out ? fs.openSync(out, 'a') : 1;
  const cwd = process.cwd();
  const uniq = makeIds();
  const write = (status, test, detail) => {
    const file = test.file ? path.relative(cwd, test.file) : '?';
    const id = uniq([file, ...test.titlePath()].map((s) => clean(s, 200)).join(' > '));
    fs.writeSync(fd, `${status}\t${id}\t${detail}\n`);
  };
  runner.on('pass', (test) => write('pass', test, ''));
  runner.on('fail', (test, err) => write('fail', test, describeError(err)));
  runner.on('pending', (test) => write('skip', test, ''));
  runner.once('end', () => { if (fd !== 1) fs.closeSync(fd); });
}

function Reporter(runner, options) {
  if (runner && typeof runner.on === 'function') {
    mochaReporter(runner, options);
    return undefined;
  }
  return nodeTestReporter();
}

// ---------------------------------------------------------------------------------------
// Reading result files back.

function readResults(file) {
  const tests = new Map(); // id -> { status, detail }
  const output = new Map(); // test file -> printed lines
  let text = '';
  try { text = fs.readFileSync(file, 'utf8'); } catch { return { tests, output, missing: true }; }
  for (const line of text.split('\n')) {
    const [status, id, detail = ''] = line.split('\t');
    if (!id) continue;
    if (status === '#') {
      if (!output.has(id)) output.set(id, []);
      output.get(id).push(detail);
    } else {
      tests.set(id, { status, detail });
    }
  }
  return { tests, output, missing: false };
}

function readStatus(file) { // written by npm-suites.sh: "exit=<n> seconds=<n> timeout=<n>"
  const st = {};
  try {
    for (const kv of fs.readFileSync(file, 'utf8').trim().split(/\s+/)) {
      const [k, v] = kv.split('=');
      st[k] = Number(v);
    }
  } catch { /* not run */ }
  return st;
}

// A file-level failure says only "test failed": the file's last printed error line says more.
function detailOf(result, id) {
  const t = result.tests.get(id);
  if (!t) return 'not reported (the suite crashed or timed out before it)';
  if (t.status !== 'fail') return t.status;
  const file = id.split(' > ')[0];
  const generic = !t.detail || /^(ERR_TEST_FAILURE: )?test failed$/i.test(t.detail) || /exited with code/i.test(t.detail);
  if (generic && result.output.has(file)) {
    // What the file printed last: the error line (not a stack frame), its code, and the
    // progress line before it ("Testing cipher: ... ...", as ssh2's scripts print).
    const printed = result.output.get(file);
    let i = printed.length - 1;
    while (i >= 0 && (/^at /.test(printed[i]) || !/(^|[\s[])(\w*Error|AssertionError)\b/.test(printed[i]))) i--;
    if (i >= 0) {
      const code = printed.slice(i).find((l) => /^code: '/.test(l));
      const step = printed.slice(0, i).reverse().find((l) => /\.\.\.$/.test(l));
      return clean([t.detail || 'failed', step, printed[i], code].filter(Boolean).join(': '));
    }
  }
  return t.detail || 'failed';
}

function readExpectations(file) {
  const lines = [];
  let text = '';
  try { text = fs.readFileSync(file, 'utf8'); } catch { return lines; }
  text.split('\n').forEach((line, i) => {
    if (line.trim() && !line.startsWith('#')) lines.push({ line: line.trimEnd(), no: i + 1 });
  });
  return lines;
}

// "<package>/<test id> <reason>": test ids have spaces, so a line names the test whose
// "<package>/<id>" is the longest one it starts with, followed by a space or the end
// ("a > b > c reason" names a > b > c, not its parent a > b). Returns id -> line.
function resolveExpectations(expectations, pkg, ids) {
  const byId = new Map();
  for (const e of expectations) {
    if (!e.line.startsWith(`${pkg}/`)) continue;
    const rest = e.line.slice(pkg.length + 1);
    let best = null;
    for (const id of ids) {
      if ((rest === id || rest.startsWith(`${id} `)) && (!best || id.length > best.length)) best = id;
    }
    if (best !== null) byId.set(best, e);
  }
  return byId;
}

function versionOf(installDir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(installDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch { return '?'; }
}

// ---------------------------------------------------------------------------------------
// Command line.

function selectSuites(argv) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',').filter(Boolean);
  if (!only) return SUITES;
  const unknown = only.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`suites.js: unknown suite(s) ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return SUITES.filter((s) => only.includes(s.name));
}

function list(argv) {
  const fast = argv.includes('--fast');
  const installDir = argv.filter((a) => !a.startsWith('--')).pop();
  if (!installDir) { console.error('suites.js list: no install directory given'); process.exit(2); }
  const mode = fast ? 'fast' : 'full';
  for (const s of selectSuites(argv)) {
    const cwd = path.join(installDir, 'node_modules', s.name);
    let args;
    if (s.runner === 'node-test') {
      args = [...(s.node ?? []), '--test', `--test-reporter=${__filename}`, '--test-reporter-destination=@OUT@',
        ...(s.args ?? []), ...s[mode]];
    } else {
      args = [...(s.node ?? []), path.join(installDir, 'node_modules/mocha/bin/mocha.js'), '--exit',
        '--reporter', __filename, '--reporter-option', 'out=@OUT@', ...(s.args ?? []), ...s[mode]];
    }
    console.log([s.name, versionOf(installDir, s.name), s.timeout[mode], cwd, ...args].join('\t'));
  }
}

function compare(argv) {
  const [resultsDir, expectationsFile] = argv.filter((a) => !a.startsWith('--'));
  const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const fast = argv.includes('--fast');
  const withReference = argv.includes('--reference');
  const installDir = opt('install');
  const labels = ['control', 'awslc', ...(withReference ? ['reference'] : [])];
  const expectations = readExpectations(expectationsFile);
  const used = new Set();
  const rows = [];
  const regressions = [];
  const nowPass = [];
  const suites = selectSuites(argv);

  for (const s of suites) {
    const res = {};
    for (const l of labels) {
      res[l] = readResults(path.join(resultsDir, l, `${s.name.replace('/', '+')}.txt`));
      res[l].st = readStatus(path.join(resultsDir, l, `${s.name.replace('/', '+')}.status`));
    }
    const ids = new Set(labels.flatMap((l) => [...res[l].tests.keys()]));
    const count = (l, st) => [...res[l].tests.values()].filter((t) => t.status === st).length;
    const awslcOnly = [];
    const controlFails = [];
    const listed = resolveExpectations(expectations, s.name, ids);
    for (const id of ids) {
      const c = res.control.tests.get(id)?.status;
      const a = res.awslc.tests.get(id)?.status;
      const exp = listed.get(id);
      if (exp) used.add(exp);
      if (c === 'pass' && a !== 'pass') {
        const item = { suite: s.name, id, detail: detailOf(res.awslc, id), control: 'pass', awslc: a ?? 'not run',
          reference: withReference ? (res.reference.tests.get(id)?.status ?? 'not run') : undefined,
          expected: exp ? exp.line.slice(`${s.name}/${id}`.length).trim() : null };
        awslcOnly.push(item);
        if (!exp) regressions.push(item);
      } else if (exp && a === 'pass') {
        nowPass.push({ suite: s.name, id, line: exp });
      }
      if (c !== 'pass' && c !== 'skip' && c !== 'todo') {
        controlFails.push({ id, control: c ?? 'not run', awslc: a ?? 'not run', detail: detailOf(res.control, id) });
      }
    }
    rows.push({
      s, res, ids: ids.size, awslcOnly, controlFails,
      version: installDir ? versionOf(installDir, s.name) : '?',
      counts: Object.fromEntries(labels.map((l) => [l, {
        run: res[l].tests.size, pass: count(l, 'pass'), fail: count(l, 'fail'),
        skip: count(l, 'skip') + count(l, 'todo'), st: res[l].st,
      }])),
    });
  }
  // Lines of the expectations file that match no test that ran (full runs only: --fast runs
  // a subset, so most lines match nothing then).
  const stale = fast ? [] : expectations.filter((e) => !used.has(e) && suites.some((s) => e.line.startsWith(`${s.name}/`)));

  const fmt = (c) => `${c.pass}/${c.run}${c.st.timeout ? ' (timed out)' : ''}`;
  for (const r of rows) {
    console.error(`${r.s.name}@${r.version}: ${r.ids} tests; passed: ${labels.map((l) => `${l} ${fmt(r.counts[l])}`).join(', ')}`);
  }
  for (const x of regressions) console.error(`AWS-LC-only failure (not in ${path.basename(expectationsFile)}): ${x.suite}/${x.id}: ${x.detail}`);
  for (const x of nowPass) console.error(`listed in ${path.basename(expectationsFile)}:${x.line.no} but passes now: ${x.suite}/${x.id}`);
  for (const e of stale) console.error(`note: ${path.basename(expectationsFile)}:${e.no} matches no test that ran: ${e.line}`);
  const accepted = rows.reduce((n, r) => n + r.awslcOnly.filter((x) => x.expected).length, 0);
  console.error(`${regressions.length} unexpected AWS-LC-only failure(s), ${accepted} expected, ${nowPass.length} listed test(s) passing now`);

  // The regressions as lines for the expectations file (the reason still to be written).
  const candidates = opt('candidates');
  if (candidates) {
    fs.writeFileSync(candidates, regressions.map((x) => `${x.suite}/${x.id} TODO-reason (AWS-LC: ${x.detail})\n`).join(''));
  }
  const report = opt('report');
  if (report) fs.writeFileSync(report, renderReport({ rows, labels, fast, command: opt('command') ?? '', withReference }));
  process.exitCode = regressions.length || nowPass.length ? 1 : 0;
}

function renderReport({ rows, labels, fast, command, withReference }) {
  const name = { control: 'control (OpenSSL)', awslc: 'AWS-LC', reference: 'reference (official)' };
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const L = [];
  L.push('# npm packages\' own test suites: AWS-LC against the OpenSSL control', '');
  L.push(`Generated ${new Date().toISOString().slice(0, 10)} by \`${command}\` (${fast ? 'the fast subset' : 'the full selection'}; `
    + 'what runs of each package is in `test/npm-suites/suites.js`).', '');
  L.push('Binaries: `out/node-openssl` (control, OpenSSL), `out/node` (AWS-LC)'
    + (withReference ? ', and the official Node 22 build given as `--reference`' : '') + '. '
    + 'A test counts as an AWS-LC-only failure when it passes on the control and does not pass on AWS-LC '
    + '(failed, skipped, or not reached); accepted ones are listed in `ci/expectations-npm.txt`. '
    + 'Findings and reproductions: `reports/npm-suites-triage.md`.', '');
  L.push(`| package | version | tests | ${labels.map((l) => `passed: ${name[l]}`).join(' | ')} | AWS-LC-only failures |`);
  L.push(`|---|---|---|${labels.map(() => '---').join('|')}|---|`);
  for (const r of rows) {
    const cell = (l) => {
      const c = r.counts[l];
      let t = `${c.pass}/${c.run}`;
      if (c.fail) t += `, ${c.fail} failed`;
      if (c.skip) t += `, ${c.skip} skipped`;
      if (c.st.timeout) t += ' (timed out)';
      return t;
    };
    L.push(`| ${r.s.name} | ${r.version} | ${r.ids} | ${labels.map(cell).join(' | ')} | ${r.awslcOnly.length} |`);
  }
  L.push('');
  for (const r of rows) {
    L.push(`## ${r.s.name} ${r.version}`, '', `Exercises ${r.s.covers}.`, '');
    const wall = labels.map((l) => (r.counts[l].st.seconds !== undefined ? `${name[l]} ${r.counts[l].st.seconds} s` : null)).filter(Boolean);
    if (wall.length) L.push(`Wall time: ${wall.join(', ')}.`, '');
    if (r.awslcOnly.length) {
      // Grouped by the error on AWS-LC and the reason they are accepted: one cause usually
      // fails many tests.
      const groups = new Map();
      for (const x of r.awslcOnly) {
        const key = `${x.detail}\t${x.expected ?? ''}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(x);
      }
      L.push(`AWS-LC-only failures (${r.awslcOnly.length}), by error:`, '');
      L.push('| error on AWS-LC | tests | accepted because |', '|---|---|---|');
      for (const xs of groups.values()) {
        L.push(`| ${esc(xs[0].detail)} | ${xs.length} | ${esc(xs[0].expected ?? '**not listed**')} |`);
      }
      for (const xs of groups.values()) {
        L.push('', `<details><summary>${xs.length} test(s) failing with: ${esc(xs[0].detail).replace(/</g, '&lt;')}</summary>`, '');
        for (const x of xs) {
          L.push(`- ${esc(x.id)} (AWS-LC: ${x.awslc}${withReference ? `; reference: ${x.reference}` : ''})`);
        }
        L.push('', '</details>');
      }
    } else {
      L.push('No AWS-LC-only failures.');
    }
    if (r.controlFails.length) {
      L.push('', 'Not passing on the control either (not counted against AWS-LC):', '');
      for (const x of r.controlFails) L.push(`- ${esc(x.id)}: control ${x.control}, AWS-LC ${x.awslc}; ${esc(x.detail)}`);
    }
    L.push('');
  }
  return L.join('\n');
}

module.exports = Reporter;
module.exports.SUITES = SUITES;

if (require.main === module) {
  const [cmd, ...argv] = process.argv.slice(2);
  if (cmd === 'list') list(argv);
  else if (cmd === 'compare') compare(argv);
  else {
    console.error('usage: suites.js list [--fast] [--only=a,b] <install dir> | '
      + 'compare <results dir> <expectations file> [--fast] [--reference] [--only=a,b] [--install=DIR] [--candidates=FILE] [--report=FILE --command=TEXT]');
    process.exit(2);
  }
}
