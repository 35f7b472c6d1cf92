#!/usr/bin/env bash
# Build the node-awslc container images (OCI archives for `podman load` / `docker load`).
#
#   scripts/build-image.sh                   all variants, both flavours (6 images)
#   scripts/build-image.sh --variant=awslc   only this variant: awslc | fips | openssl (repeatable)
#   scripts/build-image.sh --flavour=min     only this flavour: min | slim (repeatable)
#   scripts/build-image.sh --no-build        use the binaries as built; fail if one is missing
#   scripts/build-image.sh --list            print the images and their archives, build nothing
#
# Variants: awslc (out/node), fips (out/node-fips: the AWS-LC-FIPS module, the only crypto
# library in the image), openssl (the OpenSSL 3.6 control, for side-by-side checks).
# Flavours: min (default; distroless-style: node, exactly the shared libraries it links at
# the build root's package versions, CA certificates, tzdata, /usr/bin/env for npm's
# shebangs, a non-root `node` user (uid 1000) as the default user; no shell, no package
# manager) and slim (a minimal Debian sid userland with a shell and apt; the FIPS slim image
# has no apt, which would bring OpenSSL along).
# Every image has the official Node layout: /usr/local/bin/{node,npm,npx,corepack} (npm and
# corepack at the versions Node 22.22.2 records, from the npm registry, integrity checked),
# /usr/local/include/node with Node's headers and the crypto library's openssl/ headers, the
# licenses in /usr/local/share/doc/node-awslc, and an SPDX 2.3 SBOM there and next to the
# archive. The binary is stripped.
#
# Writes out/node-awslc_<tag>.oci.tar and out/node-awslc_<tag>.spdx.json; the tag is
# 22.22.2, 22.22.2-slim, 22.22.2-fips, 22.22.2-fips-slim, 22.22.2-openssl, 22.22.2-openssl-slim.
# Builds the binaries first when needed (scripts/build-node.sh). An archive is written
# under a temporary name and renamed when complete: an interrupted build never leaves a
# tagged half image. An image whose inputs did not change is not rebuilt.
# Env: NODE_AWSLC_SOURCE_URL  the org.opencontainers.image.source label (default: the git
#                             remote "origin", if any)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"
. "$repo/scripts/lib/image.sh"

variants=() flavours=() build=yes list=no
for arg in "$@"; do
  case $arg in
    --variant=awslc|--variant=fips|--variant=openssl) variants+=("${arg#--variant=}") ;;
    --variant=*) die_usage "unknown variant '${arg#--variant=}' (awslc, fips or openssl)" ;;
    --flavour=min|--flavour=slim) flavours+=("${arg#--flavour=}") ;;
    --flavour=*) die_usage "unknown flavour '${arg#--flavour=}' (min or slim)" ;;
    --no-build) build=no ;;
    --list) list=yes ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || variants=(awslc fips openssl)
[ ${#flavours[@]} -gt 0 ] || flavours=(min slim)

if [ $list = yes ]; then
  for v in "${variants[@]}"; do for f in "${flavours[@]}"; do
    echo "$(image_ref "$v" "$f") $(image_archive "$v" "$f")"
  done; done
  exit 0
fi

[ "$(id -u)" = 0 ] || die "must run as root (it stages files with their owners and uses the build root)"
command -v python3 >/dev/null || die "needs python3 on the host"

# 1. The binaries (scripts/build-node.sh is quick when they are up to date).
for v in "${variants[@]}"; do
  if [ $build = yes ]; then
    case $v in
      awslc) "$repo/scripts/build-node.sh" ;;
      fips) "$repo/scripts/build-node.sh" --fips ;;
      openssl) "$repo/scripts/build-node.sh" --crypto=openssl ;;
    esac
  fi
  [ -x "$root/build/node-$v/out/Release/node" ] \
    || die "no $v binary (root/build/node-$v); run scripts/build-node.sh$(variant_build_flag "$v"), or drop --no-build"
done

# 2. What every image shares: npm, corepack, the slim base.
find_debian_mirror
fetch_npm_and_corepack
started=$SECONDS
for v in "${variants[@]}"; do
  for f in "${flavours[@]}"; do
    build_image "$v" "$f"
  done
done
note "done in $((SECONDS - started)) s"
