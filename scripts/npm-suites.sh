#!/usr/bin/env bash
# Real npm packages' own test suites on out/node-openssl (the control) and out/node (AWS-LC):
# ssh2, fastify (TLS tests), @fastify/jwt, @fastify/reply-from (TLS tests), selfsigned,
# openpgp 4 — pinned in test/npm-suites/package-lock.json, with what runs of each in
# test/npm-suites/suites.js. Compares per test; fails when a test that passes on the control
# does not pass on AWS-LC and is not listed in ci/expectations-npm.txt, or a listed one passes.
#
#   scripts/npm-suites.sh                  the full selection (about 5 min on 2 cores)
#   scripts/npm-suites.sh --fast           the CI subset (about 70 s)
#   scripts/npm-suites.sh --reference=/path/to/node   a third column: an official Node 22 build
#   scripts/npm-suites.sh --update-report  also write reports/npm-suites.md
#
# Options:  --fast  --reference[=NODE] (default: $NODE_AWSLC_REFERENCE, else the official Node 22
#           binary of ci/node.env, fetched once; it
#           runs on the host, not in the build root)  --only=ssh2,fastify,... (some suites)
#           --update-report  --help
# Env:      NODE_AWSLC_CACHE (default ~/.cache/node-awslc): npm-suites/<lockfile hash>/ holds the
#           packages (npm ci --ignore-scripts, reused while the lockfile is unchanged; needs npm
#           and the npm registry only then), npm-suites/results/ each run's per-test results
#           (<binary>/<suite>.txt) and output (<suite>.log).
# Everything runs over loopback; tests that need the Internet or binaries the build root
# lacks are left out (listed at the top of suites.js).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"

suites_dir=$repo/test/npm-suites
expectations=$repo/ci/expectations-npm.txt
work=$cache_dir/npm-suites
results=$work/results
fast=false
reference=
update_report=false
only=

parse_options() {
  local arg
  for arg in "$@"; do
    case $arg in
      --fast) fast=true ;;
      --reference) reference=${NODE_AWSLC_REFERENCE:-official} ;;
      --reference=*) reference=${arg#--reference=}; [ -n "$reference" ] || die_usage "--reference= wants a node binary" ;;
      --only=*) only=${arg#--only=}; [ -n "$only" ] || die_usage "--only= wants suite names" ;;
      --update-report) update_report=true ;;
      -h|--help) usage; exit 0 ;;
      *) die_usage "unknown option '$arg'" ;;
    esac
  done
}

check_inputs() {
  [ "$(id -u)" = 0 ] || die "must run as root (the binaries run in the build root: chroot and mount namespaces)"
  [ -f "$root/.node-awslc-root-ready" ] || die "no build root at $root; run scripts/build-node.sh first"
  [ -x "$repo/out/node" ] || die "out/node does not exist; build it with scripts/build-node.sh"
  [ -x "$repo/out/node-openssl" ] || die "out/node-openssl does not exist; build it with scripts/build-node.sh --crypto=openssl"
  if [ "$reference" = official ]; then fetch_reference_node; reference=$reference_node; fi
  if [ -n "$reference" ]; then
    command -v "$reference" >/dev/null || die "--reference: no node binary '$reference'"
    reference=$(command -v "$reference")
    local v
    v=$("$reference" -p 'process.versions.node' 2>/dev/null) || die "--reference: '$reference' does not run"
    [[ $v == 22.* ]] || note "the reference is Node $v, not 22.x; its column compares less well"
  fi
}

