#!/usr/bin/env bash
# Hostile-peer stage: tlsfuzzer (malformed and unusual TLS 1.2/1.3 clients, each checking the
# alert the server must answer with) against a default node:tls server
# (test/tlsfuzzer/server.js) on out/node-openssl (the control) and out/node (AWS-LC), and the
# two compared test case by test case.
#
#   scripts/tlsfuzzer.sh [--binary=both|awslc|openssl] [--filter=REGEXP] [--update-report]
#                        [--tap=FILE] [--keep=DIR] [--timeout=SECONDS]
#
# Runs each script of the list below (tlsfuzzer's own options: -d for ECDHE in the TLS 1.2
# scripts, -n to sample the largest ones, with Python's random seeded so both binaries get
# the same sample) against a server started with each binary, one at a time, and prints a
# line per script and binary. A case is an AWS-LC-only failure when it passes on the control
# and fails on AWS-LC. Exits 1 on an AWS-LC-only failure not listed in
# ci/expectations-tlsfuzzer.txt, on a line there that matches no AWS-LC-only failure any more
# (it passes now: delete the line, the list only shrinks), and when a server dies.
# The analysis of every difference is in reports/tlsfuzzer-triage.md.
#
# --binary=awslc|openssl  run one binary only (no comparison; not with --update-report/--tap)
# --filter=REGEXP   only the scripts whose name matches (lines for others are not checked)
# --update-report   write reports/tlsfuzzer.md (per script: cases, passes on each binary,
#                   every AWS-LC-only failure and its reason from the expectations)
# --tap=FILE        also write a TAP file, one line per script (tlsfuzzer/<script>): ok when
#                   it has no unlisted difference, for ci/check-results.ts
# --keep=DIR        keep tlsfuzzer's output there (<binary>/<script>.log) and the results
# --timeout=SECONDS per script (default 120)
#
# Inputs: tlsfuzzer from ../shared/tools (pinned below by sha256; NODE_AWSLC_TLSFUZZER=<file>
# names another copy of the same tarball), its Python dependencies from PyPI into a virtualenv
# under $NODE_AWSLC_CACHE/tlsfuzzer (made once per pin set, with the host's python3), an RSA
# certificate made once there with the build root's openssl. Neither binary is built: run
# scripts/build-node.sh (and --crypto=openssl) first.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

tlsfuzzer_commit=14555fe211456c46deccc4b2d94751dbd894aece
tlsfuzzer_tarball=tlsfuzzer-${tlsfuzzer_commit:0:12}.tar.xz
tlsfuzzer_sha256=c60ea86bfd46ceda4b39b18fe4eb1a1e0aff7a02f0e62fdea0d72eb48fc65eee
# tlslite-ng 0.9.0b2 is what this tlsfuzzer commit requires (its requirements.txt); kyber-py
# gives tlslite-ng ML-KEM (test-tls13-mlkem, test-no-mlkem-in-old-tls); all installed
# --no-deps, so this is the whole environment.
python_pins=(tlslite-ng==0.9.0b2 ecdsa==0.19.2 six==1.17.0 kyber-py==1.2.0)

