#!/usr/bin/env bash
# The node-awslc test command (CI runs it through .ci/run). docs/testing.md describes it.
#
#   scripts/test.sh                    build what is missing, then every stage below
#   scripts/test.sh --no-build         test the binaries as they are
#   scripts/test.sh --crypto=openssl   Node's suite on the control binary only (for parity.sh)
#   scripts/test.sh --skip=STAGE,...   leave stages out: vm, fips, corpus, npm, tlsfuzzer, images
#
# Stages (each result is a TAP line judged by ci/check-results.ts against the expectations):
#   stage/typings     tsc --strict over typings/
#   stage/patches     both patch series apply, patch by patch, with no fuzz
#   parallel/...      Node's tests that use crypto or TLS, and ours (tools/test.py -j2)
#   ktls-vm/...       kTLS on a real kernel in a qemu VM (AWS-LC)
#   fips/...          the FIPS build: integrity check and the same test set
#   stage/corpus      the failure corpus, AWS-LC vs the control (ci/expectations-corpus.txt)
#   stage/npm-suites  npm packages' own suites, the CI subset (ci/expectations-npm.txt)
#   tlsfuzzer/...     hostile TLS clients, AWS-LC vs the control (ci/expectations-tlsfuzzer.txt)
#   image/<tag>/...   the container images in a real engine (podman)
# ci/expectations-<crypto>.txt (and -fips) lists every test that does not pass, with the
# reason. The run fails on any failure or skip not listed there, and on a listed test that
# now passes (the list only shrinks). Ends with "N passed, N failed".
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

crypto=awslc build=yes skip=,
for arg in "$@"; do
  case $arg in
    --crypto=awslc|--crypto=openssl) crypto=${arg#--crypto=} ;;
    --no-build) build=no ;;
    --skip=*) skip+="${arg#--skip=}," ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done
skipped() { [[ $skip == *",$1,"* ]]; }
started=$SECONDS
stage() { note "[$(( (SECONDS - started) / 60 )) min] $*"; }

if [ $build = yes ]; then
  stage "building (scripts/build-node.sh; quick when up to date)"
  "$repo/scripts/build-node.sh" --crypto="$crypto"
  if [ "$crypto" = awslc ]; then
    "$repo/scripts/build-node.sh" --crypto=openssl
    skipped fips || "$repo/scripts/build-node.sh" --fips
  fi
fi

tree=$root/build/node-$crypto
[ -x "$tree/out/Release/node" ] || die "no built tree at $tree; run scripts/build-node.sh --crypto=$crypto"
expectations=$repo/ci/expectations-$crypto.txt
[ -f "$expectations" ] || die "missing $expectations"
results=$tree/.node-awslc-results
mkdir -p "$results"
rm -f "$results"/*.tap
taps=()

# One TAP line for a whole stage: its command's exit status.
stage_tap() { # <name> <command...>
  local name=$1; shift
  local log=$results/$name.log
  if "$@" >"$log" 2>&1; then
    printf 'ok 1 stage/%s\n1..1\n' "$name" >"$results/$name.tap"
  else
    { printf 'not ok 1 stage/%s\n' "$name"; tail -n 30 "$log" | sed 's/^/  # /'; echo 1..1; } >"$results/$name.tap"
    tail -n 15 "$log" >&2
  fi
  taps+=("$results/$name.tap")
}

stage "typings and patch series"
stage_tap typings "$repo/scripts/check-typings.sh"
stage_tap patches "$repo/scripts/patches.sh" check all

mapfile -t tests < <("$repo/scripts/test-set.sh" "$tree")
[ ${#tests[@]} -gt 0 ] || die "no tests selected in $tree (scripts/test-set.sh failed)"
stage "Node's suite: ${#tests[@]} test files on $crypto with tools/test.py -j$(nproc)"
tap=$results/suite.tap
t0=$SECONDS
run_test_py "$tree" "$tap" "$crypto: Node's suite" "${tests[@]}"
note "tools/test.py took $((SECONDS - t0)) s"
cp "$tap" "$tree/.node-awslc-results.tap"   # what scripts/parity.sh reads
taps+=("$tap")

if [ "$crypto" = awslc ]; then
  if ! skipped vm; then
    stage "kTLS in the VM"
    "$repo/scripts/ktls-vm-test.sh" "$results/ktls-vm.tap"
    taps+=("$results/ktls-vm.tap")
  fi
  # The FIPS build inherits the AWS-LC expectations as fips/<test>; its own file goes on top.
  if ! skipped fips && [ -x "$root/build/node-fips/out/Release/node" ]; then
    stage "the FIPS build"
    "$repo/scripts/fips-test.sh" "$results/fips.tap"
    taps+=("$results/fips.tap")
    { cat "$expectations"; sed -E 's#^(parallel|sequential|wpt)/#fips/\1/#' "$expectations"
      cat "$repo/ci/expectations-fips.txt"; } >"$results/expectations.txt"
    expectations=$results/expectations.txt
  fi
  if ! skipped corpus; then
    stage "failure corpus"
    stage_tap corpus "$repo/scripts/corpus.sh" --no-reference
  fi
  if ! skipped npm; then
    stage "npm suites (CI subset)"
    stage_tap npm-suites "$repo/scripts/npm-suites.sh" --fast
  fi
  if ! skipped tlsfuzzer; then
    stage "tlsfuzzer: hostile TLS clients against both binaries"
    "$repo/scripts/tlsfuzzer.sh" --tap="$results/tlsfuzzer.tap" >"$results/tlsfuzzer.log" 2>&1 \
      || tail -n 15 "$results/tlsfuzzer.log" >&2
    [ -s "$results/tlsfuzzer.tap" ] || printf 'not ok 1 stage/tlsfuzzer\n1..1\n' >"$results/tlsfuzzer.tap"
    taps+=("$results/tlsfuzzer.tap")
  fi
  if ! skipped images; then
    stage "container images: build (reused when unchanged) and test"
    if "$repo/scripts/build-image.sh" --no-build >"$results/build-image.log" 2>&1; then
      "$repo/scripts/image-test.sh" "$results/images.tap"
    else
      tail -n 15 "$results/build-image.log" >&2
      printf 'not ok 1 stage/build-image\n1..1\n' >"$results/images.tap"
    fi
    taps+=("$results/images.tap")
  fi
fi

# Compare with the expectations (TypeScript, run by the binary under test).
stage "results"
"$repo/scripts/in-root.sh" --bind "$repo" --bind "$tree" -- \
  "$tree/out/Release/node" "$repo/ci/check-results.ts" "${taps[@]}" "$expectations"
note "done in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
