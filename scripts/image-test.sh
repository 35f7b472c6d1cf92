#!/usr/bin/env bash
# Test the container images with a real engine (podman, daemonless) and write TAP.
#
#   scripts/image-test.sh [--variant=V]... [--flavour=F]... TAP_FILE
#
# For each image archive scripts/build-image.sh wrote (out/node-awslc_<tag>.oci.tar):
# `podman load`, then, each in its own `podman run --rm --network=none` (loopback only):
# versions, default user (uid 1000), randomBytes, an https server + https.get + fetch()
# round trip, `node app.ts`, /proc/self/maps (only image files; no /usr/share/nodejs; no
# OpenSSL library beside AWS-LC), the layout (official paths; min: no shell, no apt; node
# stripped), `npm --version` and an offline `npm install` of a local package tarball, a
# native addon built with node-gyp (npm's own) against the image's /usr/local/include/node
# that calls EVP_Digest/RAND_bytes through node's exported symbols, the SBOM validated by
# spdx-tools (PyPI, pinned), and for FIPS images: getFips() 1, no other crypto library
# file, a copy of the image's node with one byte of the module flipped refusing to start
# (the integrity self-test runs at start-up), and test/parallel/test-awslc-fips-audit.js.
# Each check is one TAP line "image/<tag>/<check>". podman runs with the settings this
# machine kind needs (ci/podman/containers.conf: runc, cgroupfs, file events, ulimits);
# podman is installed with apt-get when missing. Exit 0 when the TAP file is complete
# (results are judged by ci/check-results.ts against the expectations).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"
. "$repo/scripts/lib/image.sh"

variants=() flavours=() tap=
for arg in "$@"; do
  case $arg in
    --variant=*) variants+=("${arg#--variant=}") ;;
    --flavour=*) flavours+=("${arg#--flavour=}") ;;
    -h|--help) usage; exit 0 ;;
    -*) die_usage "unknown option '$arg'" ;;
    *) tap=$arg ;;
  esac