# The packages: npm ci into npm-suites/<lockfile hash>, made in .tmp and renamed; other
# hashes' directories are removed once the new one is complete.
install_packages() {
  local hash log
  hash=$(sha256_of "$suites_dir/package-lock.json" | cut -c1-16)
  install_dir=$work/$hash
  [ -f "$install_dir/.node-awslc-installed" ] && return 0
  command -v npm >/dev/null || die "npm is needed once to install the test packages (npm ci); install npm or copy $install_dir from a machine that has it"
  progress "installing the test packages (npm ci, lockfile $hash)"
  mkdir -p "$work"
  rm -rf "$install_dir.tmp"
  mkdir -p "$install_dir.tmp"
  cp "$suites_dir/package.json" "$suites_dir/package-lock.json" "$install_dir.tmp/"
  log=$work/npm-ci.log
  if ! (cd "$install_dir.tmp" && npm ci --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=warn) >"$log" 2>&1; then
    progress_done
    tail -5 "$log" >&2
    die "npm ci of test/npm-suites failed (log: $log); is the npm registry reachable?"
  fi
  touch "$install_dir.tmp/.node-awslc-installed"
  mv "$install_dir.tmp" "$install_dir"
  local d
  for d in "$work"/*/.node-awslc-installed; do
    d=$(dirname "$d")
    [ "$d" = "$install_dir" ] || rm -rf "$d"
  done
  progress_done
}

# Run one suite on one binary: <label> <binary or "">; the suite's line from `suites.js list`
# is in $name $timeout $cwd and args[]. Writes results/<label>/<suite>.{txt,log,status}.
run_one() {
  local label=$1 bin=$2 base out rc start
  base=$results/$label/${name//\//+}
  out=$base.txt
  mkdir -p "$results/$label"
  : >"$out"
  local a=("${args[@]//@OUT@/$out}")
  start=$SECONDS
  set +e
  if [ "$label" = reference ]; then
    (cd "$cwd" && exec timeout -k 10 "$timeout" "$reference" "${a[@]}") >"$base.log" 2>&1 </dev/null
  else
    # node.sh makes the working directory and the files named on the command line visible in
    # the build root, not the rest of the install: --diagnostic-dir (inert here) names the
    # install directory, so its parent (npm-suites/, install and results) is mounted too.
    (cd "$cwd" && NODE_BIN=$bin exec timeout -k 10 "$timeout" "$repo/scripts/node.sh" \
       --diagnostic-dir "$install_dir" "${a[@]}") >"$base.log" 2>&1 </dev/null
  fi
  rc=$?
  set -e
  # mocha exits with its failure count, so 124 alone does not mean timeout(1) stopped it.
  local took=$((SECONDS - start)) timed_out=0
  if [ "$took" -ge "$timeout" ] && { [ $rc = 124 ] || [ $rc = 137 ]; }; then timed_out=1; fi
  echo "exit=$rc seconds=$took timeout=$timed_out" >"$base.status"
}

# "passed/run" of a result file (+ "timed out").
count() { # <label>
  local base=$results/$1/${name//\//+}
  awk -F'\t' '$1 == "pass" { p++ } $1 != "#" && NF >= 2 { n++ } END { printf "%d/%d", p, n }' "$base.txt"
  grep -q 'timeout=1' "$base.status" && printf ' (timed out)'
  return 0
}

run_suites() {
  local list lines=() line i=0 total labels start t
  # The commands come from suites.js, run by the control binary (node.sh mounts the install
  # directory named on its command line).
  list=$(NODE_BIN=out/node-openssl "$repo/scripts/node.sh" "$suites_dir/suites.js" list \
         $($fast && echo --fast) ${only:+--only=$only} "$install_dir") || die "suites.js list failed"
  mapfile -t lines <<<"$list"
  total=${#lines[@]}
  rm -rf "$results"
  labels=(control awslc)
  [ -z "$reference" ] || labels+=(reference)
  for line in "${lines[@]}"; do
    i=$((i + 1))
    IFS=$'\t' read -r name version timeout cwd rest <<<"$line"
    IFS=$'\t' read -r -a args <<<"$rest"
    start=$SECONDS
    local summary=
    for t in "${labels[@]}"; do
      [ -t 2 ] && progress "[$i/$total] $name@$version: running on $t ..."
      case $t in
        control) run_one control out/node-openssl ;;
        awslc) run_one awslc out/node ;;
        reference) run_one reference "" ;;
      esac
      summary+="${summary:+, }$t $(count "$t")"
    done
    progress "[$i/$total] $name@$version: passed $summary; $((SECONDS - start)) s"
    progress_done
  done
}

compare() {
  local cmd="scripts/npm-suites.sh"
  $fast && cmd+=" --fast"
  [ -z "$reference" ] || cmd+=" --reference"
  [ -z "$only" ] || cmd+=" --only=$only"
  $update_report && cmd+=" --update-report"
  local extra=()
  $fast && extra+=(--fast)
  [ -z "$reference" ] || extra+=(--reference)
  [ -z "$only" ] || extra+=("--only=$only")
  $update_report && extra+=("--report=$repo/reports/npm-suites.md" "--command=$cmd")
  mkdir -p "$repo/reports"
  NODE_BIN=out/node-openssl "$repo/scripts/node.sh" "$suites_dir/suites.js" compare "$results" "$expectations" \
    "--install=$install_dir" "--candidates=$results/expectations-candidates.txt" "${extra[@]}"
}

parse_options "$@"
check_inputs
install_packages
run_started=$SECONDS
run_suites
if compare; then rc=0; else
  rc=$?
  [ ! -s "$results/expectations-candidates.txt" ] ||
    note "the unlisted AWS-LC-only failures, in the format of ci/expectations-npm.txt: $results/expectations-candidates.txt"
fi
note "done in $((SECONDS - run_started)) s$($update_report && echo "; wrote reports/npm-suites.md")"
exit $rc
