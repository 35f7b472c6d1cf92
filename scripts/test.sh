#!/usr/bin/env bash
# The node-awslc test command (CI runs it through .ci/run).
#
#   scripts/test.sh                    build if needed, then test out/node (AWS-LC)
#   scripts/test.sh --crypto=openssl   the same for the control binary out/node-openssl
#   scripts/test.sh --no-build         test the binaries as they are
#
# Runs, with Node's own tools/test.py inside the build root:
#   - our tests (test/parallel/ of this repo, copied into the Node tree), and
#   - tsc --strict over typings/ (scripts/check-typings.sh),
#   - (AWS-LC build) the kTLS tests on a real kernel in a qemu VM (scripts/ktls-vm-test.sh),
#   - (AWS-LC build, when the FIPS build is in the cache: root/build/node-fips)
#     the FIPS tests (scripts/fips-test.sh; expectations in ci/expectations-fips.txt),
#   - Node's test/parallel + test/sequential files test-{tls,https,crypto,webcrypto,x509}-*,
#     the test-http2-* files that use TLS, and test-process-{versions,features}.
# ci/expectations-<crypto>.txt lists every test that does not pass, with the reason.
# The run fails on any failure or skip not listed there, and on a listed test that now
# passes (the list only shrinks). Ends with "N passed, N failed".
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache_dir=${NODE_AWSLC_CACHE:-$HOME/.cache/node-awslc}
root=$cache_dir/root
crypto=awslc
build=yes

die() { echo "test.sh: error: $*" >&2; exit 1; }

for arg in "$@"; do
  case $arg in
    --crypto=awslc|--crypto=openssl) crypto=${arg#--crypto=} ;;
    --no-build) build=no ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$arg' (see --help)" ;;
  esac
done

if [ $build = yes ]; then
  "$repo/scripts/build-node.sh" --crypto="$crypto"
fi

tree=$root/build/node-$crypto
[ -x "$tree/out/Release/node" ] || die "no built tree at $tree; run scripts/build-node.sh --crypto=$crypto"
expectations=$repo/ci/expectations-$crypto.txt
[ -f "$expectations" ] || die "missing $expectations"

mapfile -t tests < <("$repo/scripts/test-set.sh" "$tree")
[ ${#tests[@]} -gt 0 ] || die "no tests selected in $tree (scripts/test-set.sh failed)"
echo "test.sh: running ${#tests[@]} test files on out/Release/node ($crypto) with tools/test.py -j$(nproc)"
tap=$tree/.node-awslc-results.tap
start=$SECONDS
(cd "$tree" && "$repo/scripts/in-root.sh" --pid-ns --bind "$tree" -- \
   python3 tools/test.py -j"$(nproc)" -p tap --logfile=/dev/null --timeout=240 "${tests[@]}") >"$tap" 2>"$tap.stderr" || true
echo "test.sh: tools/test.py took $((SECONDS - start)) s"

# kTLS on a real kernel (this host has none): Debian sid's kernel in qemu, AWS-LC build only
# (the control build has no kTLS hook). Its results join the others as ktls-vm/<name>.
taps=("$tap")
if [ "$crypto" = awslc ]; then
  "$repo/scripts/ktls-vm-test.sh" "$tree/.node-awslc-ktls-vm.tap"
  taps+=("$tree/.node-awslc-ktls-vm.tap")
fi

# The FIPS build (scripts/build-node.sh --fips) when it is in the cache; test.sh does not
# build it. Its results join the others as fips/<name>, with their own expectations.
if [ "$crypto" = awslc ] && [ -x "$root/build/node-fips/out/Release/node" ]; then
  "$repo/scripts/fips-test.sh" "$tree/.node-awslc-fips.tap"
  taps+=("$tree/.node-awslc-fips.tap")
  # The FIPS build inherits the AWS-LC expectations as fips/<test>; its own file goes on top.
  { cat "$expectations"; sed -E 's#^(parallel|sequential)/#fips/\1/#' "$expectations"
    cat "$repo/ci/expectations-fips.txt"; } >"$tree/.node-awslc-expectations.txt"
  expectations=$tree/.node-awslc-expectations.txt
fi

# Our TypeScript declarations must type-check against @types/node 22.
"$repo/scripts/check-typings.sh"

# Compare with the expectations (TypeScript, run by the binary under test).
"$repo/scripts/in-root.sh" --bind "$repo" --bind "$tree" -- \
  "$tree/out/Release/node" "$repo/ci/check-results.ts" "${taps[@]}" "$expectations"
