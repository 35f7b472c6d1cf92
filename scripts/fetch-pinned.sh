#!/usr/bin/env bash
# Download one file from the Debian mirror by its pool path and make sure it has the pinned
# sha256. A file already at DEST with that sha256 is kept. apt-helper checks the hash while
# downloading and the result is checked again; a failure leaves no file behind (the log is
# DEST.log).
#
#   scripts/fetch-pinned.sh MIRROR POOL_PATH DEST SHA256
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: fetch-pinned.sh MIRROR POOL_PATH DEST SHA256" >&2; exit 2; }
mirror=${1%/} pool_path=$2 dest=$3 sha256=$4
name=${pool_path##*/}

sha256_of() { sha256sum <"$1" | cut -d' ' -f1; }
fail() { rm -f "$dest.part" "$dest.part.FAILED"; echo "fetch-pinned.sh: error: $*" >&2; exit 1; }

if [ -f "$dest" ] && [ "$(sha256_of "$dest")" = "$sha256" ]; then exit 0; fi
mkdir -p "$(dirname "$dest")"
rm -f "$dest" "$dest.part" "$dest.part.FAILED"
echo "fetch-pinned.sh: downloading $name" >&2
/usr/lib/apt/apt-helper download-file "$mirror/$pool_path" "$dest.part" "SHA256:$sha256" >"$dest.log" 2>&1 \
  || fail "download of $name failed or its sha256 is not $sha256 (see $dest.log)"
[ "$(sha256_of "$dest.part")" = "$sha256" ] || fail "$name: sha256 mismatch (want $sha256)"
mv "$dest.part" "$dest"
