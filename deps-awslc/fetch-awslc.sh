#!/usr/bin/env bash
# Fetch the pinned AWS-LC source and print the path of its aws-lc source tree.
#
#   deps-awslc/fetch-awslc.sh               AWS-LC (deps-awslc/awslc.env: the aws-lc-sys crate)
#   deps-awslc/fetch-awslc.sh --fips        the default AWS-LC-FIPS module (deps-awslc/awslc-fips.env:
#                                           the aws-lc-fips-sys crate)
#   deps-awslc/fetch-awslc.sh --fips=4.2.0  another one (deps-awslc/awslc-fips-<version>.env)
#
# Prints e.g. ~/.cache/node-awslc/src/aws-lc-5.12.0 (src/aws-lc-fips-<version> for a FIPS module).
# The source comes from a crate of the Rust crate registry, fetched by cargo (a throwaway
# manifest and CARGO_HOME, so nothing of the user's cargo state is touched but its registry
# settings). Cargo checks the crate against the registry index; this script checks the .crate file's sha256 and the Cargo.lock checksum
# against the pin, and that the tree's AWSLC_VERSION_NUMBER_STRING is the pinned version, then
# extracts the crate's aws-lc/ directory (temporary directory + rename: a half-extracted tree
# is never used).
#
# Options:  --fips[=<version>]  --help
# Env:      NODE_AWSLC_CACHE  cache dir (default ~/.cache/node-awslc): downloads/, src/
#           CARGO             cargo to use (default: cargo on PATH, else ~/.cargo/bin/cargo)
# Needs on the host: cargo, tar, sha256sum.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib/common.sh"

fips=no fips_version=
for arg in "$@"; do
  case $arg in
    --fips) fips=yes fips_version= ;;
    --fips=*) fips=yes fips_version=${arg#--fips=}
      [ -n "$fips_version" ] || die "--fips= wants an AWS-LC-FIPS version (pinned: $(fips_versions))" ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done

if [ $fips = yes ]; then
  load_fips_pins "$fips_version"
  crate=$AWSLC_FIPS_CRATE version=$AWSLC_FIPS_CRATE_VERSION sha256=$AWSLC_FIPS_CRATE_SHA256
  awslc_version=$AWSLC_FIPS_VERSION subdir=$AWSLC_FIPS_SUBDIR
  src_dir=$cache_dir/src/aws-lc-fips-$awslc_version
else
  . "$repo/deps-awslc/awslc.env"
  crate=$AWSLC_CRATE version=$AWSLC_CRATE_VERSION sha256=$AWSLC_CRATE_SHA256
  awslc_version=$AWSLC_VERSION subdir=$AWSLC_SUBDIR
  src_dir=$cache_dir/src/aws-lc-$awslc_version
fi
crate_file=$crate-$version.crate

find_cargo() {
  cargo=${CARGO:-$(command -v cargo || true)}
  if [ -z "$cargo" ] && [ -x "$HOME/.cargo/bin/cargo" ]; then cargo=$HOME/.cargo/bin/cargo; fi
  [ -n "$cargo" ] && [ -x "$cargo" ] \
    || die "cargo is needed on the host to fetch $crate $version from the crate registry (install rustup/cargo, or set CARGO=<path>)"
}

# A manifest that depends on exactly the pinned version; `cargo fetch` downloads it (and the
# crate's own build dependencies, which we do not use) into the throwaway CARGO_HOME.
fetch_crate() {
  local dest=$downloads/$crate_file
  if [ -f "$dest" ] && [ "$(sha256_of "$dest")" = "$sha256" ]; then return; fi
  find_cargo
  mkdir -p "$downloads"
  local locked got
  fetch_tmp=$(mktemp -d)
  trap 'rm -rf "${fetch_tmp:-}"' EXIT
  local tmp=$fetch_tmp
  mkdir -p "$tmp/manifest/src" "$tmp/cargo-home"
  # Keep the user's registry settings (a mirror, say), nothing else.
  for f in "${CARGO_HOME:-$HOME/.cargo}"/config.toml "${CARGO_HOME:-$HOME/.cargo}"/config; do
    if [ -f "$f" ]; then cp "$f" "$tmp/cargo-home/"; fi
  done
  printf '%s\n' '[package]' 'name = "node-awslc-fetch"' 'version = "0.0.0"' 'edition = "2021"' \
    'publish = false' '' '[dependencies]' \
    "$crate = { version = \"=$version\", default-features = false }" \
    >"$tmp/manifest/Cargo.toml"
  : >"$tmp/manifest/src/lib.rs"
  note "fetching $crate $version with cargo"
  (cd "$tmp/manifest" && CARGO_HOME=$tmp/cargo-home "$cargo" fetch >"$tmp/cargo.log" 2>&1) \
    || { cat "$tmp/cargo.log" >&2; die "cargo fetch of $crate $version failed (is the crate registry reachable?)"; }
  locked=$(awk -v name="$crate" '
    $0 == "name = \"" name "\"" { found = 1 }
    found && /^checksum = / { gsub(/"/, "", $3); print $3; exit }' "$tmp/manifest/Cargo.lock")
  [ "$locked" = "$sha256" ] || die "Cargo.lock gives $crate $version the checksum '$locked', pinned '$sha256'"
  local found
  found=$(find "$tmp/cargo-home/registry/cache" -name "$crate_file" | head -1)
  [ -n "$found" ] || die "cargo fetch succeeded but left no $crate_file in its cache"
  got=$(sha256_of "$found")
  [ "$got" = "$sha256" ] || die "$crate_file has sha256 $got, pinned $sha256"
  mv "$found" "$dest.part"
  mv "$dest.part" "$dest"
}

# The crate's aws-lc/ directory becomes the source tree; a stamp names the crate it came from.
extract_source() {
  if [ "$(cat "$src_dir/.extracted" 2>/dev/null)" = "$sha256" ]; then return; fi
  note "extracting $crate_file into $src_dir"
  local tmp=$src_dir.tmp
  rm -rf "$tmp"
  mkdir -p "$tmp"
  tar -xzf "$downloads/$crate_file" -C "$tmp"
  local tree=$tmp/$crate-$version/$subdir
  [ -f "$tree/CMakeLists.txt" ] && [ -f "$tree/include/openssl/base.h" ] \
    || { rm -rf "$tmp"; die "$crate_file has no AWS-LC tree at $subdir/"; }
  if [ $fips = yes ] && [ ! -d "$tree/util/fipstools/delocate" ]; then
    rm -rf "$tmp"; die "$crate_file has no util/fipstools/delocate: it cannot build the FIPS module"
  fi
  local have
  have=$(sed -n 's/^#define AWSLC_VERSION_NUMBER_STRING "\(.*\)"/\1/p' "$tree/include/openssl/base.h")
  [ "$have" = "$awslc_version" ] \
    || { rm -rf "$tmp"; die "$crate_file holds AWS-LC '$have', the pin says $awslc_version"; }
  mv "$tree" "$tmp/aws-lc"
  echo "$sha256" >"$tmp/aws-lc/.extracted"
  rm -rf "$src_dir"
  mkdir -p "$(dirname "$src_dir")"
  mv "$tmp/aws-lc" "$src_dir"
  rm -rf "$tmp"
}

fetch_crate
extract_source
echo "$src_dir"
