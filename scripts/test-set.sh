#!/usr/bin/env bash
# The test set of scripts/test.sh and scripts/fips-test.sh, for one Node work tree:
# copies our tests (test/parallel/ of this repo) into TREE/test/parallel and prints the
# tools/test.py names of Node's test/{parallel,sequential} files test-{tls,https,crypto,
# webcrypto,x509}-*, the test-http2-* files that use TLS, test-process-{versions,features}
# and ours, one per line, sorted.
#
#   scripts/test-set.sh TREE
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:?usage: test-set.sh TREE}
[ -d "$tree/test/parallel" ] || { echo "test-set.sh: error: $tree is not a Node work tree" >&2; exit 1; }

# Our tests go into the Node tree under their own names; remove earlier copies first so a
# test deleted from the repo does not keep running.
copy_our_tests() {
  local list=$tree/.node-awslc-our-tests
  if [ -f "$list" ]; then
    while read -r f; do rm -f "$tree/test/parallel/$f"; done <"$list"
  fi
  : >"$list"
  local f
  for f in "$repo"/test/parallel/test-*; do
    [ -e "$f" ] || continue
    cp "$f" "$tree/test/parallel/"
    basename "$f" >>"$list"
  done
}

list_tests() {
  (
    cd "$tree/test"
    for dir in parallel sequential; do
      for f in "$dir"/test-tls-* "$dir"/test-https-* "$dir"/test-crypto-* "$dir"/test-webcrypto-* \
               "$dir"/test-x509-* "$dir"/test-process-versions.js "$dir"/test-process-features.js; do
        [ -f "$f" ] && echo "${f%.*}"
      done
      grep -l -E "createSecureServer|connect\(['\"\`]https:" "$dir"/test-http2-* 2>/dev/null | sed 's/\.[a-z]*$//'
    done
    while read -r f; do echo "parallel/${f%.*}"; done <"$tree/.node-awslc-our-tests"
  ) | sort -u
}

copy_our_tests
list_tests
