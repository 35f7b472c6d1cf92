#!/usr/bin/env bash
# Build Node.js 22 with node:crypto and node:tls on AWS-LC.
#
#   scripts/build-node.sh                    -> out/node          (AWS-LC, static)
#   scripts/build-node.sh --crypto=openssl   -> out/node-openssl  (control: sid's OpenSSL 3.6)
#   scripts/build-node.sh --fips             -> out/node-fips     (AWS-LC-FIPS 3.1.0 module, static)
#   scripts/build-node.sh --fips=4.2.0       -> out/node-fips-4.2.0 (AWS-LC-FIPS 4.2.0 module)
#
# Options:  --crypto=awslc|openssl   --fips[=<version>] (implies AWS-LC)   --jobs=N   --help
# FIPS module versions: --fips is the default one (deps-awslc/awslc-fips.env), --fips=<version>
# one of deps-awslc/awslc-fips-<version>.env; each has its own work tree and module build.
# Env:      NODE_AWSLC_CACHE  cache dir (default ~/.cache/node-awslc): build root, downloads,
#                             work trees, ccache
#           NODE_SRC=<dir>    build this Node tree instead of the pinned dfsg tarball
#           AWSLC_SRC=<dir>   build this AWS-LC tree instead of the pinned aws-lc-sys crate
#                             (--fips[=<version>]: an AWS-LC-FIPS tree instead of that version's
#                             crate, compiled as its pins say); used as it is:
#                             deps-awslc/patches are not applied to it
#           NODE_AWSLC_MIRROR Debian mirror (default: the first one in this machine's apt config)
#
# Both binaries come from the same source, the same patches (patches/v22/series) and the
# same configure flags; only the crypto library differs.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"
. "$repo/deps-awslc/awslc.env"
crypto=awslc
fips=no fips_version=
jobs=$(nproc)

parse_options() {
  for arg in "$@"; do
    case $arg in
      --crypto=awslc|--crypto=aws-lc) crypto=awslc ;;
      --crypto=openssl) crypto=openssl ;;
      --crypto=*) die "unknown crypto library '${arg#--crypto=}' (use --crypto=awslc or --crypto=openssl)" ;;
      --fips) fips=yes fips_version= ;;
      --fips=*) fips=yes fips_version=${arg#--fips=}
        [ -n "$fips_version" ] || die "--fips= wants an AWS-LC-FIPS version (pinned: $(fips_versions))" ;;
      --jobs=*) jobs=${arg#--jobs=}; [[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs wants a positive number, got '$jobs'" ;;
      -h|--help) usage; exit 0 ;;
      *) die_usage "unknown option '$arg'" ;;
    esac
  done
  # The variant names the work tree (root/build/node-<variant>) and the binary: fips for the
  # default FIPS module, fips-<version> for another one.
  variant=$crypto
  if [ $fips = yes ]; then
    [ "$crypto" = awslc ] || die "--fips builds on AWS-LC's FIPS module; it cannot be combined with --crypto=$crypto"
    load_fips_pins "$fips_version"
    variant=fips
    [ $fips_default = yes ] || variant=fips-$AWSLC_FIPS_VERSION
  fi
}

check_prerequisites() {
  if [ -n "${NODE_SRC:-}" ] && [ ! -f "$NODE_SRC/configure.py" ]; then
    die "NODE_SRC=$NODE_SRC is not a Node.js source tree (no configure.py)"
  fi
  if [ -n "${AWSLC_SRC:-}" ] && { [ ! -f "$AWSLC_SRC/CMakeLists.txt" ] || [ ! -f "$AWSLC_SRC/include/openssl/base.h" ]; }; then
    die "AWSLC_SRC=$AWSLC_SRC is not an AWS-LC source tree (no CMakeLists.txt / include/openssl/base.h)"
  fi
  if [ $fips = yes ] && [ -n "${AWSLC_SRC:-}" ] && [ ! -d "$AWSLC_SRC/util/fipstools/delocate" ]; then
    die "AWSLC_SRC=$AWSLC_SRC has no util/fipstools/delocate: it cannot build the FIPS module (Debian's librust-aws-lc-sys-dev tree strips these tools); use an AWS-LC-FIPS release tree"
  fi
  [ "$(id -u)" = 0 ] || die "must run as root (debootstrap, chroot and mount namespaces need it)"
  command -v apt-get >/dev/null || die "needs a Debian-family host with apt-get"
  command -v unshare >/dev/null || die "needs unshare (util-linux)"
  if ! command -v debootstrap >/dev/null; then
    note "installing debootstrap with apt"
    apt-get install -y debootstrap >/dev/null 2>&1 || die "could not install debootstrap with apt-get; install it and rerun"
  fi
}

