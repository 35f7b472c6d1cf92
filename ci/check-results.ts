// Compare TAP logs (tools/test.py's, the kTLS VM stage's) with an expectations file.
//
//   node ci/check-results.ts <results.tap>... <expectations.txt>
//
// Expectations file: one test per line, `<suite/test-name> FAIL|SKIP|GATED|PASS <reason>`; `#`
// comments. GATED: the test must pass; its line names the absent algorithm whose sub-cases
// the test runs only where it exists. Exit status 1 on a failure or skip that is not
// expected, on an expected one that now passes (delete its line), or on an expectation
// naming a test that did not run.
// The last line printed is `N passed, N failed`.
'use strict';

import { readTap, readExpectations, type Expectation, type Outcome } from './results-format.ts';

const args = process.argv.slice(2);
const expectationsPath = args.pop();
if (!expectationsPath || args.length === 0) {
  console.error('usage: check-results.ts <results.tap>... <expectations.txt>');
  process.exit(2);
}

function readResults(path: string): Map<string, Outcome> {
  const { results, planned } = readTap(path);
  if (planned < 0 || results.size !== planned) {
    console.error(`check-results: ${path} holds ${results.size} results of ${planned} planned; ` +
                  'the run did not finish (see its .stderr / .raw beside it)');
    process.exit(1);
  }
  return results;
}

const results = new Map<string, Outcome>();
for (const path of args) {
  for (const [name, outcome] of readResults(path)) results.set(name, outcome);
}
let expectations: Map<string, Expectation>;
try {
  expectations = readExpectations(expectationsPath);
} catch (err) {
  console.error(`check-results: ${(err as Error).message}`);
  process.exit(2);
}
const problems: string[] = [];
const count = { pass: 0, fail: 0, skip: 0, expected: 0, gated: 0 };

for (const [name, outcome] of [...results].sort()) {
  count[outcome]++;
  const want = expectations.get(name);
  if (outcome === 'pass' && want?.outcome === 'gated') {
    count.gated++;
    continue;
  }
  if (outcome === 'pass') {
    if (want && want.outcome !== 'pass') problems.push(`${name}: passes now but ${expectationsPath}:${want.line} expects ${want.outcome} — delete that line`);
    continue;
  }
  if (want?.outcome === outcome) {
    count.expected++;
    continue;
  }
  problems.push(`${name}: unexpected ${outcome}` +
                (want ? ` (expected ${want.outcome}: ${want.reason})` : ''));
}
for (const [name, want] of expectations) {
  if (!results.has(name)) problems.push(`${name}: listed at ${expectationsPath}:${want.line} but did not run`);
}

for (const p of problems) console.log(`  ${p}`);
console.log(`${count.skip} skipped; ${count.gated} of the passes run gated sub-cases; ` +
            `${count.expected} of the failures and skips are expected ` +
            `(${expectationsPath.replace(/.*\//, 'ci/')}); ${problems.length} problem(s)`);
console.log(`${count.pass} passed, ${count.fail} failed`);
process.exitCode = problems.length === 0 ? 0 : 1;