done
[ -n "$tap" ] || die_usage "no TAP file given"
[ ${#variants[@]} -gt 0 ] || variants=(awslc fips openssl)
[ ${#flavours[@]} -gt 0 ] || flavours=(min slim)

export CONTAINERS_CONF=$repo/ci/podman/containers.conf
ensure_podman() {
  if ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
    note "installing podman and runc with apt"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends podman runc >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends podman runc >/dev/null 2>&1; } \
      || die "could not install podman with apt-get; install podman and runc and rerun"
  fi
  podman info >/dev/null 2>&1 || die "podman does not work here (podman info failed; see CONTAINERS_CONF=$CONTAINERS_CONF podman info)"
}

n=0
: >"$tap"
result() { # <ok|not ok> <name> [detail file]
  n=$((n + 1))
  echo "$1 $n $2" >>"$tap"
  if [ "$1" != ok ] && [ -n "${3:-}" ]; then sed 's/^/  # /' "$3" | head -n 40 >>"$tap"; fi
}

# A work directory mounted read-only at /work: the checks, fixtures, the expected versions.
prepare_work() {
  work=$cache_dir/image-test
  rm -rf "$work"; mkdir -p "$work/fixtures"
  cp -r "$repo/test/image/." "$work/"
  local fx=$root/build/node-awslc/test/fixtures/keys
  cp "$fx/agent1-key.pem" "$fx/agent1-cert.pem" "$fx/ca1-cert.pem" "$work/fixtures/"
  (cd "$work/npm-package" && tar -czf ../npm-package.tgz --transform 's,^\.,package,' .)
  local openssl_version
  openssl_version=$(in_root -- dpkg-query -W -f '${Version}' libssl3t64 | sed 's/-.*//')
  printf '{"node":"%s","awslc":"%s","fips":"%s","openssl":"%s"}\n' \
    "$NODE_VERSION" "$AWSLC_VERSION" "$AWSLC_FIPS_VERSION" "$openssl_version" >"$work/expected.json"
  chmod -R a+rX "$work"
}

# The addon, built once per variant in the build root (the builder stage: gcc, make,
# python3) with the node-gyp npm carries, against the image's own headers.
build_addon() { # <variant> -> $work/addon-<variant>/addon.node
  local v=$1 dir=$work/addon-$v headers=$cache_dir/images/stage/$(image_tag "$v" min)/node/usr/local
  [ -d "$headers/include/node" ] || headers=$cache_dir/images/stage/$(image_tag "$v" slim)/node/usr/local
  mkdir -p "$dir"
  cp "$repo/test/image/addon/"* "$dir/"
  (cd "$dir" && in_root --bind "$dir" --bind "$headers" --bind "$root/build/node-$v" -- \
     env HOME="$dir" "$root/build/node-$v/out/Release/node" \
       "$headers/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --nodedir="$headers" \
     >"$dir/build.log" 2>&1) || return 1
  cp "$dir/build/Release/addon.node" "$dir/addon.node"
}

run_in() { # <ref> <log> [podman run args...] -- command...
  local ref=$1 log=$2; shift 2
  local args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
  shift
  timeout 120 podman run --rm --network=none -v "$work:/work:ro" "${args[@]}" "$ref" "$@" >"$log" 2>&1
}

check() { # <tag> <name> <ref> [podman args] -- command...
  local tag=$1 name=$2; shift 2
  local log=$work/logs/$tag-$name.log
  if run_in "$1" "$log" "${@:2}"; then result ok "image/$tag/$name"; else result "not ok" "image/$tag/$name" "$log"; fi
}

# The image's node with one byte of the FIPS module flipped must refuse to start: the
# module's integrity self-test runs at start-up in the image too. The byte is found in the
# stripped binary by the bytes around it in the unstripped one (symbols give the region).
fips_integrity() { # <tag> <ref>
  local tag=$1 ref=$2 dir=$work/fips-$1 log=$work/logs/$1-fips-integrity.log
  local stripped=$cache_dir/images/stage/$1/node/usr/local/bin/node unstripped=$root/build/node-fips/out/Release/node
  mkdir -p "$dir"
  if ! in_root --bind "$(dirname "$unstripped")" -- nm "$unstripped" >"$dir/symbols" 2>/dev/null \
     || ! in_root --bind "$(dirname "$unstripped")" -- readelf -SW "$unstripped" >"$dir/sections"; then
    result "not ok" "image/$tag/fips-integrity"; return
  fi
  if python3 - "$unstripped" "$stripped" "$dir" >"$log" 2>&1 <<'PY'
import re, sys
unstripped, stripped, out = sys.argv[1:4]
syms = {}
for line in open(out + '/symbols'):
    f = line.split()
    if len(f) == 3 and f[2] in ('BORINGSSL_bcm_text_start', 'BORINGSSL_bcm_text_end'):
        syms[f[2]] = int(f[0], 16)
start, end = syms['BORINGSSL_bcm_text_start'], syms['BORINGSSL_bcm_text_end']
sections = []
for line in open(out + '/sections'):
    m = re.match(r'\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)', line)
    if m and m.group(2) != 'NOBITS':
        sections.append(tuple(int(m.group(i), 16) for i in (3, 4, 5)))
def file_offset(address):
    for addr, off, size in sections:
        if addr and addr <= address < addr + size:
            return address - addr + off
u = open(unstripped, 'rb').read()
s = bytearray(open(stripped, 'rb').read())
# A byte near the middle of the module whose surroundings occur once in the stripped binary
# (tables and padding repeat, code does not).
pos = None
for delta in range(0, (end - start) // 2, 64):
    offset = file_offset((start + end) // 2 + delta)
    window = u[offset - 32:offset + 32]
    found = s.find(window)
    if found >= 0 and s.find(window, found + 1) < 0:
        pos = found + 32
        break
assert pos is not None, 'no part of the module found once in the stripped binary'
s[pos] ^= 1
open(out + '/node', 'wb').write(s)
print(f'module 0x{start:x}..0x{end:x}; flipped the byte at stripped offset {pos}')
PY
  then
    chmod 755 "$dir/node"
    if run_in "$ref" "$log.run" -v "$dir:/corrupt:ro" -- /corrupt/node -e 0; then
      echo "the corrupted node started" >>"$log"; result "not ok" "image/$tag/fips-integrity" "$log"
    elif grep -q 'FIPS integrity test failed' "$log.run"; then
      result ok "image/$tag/fips-integrity"
    else
      cat "$log.run" >>"$log"; result "not ok" "image/$tag/fips-integrity" "$log"
    fi
  else
    result "not ok" "image/$tag/fips-integrity" "$log"
  fi
}

ensure_podman
fetch_pypi_tool spdx-tools "$SPDX_TOOLS_VERSION"
pyspdxtools=$pypi_tool_venv/bin/pyspdxtools
prepare_work
mkdir -p "$work/logs"
declare -A addon_built
for v in "${variants[@]}"; do
  for f in "${flavours[@]}"; do
    tag=$(image_tag "$v" "$f") ref=$(image_ref "$v" "$f") archive=$(image_archive "$v" "$f")
    if [ ! -f "$archive" ]; then result "not ok" "image/$tag/load"; continue; fi
    progress "testing $ref"
    podman rmi -f "$ref" >/dev/null 2>&1 || true
    if podman load -i "$archive" >"$work/logs/$tag-load.log" 2>&1 && podman image exists "$ref"; then
      result ok "image/$tag/load"
    else
      result "not ok" "image/$tag/load" "$work/logs/$tag-load.log"; continue
    fi
    for c in versions user random layout maps; do
      check "$tag" "$c" "$ref" -- node /work/checks.js "$c" "$v" "$f"
    done
    check "$tag" https "$ref" -e NODE_EXTRA_CA_CERTS=/work/fixtures/ca1-cert.pem --add-host agent1:127.0.0.1 \
      -- node /work/checks.js https "$v" "$f"
    check "$tag" typescript "$ref" -- node /work/app.ts
    log=$work/logs/$tag-npm-version.log
    if run_in "$ref" "$log" -- npm --version && [ "$(tail -1 "$log")" = "$NPM_VERSION" ]; then
      result ok "image/$tag/npm-version"; else result "not ok" "image/$tag/npm-version" "$log"; fi
    # npm install of a local package tarball, offline (min images have no shell: node drives it).
    log=$work/logs/$tag-npm-install.log
    if run_in "$ref" "$log" -- node -e '
         const { execFileSync } = require("child_process");
         const fs = require("fs");
         fs.mkdirSync("/home/node/app"); process.chdir("/home/node/app");
         fs.writeFileSync("package.json", "{\"name\":\"app\",\"version\":\"1.0.0\"}");
         execFileSync("/usr/local/bin/npm", ["install", "--offline", "--no-audit", "--no-fund", "/work/npm-package.tgz"], { stdio: "inherit" });
         const got = require("/home/node/app/node_modules/node-awslc-image-test")();
         if (got !== require("crypto").createHash("sha256").update("npm").digest("hex")) throw new Error(got);
         console.log("ok npm-install");'; then
      result ok "image/$tag/npm-install"; else result "not ok" "image/$tag/npm-install" "$log"; fi
    # The native addon.
    if [ -z "${addon_built[$v]:-}" ]; then
      if build_addon "$v"; then addon_built[$v]=yes; else addon_built[$v]=no; fi
    fi
    if [ "${addon_built[$v]}" = yes ]; then
      check "$tag" addon "$ref" -v "$work/addon-$v:/work/addon:ro" -- node /work/checks.js addon "$v" "$f"
    else
      result "not ok" "image/$tag/addon" "$work/addon-$v/build.log"
    fi
    # The SBOM: valid SPDX 2.3, in the image and next to the archive, the same.
    log=$work/logs/$tag-sbom.log
    if "$pyspdxtools" -i "${archive%.oci.tar}.spdx.json" >"$log" 2>&1 \
       && run_in "$ref" "$log.in" -- node -e 'process.stdout.write(require("fs").readFileSync("/usr/local/share/doc/node-awslc/sbom.spdx.json"))' \
       && cmp -s "$log.in" "${archive%.oci.tar}.spdx.json"; then
      result ok "image/$tag/sbom"; else result "not ok" "image/$tag/sbom" "$log"; fi
    if [ "$v" = fips ]; then
      check "$tag" one-crypto-library "$ref" -- node /work/checks.js one-crypto-library "$v" "$f"
      fips_integrity "$tag" "$ref"
      # The auditor's checks of test-awslc-fips-audit (kTLS refused, the service indicator,
      # --fips-strict) with the image's node, Node's test/common from the FIPS tree.
      check "$tag" fips-audit "$ref" -v "$root/build/node-fips/test:/node-test:ro" \
        -v "$repo/test/parallel/test-awslc-fips-audit.js:/node-test/parallel/test-awslc-fips-audit.js:ro" \
        -- node /node-test/parallel/test-awslc-fips-audit.js
    fi
  done
done
progress_done
echo "1..$n" >>"$tap"
note "$(grep -c '^ok' "$tap") of $n image checks passed"
