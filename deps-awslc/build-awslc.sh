#!/usr/bin/env bash
# Build AWS-LC's libcrypto + libssl: static, PIC, Release, assembly on.
# Runs inside the build root (scripts/build-node.sh calls it through scripts/in-root.sh).
#   build-awslc.sh <aws-lc source dir> <install prefix> <jobs>
set -euo pipefail
src=$1 prefix=$2 jobs=$3
build=$prefix.build
log=$prefix.log

rm -rf "$build" "$prefix"
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
    -DDISABLE_PERL=ON
  ninja -C "$build" -j"$jobs" crypto ssl
  cmake --install "$build"
} >"$log" 2>&1
rm -rf "$build"
