#!/usr/bin/env bash
# kTLS smoke test with sid's OpenSSL: for TLS 1.3 and TLS 1.2 with AES-128/256-GCM and
# ChaCha20-Poly1305, `openssl s_server -ktls` and `openssl s_client -ktls` exchange an HTTP
# request and response over 127.0.0.1, and the kernel's /proc/net/tls_stat counters TlsTxSw
# and TlsRxSw must rise (both ends install kTLS for sending and receiving). Exit 0 only if
# every case did. Needs a kernel with tls.ko loaded; run it in the VM:
#
#   scripts/ktls-vm.sh -- test/ktls-vm/openssl-ktls-smoke.sh
#   scripts/ktls-vm.sh -- test/ktls-vm/openssl-ktls-smoke.sh --bulk=64   # + 64 MiB timings
#
# --bulk=MiB also times the download of a MiB-sized file over TLS 1.3 AES-128-GCM with
# kTLS (server sendfile) and without (user-space crypto); informational, never fails the run.
set -euo pipefail

die() { echo "openssl-ktls-smoke: $*" >&2; exit 1; }

bulk_mib=0
for arg in "$@"; do
  case $arg in
    --help|-h) sed -n '2,/^set -euo/{/^set -euo/d; s/^# \{0,1\}//; p}' "$0"; exit 0 ;;
    --bulk=*) bulk_mib=${arg#--bulk=}; [[ $bulk_mib =~ ^[0-9]+$ ]] || die "--bulk wants a number of MiB" ;;
    *) die "unknown argument '$arg' (usage: openssl-ktls-smoke.sh [--bulk=MiB])" ;;
  esac
done

[ -r /proc/net/tls_stat ] || die "no /proc/net/tls_stat: the kernel's tls module is not loaded (run this under scripts/ktls-vm.sh)"
command -v openssl >/dev/null || die "no openssl on PATH"

work=$(mktemp -d)
server_pid=
cleanup() { [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem -out cert.pem \
  -subj /CN=localhost -days 2 2>/dev/null || die "could not make a test certificate"

tls_stat() { awk -v k="$1" '$1 == k { print $2 }' /proc/net/tls_stat; }
now() { date +%s.%N; }
port=$((20000 + $$ % 20000))

# Start s_server in the background (args: extra s_server options) and wait for its ACCEPT line.
start_server() {
  port=$((port + 1))
  openssl s_server -accept "127.0.0.1:$port" -cert cert.pem -key key.pem -naccept 1 "$@" >server.log 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    grep -q '^ACCEPT' server.log && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat server.log >&2
  return 1
}

stop_server() {
  local pid=$server_pid
  server_pid=
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

passed=0
failed=0
run_case() { # <protocol flag> <cipher option> <cipher>
  local proto=$1 copt=$2 cipher=$3 tx0 rx0 tx1 rx1 t0 t1 why=
  tx0=$(tls_stat TlsTxSw) rx0=$(tls_stat TlsRxSw)
  t0=$(now)
  if ! start_server -ktls -www "$proto" "$copt" "$cipher"; then
    why="s_server did not start"
  else
    printf 'GET / HTTP/1.0\r\n\r\n' \
      | timeout 60 openssl s_client -ktls -connect "127.0.0.1:$port" -ign_eof "$proto" "$copt" "$cipher" >client.log 2>&1 \
      || why="s_client failed"
    stop_server
  fi
  t1=$(now)
  tx1=$(tls_stat TlsTxSw) rx1=$(tls_stat TlsRxSw)
  if [ -z "$why" ]; then
    grep -q 'HTTP/1.0 200 ok' client.log || why="no HTTP response from s_server -www"
    grep -q 'Using Kernel TLS for sending' client.log || why="${why:+$why; }client did not use kTLS for sending"
    grep -q 'Using Kernel TLS for receiving' client.log || why="${why:+$why; }client did not use kTLS for receiving"
    [ $((tx1 - tx0)) -ge 2 ] || why="${why:+$why; }TlsTxSw rose by $((tx1 - tx0)), want 2 (client + server)"
    [ $((rx1 - rx0)) -ge 2 ] || why="${why:+$why; }TlsRxSw rose by $((rx1 - rx0)), want 2 (client + server)"
  fi
  local line
  line=$(printf '%s %s: TlsTxSw %s -> %s, TlsRxSw %s -> %s (%.1f s)' "${proto#-}" "$cipher" "$tx0" "$tx1" "$rx0" "$rx1" \
    "$(awk "BEGIN { print $t1 - $t0 }")")
  if [ -z "$why" ]; then
    echo "ok   $line"
    passed=$((passed + 1))
  else
    echo "FAIL $line: $why"
    sed 's/^/  client: /' client.log | tail -15
    sed 's/^/  server: /' server.log | tail -15
    failed=$((failed + 1))
  fi
}

echo "kernel $(uname -r), $(openssl version)"
run_case -tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256
run_case -tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384
run_case -tls1_3 -ciphersuites TLS_CHACHA20_POLY1305_SHA256
run_case -tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256
run_case -tls1_2 -cipher ECDHE-ECDSA-AES256-GCM-SHA384
run_case -tls1_2 -cipher ECDHE-ECDSA-CHACHA20-POLY1305

# Informational: what a bulk transfer costs with and without kTLS on this kernel/CPU.
bulk_download() { # <label> <s_server options...>
  local label=$1 t0 t1 size
  shift
  start_server -WWW -tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256 "$@" || { echo "bulk $label: s_server did not start"; return; }
  t0=$(now)
  printf 'GET /bulk.bin HTTP/1.0\r\n\r\n' \
    | timeout 600 openssl s_client -connect "127.0.0.1:$port" -quiet -tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256 \
      "${client_opts[@]}" >bulk.out 2>/dev/null || true
  t1=$(now)
  stop_server
  size=$(stat -c %s bulk.out)
  awk -v l="$label" -v s="$size" -v t="$(awk "BEGIN { print $t1 - $t0 }")" \
    'BEGIN { printf "bulk %-34s %d bytes in %.2f s (%.1f MiB/s)\n", l ":", s, t, s / 1048576 / t }'
}
if [ "$bulk_mib" -gt 0 ]; then
  head -c "$((bulk_mib * 1048576))" /dev/urandom >bulk.bin
  client_opts=(-ktls); bulk_download "kTLS both ends, server sendfile" -ktls -sendfile
  client_opts=(); bulk_download "user-space TLS both ends"
fi

echo "openssl-ktls-smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
