#!/usr/bin/env bash
# Side-by-side benchmarks: out/node (AWS-LC) against out/node-openssl (the OpenSSL control) and
# the official Node 22 binary (ci/node.env: the pinned PyPI wheel, sha256-checked, fetched once),
# interleaved in one session: every round runs each binary once (Node's benchmark/compare.js for
# the control and AWS-LC, the official binary beside it). Writes a Markdown table.
#
#   scripts/bench.sh                     full run (about 20 min on 2 cores) -> reports/bench.md
#   scripts/bench.sh --quick             short smoke run (about 2 min) -> <cache>/bench/bench-quick.md
#   scripts/bench.sh --filter='handshake|start-up'   only rows whose name matches (a JS regex
#                                        over "file key=value ..."; see the config column)
#
# Options:  --quick  --filter=REGEX  --runs=N (rounds for every job; default: per job
#           in bench/plan.ts, 8 for TLS and 10 for crypto jobs; --quick 2)
#           --out=FILE (default reports/bench.md for a full run, <cache>/bench/bench-partial.md
#           for --quick/--filter/--runs)  --no-official (no third column)  --help
#           --profilers: only fetch perf (ci/bench-tools.env) to <cache>/tools/perf, for the causes
# Env:      NODE_AWSLC_CACHE (default ~/.cache/node-awslc): build root, tools/ (wrk), bench/ (work dir)
#
# What runs is bench/plan.ts (jobs, --set values, targets); the driver is bench/run-bench.ts,
# run by out/node inside the build root. The measuring part holds /tmp/node-awslc-cpu.lock
# (other builds and test runs on this machine wait, and it waits for them).
set -euo pipefail

. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"
worktree=$root/build/node-awslc
work=$cache_dir/bench
tools=$cache_dir/tools
lock=/tmp/node-awslc-cpu.lock
official=true
quick=false
profilers=false
filter=
runs=
out=
driver_args=()


parse_options() {
  for arg in "$@"; do
    case $arg in
      --quick) quick=true ;;
      --filter=*) filter=${arg#--filter=}; [ -n "$filter" ] || die "--filter wants a regular expression" ;;
      --runs=*) runs=${arg#--runs=}; [[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive number, got '$runs'" ;;
      --out=*) out=${arg#--out=}; [ -n "$out" ] || die "--out wants a file name" ;;
      --no-official) official=false ;;
      --profilers) profilers=true ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown option '$arg' (see --help)" ;;
    esac
  done
  if [ -z "$out" ]; then
    if $quick; then out=$work/bench-quick.md
    elif [ -n "$filter$runs" ]; then out=$work/bench-partial.md
    else out=$repo/reports/bench.md
    fi
  fi
  case $out in /*) ;; *) out=$PWD/$out ;; esac
}

check_inputs() {
  [ "$(id -u)" = 0 ] || die "must run as root (the build root needs chroot and mount namespaces)"
  [ -f "$root/.node-awslc-root-ready" ] || die "no build root at $root; run scripts/build-node.sh first"
  [ -x "$repo/out/node" ] || die "out/node does not exist; build it with scripts/build-node.sh"
  [ -x "$repo/out/node-openssl" ] || die "out/node-openssl does not exist; build it with scripts/build-node.sh --crypto=openssl"
  [ -f "$worktree/benchmark/compare.js" ] || die "$worktree/benchmark/compare.js is missing; rebuild the work tree with scripts/build-node.sh"
  mkdir -p "$(dirname "$out")" || die "cannot create the directory of --out=$out"
}

# The Debian mirror of the build root's apt sources (never written in this repo).
debian_mirror() {
  awk '$1 == "deb" { print $2; exit }' "$root/etc/apt/sources.list" 2>/dev/null | sed 's:/*$::'
}

# Download (sha256-checked by apt-helper) and extract one package list of ci/bench-tools.env
# into $tools/<group>/; a stamp of the list makes this a no-op when nothing changed.
fetch_debs() { # <group> <list>
  local dir=$tools/$1 list=$2 stamp mirror pool sha file
  stamp=$(printf '%s' "$list" | sha256sum | cut -c1-16)
  [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ] && return
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || die "no Debian mirror in $root/etc/apt/sources.list"
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$dir.tmp/debs"
  while read -r pool sha; do
    [ -n "$pool" ] || continue
    file=$dir.tmp/debs/$(basename "$pool")
    note "downloading $(basename "$pool")"
    /usr/lib/apt/apt-helper download-file "$mirror/$pool" "$file" "SHA256:$sha" >"$file.log" 2>&1 \
      || die "download of $pool failed or its sha256 is not $sha (see $file.log); update ci/bench-tools.env"
    dpkg-deb -x "$file" "$dir.tmp/files"
  done <<<"$list"
  echo "$stamp" >"$dir.tmp/.stamp"
  mv "$dir.tmp" "$dir"
}

# wrk with its LuaJIT; a wrapper so that only wrk sees LD_LIBRARY_PATH.
fetch_wrk() {
  # shellcheck source=../ci/bench-tools.env
  . "$repo/ci/bench-tools.env"
  fetch_debs load "$BENCH_LOAD_DEBS"
  local files=$tools/load/files
  printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' \
    "$files/usr/lib/x86_64-linux-gnu" "$files/usr/bin/wrk" >"$tools/wrk"
  chmod +x "$tools/wrk"
}

# perf (software events only in this VM) with the libraries it needs, for the causes analysis.
fetch_profilers() {
  # shellcheck source=../ci/bench-tools.env
  . "$repo/ci/bench-tools.env"
  fetch_debs profile "$BENCH_PROFILE_DEBS"
  local files=$tools/profile/files
  printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' \
    "$files/usr/lib/x86_64-linux-gnu" "$files/usr/bin/perf" >"$tools/perf"
  chmod +x "$tools/perf"
  note "perf is $tools/perf; run it inside the build root, e.g."
  note "  scripts/in-root.sh --bind $tools -- $tools/perf record -e cpu-clock -o /tmp/perf.data -- $repo/out/node -e 0"
}

run_measurements() {
  local binds=(--bind "$repo" --bind "$(dirname "$out")" --bind "$work" --bind "$tools" --bind "$worktree")
  local official_args=(--official=)
  if $official; then
    # The official binary bundles OpenSSL and needs only libc/libstdc++, which sid's satisfy.
    binds+=(--bind "$(dirname "$reference_node")")
    official_args=(--official="$reference_node")
  fi
  driver_args=(--worktree="$worktree" --work="$work" --awslc="$repo/out/node" --control="$repo/out/node-openssl"
               "${official_args[@]}" --wrk="$tools/wrk" --out="$out" --command="scripts/bench.sh${*:+ $*}")
  $quick && driver_args+=(--quick)
  [ -n "$filter" ] && driver_args+=(--filter="$filter")
  [ -n "$runs" ] && driver_args+=(--runs="$runs")
  flock -n "$lock" true || note "waiting for $lock (another build or benchmark holds it)"
  flock "$lock" "$repo/scripts/in-root.sh" "${binds[@]}" -- \
    "$repo/out/node" "$repo/bench/run-bench.ts" "${driver_args[@]}"
}

parse_options "$@"
check_inputs
mkdir -p "$work" "$tools"
if $profilers; then fetch_profilers; exit 0; fi
fetch_wrk
if $official; then fetch_reference_node; fi
started=$(date +%s)
run_measurements "$@"
note "done in $(( $(date +%s) - started )) s (including any wait for the lock): $out"
