#!/usr/bin/env bash
# Fetch the pinned AWS-LC-FIPS source (deps-awslc/awslc-fips.env) and print the path of its
# aws-lc source tree.
#
#   deps-awslc/fetch-awslc-fips.sh            -> prints ~/.cache/node-awslc/src/aws-lc-fips-<ver>
#
# The source comes from the aws-lc-fips-sys crate of the Rust crate registry, fetched by cargo
# (a throwaway manifest and CARGO_HOME, so nothing of the user's cargo state is touched). Cargo
# checks the crate against the registry index; this script checks the .crate file's sha256
# and the Cargo.lock checksum against the pin, then extracts the crate's aws-lc/ directory
# (temporary directory + rename: a half-extracted tree is never used).
#
# Options:  --help
# Env:      NODE_AWSLC_CACHE  cache dir (default ~/.cache/node-awslc): downloads/, src/
#           CARGO             cargo to use (default: cargo on PATH, else ~/.cargo/bin/cargo)
# Needs on the host: cargo, tar, sha256sum.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/deps-awslc/awslc-fips.env"
cache_dir=${NODE_AWSLC_CACHE:-$HOME/.cache/node-awslc}
downloads=$cache_dir/downloads
crate_file=$AWSLC_FIPS_CRATE-$AWSLC_FIPS_CRATE_VERSION.crate
src_dir=$cache_dir/src/aws-lc-fips-$AWSLC_FIPS_VERSION

die() { echo "fetch-awslc-fips.sh: error: $*" >&2; exit 1; }
note() { echo "fetch-awslc-fips.sh: $*" >&2; }
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

parse_options() {
  for arg in "$@"; do
    case $arg in
      -h|--help) usage; exit 0 ;;
      *) die "unknown option '$arg' (see --help)" ;;
    esac
  done
}

find_cargo() {
  cargo=${CARGO:-$(command -v cargo || true)}
  if [ -z "$cargo" ] && [ -x "$HOME/.cargo/bin/cargo" ]; then cargo=$HOME/.cargo/bin/cargo; fi
  [ -n "$cargo" ] && [ -x "$cargo" ] \
    || die "cargo is needed on the host to fetch $AWSLC_FIPS_CRATE $AWSLC_FIPS_CRATE_VERSION from the crate registry (install rustup/cargo, or set CARGO=<path>)"
}

# A manifest that depends on exactly the pinned version; `cargo fetch` downloads it (and the
# crate's own build dependencies, which we do not use) into the throwaway CARGO_HOME.
fetch_crate() {
  local dest=$downloads/$crate_file
  if [ -f "$dest" ] && [ "$(sha256_of "$dest")" = "$AWSLC_FIPS_CRATE_SHA256" ]; then return; fi
  find_cargo
  mkdir -p "$downloads"
  local locked got
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/manifest/src" "$tmp/cargo-home"
  # Keep the user's registry settings (a mirror, say), nothing else.
  for f in "${CARGO_HOME:-$HOME/.cargo}"/config.toml "${CARGO_HOME:-$HOME/.cargo}"/config; do
    if [ -f "$f" ]; then cp "$f" "$tmp/cargo-home/"; fi
  done
  printf '%s\n' '[package]' 'name = "node-awslc-fetch-fips"' 'version = "0.0.0"' 'edition = "2021"' \
    'publish = false' '' '[dependencies]' \
    "$AWSLC_FIPS_CRATE = { version = \"=$AWSLC_FIPS_CRATE_VERSION\", default-features = false }" \
    >"$tmp/manifest/Cargo.toml"
  : >"$tmp/manifest/src/lib.rs"
  note "fetching $AWSLC_FIPS_CRATE $AWSLC_FIPS_CRATE_VERSION with cargo"
  (cd "$tmp/manifest" && CARGO_HOME=$tmp/cargo-home "$cargo" fetch >"$tmp/cargo.log" 2>&1) \
    || { cat "$tmp/cargo.log" >&2; die "cargo fetch of $AWSLC_FIPS_CRATE $AWSLC_FIPS_CRATE_VERSION failed (is the crate registry reachable?)"; }
  locked=$(awk -v name="$AWSLC_FIPS_CRATE" '
    $0 == "name = \"" name "\"" { found = 1 }
    found && /^checksum = / { gsub(/"/, "", $3); print $3; exit }' "$tmp/manifest/Cargo.lock")
  [ "$locked" = "$AWSLC_FIPS_CRATE_SHA256" ] \
    || die "Cargo.lock gives $AWSLC_FIPS_CRATE $AWSLC_FIPS_CRATE_VERSION the checksum '$locked', pinned '$AWSLC_FIPS_CRATE_SHA256'"
  local found
  found=$(find "$tmp/cargo-home/registry/cache" -name "$crate_file" | head -1)
  [ -n "$found" ] || die "cargo fetch succeeded but left no $crate_file in its cache"
  got=$(sha256_of "$found")
  [ "$got" = "$AWSLC_FIPS_CRATE_SHA256" ] || die "$crate_file has sha256 $got, pinned $AWSLC_FIPS_CRATE_SHA256"
  mv "$found" "$dest.part"
  mv "$dest.part" "$dest"
  rm -rf "$tmp"
}

# The crate's aws-lc/ directory becomes the source tree; a stamp names the crate it came from.
extract_source() {
  if [ "$(cat "$src_dir/.extracted" 2>/dev/null)" = "$AWSLC_FIPS_CRATE_SHA256" ]; then return; fi
  note "extracting $crate_file into $src_dir"
  local tmp=$src_dir.tmp
  rm -rf "$tmp"
  mkdir -p "$tmp"
  tar -xzf "$downloads/$crate_file" -C "$tmp"
  local tree=$tmp/$AWSLC_FIPS_CRATE-$AWSLC_FIPS_CRATE_VERSION/$AWSLC_FIPS_SUBDIR
  [ -f "$tree/CMakeLists.txt" ] && [ -d "$tree/util/fipstools/delocate" ] \
    || { rm -rf "$tmp"; die "$crate_file has no AWS-LC-FIPS tree with its FIPS tools at $AWSLC_FIPS_SUBDIR/"; }
  local have
  have=$(sed -n 's/^#define AWSLC_VERSION_NUMBER_STRING "\(.*\)"/\1/p' "$tree/include/openssl/base.h")
  [ "$have" = "$AWSLC_FIPS_VERSION" ] \
    || { rm -rf "$tmp"; die "$crate_file holds AWS-LC-FIPS '$have', the pin says $AWSLC_FIPS_VERSION"; }
  mv "$tree" "$tmp/aws-lc"
  echo "$AWSLC_FIPS_CRATE_SHA256" >"$tmp/aws-lc/.extracted"
  rm -rf "$src_dir"
  mkdir -p "$(dirname "$src_dir")"
  mv "$tmp/aws-lc" "$src_dir"
  rm -rf "$tmp"
}

parse_options "$@"
fetch_crate
extract_source
echo "$src_dir"
