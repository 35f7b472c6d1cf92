// Side-by-side benchmarks of out/node (AWS-LC), out/node-openssl (the OpenSSL control) and the
// official Node 22 binary (what users would otherwise run). Called by scripts/bench.sh inside
// the build root; see there for the options. Writes the Markdown report (--out).
//
// Every job of bench/plan.ts runs in rounds: in each round Node's benchmark/compare.js runs the
// file once on the control and once on AWS-LC (in random order), and the official binary runs
// it once, before compare.js in odd rounds and after it in even ones. So all three are
// interleaved and see the same machine. Then start-up time (`node -e 0`), RSS after one TLS
// handshake, memory per idle TLS connection, https server RSS under wrk (all alternating), and
// binary sizes.
'use strict';

import { spawn, spawnSync, fork } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync,
  symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, release } from 'node:os';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { jobs, targets, type Conf, type Job, type Target } from './plan.ts';
import { mean, stars, welchP } from './stats.ts';

interface Options {
  worktree: string; work: string; awslc: string; control: string; official: string;
  wrk: string; out: string; command: string; filter: RegExp | null; quick: boolean;
  runs: number | null;
}
interface Row {
  name: string; file: string; config: string; unit: string; higherIsBetter: boolean;
  awslc: number[]; control: number[]; official: number[]; target?: Target; note?: string;
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
    worktree: o.worktree, work: o.work, awslc: o.awslc, control: o.control, official: o.official ?? '',
    wrk: o.wrk ?? '', out: o.out, command: o.command ?? '(unknown)', filter, quick, runs,
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

// The official binary runs the file once, the way compare.js would (fork + 'report' messages).
function runOfficial(file: string, args: string[], env: NodeJS.ProcessEnv, official: string): Promise<{ conf: Conf; rate: number }[]> {
  return new Promise((resolve, reject) => {
    const reports: { conf: Conf; rate: number }[] = [];
    const child = fork(file, args, { execPath: official, execArgv: [], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let err = '';
    child.stderr?.on('data', (d) => { err += d; });
    child.on('message', (m: { type: string; conf: Conf; rate: number }) => {
      if (m.type === 'report') reports.push({ conf: m.conf, rate: m.rate });
    });
    child.on('close', (code) => code === 0 ? resolve(reports) : reject(new Error(
      `official node ${file} exited with ${code}\n${err.split('\n').slice(-10).join('\n')}`)));
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
  const rowFor = (conf: Conf): Row | undefined => {
    const name = `${job.file} ${confText(conf, keys)}`;
    if (!names.has(name)) return undefined;
    if (!rows.has(name)) {
      const shown = Object.keys(conf).filter((k) => !(job.hide ?? []).includes(k)).reverse();
      rows.set(name, { name, file: job.file, config: `${confText(conf, shown)}${job.about ? ` ${job.about}` : ''}`, unit: job.unit, higherIsBetter: true,
        awslc: [], control: [], official: [], target: job.target?.(conf) });
    }
    return rows.get(name);
  };
  const official = async () => {
    if (!opt.official) return;
    const args = keys.flatMap((k) => set[k].map((v) => `${k}=${v}`));
    for (const r of await runOfficial(join(benchDir, job.file), args, env, opt.official)) rowFor(r.conf)?.official.push(r.rate);
  };
  const rawFile = join(opt.work, 'raw', `${job.file.replace(/\W/g, '_')}-${keys.map((k) => set[k].join('+')).join('-')}.csv`);
  writeFileSync(rawFile, '');
  for (let round = 0; round < runsOf(job, opt); round++) {
    if (round % 2 === 0) await official();
    const csv = await run(opt.awslc, [join(benchDir, 'compare.js'), '--no-progress', '--runs', '1',
      '--old', opt.control, '--new', opt.awslc, '--filter', basename(job.file), ...setArgs, category], env);
    appendFileSync(rawFile, csv);
    for (const line of csv.split('\n').slice(1)) {
      const m = /^"(old|new)","([^"]*)","(.*)",([\d.e+-]+),/.exec(line);
      if (!m) continue;
      const row = rowFor(parseConfiguration(m[3].replace(/""/g, '"')));
      row?.[m[1] === 'new' ? 'awslc' : 'control'].push(Number(m[4]));
    }
    if (round % 2 === 1) await official();
  }
  console.error(`run-bench: ${job.file} ${keys.map((k) => `${k}=${set[k].join(',')}`).join(' ')} ` +
                `(${runsOf(job, opt)} runs): ` +
                `${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const wanted = (opt: Options, name: string) => !opt.filter || opt.filter.test(name);
const binaries = (opt: Options) => [['control', opt.control], ['awslc', opt.awslc],
  ...(opt.official ? [['official', opt.official]] : [])] as ['control' | 'awslc' | 'official', string][];

// `node -e 0`, the binaries alternating, wall time of each run.
function measureStartup(opt: Options, rows: Map<string, Row>) {
  const name = 'start-up: node -e 0';
  if (!wanted(opt, name)) return;
  const row: Row = { name, file: 'start-up', config: '`node -e 0`, wall time', unit: 'ms', higherIsBetter: false,
    awslc: [], control: [], official: [], target: targets.within5 };
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
    awslc: [], control: [], official: [], target: targets.within5 });
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

// Memory per idle TLS 1.3 connection, server and client side (bench/_idle-tls-connections.js).
function measureIdleConnections(opt: Options, benchDir: string, env: NodeJS.ProcessEnv, rows: Map<string, Row>) {
  for (const n of opt.quick ? [1000] : [1000, 10000]) {
    const make = (side: string): Row => ({ name: `memory per idle TLS connection: ${side} ${n}`, file: 'idle TLS connections',
      config: `${side} side, ${n.toLocaleString('en-US')} held, TLS 1.3 ECDSA P-256, each end its own process`,
      unit: 'KiB', higherIsBetter: false, awslc: [], control: [], official: [] });
    const server = make('server');
    const client = make('client');
    if (!wanted(opt, server.name) && !wanted(opt, client.name)) continue;
    for (let i = 0; i < (opt.quick ? 1 : 3); i++) {
      for (const [which, bin] of binaries(opt)) {
        const r = spawnSync(bin, [join(benchDir, 'awslc', '_idle-tls-connections.js'), String(n)],
                            { env, encoding: 'utf8', timeout: 300_000 });
        if (r.status !== 0) die(`${bin} _idle-tls-connections.js ${n} failed: ${r.error ?? ''}${r.stderr}`);
        const perConnection = JSON.parse(r.stdout);
        server[which].push(perConnection.server / 1024);
        client[which].push(perConnection.client / 1024);
      }
    }
    for (const row of [server, client]) if (wanted(opt, row.name)) rows.set(row.name, row);
  }
}

// An https server's RSS while wrk holds 1,000 keep-alive connections (bench/_https-wrk-rss.js).
function measureWrkRss(opt: Options, benchDir: string, env: NodeJS.ProcessEnv, rows: Map<string, Row>) {
  const connections = 1000;
  const seconds = opt.quick ? 2 : 5;
  const make = (name: string, config: string): Row => ({ name, file: 'https RSS under wrk', config, unit: 'MiB',
    higherIsBetter: false, awslc: [], control: [], official: [] });
  const peak = make('https RSS under wrk: peak', `peak (VmHWM), wrk -c${connections} keep-alive, ${seconds} s, ECDSA P-256`);
  const held = make('https RSS under wrk: held', `with the ${connections} connections open, at the end of the run`);
  if (!opt.wrk || (!wanted(opt, peak.name) && !wanted(opt, held.name))) return;
  for (let i = 0; i < (opt.quick ? 1 : 3); i++) {
    for (const [which, bin] of binaries(opt)) {
      const r = spawnSync(bin, [join(benchDir, 'awslc', '_https-wrk-rss.js'), String(connections), String(seconds)],
                          { env, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) die(`${bin} _https-wrk-rss.js failed: ${r.error ?? ''}${r.stderr}`);
      const { peakRss, endRss } = JSON.parse(r.stdout);
      peak[which].push(peakRss / 2 ** 20);
      held[which].push(endRss / 2 ** 20);
    }
  }
  for (const row of [peak, held]) if (wanted(opt, row.name)) rows.set(row.name, row);
}

// File sizes; the control links sid's libssl/libcrypto, so a second row adds them.
function measureSizes(opt: Options, rows: Map<string, Row>) {
  const size = (f: string) => statSync(f).size / 2 ** 20;
  const sharedCrypto = (bin: string) => {
    const ldd = spawnSync('ldd', [bin], { encoding: 'utf8' }).stdout ?? '';
    return [...ldd.matchAll(/(libssl|libcrypto)\.so\S* => (\S+)/g)].map((m) => realpathSync(m[2]));
  };
  const file: Row = { name: 'binary size', file: 'binary size', config: 'file', unit: 'MiB', higherIsBetter: false,
    awslc: [size(opt.awslc)], control: [size(opt.control)], official: opt.official ? [size(opt.official)] : [] };
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
  return [...jobsPerRuns].map(([runs, count]) => `${runs} rounds for ${count} jobs`).join(', ');
}

// "0.93 ***" or "1.02" for a ratio of means and its Welch p (the stars only when significant).
function ratioCells(a: number[], b: number[]): { ratio: number; p: number; text: string } {
  const ratio = mean(a) / mean(b);
  const p = welchP(a, b);
  const pText = Number.isNaN(p) ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3);
  return { ratio, p, text: `${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'} | ${pText} ${stars(p)}`.trim() };
}

// A target holds when the ratio as printed (0.996 is 1.00, parity) meets it.
function meets(target: Target, ratio: number): boolean {
  const shown = Number(ratio.toFixed(2));
  return target.min !== undefined ? shown >= target.min : shown <= (target.max ?? Infinity);
}

function formatReport(opt: Options, rows: Row[], started: Date, seconds: number): string {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const v = { awslc: versionsOf(opt.awslc), control: versionsOf(opt.control), official: opt.official ? versionsOf(opt.official) : {} };
  const lines: string[] = [];
  const summary: string[] = [];
  lines.push('# Benchmarks: AWS-LC against the OpenSSL control and the official Node binary', '',
    `- date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}; wall time of the run: ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`,
    `- machine: ${availableParallelism()} CPUs (nproc), ${cpu}, Linux ${release()}`,
    `- AWS-LC: \`out/node\` (Node ${v.awslc.node}, AWS-LC ${v.awslc.awslc ?? '?'}, sha256 ${sha256Of(opt.awslc)}…); ` +
    `control: \`out/node-openssl\` (Node ${v.control.node}, OpenSSL ${v.control.openssl}, sha256 ${sha256Of(opt.control)}…); ` +
    `official: ${opt.official ? `the official Node binary of ci/node.env (Node ${v.official.node}, OpenSSL ${v.official.openssl}, ` +
    `sha256 ${sha256Of(opt.official)}…), run inside the build root` : 'not measured (--no-official)'}`,
    `- command: \`${opt.command}\``,
    `- settings: ${runsText(opt)}; a round runs each binary once: compare.js alternates control and AWS-LC, the ` +
    `official binary runs before it in odd rounds and after it in even ones${opt.quick ? ' (--quick: shortened, not for conclusions)' : ''}; ` +
    `the --set values are in the config column (those not shown: dur=${opt.quick ? '0.3' : '2'} s per TLS config, ` +
    `${opt.quick ? '1' : '3'} s per wrk config; n/writes/total as in bench/plan.ts); start-up ${opt.quick ? 5 : 30} runs, RSS ` +
    `${opt.quick ? 3 : 10} runs, idle connections and wrk RSS ${opt.quick ? 1 : 3} runs per binary, alternating`,
    '- values: mean over the runs; "÷ control" and "÷ official" = AWS-LC ÷ that binary, each with its p, a Welch ' +
    'two-sided t-test over the runs (compare.R\'s stars: \\*\\*\\* < 0.001, \\*\\* < 0.01, \\* < 0.05); ' +
    'a target holds when both printed ratios meet it; "(n.s.)": a missed ratio is not significantly different ' +
    '(p ≥ 0.05), i.e. within this run\'s noise', '',
    '| benchmark | config | unit | AWS-LC | control | official | ÷ control | p | ÷ official | p | target | met? |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|');
  for (const row of rows) {
    const vsControl = ratioCells(row.awslc, row.control);
    const vsOfficial = row.official.length ? ratioCells(row.awslc, row.official) : null;
    let met = '';
    if (row.target) {
      const missed = [vsControl, vsOfficial].filter((r): r is NonNullable<typeof r> => r !== null && !meets(row.target!, r.ratio));
      const noise = missed.length > 0 && missed.every((r) => !Number.isNaN(r.p) && r.p >= 0.05);
      met = missed.length === 0 ? 'met' : `**missed**${noise ? ' (n.s.)' : ''}`;
      summary.push(`- ${met}: ${row.target.label} — ${row.file} ${row.config}: ${vsControl.ratio.toFixed(2)}× control` +
                   `${vsOfficial ? `, ${vsOfficial.ratio.toFixed(2)}× official` : ''}`);
    }
    const better = row.higherIsBetter ? '' : ' (lower is better)';
    lines.push(`| ${row.file} | ${row.config.replace(/\|/g, '\\|')} | ${row.unit}${better} | ${fmt(mean(row.awslc))} | ` +
               `${fmt(mean(row.control))} | ${row.official.length ? fmt(mean(row.official)) : '—'} | ${vsControl.text} | ` +
               `${vsOfficial?.text ?? '— | —'} | ${row.target?.label ?? ''} | ${met}${row.note ? ` ${row.note}` : ''} |`);
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
  measureIdleConnections(opt, benchDir, env, rows);
  measureWrkRss(opt, benchDir, env, rows);
  measureSizes(opt, rows);
  if (rows.size === 0) die(`--filter ${opt.filter} matches no row`);
  const seconds = (Date.now() - started.getTime()) / 1000;
  writeFileSync(opt.out, formatReport(opt, [...rows.values()], started, seconds));
  console.error(`run-bench: ${rows.size} rows in ${opt.out} (${Math.round(seconds)} s)`);
}

await main();
