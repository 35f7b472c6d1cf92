# The steps of scripts/build-image.sh (sourced after common.sh and sources.sh).
. "$repo/ci/image.env"
. "$repo/deps-awslc/awslc.env"
. "$repo/deps-awslc/awslc-fips.env"

image_tag() { # <variant> <flavour>
  local tag=$NODE_VERSION
  [ "$1" = awslc ] || tag+="-$1"
  [ "$2" = min ] || tag+="-$2"
  echo "$tag"
}
image_ref() { echo "node-awslc:$(image_tag "$1" "$2")"; }
image_archive() { echo "$repo/out/node-awslc_$(image_tag "$1" "$2").oci.tar"; }
variant_build_flag() { case $1 in fips) echo " --fips" ;; openssl) echo " --crypto=openssl" ;; *) echo "" ;; esac; }

fetch_npm_and_corepack() {
  fetch_npm_package npm "$NPM_VERSION" "$NPM_INTEGRITY"; npm_tgz=$npm_package_tgz
  fetch_npm_package corepack "$COREPACK_VERSION" "$COREPACK_INTEGRITY"; corepack_tgz=$npm_package_tgz
}

# The crypto library a variant's binary was built with: its headers and license, recorded
# by build-node.sh in the work tree.
crypto_of() { # <variant>
  local tree=$root/build/node-$1
  case $1 in
    openssl)
      crypto_headers=("$root/usr/include/openssl" "$root/usr/include/x86_64-linux-gnu/openssl")
      crypto_license=$root/usr/share/doc/libssl3t64/copyright ;;
    *)
      local prefix src
      prefix=$(cat "$tree/.node-awslc-crypto-prefix" 2>/dev/null) \
        || die "$tree has no .node-awslc-crypto-prefix; rebuild it with scripts/build-node.sh$(variant_build_flag "$1")"
      src=$(cat "$tree/.node-awslc-crypto-src")
      crypto_headers=("$root$prefix/include/openssl")
      crypto_license=$src/LICENSE ;;
  esac
}

# /usr/local as the official Node images have it: node (stripped), npm, npx, corepack,
# include/node (Node's headers + the crypto library's openssl/), the licenses.
stage_node_layer() { # <variant> <dir>
  local v=$1 dir=$2 tree=$root/build/node-$1 local_dir=$2/usr/local
  mkdir -p "$local_dir/bin" "$local_dir/lib/node_modules" "$local_dir/share/doc/node-awslc"
  cp "$tree/out/Release/node" "$local_dir/bin/node"
  in_root --bind "$dir" -- strip --strip-all "$local_dir/bin/node"
  (cd "$tree" && in_root --bind "$tree" --bind "$dir" -- \
     python3 tools/install.py install --headers-only --silent --dest-dir "$dir" --prefix /usr/local) \
    || die "installing Node's headers from $tree failed"
  crypto_of "$v"
  local h
  mkdir -p "$local_dir/include/node/openssl"
  for h in "${crypto_headers[@]}"; do cp -r "$h/." "$local_dir/include/node/openssl/"; done
  local m
  for m in npm corepack; do
    mkdir -p "$local_dir/lib/node_modules/$m"
    local tgz=$npm_tgz; [ $m = npm ] || tgz=$corepack_tgz
    tar -xzf "$tgz" -C "$local_dir/lib/node_modules/$m" --strip-components=1 --no-same-owner
  done
  chmod 755 "$local_dir/lib/node_modules/npm/bin/npm-cli.js" "$local_dir/lib/node_modules/npm/bin/npx-cli.js" \
    "$local_dir/lib/node_modules/corepack/dist/corepack.js"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$local_dir/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$local_dir/bin/npx"
  ln -s ../lib/node_modules/corepack/dist/corepack.js "$local_dir/bin/corepack"
  cp "$tree/LICENSE" "$local_dir/share/doc/node-awslc/LICENSE.node"
  cp "$crypto_license" "$local_dir/share/doc/node-awslc/LICENSE.$( [ "$v" = openssl ] && echo openssl || echo aws-lc)"
  cp "$repo/ci/image-readme.txt" "$local_dir/share/doc/node-awslc/README"
  chown -R 0:0 "$dir"
}

