#!/bin/sh
# build.sh SRC PREFIX JOBS -- the flags of deps-awslc/build-awslc.sh, without ccache
set -e
src=$1 prefix=$2 jobs=$3
build=$prefix.build
rm -rf "$prefix"
[ -f "$build/build.ninja" ] || cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DBUILD_TESTING=OFF \
    -DBUILD_TOOL=OFF \
    -DDISABLE_GO=ON \
    -DDISABLE_PERL=ON \
    -DDISABLE_CPU_JITTER_ENTROPY=ON > "$prefix.cmake.log" 2>&1
nice -n 10 ninja -C "$build" -j"$jobs" crypto ssl
cmake --install "$build" > /dev/null