# The scripts, with their options (see each one's --help). They apply to a default server:
# TLS 1.2 + 1.3, no client certificates, no renegotiation, no ALPN, HTTP-style answers.
# -d: ECDHE instead of tlsfuzzer's default RSA key exchange, which the control refuses.
# -e NAME: leave that case out (renegotiation); '_' in NAME stands for a space.
scripts=(
  # TLS 1.3
  "test-tls13-conversation"
  "test-tls13-hrr"
  "test-tls13-keyupdate"
  "test-tls13-ecdhe-curves"
  "test-tls13-crfg-curves"
  "test-tls13-mlkem"
  "test-no-mlkem-in-old-tls -d"
  "test-tls13-unrecognised-groups"
  "test-tls13-record-layer-limits"
  "test-tls13-record-padding"
  "test-tls13-zero-length-data"
  "test-tls13-zero-content-type"
  "test-tls13-finished"
  "test-tls13-finished-plaintext"
  "test-tls13-legacy-version"
  "test-tls13-version-negotiation"
  "test-tls13-invalid-ciphers"
  "test-tls13-unencrypted-alert"
  "test-tls13-empty-alert"
  "test-tls13-ccs"
  "test-tls13-signature-algorithms"
  "test-tls13-0rtt-garbage"
  "test-tls13-connection-abort --repeat 3"
  # TLS 1.2 (and version negotiation)
  "test-conversation -d"
  "test-fallback-scsv -d --tls-1.3"
  "test-extended-master-secret-extension -d -e extended_master_secret_with_renegotiation -e renegotiate_with_EMS_in_session_without_EMS -e renegotiate_without_EMS_in_session_with_EMS"
  "test-ccs -d"
  "test-invalid-compression-methods -d"
  "test-sig-algs"
  "test-x25519"
  "test-point-extension"
  "test-atypical-padding -d"
  "test-encrypt-then-mac -d"
  "test-zero-length-data -d"
  "test-aes-gcm-nonces -d"
  "test-fuzzed-MAC -d"
  "test-fuzzed-ciphertext -d -n 100"
  # ClientHello parsing and size limits
  "test-invalid-client-hello"
  "test-truncating-of-client-hello -d"
  "test-invalid-client-hello-w-record-overflow -d -n 100"
  "test-large-hello -d"
  "test-large-number-of-extensions -d"
  "test-record-layer-fragmentation -d"
)

which=both
filter=
update_report=0
tap=
keep=
script_timeout=120
for arg in "$@"; do
  case $arg in
    --help|-h) usage; exit 0 ;;
    --binary=both|--binary=awslc|--binary=openssl) which=${arg#*=} ;;
    --filter=?*) filter=${arg#*=} ;;
    --update-report) update_report=1 ;;
    --tap=?*) tap=$(realpath -m "${arg#*=}") ;;
    --keep=?*) keep=$(realpath -m "${arg#*=}") ;;
    --timeout=?*) script_timeout=${arg#*=}
                  [[ $script_timeout =~ ^[0-9]+$ ]] || die_usage "--timeout wants seconds" ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done
if [ "$which" != both ] && { [ "$update_report" = 1 ] || [ -n "$tap" ]; }; then
  die_usage "--update-report and --tap compare both binaries (no --binary=$which)"
fi
[ "$update_report" = 0 ] || [ -z "$filter" ] || die_usage "--update-report needs every script (no --filter)"
case $which in
  both) binaries=(openssl awslc) ;;
  *) binaries=("$which") ;;
esac
declare -A bin_path=([awslc]=out/node [openssl]=out/node-openssl)
declare -A bin_name=([awslc]=AWS-LC [openssl]=control)

selected=()
for entry in "${scripts[@]}"; do
  name=${entry%% *}
  if [ -z "$filter" ] || [[ $name =~ $filter ]]; then selected+=("$entry"); fi
