// Readers for the two formats the CI scripts share: tools/test.py TAP logs and the
// expectations files (`<suite/test> FAIL|SKIP|GATED <reason>` per line, `#` comment lines).
'use strict';

import { readFileSync } from 'node:fs';

export type Outcome = 'pass' | 'fail' | 'skip';
// GATED: the test passes, but sub-cases that need an algorithm the library lacks run only
// where it exists (the test asserts what Node does instead); the line keeps the gap listed.
// PASS: overrides an inherited line (ci/expectations-fips.txt over ci/expectations-awslc.txt).
export interface Expectation { outcome: 'fail' | 'skip' | 'gated' | 'pass'; reason: string; line: number }

export interface TapResults { results: Map<string, Outcome>; planned: number }

export function readTap(path: string): TapResults {
  const results = new Map<string, Outcome>();
  let planned = -1;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const plan = /^1\.\.(\d+)$/.exec(line);
    if (plan) planned = Number(plan[1]);
    const m = /^(not ok|ok) \d+ (\S+)(?: # (skip|TODO)\b.*)?$/.exec(line);
    if (!m) continue;
    if (m[1] === 'not ok') results.set(m[2], 'fail');
    else results.set(m[2], m[3] === 'skip' ? 'skip' : 'pass');
  }
  return { results, planned };
}

// Throws on a line that is neither blank, a comment, nor an expectation. A later line for
// the same test replaces an earlier one (files are concatenated to inherit).
export function readExpectations(path: string): Map<string, Expectation> {
  const expectations = new Map<string, Expectation>();
  readFileSync(path, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\S+)\s+(FAIL|SKIP|GATED|PASS)\s+(\S.*)$/.exec(line);
    if (!m) {
      throw new Error(`${path}:${i + 1}: want "<suite/test> FAIL|SKIP|GATED|PASS <reason>", got "${raw}"`);
    }
    const outcome = m[2].toLowerCase() as Expectation['outcome'];
    expectations.set(m[1], { outcome, reason: m[3], line: i + 1 });
  });
  return expectations;
}
