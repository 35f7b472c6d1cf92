#!/usr/bin/env bash
# Tests of the FIPS build (scripts/build-node.sh --fips): out/node-fips must refuse to start
# when one byte of its FIPS module is changed (deps-awslc/fips-integrity-check.sh), and the
# test set of scripts/test.sh (scripts/test-set.sh) runs with Node's tools/test.py in its
# work tree root/build/node-fips.
#
#   scripts/fips-test.sh TAP_OUT
#
# Writes TAP lines "ok|not ok N fips/<name>" to TAP_OUT for ci/check-results.ts (the
# expectations for these names are in ci/expectations-fips.txt). scripts/test.sh runs it
# only when the node-fips tree (scripts/build-node.sh --fips) is in the cache.
set -euo pipefail

. "$(dirname "$0")/lib/common.sh"
tree=$cache_dir/root/build/node-fips
out=${1:?usage: fips-test.sh TAP_OUT}

[ -x "$tree/out/Release/node" ] \
  || die "no FIPS build (out/node-fips, $tree); run scripts/build-node.sh --fips"

# The whole test set of scripts/test.sh (ours included: test-awslc-fips has the FIPS rules).
mapfile -t tests < <("$repo/scripts/test-set.sh" "$tree")
[ ${#tests[@]} -gt 0 ] || die "no tests selected in $tree (scripts/test-set.sh failed)"
start=$SECONDS

# The integrity check first: a binary whose module check is not real fails everything else.
n=1
if "$repo/deps-awslc/fips-integrity-check.sh" "$tree/out/Release/node" -- -e 0 >"$out.integrity" 2>&1; then
  result="ok 1 fips/integrity-check"
else
  result="not ok 1 fips/integrity-check"
fi
sed 's/^/  /' "$out.integrity"

run_test_py "$tree" "$out.raw" "fips: Node's suite" "${tests[@]}"

# Renumber after the integrity check and name every test fips/<suite/name>.
{
  echo "$result"
  sed -nE 's/^(ok|not ok) [0-9]+ (\S+)(.*)$/\1 \2\3/p' "$out.raw" | while read -r line; do
    n=$((n + 1))
    echo "$line" | sed -E "s/^(ok|not ok) (\S+)/\1 $n fips\/\2/"
  done
} >"$out.lines"
planned=$(wc -l <"$out.lines")
# The run must have finished: every result tools/test.py planned, plus the integrity check.
raw_planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$out.raw" | tail -n 1)
[ -n "$raw_planned" ] && [ "$planned" -eq $((raw_planned + 1)) ] \
  || echo "not ok $((planned += 1)) fips/test-run" >>"$out.lines"
{ cat "$out.lines"; echo "1..$planned"; } >"$out"
sed 's/^/  /' "$out.lines"
echo "fips-test.sh: $(grep -c '^ok ' "$out" || true) passed, $(grep -c '^not ok ' "$out" || true) failed ($((SECONDS - start)) s)"
