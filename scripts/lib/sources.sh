# The pinned sources, fetched and checked (sourced after common.sh; needs $mirror from
# find_debian_mirror for the Debian downloads).
#
#   fetch_node_tarball    -> $downloads/$NODE_ORIG_FILE (Debian's dfsg orig tarball)
#   fetch_awslc_source    -> $awslc_src (the pinned AWS-LC tree from its crate, read-only)
#   fetch_amaro           -> $amaro_tgz (npm pack, integrity checked)
#   fetch_npm_package     -> $npm_package_tgz (any pinned npm package)
. "$repo/ci/node.env"

download_verified() { # <pool path> <file name> <sha256>
  "$repo/scripts/fetch-pinned.sh" "$mirror" "$1" "$downloads/$2" "$3" || die "cannot fetch $2 from $mirror"
}

fetch_node_tarball() {
  download_verified "$NODE_ORIG_POOL_PATH" "$NODE_ORIG_FILE" "$NODE_ORIG_SHA256"
}

# The pinned AWS-LC tree (deps-awslc/awslc.env), from its crate.
fetch_awslc_source() {
  awslc_src=$("$repo/deps-awslc/fetch-awslc.sh") || die "fetching the pinned AWS-LC source failed (see above)"
}

# A package from the npm registry by `npm pack`: npm checks the registry's sha512 integrity,
# and we check it against the pin. Sets npm_package_tgz.
fetch_npm_package() { # <name> <version> <integrity>
  local name=$1 version=$2 integrity=$3 tmp got
  npm_package_tgz=$downloads/$name-$version.tgz
  if [ -f "$npm_package_tgz" ] && [ "$(cat "$npm_package_tgz.integrity" 2>/dev/null)" = "$integrity" ]; then return; fi
  command -v npm >/dev/null || die "npm is needed on the host to fetch $name $version from the npm registry"
  mkdir -p "$downloads"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack "$name@$version" --json >pack.json 2>npm.log) \
    || die "npm pack $name@$version failed (see $tmp/npm.log)"
  got=$(sed -n 's/.*"integrity": *"\([^"]*\)".*/\1/p' "$tmp/pack.json" | head -1)
  [ "$got" = "$integrity" ] || die "$name $version integrity is '$got', pinned '$integrity'"
  mv "$tmp/$name-$version.tgz" "$npm_package_tgz"
  echo "$got" >"$npm_package_tgz.integrity"
  rm -rf "$tmp"
}

# amaro (Node's TypeScript type stripper), pinned in ci/node.env.
fetch_amaro() {
  fetch_npm_package amaro "$AMARO_VERSION" "$AMARO_INTEGRITY"
  amaro_tgz=$npm_package_tgz
}
