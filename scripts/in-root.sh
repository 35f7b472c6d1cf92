#!/usr/bin/env bash
# Run a command inside the node-awslc Debian sid build root.
#
#   scripts/in-root.sh [--pid-ns] [--bind DIR]... [--bind-over SRC:DST]... -- COMMAND [ARGS...]
#
# --pid-ns also gives the command its own PID namespace: when it exits, every process it
# left behind (a test's stray `openssl s_server`, say) is killed with it.
# The command runs in a private mount namespace (nothing leaks to the host, nothing
# stays mounted when it exits) with /proc, /dev and /sys of the host, the ccache
# directory at /ccache, every --bind DIR at the same path inside the root, and every
# --bind-over SRC:DST laid over DST inside the root (used to put AWS-LC's headers
# where the compiler already looks). The working directory is the caller's when it is
# visible inside the root, else /. stdin/stdout/stderr and the exit code pass through.
set -euo pipefail

die() { echo "in-root.sh: $*" >&2; exit 2; }

cache_dir=${NODE_AWSLC_CACHE:-$HOME/.cache/node-awslc}
root=$cache_dir/root
[ -f "$root/.node-awslc-root-ready" ] || die "no build root at $root; run scripts/build-node.sh first"
[ "$(id -u)" = 0 ] || die "must run as root (it uses chroot and mount namespaces)"

binds=()
overs=()
pidns=()
while [ $# -gt 0 ]; do
  case $1 in
    --bind) binds+=("$(readlink -f "$2")"); shift 2 ;;
    --bind-over) overs+=("$2"); shift 2 ;;
    --pid-ns) pidns=(--pid --fork --kill-child); shift ;;
    --) shift; break ;;
    *) die "unknown option '$1' (usage: in-root.sh [--bind DIR]... [--bind-over SRC:DST]... -- CMD...)" ;;
  esac
done
[ $# -gt 0 ] || die "no command given"

mkdir -p "$cache_dir/ccache"

# Everything below runs in the new mount namespace; `exec` keeps one process, so
# signals and the exit status go straight to the command.
exec unshare --mount --propagation private "${pidns[@]}" -- /bin/bash -c '
  set -euo pipefail
  root=$1 ccache=$2 nbinds=$3 novers=$4; shift 4
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mkdir -p "$root/ccache" "$root/tmp"
  mount --bind "$ccache" "$root/ccache"
  for ((i = 0; i < nbinds; i++)); do
    mkdir -p "$root$1"; mount --bind "$1" "$root$1"; shift
  done
  for ((i = 0; i < novers; i++)); do
    src=${1%%:*} dst=${1#*:}
    mkdir -p "$root$dst"; mount --bind "$src" "$root$dst"; shift
  done
  cwd=$PWD
  [ -d "$root$cwd" ] || cwd=/
  export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  export CCACHE_DIR=/ccache
  exec chroot "$root" /bin/sh -c '\''cd "$1" && shift && exec "$@"'\'' in-root "$cwd" "$@"
' in-root "$root" "$cache_dir/ccache" "${#binds[@]}" "${#overs[@]}" "${binds[@]}" "${overs[@]}" "$@"
