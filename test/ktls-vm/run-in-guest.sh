#!/usr/bin/env bash
# The kTLS tests that need a kernel with kTLS; scripts/ktls-vm-test.sh runs this inside the
# qemu VM. Prints one TAP line per test, "ok|not ok N ktls-vm/<name>", then the plan;
# the output of a failing test follows its line as "# " comments.
#
#   run-in-guest.sh NODE TREE REPO [FIPS_NODE]
set -uo pipefail
node=$1 tree=$2 repo=$3 fips_node=${4:-}
work=$(mktemp -d)
n=0

report() {  # report RC NAME LOG
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n ktls-vm/$2"
  else
    echo "not ok $n ktls-vm/$2"
    sed 's/^/# /' "$3" | tail -40
  fi
}

# Our Node-style tests: on this kernel they take the kTLS path, not the fallback.
for t in test-tls-ktls-fallback test-tls-ktls-crypto-info; do
  (cd "$tree" && timeout 120 "$node" --expose-internals "test/parallel/$t.js") >"$work/log" 2>&1
  report $? "parallel/$t" "$work/log"
done

# OpenSSL's own kTLS (s_server/s_client -ktls) on this kernel: checks the VM itself.
if [ -f "$repo/test/ktls-vm/openssl-ktls-smoke.sh" ]; then
  timeout 120 bash "$repo/test/ktls-vm/openssl-ktls-smoke.sh" >"$work/log" 2>&1
  report $? openssl-ktls-smoke "$work/log"
fi

# node:test file: one line per top-level test, named after it.
(cd "$work" && timeout 300 "$node" --test-reporter=tap --test-force-exit "$repo/test/ktls-vm/ktls-kernel.test.ts") >"$work/tap" 2>&1
rc=$?
grep '^# throughput' "$work/tap"
found=0
grep -E '^(not ok|ok) [0-9]+ - ' "$work/tap" >"$work/results"
while IFS= read -r line; do
  if [[ $line =~ ^(not ok|ok)\ [0-9]+\ -\ (.*)$ ]]; then
    found=1
    name=$(echo "${BASH_REMATCH[2]}" | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9.]+/-/g; s/^-|-$//g')
    [ "${BASH_REMATCH[1]}" = ok ] && status=0 || status=1
    awk -v want="${BASH_REMATCH[2]}" 'index($0, want) { p = 1 } p' "$work/tap" | head -60 >"$work/log"
    report $status "kernel/$name" "$work/log"
  fi
done <"$work/results"
if [ $found = 0 ] || [ $rc = 124 ]; then
  report 1 kernel/ktls-kernel-test-ts "$work/tap"
fi

# The FIPS build: kTLS refused in FIPS mode, and the explicit opt-in.
if [ -n "$fips_node" ]; then
  for mode in refused opted-in; do
    flags=()
    [ $mode = opted-in ] && flags=(--tls-ktls-outside-fips-boundary)
    (cd "$work" && timeout 120 "$fips_node" "${flags[@]}" --test-reporter=tap --test-force-exit \
       "$repo/test/ktls-vm/ktls-fips.test.ts") >"$work/fips-$mode.tap" 2>&1
    report $? "fips/ktls-$mode" "$work/fips-$mode.tap"
  done
fi
echo "1..$n"
