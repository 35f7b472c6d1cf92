#!/usr/bin/env bash
# Failure corpus: run test/corpus (node:crypto and node:tls failures and successes, one JSON
# line per case) on out/node (AWS-LC) and out/node-openssl (the OpenSSL control), and on a
# stock Node binary when there is one; compare AWS-LC with the control.
#
#   scripts/corpus.sh [--no-reference] [--reference=NODE] [--filter=REGEXP] [--update-report]
#                     [--keep=DIR]
#
# A case is equal when both binaries throw the same err.code and err.name, or both succeed
# with the same output (sha256 of the bytes). Prints one line per difference and the summary
# "N cases, M equal (P%)". Exits 1 on a difference not listed in ci/expectations-corpus.txt,
# and on a listed case that is now equal or gone (delete its line: the list only shrinks).
# A case that crashes or hangs the runner is recorded as CRASH / HANG and the run goes on.
#
# --reference=NODE  a stock Node binary, run directly on the host (default: $NODE_AWSLC_REFERENCE,
#                   else the official Node 22 binary of ci/node.env, fetched once); its differences from the
#                   control are printed for information only
# --no-reference    run no stock Node
# --filter=REGEXP   only the cases whose id matches (listed cases not run are not reported)
# --update-report   write reports/corpus.md (every differing case, its codes and reason)
# --keep=DIR        keep the results there: awslc.jsonl, openssl.jsonl, reference.jsonl
# Neither binary is built: run scripts/build-node.sh (and --crypto=openssl) first.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"

reference=${NODE_AWSLC_REFERENCE:-default}
filter=()
update_report=0
keep=
for arg in "$@"; do
  case $arg in
    --help|-h) usage; exit 0 ;;
    --no-reference) reference= ;;
    --reference=*) reference=${arg#*=} ;;
    --filter=?*) filter=(--filter="${arg#*=}") ;;
    --update-report) update_report=1 ;;
    --keep=?*) keep=${arg#*=} ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done
[ "$update_report" = 0 ] || [ ${#filter[@]} = 0 ] || die_usage "--update-report needs the whole corpus (no --filter)"
if [ "$reference" = default ]; then fetch_reference_node; reference=$reference_node; fi
for bin in out/node out/node-openssl; do
  [ -x "$repo/$bin" ] || die "$bin does not exist; build it with scripts/build-node.sh$([ "$bin" = out/node ] || echo ' --crypto=openssl')"
done
if [ -n "$reference" ] && [ ! -x "$reference" ]; then
  die "reference binary '$reference' is not executable (--no-reference runs without one)"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runner=$repo/test/corpus/run.js

# Run the corpus with the command "$@" (a node binary) into OUT. The runner prints
# "corpus: start <id>" on stderr before each case: when it dies (crash, or the outer timeout
# of a synchronous hang), that case is recorded as CRASH / HANG and the run resumes after it.
run_corpus() { # <label> <out> <command...>
  local label=$1 out=$2 status last code after=()
  shift 2
  : >"$out"
  while :; do
    status=0
    (cd "$repo" && timeout --kill-after=5 150 "$@" "$runner" "${filter[@]}" "${after[@]}") \
      >>"$out" 2>"$tmp/$label.err" || status=$?
    # 3: the runner's own overall timeout; it has reported the cases it did not finish.
    if [ "$status" = 0 ] || [ "$status" = 3 ]; then break; fi
    last=$(sed -n 's/^corpus: start //p' "$tmp/$label.err" | tail -1)
    [ -n "$last" ] || die "$label: the corpus runner failed before its first case (exit $status): $(tail -3 "$tmp/$label.err" | tr '\n' ' ')"
    if ! grep -qF "{\"id\":\"$last\"," "$out"; then
      code=CRASH
      [ "$status" = 124 ] || [ "$status" = 137 ] && code=HANG
      printf '{"id":"%s","area":null,"ok":false,"code":"%s","name":null,"message":"the runner exited with status %s in this case","digest":null}\n' \
        "$last" "$code" "$status" >>"$out"
    fi
    note "$label: the runner exited with status $status in $last; going on after it"
    after=(--after="$last")
  done
  note "$label: $(grep -c . "$out") cases"
}

SECONDS=0
run_corpus awslc "$tmp/awslc.jsonl" "$repo/scripts/node.sh"
run_corpus openssl "$tmp/openssl.jsonl" env NODE_BIN=out/node-openssl "$repo/scripts/node.sh"
ref_args=()
if [ -n "$reference" ]; then
  run_corpus reference "$tmp/reference.jsonl" "$reference"
  ref_args=(--reference "$tmp/reference.jsonl")
fi
note "ran in $SECONDS s"
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$tmp"/*.jsonl "$keep"/
fi

# The comparison runs on the host's node when there is one, else on out/node (node.sh makes
# the result files, named as separate arguments, visible in the build root).
compare=(node)
command -v node >/dev/null || compare=("$repo/scripts/node.sh")
report_args=()
if [ "$update_report" = 1 ]; then
  mkdir -p "$repo/reports"
  report_args=(--report "$repo/reports/corpus.md" --command "scripts/corpus.sh $*")
fi
partial=()
[ ${#filter[@]} = 0 ] || partial=(--partial)
"${compare[@]}" "$repo/test/corpus/compare.js" --control "$tmp/openssl.jsonl" --awslc "$tmp/awslc.jsonl" \
  "${ref_args[@]}" --expectations "$repo/ci/expectations-corpus.txt" "${report_args[@]}" "${partial[@]}"