# What the binary links, found inside the build root.
linked_libraries() { # <binary inside the root>
  in_root --bind "$(dirname "$1")" -- ldd "$1" \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u
}

# min: node's libraries, /usr/bin/env (npm's shebang), CA certificates, tzdata, a user.
stage_min_base() { # <variant> <dir> <stripped node>
  local v=$1 dir=$2 node=$3 paths
  mapfile -t paths < <(linked_libraries "$node"; linked_libraries "$root/usr/bin/env"; echo /usr/bin/env
                       echo /etc/ssl/certs/ca-certificates.crt; echo /usr/share/zoneinfo)
  if [ "$v" = openssl ]; then
    paths+=(/usr/lib/x86_64-linux-gnu/ossl-modules /usr/lib/ssl/openssl.cnf)
  fi
  python3 "$repo/scripts/lib/stage_files.py" "$root" "$dir" "${paths[@]}" >"$dir.files" \
    || die "staging the min base from the build root failed"
  mkdir -p "$dir/etc/ssl" "$dir/usr/lib/ssl" "$dir/tmp" "$dir/home/node" "$dir/var/lib/dpkg/status.d"
  ln -sfn certs/ca-certificates.crt "$dir/etc/ssl/cert.pem"
  ln -sfn /etc/ssl/certs/ca-certificates.crt "$dir/usr/lib/ssl/cert.pem"
  ln -sfn /etc/ssl/certs "$dir/usr/lib/ssl/certs"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000:node:/home/node:/sbin/nologin\n' >"$dir/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:\n' >"$dir/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$dir/etc/nsswitch.conf"
  chmod 1777 "$dir/tmp"
  chown 1000:1000 "$dir/home/node"
  # The packages those files come from, as distroless images record them, so that
  # scanners see them (and the SBOM lists them).
  packages_of_files "$dir.files" >"$dir.packages"
  local p
  while read -r p _; do
    in_root -- dpkg-query -s "$p" >"$dir/var/lib/dpkg/status.d/${p%%:*}"
  done <"$dir.packages"
}

packages_of_files() { # <file listing paths inside the root> -> "package version" lines
  local files
  files=$(cat "$1")
  # dpkg -S knows the paths a package installed; merged /usr puts some under /lib.
  in_root -- sh -c 'for f in "$@"; do dpkg -S "$f" 2>/dev/null || dpkg -S "${f#/usr}" 2>/dev/null || echo "?: $f"; done' sh $files \
    | awk -F': ' '{ split($1, a, ", "); for (i in a) print a[i] }' | grep -v '^?$' | sort -u \
    | while read -r p; do printf '%s %s\n' "$p" "$(in_root -- dpkg-query -W -f '${Version}' "$p")"; done
}

# slim: Debian sid minbase + the runtime libraries at the build root's versions, made once
# per package list (debootstrap in *.tmp, renamed when complete) and used as the layer.
slim_base() { # <variant> -> slim_dir
  local v=$1 pkgs key
  pkgs=$(packages_of_files <(linked_libraries "$root/build/node-$v/out/Release/node") | awk '{ print $1 "=" $2 }')
  pkgs+=$'\n'"ca-certificates=$(in_root -- dpkg-query -W -f '${Version}' ca-certificates)"
  pkgs+=$'\n'"tzdata=$(in_root -- dpkg-query -W -f '${Version}' tzdata)"
  local nossl=no; [ "$v" = fips ] && nossl=yes
  key=$( (echo "$pkgs"; echo "$nossl"; declare -f slim_base make_slim_base) | sha256sum | cut -c1-16)
  slim_dir=$cache_dir/images/slim-$key
  [ -f "$slim_dir.ready" ] && return
  make_slim_base "$slim_dir" "$nossl" $pkgs
  touch "$slim_dir.ready"
}

