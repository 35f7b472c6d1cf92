// Side-by-side benchmarks of out/node (AWS-LC) and out/node-openssl (the OpenSSL control),
// and the host's stock node as an informative third column. Called by scripts/bench.sh inside
// the build root; see there for the options. Writes the Markdown report (--out).
//
// Every job of bench/plan.ts runs through Node's benchmark/compare.js (--old control
// --new AWS-LC: each run of each file alternates the two binaries), then the stock node runs
// the same file and settings (fewer runs, right after). Then start-up time (`node -e 0`,
// alternating), RSS after one TLS handshake (alternating), and binary sizes.
'use strict';

import { spawn, spawnSync, fork } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync,
  symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, release } from 'node:os';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { jobs, targets, type Conf, type Job, type Target } from './plan.ts';
import { mean, stars, welchP } from './stats.ts';

interface Options {
  worktree: string; work: string; awslc: string; control: string; stock: string;
  wrk: string; out: string; command: string; filter: RegExp | null; quick: boolean;
  runs: number | null; stockRuns: number;
}
interface Row {
  name: string; file: string; config: string; unit: string; higherIsBetter: boolean;
  awslc: number[]; control: number[]; stock: number[]; target?: Target; note?: string;
}

const here = import.meta.dirname;

function die(message: string): never {
  console.error(`run-bench: ${message}`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const o: Record<string, string> = {};
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) die(`unknown argument '${arg}'`);
    o[m[1]] = m[2] ?? 'true';
  }
  for (const need of ['worktree', 'work', 'awslc', 'control', 'out']) {
    if (!o[need]) die(`--${need}=... is required (run scripts/bench.sh, not this file)`);
  }
  let filter: RegExp | null = null;
  if (o.filter) {
    try { filter = new RegExp(o.filter); } catch { die(`--filter: '${o.filter}' is not a regular expression`); }
  }
  const quick = o.quick === 'true';
  const runs = o.runs ? Number(o.runs) : null;
  if (runs !== null && (!Number.isInteger(runs) || runs < 1)) die(`--runs wants a positive integer, got '${o.runs}'`);
  return {
    worktree: o.worktree, work: o.work, awslc: o.awslc, control: o.control, stock: o.stock ?? '',
    wrk: o.wrk ?? '', out: o.out, command: o.command ?? '(unknown)', filter, quick, runs,
    stockRuns: quick ? 1 : 2,
  };
}

// A benchmark tree compare.js can run: a copy of Node's benchmark/ with our bench/*.js as the
// `awslc` category, and test/ linked so that the fixtures resolve.
function stageBenchmarkTree(opt: Options): string {
  const tree = join(opt.work, 'tree');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const source = join(opt.worktree, 'benchmark');
  if (!existsSync(join(source, 'compare.js'))) die(`${source}/compare.js does not exist`);
  cpSync(source, join(tree, 'benchmark'), { recursive: true });
  symlinkSync(join(opt.worktree, 'test'), join(tree, 'test'));
  const ours = join(tree, 'benchmark', 'awslc');
  mkdirSync(ours);
  for (const f of readdirSync(here)) if (f.endsWith('.js')) cpSync(join(here, f), join(ours, f));
  return join(tree, 'benchmark');
}

function crossProduct(set: Record<string, (string | number)[]>): Conf[] {
  let confs: Conf[] = [{}];
  for (const [key, values] of Object.entries(set)) {
    confs = confs.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return confs;
}

const confText = (conf: Conf, keys: string[]) => keys.map((k) => `${k}=${conf[k]}`).join(' ');

// The job's --set values after --quick, and its rows that --filter keeps (by "file k=v ...").
function selectRows(job: Job, opt: Options): { set: Record<string, (string | number)[]>; names: Set<string> } {
  const full = { ...job.set, ...(opt.quick ? job.quick : {}) };
  const keys = Object.keys(full);
  const kept = crossProduct(full).filter((c) => !opt.filter || opt.filter.test(`${job.file} ${confText(c, keys)}`));
  const names = new Set(kept.map((c) => `${job.file} ${confText(c, keys)}`));
  const set: Record<string, (string | number)[]> = {};
  for (const key of keys) set[key] = full[key].filter((v) => kept.some((c) => c[key] === v));
  return { set, names };
}

// compare.js prints `"binary","filename","configuration",rate,time`; configuration is
// ` key=value` pairs with strings in util.inspect's single quotes.
function parseConfiguration(text: string): Conf {
  const conf: Conf = {};
  for (const m of text.matchAll(/(\w+)=('(?:[^'\\]|\\.)*'|\S+)/g)) {
    conf[m[1]] = m[2].startsWith("'") ? m[2].slice(1, -1) : Number(m[2]);
  }
  return conf;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => code === 0 ? resolve(out) : reject(new Error(
      `${basename(cmd)} ${args.join(' ')} exited with ${code}\n${err.split('\n').slice(-15).join('\n')}`)));
  });
}

