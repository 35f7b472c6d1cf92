// Parity table: the same test set on the OpenSSL control and on AWS-LC.
//
//   node ci/parity-report.ts <control.tap> <awslc.tap> <expectations-awslc.txt> <out.md>
//
// Writes a Markdown table (per test: control result, AWS-LC result, expectation reason)
// and prints the summary lines.
'use strict';

import { writeFileSync } from 'node:fs';
import { readTap, readExpectations, type Outcome } from './results-format.ts';

const [controlTap, awslcTap, expectationsPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: parity-report.ts <control.tap> <awslc.tap> <expectations-awslc.txt> <out.md>');
  process.exit(2);
}
const control = readTap(controlTap).results;
const awslc = readTap(awslcTap).results;
const expectations = readExpectations(expectationsPath);
const reasons = new Map([...expectations].map(([name, e]) =>
  [name, e.outcome === 'gated' ? `passes; gated: ${e.reason}` : e.reason]));
const gated = new Set([...expectations].filter(([, e]) => e.outcome === 'gated').map(([name]) => name));
const names = [...new Set([...control.keys(), ...awslc.keys()])].sort();

const count = (m: Map<string, Outcome>, o: Outcome) => [...m.values()].filter((v) => v === o).length;
const controlPassing = names.filter((n) => control.get(n) === 'pass');
const bothPass = controlPassing.filter((n) => awslc.get(n) === 'pass');
const pct = (n: number) => controlPassing.length ? (100 * n / controlPassing.length).toFixed(1) : '0';
const ungated = bothPass.filter((n) => !gated.has(n));

const summary = [
  `control (OpenSSL): ${count(control, 'pass')} passed, ${count(control, 'fail')} failed, ${count(control, 'skip')} skipped`,
  `AWS-LC:            ${count(awslc, 'pass')} passed, ${count(awslc, 'fail')} failed, ${count(awslc, 'skip')} skipped`,
  `parity: ${bothPass.length} of ${controlPassing.length} control-passing tests pass on AWS-LC (${pct(bothPass.length)}%); ` +
    `${ungated.length} (${pct(ungated.length)}%) without gated sub-cases, ${bothPass.length - ungated.length} with ` +
    'sub-cases for an absent algorithm gated (GATED in the expectations file)',
];

const rows = names
  .filter((n) => control.get(n) !== awslc.get(n) || reasons.has(n))
  .map((n) => `| ${n} | ${control.get(n) ?? '-'} | ${awslc.get(n) ?? '-'} | ${reasons.get(n) ?? ''} |`);

writeFileSync(outPath, [
  `# Parity: Node ${process.version} test set, OpenSSL control vs AWS-LC`,
  '',
  `Generated ${new Date().toISOString().slice(0, 10)} by scripts/parity.sh.`,
  '',
  ...summary.map((s) => `- ${s}`),
  '',
  'Tests whose result differs, or that have an expectation (all others pass on both):',
  '',
  '| test | control | AWS-LC | AWS-LC expectation |',
  '|---|---|---|---|',
  ...rows,
  '',
].join('\n'));
for (const s of summary) console.log(s);
console.log(`wrote ${outPath}`);