done
[ ${#selected[@]} -gt 0 ] || die "no script matches --filter='$filter'"

command -v python3 >/dev/null || die "python3 is needed on the host for tlsfuzzer (apt-get install python3 python3-venv)"
start_time=$SECONDS
work=$cache_dir/tlsfuzzer
mkdir -p "$work"
tmp=$(mktemp -d)
server_pid=
cleanup() { stop_server; rm -rf "$tmp"; }
trap cleanup EXIT

# --- tlsfuzzer: the pinned tarball, checked and unpacked once ---------------------------------
tlsfuzzer_dir=$work/tlsfuzzer-${tlsfuzzer_commit:0:12}
if [ ! -f "$tlsfuzzer_dir/.node-awslc-ready" ]; then
  tarball=${NODE_AWSLC_TLSFUZZER:-$repo/../shared/tools/$tlsfuzzer_tarball}
  [ -f "$tarball" ] || die "no $tlsfuzzer_tarball at $tarball (it is in shared/tools; NODE_AWSLC_TLSFUZZER=<file> names another copy)"
  [ "$(sha256_of "$tarball")" = "$tlsfuzzer_sha256" ] \
    || die "$tarball: sha256 is not the pinned $tlsfuzzer_sha256"
  rm -rf "$tlsfuzzer_dir.tmp" && mkdir -p "$tlsfuzzer_dir.tmp"
  tar -xJf "$tarball" -C "$tlsfuzzer_dir.tmp" --strip-components=1
  [ -f "$tlsfuzzer_dir.tmp/tlsfuzzer/runner.py" ] || die "$tarball does not hold tlsfuzzer/ at its top"
  touch "$tlsfuzzer_dir.tmp/.node-awslc-ready"
  rm -rf "$tlsfuzzer_dir" && mv "$tlsfuzzer_dir.tmp" "$tlsfuzzer_dir"
fi

# --- its Python environment: a virtualenv keyed by the pins and the host's python -------------
py_version=$(python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
venv_key=$(printf '%s\n' "$py_version" "${python_pins[@]}" | sha256sum | cut -c1-12)
venv=$work/venv-$venv_key
if [ ! -f "$venv/.node-awslc-ready" ]; then
  note "making the tlsfuzzer virtualenv (python $py_version: ${python_pins[*]})"
  rm -rf "$venv.tmp"
  python3 -m venv "$venv.tmp" >"$tmp/venv.log" 2>&1 \
    || die "python3 -m venv failed (apt-get install python3-venv): $(tail -2 "$tmp/venv.log" | tr '\n' ' ')"
  "$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
      "${python_pins[@]}" >"$tmp/pip.log" 2>&1 \
    || die "pip could not install ${python_pins[*]}: $(tail -3 "$tmp/pip.log" | tr '\n' ' ')"
  "$venv.tmp/bin/python" -c 'from tlslite.utils.compat import ML_KEM_AVAILABLE; assert ML_KEM_AVAILABLE' \
    || die "tlslite-ng in the new virtualenv does not see kyber-py (ML-KEM)"
  touch "$venv.tmp/.node-awslc-ready"
  rm -rf "$venv" && mv "$venv.tmp" "$venv"   # bin/python finds its packages by pyvenv.cfg, beside it
fi
python=$venv/bin/python

# --- the server's certificate: RSA 2048, self-signed, made once by the build root's openssl ---
fixtures=$work/fixtures
if [ ! -f "$fixtures/.node-awslc-ready" ]; then
  rm -rf "$fixtures.tmp" && mkdir -p "$fixtures.tmp"
  (cd "$fixtures.tmp" && in_root --bind "$fixtures.tmp" -- openssl req -x509 -newkey rsa:2048 -nodes \
     -keyout rsa.key -out rsa.pem -subj /CN=localhost -sha256 -days 36500 -set_serial 1 \
     -addext subjectAltName=DNS:localhost,IP:127.0.0.1) >"$tmp/openssl.log" 2>&1 \
    || die "openssl in the build root could not make the certificate: $(tail -2 "$tmp/openssl.log" | tr '\n' ' ')"
  touch "$fixtures.tmp/.node-awslc-ready"
  rm -rf "$fixtures" && mv "$fixtures.tmp" "$fixtures"
fi

# --- the comparison, the report and the TAP file (Python, run by the virtualenv) -------------
cat >"$tmp/tool.py" <<'PYTHON'
import fnmatch, json, os, re, sys, time
from collections import Counter, OrderedDict

STATUS = {'OK': True, 'OK-expected failure': True,
          'XPASS-expected failure but test passed': False, 'Error while processing': False}
EXC = re.compile(r'^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Timeout)\b')

def parse_log(text):
    """tlsfuzzer's output -> ({case: [passed, reason]}, summary or None). A case is the line
    'NAME ...' (or '"NAME" repeat N...') followed by its status line; one that runs twice (the
    sanity case, first and last) passes only if both runs pass. The reason of a failure is the
    last exception line of its traceback."""
    cases, current, pending, tail = OrderedDict(), None, None, []
    def close():
        nonlocal pending, tail
        if pending is not None and not cases[pending][1]:
            reason = next((l for l in reversed(tail) if EXC.match(l)), '') or 'failed'
            cases[pending][1] = re.sub(r'^AssertionError: ', '', reason)
        pending, tail = None, []
    for line in text.splitlines():
        m = re.match(r'^(\S.*?) ?\.\.\.$', line)
        if m:
            close()
            current = m.group(1)
            continue
        if current is not None and (line in STATUS or line.startswith('Expected error message: ')):
            ok = STATUS.get(line, False)
            case = cases.setdefault(current, [True, ''])
            if not ok:
                case[0] = False
                pending = current
                if line.startswith('Expected error message'):
                    case[1] = line
            current = None
            continue
        if line == 'Test end':
            break
        if pending is not None:
            tail.append(line)
    close()
    summary = {k: int(v) for k, v in re.findall(r'^(TOTAL|SKIP|PASS|XFAIL|FAIL|XPASS): (\d+)$', text, re.M)}
    return cases, (summary if 'TOTAL' in summary else None)

def cmd_parse(log, out, script, status, seconds, server_died):
    with open(log, errors='replace') as f:
        cases, summary = parse_log(f.read())
    note = None
    if summary is None:
        note = ('timed out' if status == '124' else 'exited with status %s' % status) + \
               ' before its summary'
    if server_died == '1':
        note = 'the server died during this script'
    if note:
        cases['(script)'] = [False, note]
    res = {'script': script, 'status': int(status), 'seconds': float(seconds), 'note': note,
           'cases': cases}
    with open(out, 'w') as f:
        json.dump(res, f)
    passed = sum(1 for v in cases.values() if v[0])
    print('%d/%d passed%s' % (passed, len(cases), ' (%s)' % note if note else ''))

def read_expectations(path):
    rules = []
    for i, raw in enumerate(open(path), 1):
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        m = re.match(r'^([^/\s]+)/(?:"([^"]+)"|\'([^\']+)\'|(\S+))\s+(\S.*)$', line)
        if not m:
            sys.exit('%s:%d: want \'<script>/<case pattern> <reason>\' (the pattern in double '
                     'or single quotes when it has spaces), got "%s"' % (path, i, raw.rstrip()))
        rules.append({'script': m.group(1), 'pattern': m.group(2) or m.group(3) or m.group(4),
                      'reason': m.group(5), 'line': i, 'matched': 0})
    return rules

def rule_for(rules, script, case):
    for r in rules:
        if r['script'] == script and fnmatch.fnmatchcase(case, r['pattern']):
            return r
    return None

def md(s):
    return s.replace('|', '\\|').replace('<', '&lt;').replace('>', '&gt;')

def cmd_compare(results_dir, order_file, expectations, tap, report, meta_file):
    order = [l.split()[0] for l in open(order_file) if l.strip()]
    rules = read_expectations(expectations)
    shown = os.path.join('ci', os.path.basename(expectations))  # in messages
    ran = set()
    rows, problems = [], {}
    totals = Counter()
    for script in order:
        res = {}
        for b in ('awslc', 'openssl'):
            with open(os.path.join(results_dir, b, script + '.json')) as f:
                res[b] = json.load(f)
        ran.add(script)
        a, o = res['awslc']['cases'], res['openssl']['cases']
        names = list(OrderedDict.fromkeys(list(o) + list(a)))
        missing = [False, 'not run (the script ended early)']
        row = {'script': script, 'cases': len(names),
               'awslc': sum(1 for n in names if a.get(n, missing)[0]),
               'openssl': sum(1 for n in names if o.get(n, missing)[0]),
               'seconds': res['awslc']['seconds'] + res['openssl']['seconds'],
               'awslc_only': [], 'control_only': [], 'both': [], 'problems': []}
        for n in names:
            ca, co = a.get(n, missing), o.get(n, missing)
            r = rule_for(rules, script, n)
            if co[0] and not ca[0]:
                row['awslc_only'].append((n, ca[1], r))
                if r:
                    r['matched'] += 1
                else:
                    row['problems'].append('%s: fails on AWS-LC (%s), passes on the control; not '
                                           'in %s' % (n, ca[1], shown))
            elif not co[0] and ca[0]:
                row['control_only'].append((n, co[1]))
            elif not co[0] and not ca[0]:
                row['both'].append((n, ca[1], co[1]))
        for b in ('awslc', 'openssl'):
            if res[b]['note'] and 'server died' in res[b]['note']:
                row['problems'].append('the %s server died during this script' % b)
        totals.update(cases=row['cases'], awslc=row['awslc'], openssl=row['openssl'],
                      awslc_only=len(row['awslc_only']), control_only=len(row['control_only']),
                      both=len(row['both']))
        rows.append(row)
    for r in rules:
        if r['script'] in ran and r['matched'] == 0:
            row = next(x for x in rows if x['script'] == r['script'])
            row['problems'].append('%s:%d (%s/%s) matches no AWS-LC-only failure any more: '
                                   'delete it' % (shown, r['line'], r['script'], r['pattern']))
    for row in rows:
        listed = sum(1 for x in row['awslc_only'] if x[2])
        print('  %-44s %4d cases, AWS-LC %4d, control %4d passed; AWS-LC-only %3d (%d listed)%s'
              % (row['script'], row['cases'], row['awslc'], row['openssl'], len(row['awslc_only']),
                 listed, ', %d problem(s)' % len(row['problems']) if row['problems'] else ''))
        for p in row['problems']:
            print('    PROBLEM %s' % p)
    bad = [r for r in rows if r['problems']]
    listed = sum(1 for r in rows for x in r['awslc_only'] if x[2])
    print('tlsfuzzer: %d scripts, %d cases: AWS-LC passed %d, the control %d; %d AWS-LC-only '
          'failures (%d listed), %d control-only, %d on both; %d script(s) with a problem'
          % (len(rows), totals['cases'], totals['awslc'], totals['openssl'], totals['awslc_only'],
             listed, totals['control_only'], totals['both'], len(bad)))
    if tap:
        with open(tap, 'w') as f:
            f.write('TAP version 13\n1..%d\n' % len(rows))
            for i, row in enumerate(rows, 1):
                f.write('%s %d tlsfuzzer/%s\n' % ('not ok' if row['problems'] else 'ok', i, row['script']))
                f.write('  ---\n  duration_ms: %d\n' % (row['seconds'] * 1000))
                if row['problems']:
                    f.write('  message: |-\n')
                    for p in row['problems']:
                        f.write('    %s\n' % p)
                f.write('  ...\n')
    if report:
        write_report(report, rows, totals, rules, json.load(open(meta_file)))
    return 1 if bad else 0

def group_by_reason(items, key):
    groups = OrderedDict()
    for it in items:
        groups.setdefault(key(it), []).append(it)
    return groups

def case_list(names, limit=12):
    names = sorted(names, key=lambda s: [int(t) if t.isdigit() else t for t in re.split(r'(\d+)', s)])
    text = ', '.join('`%s`' % md(n) for n in names)
    if len(names) <= limit:
        return text
    return '<details><summary>%d cases</summary>\n\n%s\n\n</details>' % (len(names), text)

def write_report(path, rows, totals, rules, meta):
    out = []
    w = out.append
    w('# tlsfuzzer: a hostile TLS client against node:tls')
    w('')
    w('Generated by `%s` on %s (wall time %d s for both binaries). Do not edit: rerun it.'
      % (meta['command'], meta['date'], meta['wall']))
    w('')
    w('- AWS-LC: `out/node` (%s); control: `out/node-openssl` (%s).' % (meta['awslc'], meta['openssl']))
    w('- Client: tlsfuzzer %s (`shared/tools`), %s, on the host\'s Python %s; Python\'s `random` '
      'seeded, so both binaries get the same sampled cases.' % (meta['tlsfuzzer'], ', '.join(meta['pins']), meta['python']))
    w('- Server: `test/tlsfuzzer/server.js`, a default `tls.createServer()` (TLS 1.2 + 1.3, default '
      'ciphers and groups, no client certificates) with an RSA-2048 certificate, answering a request '
      'with one HTTP/1.0 response record, then close_notify.')
    w('- A case is an **AWS-LC-only failure** when it passes on the control and fails on AWS-LC; each '
      'one needs a line in `ci/expectations-tlsfuzzer.txt` (reason: what AWS-LC sends, what the test '
      'expects, deliberate or a wrong alert). The analysis per cause, with the AWS-LC code and the '
      'patch that would fix each wrong alert: `reports/tlsfuzzer-triage.md`.')
    w('')
    w('## Per script')
    w('')
    w('| script | options | cases | AWS-LC passed | control passed | AWS-LC-only failures | control-only failures | fail on both |')
    w('|---|---|--:|--:|--:|--:|--:|--:|')
    for row in rows:
        opts = meta['options'].get(row['script'], '')
        w('| %s | %s | %d | %d | %d | %d | %d | %d |' % (row['script'], '`%s`' % opts if opts else '',
          row['cases'], row['awslc'], row['openssl'], len(row['awslc_only']), len(row['control_only']), len(row['both'])))
    pct = lambda n: 100.0 * n / totals['cases'] if totals['cases'] else 0
    w('| **total** | | **%d** | **%d** (%.1f%%) | **%d** (%.1f%%) | **%d** | **%d** | **%d** |'
      % (totals['cases'], totals['awslc'], pct(totals['awslc']), totals['openssl'], pct(totals['openssl']),
         totals['awslc_only'], totals['control_only'], totals['both']))
    w('')
    w('## AWS-LC-only failures, by expectation line')
    w('')
    for row in rows:
        if not row['awslc_only']:
            continue
        w('### %s (%d)' % (row['script'], len(row['awslc_only'])))
        w('')
        groups = group_by_reason(row['awslc_only'], lambda x: x[2]['line'] if x[2] else 0)
        for line, items in groups.items():
            r = items[0][2]
            got = Counter(x[1] for x in items).most_common()
            w('- %s: %d case(s), AWS-LC: %s.' % (
              ('`%s` (line %d)' % (md(r['pattern']), line)) if r else '**not listed**', len(items),
              '; '.join('%s%s' % (md(g), ' (%d)' % c if len(got) > 1 else '') for g, c in got)))
            if r:
                w('  Reason: %s' % md(r['reason']))
            w('  Cases: %s' % case_list([x[0] for x in items]).replace('\n', '\n  '))
        w('')
    w('## Failing on both binaries (for information)')
    w('')
    w('Cases the control fails too: the test expects what neither library does (often a feature '
      'neither enables by default). AWS-LC\'s and the control\'s answers side by side.')
    w('')
    for row in rows:
        if not row['both']:
            continue
        groups = group_by_reason(row['both'], lambda x: (x[1], x[2]))
        w('- **%s** (%d): %s' % (row['script'], len(row['both']), '; '.join(
          '%d× AWS-LC: %s / control: %s' % (len(v), md(k[0]), md(k[1])) if k[0] != k[1]
          else '%d× %s' % (len(v), md(k[0])) for k, v in groups.items())))
    w('')
    w('## Control-only failures (AWS-LC passes)')
    w('')
    for row in rows:
        if not row['control_only']:
            continue
        groups = group_by_reason(row['control_only'], lambda x: x[1])
        w('- **%s** (%d): %s' % (row['script'], len(row['control_only']), '; '.join(
          '%d× %s' % (len(v), md(k)) for k, v in groups.items())))
    w('')
    with open(path, 'w') as f:
        f.write('\n'.join(out))

if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == 'parse':
        cmd_parse(*args)
    elif cmd == 'compare':
        sys.exit(cmd_compare(*[a or None for a in args]))
PYTHON

# --- servers and runs ---------------------------------------------------------------------
wait_for_binary() { # <path>: the binaries are replaced by an atomic rename; allow a gap
  local i
  for ((i = 0; i < 90; i++)); do [ -x "$repo/$1" ] && return 0; sleep 1; done
  die "$1 does not exist; build it with scripts/build-node.sh$([ "$1" = out/node ] || echo ' --crypto=openssl')"
}

server_of() { # <binary label>: start_server with that binary (sets server_pid, port)
  local b=$1
  wait_for_binary "${bin_path[$b]}"
  # node.sh execs down to the node process itself, so $! is the server's pid.
  start_server "${bin_name[$b]}" "$tmp/server-$b.out" \
    env -C "$fixtures" NODE_BIN="${bin_path[$b]}" "$repo/scripts/node.sh" "$repo/test/tlsfuzzer/server.js" \
      --key=rsa.key --cert=rsa.pem
}


# Python's random seeded: the scripts sample (-n) and order their cases with it.
seeded='import random, runpy, sys; random.seed(18); sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name="__main__")'
printf '%s\n' "${selected[@]}" >"$tmp/order"
versions=()
for b in "${binaries[@]}"; do
  mkdir -p "$tmp/$b"
  server_of "$b"
  versions+=("$b=$(sed -n 's/^tlsfuzzer target: //p' "$tmp/server-$b.out" 2>/dev/null || true)")
  n=0
  for entry in "${selected[@]}"; do
    n=$((n + 1))
    read -r -a words <<<"$entry"
    name=${words[0]}
    args=()
    prev=
    for w in "${words[@]:1}"; do
      if [ "$prev" = -e ]; then args+=("${w//_/ }"); else args+=("$w"); fi
      prev=$w
    done
    t0=$SECONDS
    status=0
    (cd "$tlsfuzzer_dir" && timeout --kill-after=5 "$script_timeout" "$python" -c "$seeded" \
       "scripts/$name.py" -h 127.0.0.1 -p "$port" "${args[@]}") >"$tmp/$b/$name.log" 2>&1 || status=$?
    died=0
    if ! kill -0 "$server_pid" 2>/dev/null; then
      died=1
      note "the ${bin_name[$b]} server died during $name: $(tail -3 "$tmp/server-$b.out.err" | tr '\n' ' ')"
      wait "$server_pid" 2>/dev/null || true
      server_of "$b"
    fi
    line=$("$python" "$tmp/tool.py" parse "$tmp/$b/$name.log" "$tmp/$b/$name.json" "$name" \
           "$status" "$((SECONDS - t0))" "$died")
    progress "[$n/${#selected[@]}] ${bin_name[$b]} $name: $line ($((SECONDS - t0)) s)"
  done
  stop_server
  progress_done
done
[ -z "$keep" ] || { mkdir -p "$keep" && cp -r "$tmp"/openssl "$tmp"/awslc "$keep"/ 2>/dev/null || true; }

wall=$((SECONDS - start_time))
if [ "$which" != both ]; then
  note "${bin_name[$which]} only: no comparison ($wall s)"
  exit 0
fi

report=
if [ "$update_report" = 1 ]; then
  report=$repo/reports/tlsfuzzer.md
  # What the report names: the versions, the pins, each script's options.
  "$python" - "$tmp/meta.json" "$wall" "$py_version" "${tlsfuzzer_commit:0:12}" "${versions[@]}" \
      -- "${python_pins[@]}" -- "${selected[@]}" <<'PYTHON'
import json, sys, time
out, wall, py, tf = sys.argv[1:5]
rest = sys.argv[5:]
i = rest.index('--'); versions = rest[:i]; rest = rest[i + 1:]
i = rest.index('--'); pins = rest[:i]; scripts = rest[i + 1:]
v = dict(x.split('=', 1) for x in versions)
def show(opts):  # the options as run: -e names with their spaces back
    w, out = opts.split(), []
    while w:
        x = w.pop(0)
        out.append("-e '%s'" % w.pop(0).replace('_', ' ') if x == '-e' and w else x)
    return ' '.join(out)
json.dump({'command': 'scripts/tlsfuzzer.sh --update-report', 'date': time.strftime('%Y-%m-%d'),
           'wall': int(wall), 'python': py, 'tlsfuzzer': tf, 'pins': pins,
           'awslc': v.get('awslc', ''), 'openssl': v.get('openssl', ''),
           'options': {s.split(' ', 1)[0]: show((s.split(' ', 1) + [''])[1]) for s in scripts}},
          open(out, 'w'))
PYTHON
fi
status=0
"$python" "$tmp/tool.py" compare "$tmp" "$tmp/order" "$repo/ci/expectations-tlsfuzzer.txt" \
  "$tap" "$report" "$tmp/meta.json" || status=$?
[ -z "$report" ] || note "wrote ${report#$repo/}"
[ -z "$tap" ] || note "wrote $tap"
note "wall time $wall s"
exit $status