// The stock node runs the file once per run the way compare.js would (fork + 'report' messages).
function runStock(file: string, args: string[], env: NodeJS.ProcessEnv, stock: string): Promise<{ conf: Conf; rate: number }[]> {
  return new Promise((resolve, reject) => {
    const reports: { conf: Conf; rate: number }[] = [];
    const child = fork(file, args, { execPath: stock, execArgv: [], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let err = '';
    child.stderr?.on('data', (d) => { err += d; });
    child.on('message', (m: { type: string; conf: Conf; rate: number }) => {
      if (m.type === 'report') reports.push({ conf: m.conf, rate: m.rate });
    });
    child.on('close', (code) => code === 0 ? resolve(reports) : reject(new Error(
      `stock node ${file} exited with ${code}\n${err.split('\n').slice(-10).join('\n')}`)));
  });
}

// compare.js --runs for a job: --runs if given, else 2 with --quick, else the job's own or 8.
const runsOf = (job: Job, opt: Options) => opt.runs ?? (opt.quick ? 2 : job.runs ?? 8);

async function runJob(job: Job, opt: Options, benchDir: string, env: NodeJS.ProcessEnv, rows: Map<string, Row>) {
  const { set, names } = selectRows(job, opt);
  if (names.size === 0) return;
  const keys = Object.keys(set);
  const started = Date.now();
  const category = dirname(job.file);
  const setArgs = keys.flatMap((k) => set[k].flatMap((v) => ['--set', `${k}=${v}`]));
  const csv = await run(opt.awslc, [join(benchDir, 'compare.js'), '--no-progress', '--runs', String(runsOf(job, opt)),
    '--old', opt.control, '--new', opt.awslc, '--filter', basename(job.file), ...setArgs, category], env);
  writeFileSync(join(opt.work, 'raw', `${job.file.replace(/\W/g, '_')}-${keys.map((k) => set[k].join('+')).join('-')}.csv`), csv);
  const rowFor = (conf: Conf): Row | undefined => {
    const name = `${job.file} ${confText(conf, keys)}`;
    if (!names.has(name)) return undefined;
    if (!rows.has(name)) {
      const shown = Object.keys(conf).filter((k) => !(job.hide ?? []).includes(k)).reverse();
      rows.set(name, { name, file: job.file, config: `${confText(conf, shown)}${job.about ? ` ${job.about}` : ''}`, unit: job.unit, higherIsBetter: true,
        awslc: [], control: [], stock: [], target: job.target?.(conf) });
    }
    return rows.get(name);
  };
  for (const line of csv.split('\n').slice(1)) {
    const m = /^"(old|new)","([^"]*)","(.*)",([\d.e+-]+),/.exec(line);
    if (!m) continue;
    const row = rowFor(parseConfiguration(m[3].replace(/""/g, '"')));
    row?.[m[1] === 'new' ? 'awslc' : 'control'].push(Number(m[4]));
  }
  if (opt.stock) {
    const args = keys.flatMap((k) => set[k].map((v) => `${k}=${v}`));
    for (let i = 0; i < opt.stockRuns; i++) {
      for (const r of await runStock(join(benchDir, job.file), args, env, opt.stock)) rowFor(r.conf)?.stock.push(r.rate);
    }
  }
  console.error(`run-bench: ${job.file} ${keys.map((k) => `${k}=${set[k].join(',')}`).join(' ')} ` +
                `(${runsOf(job, opt)} runs): ` +
                `${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const wanted = (opt: Options, name: string) => !opt.filter || opt.filter.test(name);
const binaries = (opt: Options) => [['control', opt.control], ['awslc', opt.awslc],
  ...(opt.stock ? [['stock', opt.stock]] : [])] as ['control' | 'awslc' | 'stock', string][];

// `node -e 0`, the binaries alternating, wall time of each run.
function measureStartup(opt: Options, rows: Map<string, Row>) {
  const name = 'start-up: node -e 0';
  if (!wanted(opt, name)) return;
  const row: Row = { name, file: 'start-up', config: '`node -e 0`, wall time', unit: 'ms', higherIsBetter: false,
    awslc: [], control: [], stock: [], target: targets.within5 };
  const runs = opt.quick ? 5 : 30;
  for (let i = 0; i < runs; i++) {
    for (const [which, bin] of binaries(opt)) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(bin, ['-e', '0']);
      if (r.status !== 0) die(`${bin} -e 0 failed: ${r.stderr}`);
      row[which].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  rows.set(name, row);
}

// RSS when a script starts and after one TLS 1.3 handshake in it (bench/_rss-after-handshake.js).
function measureRss(opt: Options, benchDir: string, env: NodeJS.ProcessEnv, rows: Map<string, Row>) {
  const make = (name: string, config: string): Row => ({ name, file: 'RSS', config, unit: 'MiB', higherIsBetter: false,
    awslc: [], control: [], stock: [], target: targets.within5 });
  const start = make('RSS: at start-up', 'when a script starts');
  const after = make('RSS: after one TLS handshake', 'TLS 1.3, ECDSA P-256, server + client in one process');
  if (!wanted(opt, start.name) && !wanted(opt, after.name)) return;
  for (let i = 0; i < (opt.quick ? 3 : 10); i++) {
    for (const [which, bin] of binaries(opt)) {
      const r = spawnSync(bin, [join(benchDir, 'awslc', '_rss-after-handshake.js')], { env, encoding: 'utf8' });
      if (r.status !== 0) die(`${bin} _rss-after-handshake.js failed: ${r.stderr}`);
      const { startRss, handshakeRss } = JSON.parse(r.stdout);
      start[which].push(startRss / 2 ** 20);
      after[which].push(handshakeRss / 2 ** 20);
    }
  }
  for (const row of [start, after]) if (wanted(opt, row.name)) rows.set(row.name, row);
}

// File sizes; the control links sid's libssl/libcrypto, so a second row adds them.
function measureSizes(opt: Options, rows: Map<string, Row>) {
  const size = (f: string) => statSync(f).size / 2 ** 20;
  const sharedCrypto = (bin: string) => {
    const ldd = spawnSync('ldd', [bin], { encoding: 'utf8' }).stdout ?? '';
    return [...ldd.matchAll(/(libssl|libcrypto)\.so\S* => (\S+)/g)].map((m) => realpathSync(m[2]));
  };
  const file: Row = { name: 'binary size', file: 'binary size', config: 'file', unit: 'MiB', higherIsBetter: false,
    awslc: [size(opt.awslc)], control: [size(opt.control)], stock: opt.stock ? [size(opt.stock)] : [] };
  const libs = sharedCrypto(opt.control);
  const withLibs: Row = { ...file, name: 'binary size + shared libssl/libcrypto',
    config: `file + ${libs.map((l) => basename(l)).join(' + ') || 'nothing'} (control)`,
    control: [size(opt.control) + libs.reduce((a, l) => a + size(l), 0)] };
  if (sharedCrypto(opt.awslc).length) withLibs.note = 'AWS-LC binary links a shared libssl/libcrypto!';
  for (const row of [file, withLibs]) if (wanted(opt, row.name)) rows.set(row.name, row);
}

function versionsOf(bin: string): Record<string, string> {
  const r = spawnSync(bin, ['-p', 'JSON.stringify(process.versions)'], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : {};
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(3)).toString();
}

// "8 runs for 9 jobs, 12 runs for 11 jobs" (per job in bench/plan.ts).
function runsText(opt: Options): string {
  const jobsPerRuns = new Map<number, number>();
  for (const job of jobs) jobsPerRuns.set(runsOf(job, opt), (jobsPerRuns.get(runsOf(job, opt)) ?? 0) + 1);
  return [...jobsPerRuns].map(([runs, count]) => `${runs} runs for ${count} jobs`).join(', ');
}

function formatReport(opt: Options, rows: Row[], started: Date, seconds: number): string {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const v = { awslc: versionsOf(opt.awslc), control: versionsOf(opt.control), stock: opt.stock ? versionsOf(opt.stock) : {} };
  const lines: string[] = [];
  const summary: string[] = [];
  lines.push('# Benchmarks: AWS-LC vs the OpenSSL control', '',
    `- date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}; wall time of the run: ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`,
    `- machine: ${availableParallelism()} CPUs (nproc), ${cpu}, Linux ${release()}`,
    `- AWS-LC: \`out/node\` (Node ${v.awslc.node}, AWS-LC ${v.awslc.awslc ?? '?'}, sha256 ${sha256Of(opt.awslc)}…); ` +
    `control: \`out/node-openssl\` (Node ${v.control.node}, OpenSSL ${v.control.openssl}, sha256 ${sha256Of(opt.control)}…); stock: ${opt.stock ? `host's \`/usr/bin/node\` (Node ${v.stock.node}, ` +
    `OpenSSL ${v.stock.openssl}), run inside the build root` : 'not measured'}`,
    `- command: \`${opt.command}\``,
    `- settings: compare.js \`--runs\`: ${runsText(opt)} (each run alternates control and AWS-LC), stock node ${opt.stockRuns} ` +
    `run(s) per job right after compare.js${opt.quick ? ' (--quick: shortened, not for conclusions)' : ''}; ` +
    `the --set values are in the config column (those not shown: dur=${opt.quick ? '0.3' : '2'} s per TLS config, ` +
    `${opt.quick ? '1' : '3'} s per wrk config; n/writes/total as in bench/plan.ts); start-up ${opt.quick ? 5 : 30} runs and RSS ` +
    `${opt.quick ? 3 : 10} runs per binary, alternating`,
    '- values: mean over the runs; ratio = AWS-LC ÷ control; p = Welch two-sided t-test over the runs ' +
    '(compare.R\'s stars: \\*\\*\\* < 0.001, \\*\\* < 0.01, \\* < 0.05); ' +
    'met/missed compares the printed ratio with the target; "(n.s.)": the difference from the control is not ' +
    'significant (p ≥ 0.05), i.e. within this run\'s noise; ' +
    'stock node is informative only (another Node version, OpenSSL 3.0, not interleaved)', '',
    '| benchmark | config | unit | AWS-LC | control | ratio | p | stock node | target | met? |',
    '|---|---|---|--:|--:|--:|--:|--:|---|---|');
  for (const row of rows) {
    const a = mean(row.awslc);
    const c = mean(row.control);
    const ratio = a / c;
    const p = welchP(row.awslc, row.control);
    const pText = Number.isNaN(p) ? '—' : `${p < 0.001 ? '<0.001' : p.toFixed(3)} ${stars(p)}`.trim();
    let met = '';
    if (row.target) {
      const shown = Number(ratio.toFixed(2)); // judged as printed: 0.996 is 1.00, parity
      const ok = row.target.min !== undefined ? shown >= row.target.min : shown <= (row.target.max ?? Infinity);
      met = ok ? 'met' : '**missed**';
      if (!Number.isNaN(p) && p >= 0.05) met += ' (n.s.)';
      summary.push(`- ${ok ? 'met' : '**missed**'}: ${row.target.label} — ${row.file} ${row.config}: ${ratio.toFixed(2)}×` +
                   `${!Number.isNaN(p) && p >= 0.05 ? ' (n.s.)' : ''}`);
    }
    const better = row.higherIsBetter ? '' : ' (lower is better)';
    lines.push(`| ${row.file} | ${row.config.replace(/\|/g, '\\|')} | ${row.unit}${better} | ${fmt(a)} | ${fmt(c)} | ` +
               `${ratio.toFixed(2)} | ${pText} | ${row.stock.length ? fmt(mean(row.stock)) : '—'} | ` +
               `${row.target?.label ?? ''} | ${met}${row.note ? ` ${row.note}` : ''} |`);
  }
  lines.push('', '## Targets', '', ...(summary.length ? summary : ['(no row with a target was run)']));
  const causes = join(here, 'causes.md');
  if (existsSync(causes)) lines.push('', readFileSync(causes, 'utf8').trim());
  return `${lines.join('\n')}\n`;
}