# A Debian sid root with the pinned packages. Built in a temporary directory and renamed
# into place, with a stamp naming the package list it was made from: an interrupted run
# leaves only a *.tmp directory, which the next run deletes.
ensure_build_root() {
  local want have tmp
  want=$(sha256_of "$repo/ci/buildroot-packages.txt")
  have=$(cat "$root/.node-awslc-root-ready" 2>/dev/null || true)
  [ "$want" = "$have" ] && return
  note "creating the Debian sid build root in $root (debootstrap + packages, ~2 min)"
  tmp=$root.tmp
  rm -rf "$tmp"
  mkdir -p "$cache_dir"
  debootstrap --variant=minbase sid "$tmp" "$mirror" >"$cache_dir/debootstrap.log" 2>&1 \
    || die "debootstrap of sid from $mirror failed (see $cache_dir/debootstrap.log); is the archive reachable?"
  # The archive's sid Release file is past its Valid-Until date.
  printf 'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n' >"$tmp/etc/apt/apt.conf.d/90node-awslc"
  printf 'deb %s sid main\ndeb-src %s sid main\n' "$mirror" "$mirror" >"$tmp/etc/apt/sources.list"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$tmp/etc/hosts"
  local packages
  packages=$(grep -v -E '^\s*(#|$)' "$repo/ci/buildroot-packages.txt" | tr '\n' ' ')
  chroot "$tmp" apt-get update >"$cache_dir/apt.log" 2>&1 \
    || die "apt-get update in the build root failed (see $cache_dir/apt.log)"
  # shellcheck disable=SC2086
  chroot "$tmp" env DEBIAN_FRONTEND=noninteractive apt-get install -y $packages >>"$cache_dir/apt.log" 2>&1 \
    || die "installing the pinned packages failed (see $cache_dir/apt.log); a pin in ci/buildroot-packages.txt may be gone from the archive"
  chroot "$tmp" apt-get clean
  echo "$want" >"$tmp/.node-awslc-root-ready"
  rm -rf "$root"
  mv "$tmp" "$root"
}

fetch_node_source() {
  if [ -n "${NODE_SRC:-}" ]; then
    node_src_id="dir:$(readlink -f "$NODE_SRC"):$(find "$NODE_SRC" -path "$NODE_SRC/out" -prune -o -type f -printf '%P %T@\n' | sort | sha256sum | cut -c1-16)"
    return
  fi
  fetch_node_tarball
  node_src_id="tarball:$NODE_ORIG_SHA256"
}

# The pinned AWS-LC tree (scripts/lib/sources.sh), or AWSLC_SRC.
fetch_awslc() {
  if [ -n "${AWSLC_SRC:-}" ]; then
    awslc_src=$(readlink -f "$AWSLC_SRC")
    return
  fi
  fetch_awslc_source
}

# Our AWS-LC patches (deps-awslc/patches/series, one feature each) on a copy of the pinned
# source, named after the patches' hash: a changed patch gives a new tree (and so a new
# AWS-LC build id), a half-patched tree is never reused. Not for --fips (the module's
# source stays as validated) and not for AWSLC_SRC (used as given).
patch_awslc_source() {
  [ -n "${AWSLC_SRC:-}" ] && return
  local series=$repo/deps-awslc/patches/series patch id dest
  id=$(cd "$repo/deps-awslc/patches" && cat series $(grep -v -E '^[[:space:]]*(#|$)' series) | sha256sum | cut -c1-12)
  dest=$awslc_src-p$id
  if [ ! -f "$dest/.extracted" ]; then
    rm -rf "$dest" "$dest.tmp"
    cp -a "$awslc_src" "$dest.tmp"
    rm -f "$dest.tmp/.extracted"
    for patch in $(grep -v -E '^[[:space:]]*(#|$)' "$series"); do
      patch -d "$dest.tmp" -p1 --batch --quiet --fuzz=0 --no-backup-if-mismatch <"$repo/deps-awslc/patches/$patch" >&2 \
        || { rm -rf "$dest.tmp"; die "deps-awslc/patches/$patch does not apply to AWS-LC $AWSLC_VERSION ($awslc_src) with no fuzz; see docs/patches.md"; }
    done
    echo "patches $id" >"$dest.tmp/.extracted"
    mv "$dest.tmp" "$dest"
  fi
  awslc_src=$dest
}

