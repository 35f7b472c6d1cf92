#!/usr/bin/env bash
# kTLS on a real kernel: boots Debian sid's kernel in qemu (scripts/ktls-vm.sh) and runs
# test/ktls-vm/run-in-guest.sh there against the AWS-LC build's out/Release/node.
#
#   scripts/ktls-vm-test.sh TAP_OUT
#
# Writes TAP lines "ok|not ok N ktls-vm/<name>" to TAP_OUT for ci/check-results.ts. A VM
# that does not boot or a run that times out is a failure ("ktls-vm/vm"), never a pass.
set -euo pipefail

. "$(dirname "$0")/lib/common.sh"
tree=$cache_dir/root/build/node-awslc
fips_tree=$cache_dir/root/build/node-fips
out=${1:?usage: ktls-vm-test.sh TAP_OUT}

[ -x "$tree/out/Release/node" ] || die "no AWS-LC build at $tree; run scripts/build-node.sh"

# Our Node-style kTLS tests run from the tree, as under tools/test.py.
cp "$repo"/test/parallel/test-tls-ktls-*.js "$tree/test/parallel/"

fips_binds=() fips_node=
if [ -x "$fips_tree/out/Release/node" ]; then
  fips_binds=(--bind "$fips_tree") fips_node=$fips_tree/out/Release/node
fi

start=$SECONDS
rc=0
"$repo/scripts/ktls-vm.sh" --timeout=540 --bind "$tree" "${fips_binds[@]}" -- \
  bash "$repo/test/ktls-vm/run-in-guest.sh" "$tree/out/Release/node" "$tree" "$repo" ${fips_node:+"$fips_node"} >"$out.raw" 2>&1 || rc=$?
# Keep the TAP lines and comments; anything else the guest printed becomes a comment.
sed -E '/^(ok|not ok) [0-9]+ |^1\.\.[0-9]+$|^#/!s/^/# /' "$out.raw" >"$out"
if [ $rc != 0 ] || ! grep -q '^1\.\.' "$out"; then
  echo "ktls-vm-test.sh: the VM run failed (exit $rc); see $out.raw" >&2
  n=$(grep -cE '^(ok|not ok) [0-9]+ ' "$out" || true)
  sed -i '/^1\.\./d' "$out"
  echo "not ok $((n + 1)) ktls-vm/vm" >>"$out"
  echo "1..$((n + 1))" >>"$out"
fi
grep -E '^(not ok|ok) |^# throughput' "$out" | sed 's/^/  /'
echo "ktls-vm-test.sh: $(grep -c '^ok ' "$out" || true) passed, $(grep -c '^not ok ' "$out" || true) failed in the VM ($((SECONDS - start)) s)"