async function main() {
  const opt = parseOptions(process.argv.slice(2));
  const started = new Date();
  mkdirSync(join(opt.work, 'raw'), { recursive: true });
  const benchDir = stageBenchmarkTree(opt);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_AWSLC_BENCH_CERTS: join(opt.work, 'certs') };
  if (opt.wrk) env.NODE_AWSLC_WRK = opt.wrk;
  const { loadCerts, certKinds } = createRequire(import.meta.url)(join(benchDir, 'awslc', '_tls-certs.js'));
  process.env.NODE_AWSLC_BENCH_CERTS = env.NODE_AWSLC_BENCH_CERTS;
  for (const kind of certKinds) loadCerts(kind); // made before measuring starts
  const rows = new Map<string, Row>();
  for (const job of jobs) {
    if (job.file.includes('https-wrk') && !opt.wrk) { console.error('run-bench: no wrk; https rows skipped'); continue; }
    await runJob(job, opt, benchDir, env, rows);
  }
  measureStartup(opt, rows);
  measureRss(opt, benchDir, env, rows);
  measureSizes(opt, rows);
  if (rows.size === 0) die(`--filter ${opt.filter} matches no row`);
  const seconds = (Date.now() - started.getTime()) / 1000;
  writeFileSync(opt.out, formatReport(opt, [...rows.values()], started, seconds));
  console.error(`run-bench: ${rows.size} rows in ${opt.out} (${Math.round(seconds)} s)`);
}

await main();
