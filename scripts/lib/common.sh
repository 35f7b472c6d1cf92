# Shared preamble of the node-awslc scripts. Source it first:
#
#   . "$(dirname "$0")/lib/common.sh"          (scripts/*.sh)
#   . "$(dirname "$0")/../scripts/lib/common.sh"  (deps-awslc/*.sh)
#
# Sets     repo (the checkout), cache_dir ($NODE_AWSLC_CACHE, default ~/.cache/node-awslc),
#          root (the Debian sid build root), downloads, prog (the script's file name).
# Defines  die (one line on stderr, exit 1), note, usage (the script's header comment),
#          sha256_of, in_root, find_debian_mirror, progress (one updating line on a terminal),
#          ninja_progress / run_test_py (a build or a tools/test.py run with a counting line),
#          start_server / stop_server (a test server that prints "listening <port>"),
#          load_fips_pins / fips_versions (the pinned AWS-LC-FIPS module versions).
# Exit codes of every script: 0 done, 1 a failure `die` explains, 2 bad usage (die_usage).

prog=$(basename "$0")
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache_dir=${NODE_AWSLC_CACHE:-$HOME/.cache/node-awslc}
root=$cache_dir/root
downloads=$cache_dir/downloads

die() { echo "$prog: error: $*" >&2; exit 1; }
die_usage() { echo "$prog: error: $* (see --help)" >&2; exit 2; }
note() { echo "$prog: $*" >&2; }

# The script's header: the comment lines after the shebang, up to the first other line.
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }

sha256_of() { sha256sum <"$1" | cut -d' ' -f1; }
in_root() { "$repo/scripts/in-root.sh" "$@"; }

# The pins of an AWS-LC-FIPS module (the AWSLC_FIPS_* variables): with no version or the default
# module's, deps-awslc/awslc-fips.env; otherwise deps-awslc/awslc-fips-<version>.env, an
# alternative. Sets also fips_pins (the file) and fips_default (yes|no).
load_fips_pins() { # [<version>]
  local want=${1:-} default
  default=$(sed -n 's/^AWSLC_FIPS_VERSION=//p' "$repo/deps-awslc/awslc-fips.env")
  if [ -z "$want" ] || [ "$want" = "$default" ]; then
    fips_pins=$repo/deps-awslc/awslc-fips.env fips_default=yes
  else
    [[ $want =~ ^[0-9]+(\.[0-9]+)*$ ]] || die "'$want' is not an AWS-LC-FIPS version (e.g. $default)"
    fips_pins=$repo/deps-awslc/awslc-fips-$want.env fips_default=no
    [ -f "$fips_pins" ] || die "no pins for AWS-LC-FIPS $want (deps-awslc/awslc-fips-$want.env); pinned: $(fips_versions)"
  fi
  unset AWSLC_FIPS_CRATE AWSLC_FIPS_CRATE_VERSION AWSLC_FIPS_CRATE_SHA256 AWSLC_FIPS_VERSION \
    AWSLC_FIPS_SUBDIR AWSLC_FIPS_CC AWSLC_FIPS_CXX AWSLC_FIPS_CFLAGS
  . "$fips_pins"
  [ "${AWSLC_FIPS_VERSION:-}" = "${want:-$default}" ] \
    || die "$fips_pins pins AWSLC_FIPS_VERSION=${AWSLC_FIPS_VERSION:-}, not ${want:-$default}"
}
# The pinned AWS-LC-FIPS versions, the default first.
fips_versions() {
  local f list
  list="$(sed -n 's/^AWSLC_FIPS_VERSION=//p' "$repo/deps-awslc/awslc-fips.env") (default)"
  for f in "$repo"/deps-awslc/awslc-fips-*.env; do
    [ -f "$f" ] && list+=", $(sed -n 's/^AWSLC_FIPS_VERSION=//p' "$f")"
  done
  echo "$list"
}

# One status line that rewrites itself on a terminal (a plain line per call otherwise, so
# logs stay readable): progress "[12/40] building x".
progress() {
  if [ -t 2 ]; then printf '\r\033[K%s: %s' "$prog" "$*" >&2; else echo "$prog: $*" >&2; fi
}
progress_done() { if [ -t 2 ]; then printf '\n' >&2; fi; }

# The Debian mirror: NODE_AWSLC_MIRROR, else the build root's sources.list (what the root
# was made from), else this machine's apt configuration (deb822 .sources first, then
# one-line .list files). Nothing in the repo names a host.
find_debian_mirror() {
  mirror=${NODE_AWSLC_MIRROR:-}
  if [ -z "$mirror" ]; then
    mirror=$(awk '$1 == "deb" { print $2; exit }' "$root/etc/apt/sources.list" 2>/dev/null || true)
  fi
  if [ -z "$mirror" ]; then
    mirror=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources 2>/dev/null \
             | grep -E '/debian/?$' | head -1 || true)
  fi
  if [ -z "$mirror" ]; then
    mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }' \
             /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -E '/debian/?$' | head -1 || true)
  fi
  [ -n "$mirror" ] || die "no Debian mirror in the apt configuration; set NODE_AWSLC_MIRROR=<mirror url>"
  mirror=${mirror%/}
}

