#!/usr/bin/env bash
# Parity report: run the test set on the OpenSSL control and on AWS-LC, write
# reports/parity.md (per test: control result, AWS-LC result, expectation reason).
#   scripts/parity.sh            (builds both binaries if needed)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache_dir=${NODE_AWSLC_CACHE:-$HOME/.cache/node-awslc}
root=$cache_dir/root

# test.sh exits non-zero when results differ from the expectations; the report still runs.
"$repo/scripts/test.sh" --crypto=openssl || true
"$repo/scripts/test.sh" --crypto=awslc || true

mkdir -p "$repo/reports"
"$repo/scripts/in-root.sh" --bind "$repo" --bind "$root/build" -- "$repo/out/node" "$repo/ci/parity-report.ts" \
  "$root/build/node-openssl/.node-awslc-results.tap" "$root/build/node-awslc/.node-awslc-results.tap" \
  "$repo/ci/expectations-awslc.txt" "$repo/reports/parity.md"