make_slim_base() { # <dir> <purge openssl: yes|no> <package=version>...
  local dir=$1 nossl=$2; shift 2
  local tmp=$dir.tmp
  note "making the slim base (debootstrap sid minbase + ${#@} runtime packages; ~2 min)"
  rm -rf "$tmp" "$dir"
  mkdir -p "$(dirname "$dir")"
  debootstrap --variant=minbase sid "$tmp" "$mirror" >"$tmp.log" 2>&1 \
    || die "debootstrap of the slim base failed (see $tmp.log)"
  printf 'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n' >"$tmp/etc/apt/apt.conf.d/90node-awslc"
  printf 'deb %s sid main\n' "$mirror" >"$tmp/etc/apt/sources.list"
  chroot "$tmp" apt-get update >>"$tmp.log" 2>&1 || die "apt-get update in the slim base failed (see $tmp.log)"
  chroot "$tmp" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >>"$tmp.log" 2>&1 \
    || die "installing the runtime packages into the slim base failed (see $tmp.log)"
  chroot "$tmp" useradd --uid 1000 --user-group --create-home --shell /bin/bash node
  if [ "$nossl" = yes ]; then
    # A FIPS image holds one crypto library, the module inside node: no apt (it needs
    # OpenSSL), no OpenSSL, no nettle.
    local purge=() p
    for p in apt libapt-pkg7.0 sqv openssl-provider-legacy libssl3t64 libhogweed6t64 libnettle8t64; do
      chroot "$tmp" dpkg-query -W "$p" >/dev/null 2>&1 && purge+=("$p")
    done
    chroot "$tmp" dpkg --purge --force-depends "${purge[@]}" >>"$tmp.log" 2>&1 || die "purging ${purge[*]} failed (see $tmp.log)"
    rm -rf "$tmp/etc/apt" "$tmp/var/lib/apt" "$tmp/var/cache/apt"
  fi
  chroot "$tmp" apt-get clean >/dev/null 2>&1 || true
  rm -rf "$tmp/var/lib/apt/lists/"* "$tmp/var/cache/apt/"*.bin "$tmp/var/log/"* "$tmp/dev/"* "$tmp/run/"* "$tmp/tmp/"*
  # Documentation but the copyright files, as Debian's slim images do.
  find "$tmp/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$tmp/usr/share/man" "$tmp/usr/share/info" "$tmp/usr/share/locale" "$tmp/usr/share/lintian"
  mv "$tmp" "$dir"
}

# "name version" lines -> "name version arch sha256-of-the-.deb", from the build root's apt
# lists (the slim base comes from the same archive).
debian_details() { # <packages file>
  in_root --bind "$(dirname "$1")" -- sh -c '
    while read -r p v; do
      [ -n "$p" ] || continue
      info=$(apt-cache show "${p%%:*}=$v" 2>/dev/null | awk -v RS= "NR == 1")
      arch=$(printf "%s\n" "$info" | sed -n "s/^Architecture: //p")
      sum=$(printf "%s\n" "$info" | sed -n "s/^SHA256: //p")
      echo "$p $v ${arch:-unknown} ${sum:-NOASSERTION}"
    done <"$1"' sh "$1"
}