# --fips: the pinned AWS-LC-FIPS release from the aws-lc-fips-sys crate (its aws-lc/ tree
# keeps the Go tools a FIPS build needs), or AWSLC_SRC.
fetch_awslc_fips_source() {
  if [ -n "${AWSLC_SRC:-}" ]; then
    awslc_src=$(readlink -f "$AWSLC_SRC")
    local have
    have=$(sed -n 's/^#define AWSLC_VERSION_NUMBER_STRING "\(.*\)"/\1/p' "$awslc_src/include/openssl/base.h")
    [ "$have" = "$AWSLC_FIPS_VERSION" ] \
      || note "AWSLC_SRC holds AWS-LC '$have', built as the AWS-LC-FIPS $AWSLC_FIPS_VERSION pins say (compiler ${AWSLC_FIPS_CC:-gcc}) into out/node-$variant"
    return
  fi
  awslc_src=$("$repo/deps-awslc/fetch-awslc.sh" --fips="$AWSLC_FIPS_VERSION") \
    || die "fetching the pinned AWS-LC-FIPS $AWSLC_FIPS_VERSION source failed (see above)"
}

# Which FIPS module the tree is compiled against. -MMD leaves the library's headers (laid over
# /usr/include/openssl) out of ninja's dependencies, so a tree built on one module version must
# never be reused for another: this goes into the tree's ids.
fips_module_id() {
  if [ -n "${AWSLC_SRC:-}" ]; then
    echo "fips module: AWSLC_SRC $(readlink -f "$AWSLC_SRC")"
  else
    echo "fips module: $AWSLC_FIPS_VERSION $AWSLC_FIPS_CRATE $AWSLC_FIPS_CRATE_VERSION $AWSLC_FIPS_CRATE_SHA256"
  fi
}

# The same for out/node's AWS-LC: the pinned source and what our AWS-LC patches change in its
# public headers (a patch that adds a function or a feature macro to include/ must recompile
# Node's crypto files against it).
awslc_headers_id() {
  if [ -n "${AWSLC_SRC:-}" ]; then
    echo "awslc: AWSLC_SRC $(readlink -f "$AWSLC_SRC")"
    return
  fi
  echo "awslc: $AWSLC_VERSION $(sha256_of "$repo/deps-awslc/awslc.env")"
  grep -v -E '^[[:space:]]*(#|$)' "$repo/deps-awslc/patches/series" | while read -r p; do
    awk '/^diff /{keep = ($0 ~ / [ab]\/include\//)} keep' "$repo/deps-awslc/patches/$p"
  done
}

