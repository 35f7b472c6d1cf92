#!/usr/bin/env bash
# Parity reports: the same tests on the OpenSSL control (out/node-openssl) and on AWS-LC
# (out/node).
#
#   scripts/parity.sh              the CI test set (scripts/test.sh on both binaries, with the
#                                  kTLS VM and FIPS stages) -> reports/parity.md
#   scripts/parity.sh --all        Node's whole test/parallel + test/sequential + test/wpt
#                                  suites (ours included) -> reports/parity-all.md: every
#                                  file's result on each binary, the differences and the
#                                  failures with their causes, the date and the command.
#                                  Not run by CI (about 25 min per binary on 2 cores).
#   --no-build     test the work trees as they are (default: scripts/build-node.sh first)
#   --report-only  (with --all) rewrite reports/parity-all.md from the last --all run
#
# The causes in parity-all.md are the reasons of ci/expectations-{awslc,openssl}.txt where a
# test is listed there, else
# the first error line (and err.code) of the test's output, or its skip message.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

all=no build=yes run=yes
for arg in "$@"; do
  case $arg in
    --all) all=yes ;;
    --no-build) build=no ;;
    --report-only) run=no ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done
[ $run = yes ] || [ $all = yes ] || die_usage "--report-only goes with --all"

if [ $all = no ]; then
  opt=()
  [ $build = yes ] || opt=(--no-build)
  # test.sh exits non-zero when results differ from the expectations; the report still runs.
  "$repo/scripts/test.sh" --crypto=openssl "${opt[@]}" || true
  "$repo/scripts/test.sh" --crypto=awslc "${opt[@]}" || true

  mkdir -p "$repo/reports"
  in_root --bind "$repo" --bind "$root/build" -- "$repo/out/node" "$repo/ci/parity-report.ts" \
    "$root/build/node-openssl/.node-awslc-results.tap" "$root/build/node-awslc/.node-awslc-results.tap" \
    "$repo/ci/expectations-awslc.txt" "$repo/reports/parity.md"
  exit 0
fi

# --all: Node's whole suites on both work trees, then the report.
tap_name=.node-awslc-parity-all.tap
command_line="scripts/parity.sh $*"
if [ $run = yes ]; then
  for crypto in openssl awslc; do
    [ $build = no ] || "$repo/scripts/build-node.sh" --crypto=$crypto
    tree=$root/build/node-$crypto
    [ -x "$tree/out/Release/node" ] || die "no built tree at $tree; run scripts/build-node.sh --crypto=$crypto"
    "$repo/scripts/test-set.sh" "$tree" >/dev/null   # copies our tests into test/parallel
    note "running test/parallel, test/sequential and test/wpt on $crypto (tools/test.py -j$(nproc); about 25 min on 2 cores)"
    start=$SECONDS
    run_test_py "$tree" "$tree/$tap_name" "$crypto: parallel, sequential, wpt" parallel sequential wpt
    echo "$((SECONDS - start))" >"$tree/$tap_name.seconds"
    echo "$command_line" >"$tree/$tap_name.command"
    note "$crypto: $(grep -c '^ok ' "$tree/$tap_name" || true) ok, $(grep -c '^not ok ' "$tree/$tap_name" || true) not ok ($((SECONDS - start)) s)"
  done
fi

for crypto in openssl awslc; do
  [ -s "$root/build/node-$crypto/$tap_name" ] || die "no results of an --all run in $root/build/node-$crypto; run scripts/parity.sh --all"
done
node=$repo/out/node
[ -x "$node" ] || node=$root/build/node-awslc/out/Release/node
mkdir -p "$repo/reports"
expectations=("$repo/ci/expectations-awslc.txt" "$repo/ci/expectations-openssl.txt" "$repo/ci/expectations-parity-all.txt")

# The report (plain JavaScript on stdin: this script owns it, ci/ holds the CI's tools).
in_root --bind "$repo" --bind "$root/build" -- "$node" - \
  "$root/build/node-openssl/$tap_name" "$root/build/node-awslc/$tap_name" \
  "$repo/reports/parity-all.md" "$command_line" "${expectations[@]}" <<'EOF'