# The whole image: stage, SBOM, archive. Reused when its inputs are unchanged.
build_image() { # <variant> <flavour>
  local v=$1 f=$2 tag ref archive stage start=$SECONDS
  tag=$(image_tag "$v" "$f") ref=$(image_ref "$v" "$f") archive=$(image_archive "$v" "$f")
  stage=$cache_dir/images/stage/$tag
  local revision source_url created epoch=$IMAGE_FILE_EPOCH key base
  slim_dir=
  revision=$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)
  git -C "$repo" diff --quiet HEAD 2>/dev/null || revision+=-dirty
  source_url=${NODE_AWSLC_SOURCE_URL:-$(git -C "$repo" remote get-url origin 2>/dev/null || echo unknown)}
  created=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || echo "$epoch")
  [ "$f" = slim ] && slim_base "$v"
  crypto_of "$v"
  key=$( { sha256sum <"$root/build/node-$v/out/Release/node"; find "${crypto_headers[@]}" -type f -exec sha256sum {} + | sort
           echo "$npm_tgz $corepack_tgz $revision $source_url $created ${slim_dir:-}"
           cat "$repo/scripts/lib/image.sh" "$repo/scripts/lib/oci_image.py" "$repo/scripts/lib/stage_files.py" \
               "$repo/scripts/lib/sbom.py" "$repo/ci/image.env" "$repo/ci/image-readme.txt"; } | sha256sum | cut -c1-16)
  if [ -f "$archive" ] && [ "$(cat "$archive.key" 2>/dev/null)" = "$key" ]; then
    note "$ref: up to date ($archive)"
    return
  fi
  note "$ref: staging"
  rm -rf "$stage" "$archive" "$archive.key"
  mkdir -p "$stage/node" "$stage/base"
  stage_node_layer "$v" "$stage/node"
  if [ "$f" = min ]; then
    stage_min_base "$v" "$stage/base" "$stage/node/usr/local/bin/node"
    base=$stage/base
    cp "$stage/base.packages" "$stage/packages"
  else
    base=$slim_dir
    in_root --bind "$base" -- sh -c "chroot '$base' dpkg-query -W -f '\${Package} \${Version}\n'" >"$stage/packages"
  fi
  note "$ref: SBOM"
  debian_details "$stage/packages" >"$stage/packages.details"
  in_root -- dpkg-query -W -f '${Package} ${Version}\n' node-undici node-cjs-module-lexer node-acorn node-minimatch \
    >"$stage/embedded"
  python3 "$repo/scripts/lib/sbom.py" --image "$ref" --variant "$v" --flavour "$f" --created "$created" \
    --packages "$stage/packages.details" --embedded "$stage/embedded" --repo "$repo" --revision "$revision" \
    >"$stage/node/usr/local/share/doc/node-awslc/sbom.spdx.json" || die "writing the SBOM of $ref failed"
  note "$ref: writing the archive"
  mkdir -p "$repo/out"
  python3 - "$stage/spec.json" <<EOF
import json, sys
json.dump({
  "out": "$archive", "epoch": $epoch,
  "layers": [{"dir": "$base", "comment": "$( [ "$f" = min ] && echo "node's shared libraries, CA certificates, tzdata, users (build root packages)" || echo "Debian sid minbase + node's runtime libraries")"},
             {"dir": "$stage/node", "comment": "node $NODE_VERSION ($v), npm $NPM_VERSION, corepack $COREPACK_VERSION, headers, licenses"}],
  "config": {
    "User": "1000:1000",
    "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NODE_VERSION=$NODE_VERSION"],
    "Cmd": ["node"],
    "WorkingDir": "/home/node",
    "Labels": {
      "org.opencontainers.image.title": "node-awslc",
      "org.opencontainers.image.description": "Node.js $NODE_VERSION with node:crypto and node:tls on $( case $v in awslc) echo "AWS-LC $AWSLC_VERSION";; fips) echo "the AWS-LC-FIPS $AWSLC_FIPS_VERSION module";; openssl) echo "OpenSSL (control build)";; esac) ($f)",
      "org.opencontainers.image.version": "$tag",
      "org.opencontainers.image.revision": "$revision",
      "org.opencontainers.image.source": "$source_url",
      "org.opencontainers.image.licenses": "MIT AND Apache-2.0 AND ISC AND OpenSSL",
      "org.opencontainers.image.created": "$(date -u -d "@$created" +%Y-%m-%dT%H:%M:%SZ)"
    }
  },
  "names": ["$ref"]
}, open(sys.argv[1], "w"), indent=1)
EOF
  python3 "$repo/scripts/lib/oci_image.py" "$stage/spec.json" >"$stage/result.json" \
    || { rm -f "$archive" "$archive.tmp"; die "writing $archive failed"; }
  cp "$stage/node/usr/local/share/doc/node-awslc/sbom.spdx.json" "${archive%.oci.tar}.spdx.json"
  echo "$key" >"$archive.key"
  note "$ref: $(du -m "$archive" | cut -f1) MB archive in $((SECONDS - start)) s ($archive)"
}
