#!/usr/bin/env bash
# Run a node-awslc binary inside the build root (it links sid's libraries), with the
# caller's working directory, arguments, stdin/stdout/stderr and exit code passed through.
#
#   scripts/node.sh app.js
#   echo 'console.log(1)' | scripts/node.sh -
#   NODE_BIN=out/node-openssl scripts/node.sh -p process.versions.openssl
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
bin=${NODE_BIN:-out/node}
case $bin in /*) ;; *) bin=$repo/$bin ;; esac
[ -x "$bin" ] || { echo "node.sh: $bin does not exist; build it with scripts/build-node.sh" >&2; exit 2; }
binds=(--bind "$repo" --bind "$(dirname "$bin")")
[ "$PWD" = / ] || binds+=(--bind "$PWD")
# Make files named on the command line visible too (scripts/node.sh /tmp/app.js).
for arg in "$@"; do
  if [ -e "$arg" ] && [ "$arg" != / ]; then
    dir=$(dirname "$(readlink -f "$arg")")
    [ "$dir" = / ] || binds+=(--bind "$dir")
  fi
done
exec "$repo/scripts/in-root.sh" "${binds[@]}" -- "$bin" "$@"
