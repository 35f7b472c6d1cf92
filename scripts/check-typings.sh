#!/usr/bin/env bash
# Type-check typings/ with tsc --strict against @types/node 22 (versions pinned in
# typings/package.json; installed from the npm registry into the cache dir).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
work=$cache_dir/typings
want=$(sha256sum "$repo/typings/package.json" | cut -c1-16)
if [ "$(cat "$work/.installed" 2>/dev/null)" != "$want" ]; then
  command -v npm >/dev/null || { echo "check-typings.sh: npm is needed to install TypeScript" >&2; exit 1; }
  rm -rf "$work"
  mkdir -p "$work"
  cp "$repo/typings/package.json" "$work/"
  (cd "$work" && npm install --no-package-lock --no-audit --no-fund --silent >npm.log 2>&1) \
    || { echo "check-typings.sh: npm install of TypeScript failed (see $work/npm.log)" >&2; exit 1; }
  echo "$want" >"$work/.installed"
fi
rm -rf "$work/src"
mkdir -p "$work/src"
cp -r "$repo/typings/." "$work/src/"
ln -s ../node_modules "$work/src/node_modules"
(cd "$work/src" && ../node_modules/.bin/tsc -p tsconfig.json)
echo "check-typings.sh: typings/ type-check with tsc --strict: ok"
