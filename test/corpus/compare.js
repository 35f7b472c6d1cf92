// Compare failure-corpus results (JSON lines of test/corpus/run.js) of the AWS-LC build with
// the OpenSSL control, against ci/expectations-corpus.txt; optionally also the control with a
// stock Node reference (for information). Runs on any Node >= 18 (the host's, or out/node).
//
//   node test/corpus/compare.js --control FILE --awslc FILE [--reference FILE]
//        [--expectations FILE] [--report FILE --command TEXT] [--partial]
//
// A case is equal when both runs threw/rejected with the same err.code and err.name, or both
// succeeded with the same output digest. Prints one line per difference and the summary
// "N cases, M equal (P%)". Exit code 1 when a difference is not listed in the expectations, or
// a listed case is now equal or no longer exists (the list only shrinks); 0 otherwise.
// --partial (a --filter run): listed cases that were not run are not reported as gone.
'use strict';

const fs = require('fs');

const opts = { partial: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m) fail(`unexpected argument '${argv[i]}'`);
  if (m[1] === 'partial') {
    opts.partial = true;
    continue;
  }
  opts[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  if (opts[m[1]] === undefined) fail(`--${m[1]} needs a value`);
}
if (!opts.control || !opts.awslc) fail('--control and --awslc are required');

function fail(message) {
  process.stderr.write(`compare.js: ${message}\n`);
  process.exit(2);
}

function load(file) {
  const results = new Map();
  const text = fs.readFileSync(file, 'utf8');
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      fail(`${file}:${i + 1}: not a JSON line: ${line.slice(0, 80)}`);
    }
    results.set(r.id, r);
  }
  return results;
}

// ci/expectations-corpus.txt: "<id> <reason>" lines, '#' comments.
function loadExpectations(file) {
  const list = new Map();
  if (!file || !fs.existsSync(file)) return list;
  for (const [i, raw] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (!m) fail(`${file}:${i + 1}: expected '<id> <reason>'`);
    if (list.has(m[1])) fail(`${file}:${i + 1}: ${m[1]} is listed twice`);
    list.set(m[1], m[2]);
  }
  return list;
}

function equal(a, b) {
  if (!a || !b) return false;
  if (a.ok && b.ok) return a.digest === b.digest;
  return !a.ok && !b.ok && a.code === b.code && a.name === b.name;
}

function show(r) {
  if (!r) return 'not run';
  if (r.ok) return `ok ${r.digest.slice(0, 12)}${r.out && r.out.length <= 24 ? ` (${r.out})` : ''}`;
  const name = r.name && r.name !== 'Error' ? ` (${r.name})` : '';
  return r.code === null ? `no code${name || ' (Error)'}: ${(r.message || '').slice(0, 60)}` : `${r.code}${name}`;
}

const control = load(opts.control);
const awslc = load(opts.awslc);
const reference = opts.reference ? load(opts.reference) : null;
const expected = loadExpectations(opts.expectations);

const ids = [...new Set([...control.keys(), ...awslc.keys()])];
const diffs = [];
let equalCount = 0;
let unexpected = 0;
const out = [];
for (const id of ids) {
  const a = control.get(id);
  const b = awslc.get(id);
  if (equal(a, b)) {
    equalCount++;
    if (expected.has(id)) {
      unexpected++;
      out.push(`FIXED ${id}: equal now (${show(a)}); delete its line from the expectations`);
    }
    continue;
  }
  const reason = expected.get(id);
  diffs.push({ id, a, b, reason, ref: reference && reference.get(id) });
  if (!reason) unexpected++;
  const detail = b && !b.ok && b.message ? ` | ${b.message.slice(0, 100)}` : '';
  out.push(`${reason ? 'diff ' : 'DIFF '} ${id}: control ${show(a)} | aws-lc ${show(b)}${detail}` +
           `${reason ? '' : '  [not in the expectations]'}`);
}
if (!opts.partial) {
  for (const id of expected.keys()) {
    if (!control.has(id) && !awslc.has(id)) {
      unexpected++;
      out.push(`GONE  ${id}: listed in the expectations but no such case; delete its line`);
    }
  }
}

const refLines = [];
let refEqual = 0;
if (reference) {
  for (const id of ids) {
    if (equal(reference.get(id), control.get(id))) refEqual++;
    else refLines.push(`ref   ${id}: reference ${show(reference.get(id))} | control ${show(control.get(id))}`);
  }
}

const pct = (m, n) => (n ? (100 * m / n).toFixed(1) : '0.0');
// Differences listed as [absent] (an algorithm AWS-LC lacks: the control succeeds) or
// [legacy] (one AWS-LC has and stock Node keeps in OpenSSL's legacy provider) are not about
// reporting the same failure the same way; the second figure leaves those cases out.
const capability = diffs.filter((d) => /^\[(absent|legacy)\]/.test(d.reason || '')).length;
const comparable = ids.length - capability;
const summary = `${ids.length} cases, ${equalCount} equal (${pct(equalCount, ids.length)}%); ` +
  `${equalCount} of the ${comparable} where both libraries have the algorithm ` +
  `(${pct(equalCount, comparable)}%)`;
for (const line of out) console.log(line);
if (reference) {
  for (const line of refLines) console.log(line);
  console.log(`reference vs control: ${refEqual} of ${ids.length} equal (${pct(refEqual, ids.length)}%)`);
}
const unlisted = diffs.filter((d) => !d.reason).length;
console.log(`AWS-LC vs control: ${summary}; ${diffs.length - unlisted} differences listed, ${unlisted} not listed`);
console.log(summary);

if (opts.report) writeReport();
process.exit(unexpected ? 1 : 0);

function writeReport() {
  const cell = (s) => String(s).replace(/\|/g, '\\|');
  const lines = [
    '# Failure corpus: AWS-LC vs the OpenSSL control',
    '',
    `**${summary}.** AWS-LC (\`out/node\`) and the OpenSSL control (\`out/node-openssl\`) run`,
    'the same cases of `test/corpus/cases/` (node:crypto and node:tls failures, and successes); a',
    'case is equal when both throw the same `err.code` and `err.name`, or both succeed with the same',
    'output (sha256). Reasons come from `ci/expectations-corpus.txt`; the triage of each difference',
    'is in `reports/corpus-triage.md`.',
    ...(reference ? ['', `Stock Node (the reference) vs the control: ${refEqual} of ${ids.length} equal ` +
                         `(${pct(refEqual, ids.length)}%).`] : []),
    '',
    `Generated ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} by ` +
    `\`${opts.command || 'scripts/corpus.sh --update-report'}\`.`,
    '',
    `| case | control | AWS-LC |${reference ? ' stock Node |' : ''} reason |`,
    `|---|---|---|${reference ? '---|' : ''}---|`,
  ];
  for (const d of diffs.sort((x, y) => x.id.localeCompare(y.id))) {
    lines.push(`| \`${d.id}\` | ${cell(show(d.a))} | ${cell(show(d.b))} |` +
               `${reference ? ` ${cell(show(d.ref))} |` : ''} ${cell(d.reason || '**not listed**')} |`);
  }
  if (!diffs.length) lines.push(`| (none) | | |${reference ? ' |' : ''} |`);
  lines.push('');
  fs.writeFileSync(opts.report, lines.join('\n'));
}
