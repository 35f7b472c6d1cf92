# The pinned sources, fetched and checked (sourced after common.sh; needs $mirror from
# find_debian_mirror for the Debian downloads).
#
#   fetch_node_tarball    -> $downloads/$NODE_ORIG_FILE (Debian's dfsg orig tarball)
#   fetch_awslc_source    -> $awslc_src (the pinned AWS-LC tree from its crate, read-only)
#   fetch_amaro           -> $amaro_tgz (npm pack, integrity checked)
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

# amaro (Node's TypeScript type stripper) from the npm registry; npm checks the registry's
# sha512 integrity, and we check it against the pin in ci/node.env.
fetch_amaro() {
  amaro_tgz=$downloads/amaro-$AMARO_VERSION.tgz
  if [ -f "$amaro_tgz" ] && [ "$(cat "$amaro_tgz.integrity" 2>/dev/null)" = "$AMARO_INTEGRITY" ]; then return; fi
  command -v npm >/dev/null || die "npm is needed on the host to fetch amaro $AMARO_VERSION from the npm registry"
  mkdir -p "$downloads"
  local tmp got
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack "amaro@$AMARO_VERSION" --json >pack.json 2>npm.log) \
    || die "npm pack amaro@$AMARO_VERSION failed (see $tmp/npm.log)"
  got=$(sed -n 's/.*"integrity": *"\([^"]*\)".*/\1/p' "$tmp/pack.json" | head -1)
  [ "$got" = "$AMARO_INTEGRITY" ] || die "amaro $AMARO_VERSION integrity is '$got', pinned '$AMARO_INTEGRITY'"
  mv "$tmp/amaro-$AMARO_VERSION.tgz" "$amaro_tgz"
  echo "$got" >"$amaro_tgz.integrity"
  rm -rf "$tmp"
}
