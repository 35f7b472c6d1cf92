#!/usr/bin/env bash
# Print the pinned upstream versions beside the newest ones the registries list, so that the
# next upgrade is a routine (docs/awslc-upgrade.md). Informative: it never fails the run; a
# registry it cannot reach shows "unknown".
#
#   scripts/upstream-versions.sh
#
# Asks: the crate registry (cargo info) for aws-lc-sys and aws-lc-fips-sys (per pinned FIPS
# module, the newest crate of its line: 0.13.x is AWS-LC-FIPS 3.x, 0.14.x 4.x; and the newest
# overall), the Debian archive (the build root's apt lists) for nodejs, PyPI (pip index) for the
# reference binary's wheel.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/ci/node.env"
. "$repo/deps-awslc/awslc.env"
for arg in "$@"; do
  case $arg in
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done

# Newest version of a crate (optionally within a major line such as 0.13), or "unknown".
crate_newest() { # <crate> [<version requirement>]
  local spec=$1 tmp out
  [ -n "${2:-}" ] && spec="$1@$2"
  command -v cargo >/dev/null || { echo unknown; return; }
  tmp=$(mktemp -d)
  for f in "${CARGO_HOME:-$HOME/.cargo}"/config.toml "${CARGO_HOME:-$HOME/.cargo}"/config; do
    if [ -f "$f" ]; then cp "$f" "$tmp/"; fi
  done
  out=$(cd "$tmp" && CARGO_HOME=$tmp timeout 120 cargo info "$spec" 2>/dev/null | sed -n 's/^version: \([^ ]*\).*/\1/p' | head -1 || true)
  rm -rf "$tmp"
  echo "${out:-unknown}"
}

debian_newest() { # <source package>
  local v
  v=$(in_root -- sh -c "apt-cache showsrc '$1' 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1" 2>/dev/null || true)
  echo "${v:-unknown}"
}

pypi_newest() { # <package>
  local v
  v=$(timeout 120 "$(command -v pip3 || command -v pip || echo false)" index versions "$1" 2>/dev/null \
      | sed -n 's/^Available versions: \([^,]*\).*/\1/p' || true)
  echo "${v:-unknown}"
}

row() { printf '%-28s %-34s %-20s %s\n' "$@"; }
row "what" "pinned" "newest listed" "where"
row "AWS-LC" "$AWSLC_VERSION (aws-lc-sys $AWSLC_CRATE_VERSION)" "$(crate_newest "$AWSLC_CRATE")" "crate registry (aws-lc-sys)"
# Each pinned FIPS module (the default first) against the newest crate of its line.
for pins in "$repo/deps-awslc/awslc-fips.env" "$repo"/deps-awslc/awslc-fips-*.env; do
  [ -f "$pins" ] || continue
  load_fips_pins "$(sed -n 's/^AWSLC_FIPS_VERSION=//p' "$pins")"
  line=${AWSLC_FIPS_CRATE_VERSION%.*}
  label="AWS-LC-FIPS $AWSLC_FIPS_VERSION"
  [ $fips_default = no ] || label+=" (default)"
  row "$label" "$AWSLC_FIPS_VERSION ($AWSLC_FIPS_CRATE $AWSLC_FIPS_CRATE_VERSION)" "$(crate_newest "$AWSLC_FIPS_CRATE" "$line")" "crate registry ($AWSLC_FIPS_CRATE $line.x)"
done
row "AWS-LC-FIPS, any line" "-" "$(crate_newest "$AWSLC_FIPS_CRATE")" "crate registry ($AWSLC_FIPS_CRATE)"
row "Node.js" "$NODE_VERSION (${NODE_ORIG_FILE%.orig.tar.xz})" "$(debian_newest nodejs)" "Debian archive (source nodejs)"
row "reference node" "$REFERENCE_NODE_VERSION" "$(pypi_newest "$REFERENCE_NODE_WHEEL")" "PyPI ($REFERENCE_NODE_WHEEL)"