# Read a build's output (ninja's "[n/N] ..." lines among others) from stdin, write all of it
# to LOG, and show one progress line with an estimate: rewritten in place on a terminal,
# otherwise a line per 10% (or per minute), so CI logs stay short. With a PROFILE (the second
# at which each step of an earlier full build finished, see ninja_profile) the estimate
# follows that build's shape, scaled by how fast this one goes: with ccache most steps are
# hits and the last ones (V8's snapshot, the links) take most of the time. Without one it
# uses the rate of the last minute or so.
ninja_progress() { # <log> <label> [profile]
  local log=$1 label=$2 profile=${3:-} line n total pct fd left
  local last_pct=-1 last_print=$SECONDS start=$SECONDS
  local t_a=$SECONDS n_a=0 t_b=$SECONDS n_b=0   # two rate samples, ~30 s apart
  local -a shape=()
  [ -n "$profile" ] && [ -s "$profile" ] && mapfile -t shape <"$profile"
  exec {fd}>"$log"
  while IFS= read -r line; do
    printf '%s\n' "$line" >&$fd
    [[ $line =~ ^\[([0-9]+)/([0-9]+)\] ]] || continue
    n=${BASH_REMATCH[1]} total=${BASH_REMATCH[2]}
    if [ $((SECONDS - t_b)) -ge 30 ]; then t_a=$t_b n_a=$n_b t_b=$SECONDS n_b=$n; fi
    pct=$((100 * n / total))
    left=
    if [ ${#shape[@]} -ge $((total * 9 / 10)) ] && [ ${#shape[@]} -le $((total * 11 / 10)) ]; then
      local at=$((n * ${#shape[@]} / total)) end=${shape[-1]} done_then
      [ "$at" -ge 1 ] || at=1
      done_then=${shape[at - 1]}
      left=$((end - done_then))
      # This build's speed against the profiled one, once both have run long enough.
      if [ "$done_then" -ge 20 ] && [ $((SECONDS - start)) -ge 20 ]; then
        left=$((left * (SECONDS - start) / done_then))
      fi
    elif [ "$n" -gt "$n_a" ] && [ $((SECONDS - t_a)) -gt 0 ]; then
      left=$(( (SECONDS - t_a) * (total - n) / (n - n_a) ))
    fi
    count_line "$label [$n/$total] $pct%" "$pct" "$left"
  done
  exec {fd}>&-
  if [ -t 2 ]; then printf '\n' >&2; fi
}

# The counting line of ninja_progress and tap_progress: TEXT plus the estimate of LEFT
# seconds ("" while estimating); on a terminal every call rewrites it, in a log a line is
# printed when PCT reaches the next 10% or a minute has passed. Uses the caller's locals
# last_pct and last_print.
count_line() { # <text> <pct> <left seconds or "">
  local text=$1 pct=$2 left=$3 eta=estimating
  [ -z "$left" ] || eta="~$((left / 60)) min $((left % 60)) s left"
  if [ -t 2 ]; then
    printf '\r\033[K%s: %s, %s' "$prog" "$text" "$eta" >&2
  elif [ $((pct / 10)) -gt $((last_pct / 10)) ] || [ $((SECONDS - last_print)) -ge 60 ]; then
    echo "$prog: $text, $eta" >&2
    last_pct=$pct last_print=$SECONDS
  fi
}

# Node's tools/test.py in a work tree, its TAP written to a file while one line counts the
# results against the plan: "<label> [n/N] 40%, k not ok, ~m min s left" (not ok is not
# yet a problem: the caller compares the TAP with the expectations).
run_test_py() { # <tree> <tap> <label> <test.py arguments: suites or files>
  local tree=$1 tap=$2 label=$3
  shift 3
  (cd "$tree" && in_root --pid-ns --bind "$tree" -- env PYTHONUNBUFFERED=1 \
     python3 tools/test.py -j"$(nproc)" -p tap --logfile=/dev/null --timeout=240 "$@") \
    2>"$tap.stderr" | tap_progress "$tap" "$label" || true
}

tap_progress() { # <tap> <label>
  local tap=$1 label=$2 line fd n=0 not_ok=0 total=0 pct left
  local last_pct=-1 last_print=$SECONDS start=$SECONDS
  exec {fd}>"$tap"
  while IFS= read -r line; do
    printf '%s\n' "$line" >&$fd
    case $line in
      1..*) total=${line#1..}; continue ;;
      'not ok '*) not_ok=$((not_ok + 1)) ;;
      'ok '*) ;;
      *) continue ;;
    esac
    n=$((n + 1))
    [ "$total" -gt 0 ] || continue
    pct=$((100 * n / total))
    left=
    [ $((SECONDS - start)) -lt 20 ] || left=$(( (SECONDS - start) * (total - n) / n ))
    count_line "$label [$n/$total] $pct%, $not_ok not ok" "$pct" "$left"
  done
  exec {fd}>&-
  if [ -t 2 ]; then printf '\n' >&2; fi
}

# The profile ninja_progress reads, from a finished build's .ninja_log: for each step in the
# order they finished, the second (since the build started) at which it finished.
ninja_profile() { # <.ninja_log> <profile>
  # One line per edge: an edge with several outputs has a line per output, same times and hash.
  awk 'NR > 1 && !seen[$1 " " $2 " " $5]++ { print int($2 / 1000) }' "$1" | sort -n >"$2.tmp" && mv "$2.tmp" "$2"
}

# A test server in the background (test/tlsfuzzer/server.js: it prints "listening <port>"
# once it accepts connections), its stdout in OUT and stderr in OUT.err; waits up to 30 s.
# Sets server_pid and port. COMMAND must exec down to the server (scripts/node.sh does), so
# that stop_server's SIGTERM reaches it.
start_server() { # <name for messages> <out> <command...>
  local name=$1 out=$2 i
  shift 2
  "$@" >"$out" 2>"$out.err" &
  server_pid=$!
  for ((i = 0; i < 300; i++)); do
    port=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$out")
    [ -z "$port" ] || return 0
    kill -0 "$server_pid" 2>/dev/null \
      || die "the $name server exited at start: $(tail -3 "$out.err" | tr '\n' ' ')"
    sleep 0.1
  done
  die "the $name server did not listen within 30 s"
}

stop_server() {
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