'use strict';
const { readFileSync, existsSync, statSync, writeFileSync } = require('node:fs');
const [controlTap, awslcTap, outPath, reportCommand, ...expectationFiles] = process.argv.slice(2);
// The command of the run (written beside its TAP file), and when it ended.
const runCommand = existsSync(`${awslcTap}.command`) ?
  readFileSync(`${awslcTap}.command`, 'utf8').trim() : reportCommand.trim();
const day = (d) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const ranAt = [controlTap, awslcTap].map((f) => day(statSync(f).mtime));

// tools/test.py TAP: "ok N name [# skip why]" / "not ok N name", then a YAML block whose
// "stack: |-" holds the output of a failed test.
function readTap(path) {
  const results = new Map();
  let current = null;
  let inStack = false;
  let planned = -1;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const plan = /^1\.\.(\d+)$/.exec(line);
    if (plan) planned = Number(plan[1]);
    const m = /^(not ok|ok) \d+ (\S+)(?: # (skip|TODO)\b\s*:?\s*(.*))?$/.exec(line);
    if (m) {
      const outcome = m[1] === 'not ok' ? 'fail' : m[3] === 'skip' ? 'skip' : 'pass';
      current = { outcome, why: outcome === 'skip' ? m[4] : '', output: [], ms: 0 };
      // A .js and an .mjs file of the same name both report the name without extension.
      let name = m[2];
      for (let i = 2; results.has(name); i++) name = `${m[2]} (${i})`;
      results.set(name, current);
      inStack = false;
      continue;
    }
    if (!current) continue;
    const d = /^ {2}duration_ms: ([\d.]+)/.exec(line);
    if (d) current.ms = Number(d[1]);
    if (/^ {2}stack: \|-/.test(line)) { inStack = true; continue; }
    if (/^ {2}\.\.\.$/.test(line)) { inStack = false; continue; }
    if (inStack) current.output.push(line.replace(/^ {4}/, ''));
  }
  return { results, planned };
}

function readExpectations(paths) {
  const reasons = new Map();
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const which = /openssl/.test(path) ? 'openssl' : 'awslc';
    for (const raw of readFileSync(path, 'utf8').split('\n')) {
      const m = /^(\S+)\s+(FAIL|SKIP|GATED|PASS)\s+(\S.*)$/.exec(raw.trim());
      if (!m || raw.trim().startsWith('#')) continue;
      reasons.set(`${which} ${m[1]}`, { outcome: m[2].toLowerCase(), text: `${m[2]}: ${m[3]}` });
    }
  }
  return reasons;
}

// What a failed test printed, in one line: a timeout, else the first error line and the
// first err.code; a skip says why.
function causeOf(r) {
  if (!r) return '';
  if (r.outcome === 'skip') return `skip: ${r.why}`;
  if (r.outcome !== 'fail') return '';
  const out = r.output;
  if (out[0] === 'timeout') return 'timeout (240 s)';
  const errorLine = out.find((l) => /^\s*(\w*Error|AssertionError)\b.*\S/.test(l) &&
                                    !/^\s*at /.test(l)) ||
                    out.find((l) => /\[UNEXPECTED_FAILURE\]|Missing expected|not ok /.test(l)) ||
                    [...out].reverse().find((l) => l.trim() !== '' && !/^\s*at |^Node\.js v/.test(l)) || '';
  const code = out.map((l) => /^\s*code: '([^']+)'/.exec(l)).find(Boolean);
  let cause = errorLine.trim();
  if (code && !cause.includes(code[1])) cause += ` (code ${code[1]})`;
  return cause.length > 240 ? `${cause.slice(0, 237)}...` : cause;
}

