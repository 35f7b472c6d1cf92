#!/usr/bin/env bash
# Build AWS-LC's libcrypto + libssl: static, PIC, Release, assembly on.
# DISABLE_CPU_JITTER_ENTROPY: AWS-LC 5.x otherwise seeds its DRBG from CPU Jitter Entropy on
# a process's first RAND_bytes (30-44 ms here; Node calls it at every start-up, which made
# `node -e 0` 1.74x slower than the OpenSSL control, reports/bench.md). Without it the seed
# comes from getrandom() (+ RDRAND for personalization), as with OpenSSL. Not allowed, and
# not used, in the FIPS build.
# Runs inside the build root (scripts/build-node.sh calls it through scripts/in-root.sh).
#   build-awslc.sh <aws-lc source dir> <install prefix> <jobs>
set -euo pipefail
src=$1 prefix=$2 jobs=$3
build=$prefix.build
log=$prefix.log

rm -rf "$build" "$prefix"
# Everything goes to the log; ninja's [n/N] lines also to stdout (the caller shows progress).
{
  cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DBUILD_TESTING=OFF \
    -DBUILD_TOOL=OFF \
    -DDISABLE_GO=ON \
    -DDISABLE_PERL=ON \
    -DDISABLE_CPU_JITTER_ENTROPY=ON
} >"$log" 2>&1
ninja -C "$build" -j"$jobs" crypto ssl 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" = 0 ] || exit 1
cmake --install "$build" >>"$log" 2>&1
rm -rf "$build"
