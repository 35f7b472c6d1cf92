#!/usr/bin/env bash
# What a TLS scanner sees: sslyze (from PyPI, pinned in ci/security-scan.env) against
# tls.createServer({ key, cert }) -- Node's defaults, nothing else set; the tlsfuzzer stage's
# test/tlsfuzzer/server.js -- on four
# binaries: the official Node 22 binary (OpenSSL 3.5), the OpenSSL control
# (out/node-openssl), out/node (AWS-LC) and out/node-fips (AWS-LC-FIPS); one server with an
# RSA 2048 key and one with an ECDSA P-256 key each (Node's test fixtures agent1, ec10).
# sslyze's client is OpenSSL 1.1.1 (nassl), which has no post-quantum groups: those are
# probed with the build root's `openssl s_client -groups`. Writes reports/security.md,
# every check side by side and each difference from the official binary with its cause.
# Not in CI (about 15 s).
#
#   scripts/tls-scan.sh
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"
. "$repo/ci/security-scan.env"
case ${1:-} in
  '') ;;
  -h|--help) usage; exit 0 ;;
  *) die_usage "unknown argument '$1'" ;;
esac

fixtures=$root/build/node-awslc/test/fixtures/keys
for bin in node node-openssl node-fips; do
  [ -x "$repo/out/$bin" ] || die "out/$bin does not exist; build it with scripts/build-node.sh (--crypto=openssl, --fips for the others)"
done
[ -f "$fixtures/agent1-key.pem" ] || die "no Node test fixtures in $fixtures; run scripts/build-node.sh"
fetch_reference_node
fetch_pypi_tool sslyze "$SSLYZE_VERSION"

work=$(mktemp -d)
server_pid=
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
for f in agent1-key agent1-cert ec10-key ec10-cert; do cp "$fixtures/$f.pem" "$work/"; done

# The binaries; server_command sets cmd to one's command line (the built ones run inside
# the build root, whose libraries they link, through node.sh, which execs down to node).
binaries=(official control awslc fips)
server_command() { # <binary>
  case $1 in
    official) cmd=("$reference_node") ;;
    control) cmd=(env NODE_BIN=out/node-openssl "$repo/scripts/node.sh") ;;
    awslc) cmd=(env NODE_BIN=out/node "$repo/scripts/node.sh") ;;
    fips) cmd=(env NODE_BIN=out/node-fips "$repo/scripts/node.sh") ;;
  esac
}
pq_groups=(X25519MLKEM768 SecP256r1MLKEM768 SecP384r1MLKEM1024)
sslyze_checks=(--certinfo --sslv2 --sslv3 --tlsv1 --tlsv1_1 --tlsv1_2 --tlsv1_3 --resum --heartbleed
               --openssl_ccs --compression --robot --elliptic_curves --reneg --early_data --fallback --ems
               --mozilla_config=intermediate)