const control = readTap(controlTap);
const awslc = readTap(awslcTap);
const reasons = readExpectations(expectationFiles);
const names = [...new Set([...control.results.keys(), ...awslc.results.keys()])].sort();
const get = (t, n) => t.results.get(n)?.outcome ?? '-';
const esc = (s) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const count = (t, o) => [...t.results.values()].filter((r) => r.outcome === o).length;
const took = (tap) => {
  const f = `${tap}.seconds`;
  if (!existsSync(f)) return 'time unknown';
  const s = Number(readFileSync(f, 'utf8'));
  return s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`;
};
const controlPassing = names.filter((n) => get(control, n) === 'pass');
const bothPass = controlPassing.filter((n) => get(awslc, n) === 'pass');
const gated = names.filter((n) => reasons.get(`awslc ${n}`)?.outcome === 'gated');

// The listed reason where the file is listed with the outcome it had, else its output's.
const cause = (which, tap, n) => {
  const listed = reasons.get(`${which} ${n}`);
  const r = tap.results.get(n);
  return listed && listed.outcome === r?.outcome ? listed.text : causeOf(r);
};
const differs = names.filter((n) => get(control, n) !== get(awslc, n));
const bothFail = names.filter((n) => get(control, n) !== 'pass' && get(control, n) === get(awslc, n));
const row = (n) => `| ${n} | ${get(control, n)} | ${get(awslc, n)} | ` +
  `${esc(get(awslc, n) === 'pass' ? '' : cause('awslc', awslc, n))} | ` +
  `${esc(get(control, n) === 'pass' ? '' : cause('openssl', control, n))} |`;
const header = ['| test | control | AWS-LC | cause on AWS-LC | cause on the control |',
                '|---|---|---|---|---|'];
const pct = (k) => (controlPassing.length ? (100 * k / controlPassing.length).toFixed(1) : '0');
const unfinished = [[control, 'control'], [awslc, 'AWS-LC']]
  .filter(([t]) => t.planned < 0 || t.results.size !== t.planned)
  .map(([t, w]) => `- **${w}: the run did not finish** (${t.results.size} of ${t.planned} results)`);

const lines = [
  `# Parity over Node ${process.version}'s whole test suites: OpenSSL control vs AWS-LC`,
  '',
  `Run by \`${runCommand}\` (tools/test.py -j$(nproc) --timeout=240 parallel sequential wpt, ` +
    'our tests included, in root/build/node-openssl and root/build/node-awslc), finished ' +
    `${ranAt[0]} (control) and ${ranAt[1]} (AWS-LC); report written ${day(new Date())}` +
    (reportCommand.trim() === runCommand ? '' : ` by \`${reportCommand.trim()}\``) +
    '. Not part of CI; the CI test set and its parity are in reports/parity.md.',
  '',
  ...unfinished,
  `- control (OpenSSL): ${count(control, 'pass')} passed, ${count(control, 'fail')} failed, ` +
    `${count(control, 'skip')} skipped of ${control.results.size} (${took(controlTap)})`,
  `- AWS-LC: ${count(awslc, 'pass')} passed, ${count(awslc, 'fail')} failed, ` +
    `${count(awslc, 'skip')} skipped of ${awslc.results.size} (${took(awslcTap)})`,
  `- parity: ${bothPass.length} of the ${controlPassing.length} control-passing files pass on ` +
    `AWS-LC (${pct(bothPass.length)}%); ${gated.filter((n) => bothPass.includes(n)).length} of ` +
    'them run sub-cases for an absent algorithm only where it exists (GATED)',
  `- ${differs.length} files have different results, ${bothFail.length} fail or skip on both`,
  '',
  'Causes: the reason of the expectations files (ci/expectations-{awslc,openssl}.txt) ' +
    'where the file is listed, else the first error line ' +
    'of its output (and its err.code), or its skip message.',
  '',
  `## Different results (${differs.length})`,
  '',
  ...header,
  ...differs.map(row),
  '',
  `## Not passing on either binary (${bothFail.length})`,
  '',
  ...header,
  ...bothFail.map(row),
  '',
  `## Every file (${names.length})`,
  '',
  '<details><summary>control result, AWS-LC result, file</summary>',
  '',
  '```',
  ...names.map((n) => `${get(control, n).padEnd(5)} ${get(awslc, n).padEnd(5)} ${n}`),
  '```',
  '',
  '</details>',
  '',
];
writeFileSync(outPath, lines.join('\n'));
console.log(lines.filter((l) => l.startsWith('- ')).join('\n'));
console.log(`wrote ${outPath}`);
EOF
