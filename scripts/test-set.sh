#!/usr/bin/env bash
# The test set of scripts/test.sh and scripts/fips-test.sh, for one Node work tree:
# copies our tests (test/parallel/ of this repo) into TREE/test/parallel and prints the
# tools/test.py names of the tests that use crypto or TLS, one per line, sorted:
#   - every test/{parallel,sequential} file whose CONTENT uses them: a require/import of
#     (node:)crypto, tls or https; crypto.subtle, globalThis.crypto, webcrypto; HTTP/2 over
#     TLS (createSecureServer, connect('https:...')); test/common/crypto.js or tls.js;
#     internalBinding('crypto'|'tls_wrap'); the tls-connect fixture; process.versions.openssl,
#     process.features.openssl_is_*; and common.hasCrypto / hasCrypto, except in files that
#     use http2 without TLS (node:http2 exists only in builds with crypto, so nearly every
#     HTTP/2 test checks hasCrypto; cleartext HTTP/2 exercises nghttp2, not the library);
#   - the files named test-{tls,https,crypto,webcrypto,x509}-* (a few of them reach TLS only
#     through a fixture or a child process);
#   - wpt/test-webcrypto (the W3C WebCryptoAPI suite, status file test/wpt/status/WebCryptoAPI.cjs);
#   - ours.
#
#   scripts/test-set.sh TREE
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
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

# What makes a test file a crypto/TLS test (grep -E, one alternative per line).
uses_crypto='
require\(["'"'"'](node:)?(crypto|tls|https)["'"'"']\)
from ["'"'"'](node:)?(crypto|tls|https)["'"'"']
import\(["'"'"'](node:)?(crypto|tls|https)["'"'"']\)
crypto\.subtle
globalThis\.crypto
webcrypto
createSecureServer
connect\(["'"'"'`]https:
common/(crypto|tls)
internalBinding\(["'"'"'](crypto|tls_wrap)["'"'"']\)
tls-connect
process\.versions\.openssl
openssl_is_
'

uses_http2='require\(["'"'"'](node:)?http2["'"'"']\)|from ["'"'"'](node:)?http2["'"'"']'

list_tests() {
  local pattern f
  pattern=$(printf '%s' "$uses_crypto" | sed '/^$/d' | paste -sd'|')
  (
    cd "$tree/test"
    for dir in parallel sequential; do
      # Only files tools/test.py runs: test-*.{js,mjs,cjs}.
      find "$dir" -maxdepth 1 -type f -name 'test-*' \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) \
        -print0 | { xargs -0 grep -l -E "$pattern|hasCrypto" || true; } | while read -r f; do
          if grep -q -E "$pattern" "$f" || ! grep -q -E "$uses_http2" "$f"; then echo "$f"; fi
        done
      for f in "$dir"/test-tls-* "$dir"/test-https-* "$dir"/test-crypto-* "$dir"/test-webcrypto-* \
               "$dir"/test-x509-*; do
        if [ -f "$f" ]; then echo "$f"; fi
      done
    done | sed -E 's/\.(js|mjs|cjs)$//; s/\.(js|mjs|cjs)$/&*/'
    # (A file named test-x.js.js is test "test-x.js" to tools/test.py, which finds it among
    # other names only as "test-x.js*".)
    if [ -f wpt/test-webcrypto.js ]; then echo wpt/test-webcrypto; fi
    while read -r f; do echo "parallel/${f%.*}"; done <"$tree/.node-awslc-our-tests"
  ) | sort -u
}

copy_our_tests
list_tests