total=$(( ${#binaries[@]} * 2 )) n=0 last_pct=-1 last_print=$SECONDS start=$SECONDS
for bin in "${binaries[@]}"; do
  for keytype in rsa ec; do
    case $keytype in rsa) key=agent1 ;; ec) key=ec10 ;; esac
    n=$((n + 1))
    out=$work/$bin-$keytype
    server_command "$bin"
    start_server "$bin" "$out.server" env -C "$work" "${cmd[@]}" "$repo/test/tlsfuzzer/server.js" \
      --key="$key-key.pem" --cert="$key-cert.pem"
    # sslyze exits 1 when the server is not compliant with the profile (the test certificate
    # is not): its JSON says whether the scan itself worked.
    "$pypi_tool_venv/bin/sslyze" --json_out "$out.json" "${sslyze_checks[@]}" "127.0.0.1:$port" >"$out.txt" 2>&1 || true
    grep -q '"scan_status": "COMPLETED"' "$out.json" 2>/dev/null \
      || die "sslyze could not scan the $bin server: $(grep -m1 -iE 'error|fail' "$out.txt" || tail -n 1 "$out.txt")"
    for group in "${pq_groups[@]}"; do
      if in_root -- openssl s_client -connect "127.0.0.1:$port" -tls1_3 -groups "$group" </dev/null 2>&1 \
           | grep -q "Negotiated TLS1.3 group: $group"; then
        echo "$group yes"
      else
        echo "$group no"
      fi
    done >"$out.pq"
    stop_server
    left=
    [ "$n" -lt 1 ] || left=$(( (SECONDS - start) * (total - n) / n ))
    count_line "scanned [$n/$total] $bin ($keytype)" $((100 * n / total)) "$left"
  done
done
progress_done

versions=$("$reference_node" -p 'process.version + " OpenSSL " + process.versions.openssl')
"$pypi_tool_venv/bin/python" - "$work" "$repo/reports/security.md" "$SSLYZE_VERSION" "$versions" <<'EOF'
import datetime, json, re, sys
work, out_path, sslyze_version, official_version = sys.argv[1:5]
bins = [('official', 'official Node ' + official_version), ('control', 'control (OpenSSL)'),
        ('awslc', 'out/node (AWS-LC)'), ('fips', 'out/node-fips (AWS-LC-FIPS)')]
keytypes = [('rsa', 'RSA 2048 (agent1)'), ('ec', 'ECDSA P-256 (ec10)')]

# Why an item (a suite, a group) is in one binary's row and not in the official binary's,
# or the other way round: (binaries, row name prefix, item pattern, cause). An item no
# cause matches is reported as NOT EXPLAINED (and the script says so).
causes = [
    ('awslc fips', 'TLS 1.2 suites', r'ARIA', 'AWS-LC has no ARIA suites (OpenSSL\'s HIGH, which ends Node\'s default cipher list, has the ARIA-GCM ones)'),
    ('awslc fips', 'TLS 1.2 suites', r'_CCM$', 'AWS-LC has no AES-CCM TLS suites (in OpenSSL\'s HIGH)'),
    ('awslc fips', 'TLS 1.2 suites', r'ECDHE_ECDSA_WITH_AES_(128_CBC_SHA256|256_CBC_SHA384)$',
     'AWS-LC has the CBC suites with SHA-256/384 HMAC for ECDHE-RSA only, not for ECDHE-ECDSA (0xC023, 0xC024; in OpenSSL\'s HIGH); not added: legacy CBC suites that Mozilla\'s intermediate profile rejects'),
    ('fips', 'TLS 1.2 suites', r'CHACHA20', 'FIPS: ChaCha20-Poly1305 is not approved'),
    ('fips', 'TLS 1.2 suites', r'^TLS_RSA_WITH_AES_256_CBC_SHA256$',
     'AES256-SHA256 comes from deps-awslc patch ssl-aes256-sha256-suite, which the FIPS module\'s libssl (built as validated) does not get'),
    ('fips', 'TLS 1.3 suites', r'CHACHA20', 'FIPS: ChaCha20-Poly1305 is not approved'),
    ('awslc fips', 'groups', r'^X448$', 'AWS-LC has no X448'),
    ('fips', 'groups', r'^X25519$', 'FIPS: X25519 is not approved; the FIPS build\'s TLS default groups are P-256, P-384, P-521 (patch tls-fips-approved-suites-and-groups)'),
    ('awslc', 'post-quantum', r'^SecP', 'AWS-LC\'s default list also has the NIST-curve hybrids (OpenSSL 3.5/3.6: X25519MLKEM768 only)'),
    ('fips', 'post-quantum', r'MLKEM', 'FIPS: the AWS-LC-FIPS 3.1.0 module has no ML-KEM'),
    ('fips', 'key exchange', r'.', 'FIPS: no X25519, so P-256 is the first group'),
    ('awslc fips', 'Mozilla', r'.', 'fewer of the suites and groups the profile rejects: the differences above'),
]

def load(b, k):
    d = json.load(open(f'{work}/{b}-{k}.json'))['server_scan_results'][0]['scan_result']
    pq = dict(line.split() for line in open(f'{work}/{b}-{k}.pq'))
    text = open(f'{work}/{b}-{k}.txt').read()
    return d, pq, text

def suites(d, name):
    return [s['cipher_suite']['name'] for s in d[name]['result']['accepted_cipher_suites']]

def kex(d):
    r = d['tls_1_3_cipher_suites']['result']['accepted_cipher_suites']
    k = r[0]['ephemeral_key'] if r else None
    return k.get('curve_name') or k.get('type_name') if k else '-'

def mozilla(text):
    """The suites and curves Mozilla's intermediate profile says to reject (the test
    certificates' own findings left out)."""
    m = re.search(r'FAILED - Not compliant\.\n((?:\s+\* .*\n?)+)', text)
    if not m:
        return []
    items = []
    for issue in m.group(1).strip().split('\n'):
        kind = re.match(r'\s*\* (\w+):', issue).group(1)
        if kind.startswith('certificate') or kind == 'maximum_certificate_lifespan':
            continue
        names = re.search(r'\{([^}]*)\}', issue)
        quotes = " '"
        items += [f'{kind} {x.strip(quotes)}' for x in names.group(1).split(',')] if names else [issue.strip()]
    return items

def rows(d, pq, text):
    """(check, cell text, items compared); items are what differences are explained by."""
    yes = lambda v: 'yes' if v else 'no'
    res = d['session_resumption']['result']
    reneg = d['session_renegotiation']['result']
    versions = [v for v, n in [('SSL 2.0', 'ssl_2_0_cipher_suites'), ('SSL 3.0', 'ssl_3_0_cipher_suites'),
                               ('TLS 1.0', 'tls_1_0_cipher_suites'), ('TLS 1.1', 'tls_1_1_cipher_suites'),
                               ('TLS 1.2', 'tls_1_2_cipher_suites'), ('TLS 1.3', 'tls_1_3_cipher_suites')]
                if d[n]['result']['accepted_cipher_suites']]
    groups = [c['name'] for c in d['elliptic_curves']['result']['supported_curves']]
    pq_groups = [g for g, v in pq.items() if v == 'yes']
    tls12 = suites(d, 'tls_1_2_cipher_suites')
    moz = mozilla(text)
    moz_suites = sum(1 for i in moz if i.startswith('ciphers '))
    moz_curves = [i.split(' ', 1)[1] for i in moz if i.startswith('tls_curves ')]
    moz_other = [i for i in moz if not i.startswith(('ciphers ', 'tls_curves '))]
    moz_cell = (f'{moz_suites} suites and the curves {", ".join(sorted(moz_curves)) or "-"} to reject' +
                (f'; {"; ".join(moz_other)}' if moz_other else '')) if moz else 'compliant'
    single = lambda name, value: (name, value, [value])
    return [
        ('protocols', ', '.join(versions), versions),
        ('TLS 1.3 suites', ', '.join(suites(d, 'tls_1_3_cipher_suites')), suites(d, 'tls_1_3_cipher_suites')),
        ('TLS 1.2 suites', f'{len(tls12)} (table below)', tls12),
        ('groups (sslyze)', ', '.join(groups), groups),
        ('post-quantum groups (openssl s_client)', ', '.join(pq_groups) or 'none', pq_groups),
        single('key exchange of a TLS 1.3 handshake', kex(d)),
        single('TLS 1.2 resumption: session IDs', f"{res['session_id_successful_resumptions_count']}/{res['session_id_attempted_resumptions_count']}"),
        single('TLS 1.2 resumption: tickets', f"{res['tls_ticket_successful_resumptions_count']}/{res['tls_ticket_attempted_resumptions_count']}"),
        single('TLS 1.3 early data', yes(d['tls_1_3_early_data']['result']['supports_early_data'])),
        single('secure renegotiation', yes(reneg['supports_secure_renegotiation'])),
        single('client renegotiation DoS', 'vulnerable' if reneg['is_vulnerable_to_client_renegotiation_dos'] else 'not vulnerable'),
        single('compression', yes(d['tls_compression']['result']['supports_compression'])),
        single('Heartbleed', 'vulnerable' if d['heartbleed']['result']['is_vulnerable_to_heartbleed'] else 'not vulnerable'),
        single('CCS injection', 'vulnerable' if d['openssl_ccs_injection']['result']['is_vulnerable_to_ccs_injection'] else 'not vulnerable'),
        single('ROBOT', d['robot']['result']['robot_result']),
        single('TLS_FALLBACK_SCSV', yes(d['tls_fallback_scsv']['result']['supports_fallback_scsv'])),
        single('extended master secret', yes(d['tls_extended_master_secret']['result']['supports_ems_extension'])),
        ('Mozilla intermediate profile', moz_cell, moz),
    ]

def explain(binary, row, items, official_items):
    """Each item in one list and not the other, with its cause."""
    found, unexplained = {}, []
    for item in sorted(set(items) ^ set(official_items)):
        sign = ('+' if item in items else '-') + item
        for who, prefix, pattern, cause in causes:
            if binary in who.split() and row.startswith(prefix) and re.search(pattern, item):
                found.setdefault(cause, []).append(sign)
                break
        else:
            unexplained.append(sign)
    return found, unexplained

lines = [
    '# What a TLS scanner sees: Node\'s default TLS server on four binaries',
    '',
    f'Written by `scripts/tls-scan.sh` on {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC: sslyze '
    f'{sslyze_version} (all its checks and Mozilla\'s intermediate profile) against '
    '`tls.createServer({ key, cert })` with nothing else set (test/tlsfuzzer/server.js), and `openssl s_client -tls1_3 -groups` '
    '(OpenSSL 3.6 of the build root) for the post-quantum groups, which sslyze\'s OpenSSL 1.1.1 '
    'client cannot offer. A **bold** cell differs from the official binary; below each table every '
    'differing item (+ only on that binary, - only on the official one) with its cause. Not part of CI.',
    '',
]
unexplained_total = 0
for k, title in keytypes:
    data = {b: load(b, k) for b, _ in bins}
    table = {b: rows(*data[b]) for b, _ in bins}
    lines += [f'## {title}', '', '| check | ' + ' | '.join(t for _, t in bins) + ' |',
              '|---' * (len(bins) + 1) + '|']
    notes = []
    for i, (row, _, official_items) in enumerate(table['official']):
        cells = []
        for b, t in bins:
            _, cell, items = table[b][i]
            if sorted(items) == sorted(official_items):
                cells.append(cell)
                continue
            cells.append(f'**{cell}**')
            found, unexplained = explain(b, row, items, official_items)
            for cause, signs in found.items():
                notes.append(f'- {row}, {t}: {", ".join(signs)}: {cause}')
            if unexplained:
                unexplained_total += len(unexplained)
                notes.append(f'- {row}, {t}: {", ".join(unexplained)}: NOT EXPLAINED')
        lines.append(f'| {row} | ' + ' | '.join(cells) + ' |')
    lines += ['', *notes, '']
    accepted = {b: suites(data[b][0], 'tls_1_2_cipher_suites') for b, _ in bins}
    order = accepted['official'] + sorted({s for b in accepted for s in accepted[b]} - set(accepted['official']))
    lines += [f'TLS 1.2 suites accepted ({title}), in the order sslyze lists them:', '',
              '| suite | ' + ' | '.join(t for _, t in bins) + ' |', '|---' * (len(bins) + 1) + '|']
    for s in order:
        mark = lambda b: ('yes' if s in accepted[b] else 'no') if (s in accepted[b]) == (s in accepted['official']) \
            else ('**yes**' if s in accepted[b] else '**no**')
        lines.append(f'| {s} | ' + ' | '.join(mark(b) for b, _ in bins) + ' |')
    lines.append('')
open(out_path, 'w').write('\n'.join(lines))
print(f'tls-scan.sh: wrote {out_path}' +
      (f'; {unexplained_total} differences NOT EXPLAINED: add their causes to scripts/tls-scan.sh' if unexplained_total else ''),
      file=sys.stderr)
sys.exit(1 if unexplained_total else 0)
EOF
