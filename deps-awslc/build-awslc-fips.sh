#!/usr/bin/env bash
# Build AWS-LC-FIPS's libcrypto + libssl as a FIPS module: static, PIC, Release, assembly on.
# Runs inside the build root (through scripts/in-root.sh, with the source dir bound), like
# build-awslc.sh:
#   build-awslc-fips.sh <aws-lc-fips source dir> <install prefix> <jobs>
#
# Env (scripts/build-node.sh sets them from the module version's pins, deps-awslc/awslc-fips*.env):
#   AWSLC_FIPS_CC, AWSLC_FIPS_CXX  the compilers (CMAKE_C_COMPILER / CMAKE_CXX_COMPILER; assembly
#                                  follows the C compiler); empty: the build root's cc/c++ (gcc 16)
#   AWSLC_FIPS_CFLAGS              CMAKE_C_FLAGS (AWS-LC's build adds its own flags after them)
#   AWSLC_FIPS_CMAKE_FLAGS         more CMake arguments, word-split, last (for a tree of your own)
#
# -DFIPS=1 with static libraries is AWS-LC's "delocate" build: the module (bcm.c and its
# assembly) is compiled to assembly, rewritten by util/fipstools/delocate (Go) into one
# relocation-free object, and util/fipstools/inject_hash (Go) stores the HMAC-SHA-256 of
# the module's text+rodata inside libcrypto.a. Every program linked with it checks that
# hash and runs the power-on self tests at start-up, and aborts if either fails. No link
# step of the program has to post-process anything.
# The Go tools need no modules from outside (AWS-LC's go.mod has no requirements); the Go
# toolchain is the build root's (GOTOOLCHAIN=local: no toolchain download).
set -euo pipefail
die() { echo "build-awslc-fips.sh: error: $*" >&2; exit 1; }
[ $# = 3 ] || die "usage: build-awslc-fips.sh <aws-lc-fips source dir> <install prefix> <jobs>"
src=$1 prefix=$2 jobs=$3
build=$prefix.build
log=$prefix.log
[ -d "$src/util/fipstools/delocate" ] || die "$src has no util/fipstools/delocate: not an AWS-LC-FIPS tree with its FIPS tools"
command -v go >/dev/null || die "the FIPS build needs Go (golang-go) in the build root"
command -v perl >/dev/null || die "the FIPS build needs perl in the build root"

export GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false" GOCACHE=$build/go-cache GOPATH=$build/go

pinned_cmake_flags=()
for cc in "${AWSLC_FIPS_CC:-}" "${AWSLC_FIPS_CXX:-}"; do
  [ -z "$cc" ] || command -v "$cc" >/dev/null \
    || die "the module's compiler $cc is not in the build root (pin its package in ci/buildroot-packages.txt)"
done
[ -z "${AWSLC_FIPS_CC:-}" ] || pinned_cmake_flags+=(-DCMAKE_C_COMPILER="$AWSLC_FIPS_CC")
[ -z "${AWSLC_FIPS_CXX:-}" ] || pinned_cmake_flags+=(-DCMAKE_CXX_COMPILER="$AWSLC_FIPS_CXX")
[ -z "${AWSLC_FIPS_CFLAGS:-}" ] || pinned_cmake_flags+=(-DCMAKE_C_FLAGS="$AWSLC_FIPS_CFLAGS")
# Extra CMake arguments for a user-supplied tree; word-split on purpose.
read -r -a extra_cmake_flags <<<"${AWSLC_FIPS_CMAKE_FLAGS:-}"

rm -rf "$build" "$prefix"
mkdir -p "$build"
start=$SECONDS
{
  cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DFIPS=1 \
    -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DBUILD_LIBSSL=ON \
    -DBUILD_TESTING=OFF \
    -DBUILD_TOOL=OFF \
    -DENABLE_SOURCE_MODIFICATION=OFF "${pinned_cmake_flags[@]}" "${extra_cmake_flags[@]}"
} >"$log" 2>&1 || { grep -E "error|FAILED" "$log" | head -n 20 >&2; die "configuring the AWS-LC-FIPS build failed (see $log)"; }
# ninja's [n/N] lines also go to stdout (the caller shows progress).
ninja -C "$build" -j"$jobs" crypto ssl 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" = 0 ] || { grep -E "error|FAILED" "$log" | head -n 20 >&2; die "the AWS-LC-FIPS build failed (see $log)"; }
cmake --install "$build" >>"$log" 2>&1 || die "installing the AWS-LC-FIPS build failed (see $log)"

echo "build-awslc-fips.sh: built in $((SECONDS - start)) s with $("${AWSLC_FIPS_CC:-cc}" --version | head -n 1) ($prefix)" | tee -a "$log" >&2
rm -rf "$build"

# The installed libcrypto.a must hold the delocated module with its boundary markers and
# the integrity test (the module's symbols are local, hence t as well as T).
symbols=$(nm "$prefix/lib/libcrypto.a" 2>/dev/null)
for sym in BORINGSSL_bcm_text_start BORINGSSL_bcm_text_end BORINGSSL_integrity_test; do
  grep -q " [tT] $sym\$" <<<"$symbols" || die "$prefix/lib/libcrypto.a has no $sym: not a static FIPS module"
done