# The overlay: files the series adds whole (patches/v22/files), copied in before the patches.
overlay_listing() {
  [ -d "$repo/patches/v22/files" ] || return 0
  (cd "$repo/patches/v22/files" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

# What makes a work tree: the source, the overlay, the patch series, and this script's
# restore step.
# Two ids: the build id covers only what the patches change outside test/ and doc/ (their
# names and headers, tests and docs must not cost a rebuild); the full id covers everything.
series_patches() { grep -v -E '^\s*(#|$)' "$repo/patches/v22/series"; }
tree_ids() {
  local common
  common=$(echo "$node_src_id"; echo "$AMARO_INTEGRITY"; declare -f restore_dfsg_files)
  if [ $fips = yes ]; then common+=$'\n'$(fips_module_id)
  elif [ "$crypto" = awslc ]; then common+=$'\n'$(awslc_headers_id); fi
  common+=$'\n'$(overlay_listing)
  build_id=$( { echo "$common"; series_patches | while read -r p; do
                  awk '/^diff |^--- /{keep = ($0 !~ / [ab]\/(test|doc)\//)} keep' "$repo/patches/v22/$p"; done; } \
              | sha256sum | cut -c1-16)
  full_id=$( { echo "$common"; series_patches | while read -r p; do echo "$p"; cat "$repo/patches/v22/$p"; done; } \
             | sha256sum | cut -c1-16)
}

# The dfsg tarball drops bundled dependencies. Put back what the build needs, from the
# build root's Debian packages (and amaro from npm): JS builtins, gyp, the OpenSSL config.
restore_dfsg_files() { # runs inside the root, in the new tree
  set -e
  mkdir -p deps/acorn/acorn/dist deps/acorn/acorn-walk/dist deps/minimatch deps/openssl deps/amaro tools/gyp
  [ -f deps/acorn/acorn/dist/acorn.js ] || cp /usr/share/nodejs/acorn/dist/acorn.js deps/acorn/acorn/dist/acorn.js
  [ -f deps/acorn/acorn-walk/dist/walk.js ] || cp /usr/share/nodejs/acorn-walk/dist/walk.js deps/acorn/acorn-walk/dist/walk.js
  # Node bundles minimatch (+ brace-expansion) into one CommonJS file with esbuild, as its updater does.
  [ -f deps/minimatch/index.js ] || esbuild --bundle --platform=node --format=cjs --log-level=warning \
    --outfile=deps/minimatch/index.js /usr/share/nodejs/minimatch/dist/commonjs/index.js
  [ -d tools/gyp/pylib ] || { mkdir -p tools/gyp/pylib; cp -r /usr/lib/python3/dist-packages/gyp tools/gyp/pylib/gyp; }
  [ -f deps/openssl/nodejs-openssl.cnf ] || printf '%s\n' \
    'nodejs_conf = nodejs_init' '' '[nodejs_init]' >deps/openssl/nodejs-openssl.cnf
  tar -xzf /amaro.tgz -C deps/amaro --strip-components=1
  # process.versions must name what is embedded (Debian's acorn, cjs-module-lexer, undici, not
  # the ones the tarball's headers record), and test-process-versions reads package.json.
  mkdir -p deps/cjs-module-lexer/src
  cp /usr/share/nodejs/acorn/package.json deps/acorn/acorn/package.json
  cp /usr/share/nodejs/cjs-module-lexer/package.json deps/cjs-module-lexer/src/package.json
  local v
  v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' deps/acorn/acorn/package.json)
  sed -i "s/^#define ACORN_VERSION \".*\"/#define ACORN_VERSION \"$v\"/" src/acorn_version.h
  v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' deps/cjs-module-lexer/src/package.json)
  sed -i "s/^#define CJS_MODULE_LEXER_VERSION \".*\"/#define CJS_MODULE_LEXER_VERSION \"$v\"/" src/cjs_module_lexer_version.h
  # undici is embedded too (configure --bundle-shared-builtins): its version, Debian's.
  mkdir -p deps/undici/src
  cp /usr/share/nodejs/undici/package.json deps/undici/src/package.json
  v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' deps/undici/src/package.json)
  sed -i "s/^#define UNDICI_VERSION \".*\"/#define UNDICI_VERSION \"$v\"/" src/undici_version.h
}

prepare_node_tree() {
  tree=$root/build/node-$variant
  tree_ids
  if [ "$(cat "$tree/.node-awslc-tree" 2>/dev/null)" = "$build_id $full_id" ]; then return; fi
  local tmp=$tree.tmp
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if [ -n "${NODE_SRC:-}" ]; then
    (cd "$NODE_SRC" && tar --exclude=./out -cf - .) | tar -xf - -C "$tmp"
  else
    tar -xJf "$downloads/$NODE_ORIG_FILE" -C "$tmp" --strip-components=1
  fi
  if [ -d "$repo/patches/v22/files" ]; then cp -r "$repo/patches/v22/files/." "$tmp/"; fi
  local p
  while read -r p; do
    [ -f "$repo/patches/v22/$p" ] || { rm -rf "$tmp"; die "patches/v22/series names $p, which does not exist"; }
    patch -d "$tmp" -p1 --batch --forward --fuzz=0 --no-backup-if-mismatch -s <"$repo/patches/v22/$p" >"$tmp/.patch.log" 2>&1 \
      || { cat "$tmp/.patch.log" >&2; rm -rf "$tmp"; die "patch $p does not apply with no fuzz (patches/v22/$p; see docs/patches.md)"; }
  done < <(series_patches)
  rm -f "$tmp/.patch.log"
  if [ "$(cut -d' ' -f1 "$tree/.node-awslc-tree" 2>/dev/null)" = "$build_id" ]; then
    # Only tests, docs or headers changed: swap in the patched test/ and doc/, keep the build.
    note "refreshing test/ and doc/ in $tree (no change to what is built)"
    local d
    for d in test doc; do
      rm -rf "$tree/$d.old"
      mv "$tree/$d" "$tree/$d.old"
      mv "$tmp/$d" "$tree/$d"
      rm -rf "$tree/$d.old"
    done
    rm -rf "$tmp"
    echo "$build_id $full_id" >"$tree/.node-awslc-tree"
    return
  fi
  note "preparing a fresh Node tree in $tree"
  cp "$amaro_tgz" "$root/amaro.tgz"
  (cd "$tmp" && in_root --bind "$tmp" -- /bin/bash -c "$(declare -f restore_dfsg_files); restore_dfsg_files") \
    || { rm -rf "$tmp"; die "restoring the files the dfsg tarball drops failed"; }
  echo "$build_id $full_id" >"$tmp/.node-awslc-tree"
  # Rename the old tree away first: a process still running tests in it cannot make the
  # removal fail half way, and the new tree takes its place at once.
  rm -rf "$tree.old"
  if [ -e "$tree" ]; then mv "$tree" "$tree.old"; fi
  mv "$tmp" "$tree"
  rm -rf "$tree.old" 2>/dev/null || note "could not remove all of $tree.old (in use?); it goes with the next build"
}

# Seed ccache once from ../shared/ccache-seed (a ccache of this tree's V8 build).
seed_ccache() {
  local seed=$repo/../shared/ccache-seed
  [ -f "$cache_dir/ccache/.seeded" ] && return
  mkdir -p "$cache_dir/ccache"
  if [ -d "$seed" ]; then
    note "seeding ccache from $seed"
    cp -r "$seed/." "$cache_dir/ccache/"
  fi
  touch "$cache_dir/ccache/.seeded"
}

# AWS-LC (build-awslc.sh) or its FIPS module (--fips: build-awslc-fips.sh, prefix
# awslc-fips-<version>-<id>, compiled as the version's pins say) into /build/<name>-<id>, <id>
# naming the source, the build script and (FIPS) the compilers and flags.
build_awslc() {
  local name=awslc script=build-awslc.sh what="AWS-LC (static, PIC, Release, asm)" id env=()
  if [ $fips = yes ]; then
    name=awslc-fips-$AWSLC_FIPS_VERSION script=build-awslc-fips.sh
    what="the AWS-LC-FIPS $AWSLC_FIPS_VERSION module (static, delocated, integrity hash; ${AWSLC_FIPS_CC:-gcc})"
    env=(env AWSLC_FIPS_CC="${AWSLC_FIPS_CC:-}" AWSLC_FIPS_CXX="${AWSLC_FIPS_CXX:-}"
         AWSLC_FIPS_CFLAGS="${AWSLC_FIPS_CFLAGS:-}" AWSLC_FIPS_CMAKE_FLAGS="${AWSLC_FIPS_CMAKE_FLAGS:-}")
  fi
  id=$( (echo "$awslc_src"; cat "$awslc_src/.extracted" 2>/dev/null; declare -f build_awslc; cat "$repo/deps-awslc/$script"
         printf '%s\n' "${env[@]}") | sha256sum | cut -c1-16)
  awslc_prefix=/build/$name-$id
  if [ -f "$root$awslc_prefix/.done" ]; then return; fi
  note "building $what into $root$awslc_prefix"
  rm -rf "$root$awslc_prefix"
  cp "$repo/deps-awslc/$script" "$root/build/$script"
  in_root --bind "$awslc_src" -- "${env[@]}" /bin/bash "/build/$script" "$awslc_src" "$awslc_prefix" "$jobs" \
    2>&1 | ninja_progress "$root$awslc_prefix.progress.log" "building $name" || true
  [ -f "$root$awslc_prefix/lib/libcrypto.a" ] && [ -f "$root$awslc_prefix/lib/libssl.a" ] \
    || die "the $name build failed (see $root$awslc_prefix.log)"
  touch "$root$awslc_prefix/.done"
}

# The configure line is the one the ccache seed was made with, minus --without-amaro:
# amaro (restored into deps/amaro) is embedded like any bundled builtin. It is not passed
# with --shared-builtin-amaro/dist/index-path: Node reads such a path at run time,
# relative to the working directory, and aborts at start-up when it is not there.
# --bundle-shared-builtins (patch build-bundle-shared-builtins) embeds Debian's undici and
# cjs-module-lexer the same way, so the binary reads nothing from /usr/share/nodejs; their
# --shared-builtin-* options stay, as they put defines on every target's command line
# (V8's too) and the seed's V8 objects only hit with exactly those. Keep V8's
# compile commands identical across both crypto builds: AWS-LC's headers are laid over
# /usr/include/openssl in the build's private mount namespace instead of adding an -I.
configure_flags() {
  flags=(--ninja --without-npm --without-corepack
    --shared-zlib --shared-cares --shared-nghttp2 --shared-brotli --shared-simdjson --shared-simdutf
    --shared-ada --shared-ada-libname=ada-url0 --shared-http-parser --shared-http-parser-libname=llhttp
    --shared-sqlite --shared-zstd --shared-openssl --openssl-use-def-ca-store --with-intl=system-icu
    --shared-builtin-undici/undici-path=/usr/share/nodejs/undici/undici-fetch.js
    --shared-builtin-cjs_module_lexer/lexer-path=/usr/share/nodejs/cjs-module-lexer/lexer.js
    --shared-builtin-cjs_module_lexer/dist/lexer-path=/usr/share/nodejs/cjs-module-lexer/dist/lexer.js
    --bundle-shared-builtins)
  if [ "$crypto" = awslc ]; then
    flags+=(--shared-openssl-libpath="$awslc_prefix/lib" --shared-openssl-libname=ssl,crypto)
  fi
  # Marks the build in process.config.variables.openssl_is_fips (patch `crypto-fips-awslc` keeps it from
  # adding -DOPENSSL_FIPS to every target, V8 included).
  if [ $fips = yes ]; then
    flags+=(--openssl-is-fips)
  fi
}

build_node() {
  configure_flags
  local binds=(--bind "$tree")
  if [ "$crypto" = awslc ]; then
    mkdir -p "$root/build/empty"
    binds+=(--bind-over "$root$awslc_prefix/include/openssl:/usr/include/openssl"
            --bind-over "$root/build/empty:/usr/include/x86_64-linux-gnu/openssl")
  fi
  local want
  want=$(printf '%s\n' "${flags[@]}" | sha256sum | cut -c1-16)
  if [ "$(cat "$tree/.node-awslc-configured" 2>/dev/null)" != "$want" ]; then
    note "configuring Node ($variant)"
    (cd "$tree" && in_root "${binds[@]}" -- env CC="ccache gcc" CXX="ccache g++" python3 configure.py "${flags[@]}") \
      >"$tree/configure.log" 2>&1 || die "configure failed (see $tree/configure.log)"
    echo "$want" >"$tree/.node-awslc-configured"
  fi
  note "building Node ($variant) with ninja -j$jobs; log: $tree/build.log"
  local start=$SECONDS profile=$cache_dir/build-profile-$variant fresh=no
  [ -f "$tree/out/Release/.ninja_log" ] || fresh=yes
  if ! (cd "$tree" && in_root "${binds[@]}" -- env CC="ccache gcc" CXX="ccache g++" ninja -C out/Release -j"$jobs" node) \
       2>&1 | ninja_progress "$tree/build.log" "building Node ($variant)" "$profile"; then
    grep -E 'error|FAILED' "$tree/build.log" | head -n 30 >&2
    die "the Node build failed (see $tree/build.log)"
  fi
  # A build from a fresh tree is the shape the next one's estimate follows.
  if [ $fresh = yes ]; then ninja_profile "$tree/out/Release/.ninja_log" "$profile"; fi
  note "Node ($variant) built in $((SECONDS - start)) s"
}

# Where the crypto library's headers and source are, for scripts/build-image.sh.
record_crypto_library() {
  if [ "$crypto" = awslc ]; then
    echo "$awslc_prefix" >"$tree/.node-awslc-crypto-prefix"
    echo "$awslc_src" >"$tree/.node-awslc-crypto-src"
  fi
}

install_binary() {
  local name=node
  [ "$variant" = awslc ] || name=node-$variant
  mkdir -p "$repo/out"
  cp "$tree/out/Release/node" "$repo/out/$name.tmp"
  mv "$repo/out/$name.tmp" "$repo/out/$name"
  note "wrote out/$name"
  NODE_BIN=out/$name "$repo/scripts/node.sh" -p '`node ${process.version}, openssl ${process.versions.openssl}` + (process.versions.awslc ? `, aws-lc ${process.versions.awslc}` : "")' \
    < /dev/null >&2 || true
}

parse_options "$@"
check_prerequisites
find_debian_mirror
ensure_build_root
fetch_node_source
fetch_amaro
prepare_node_tree
seed_ccache
if [ $fips = yes ]; then
  fetch_awslc_fips_source
  build_awslc
elif [ "$crypto" = awslc ]; then
  fetch_awslc
  patch_awslc_source
  build_awslc
fi
build_node
record_crypto_library
install_binary
