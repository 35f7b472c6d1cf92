#!/usr/bin/env bash
# Prove that a program statically linked with AWS-LC-FIPS really checks its module's integrity:
# run the program as it is (it must start), then a copy with one byte of the FIPS module's
# integrity-checked region flipped (it must refuse to start, with AWS-LC's integrity message).
#
#   deps-awslc/fips-integrity-check.sh [--offset=N] BINARY [-- ARGS...]
#   deps-awslc/fips-integrity-check.sh out/node-fips -- -e 0
#
# The region is the module's text (code and constants, with the rodata that delocate moved
# into it) between the symbols BORINGSSL_bcm_text_start and BORINGSSL_bcm_text_end; the byte
# flipped is the one in its middle unless --offset=N (bytes from the region's start) says
# otherwise. Both runs happen inside the build root (scripts/in-root.sh: the binaries link
# sid's libraries), with stdin from /dev/null and a 120 s timeout. The copy lives in a
# temporary directory that is removed afterwards.
# Exit 0: the original starts and the copy aborts with "FIPS integrity test failed".
# Exit 1: anything else (the message says what).
set -euo pipefail

. "$(dirname "$0")/../scripts/lib/common.sh"

offset=
binary=
run_args=()
parse_options() {
  while [ $# -gt 0 ]; do
    case $1 in
      -h|--help) usage; exit 0 ;;
      --offset=*) offset=${1#--offset=}; [[ $offset =~ ^[0-9]+$ ]] || die "--offset wants a number of bytes, got '$offset'" ;;
      --) shift; run_args=("$@"); break ;;
      -*) die "unknown option '$1' (see --help)" ;;
      *) [ -z "$binary" ] || die "one binary only (got '$binary' and '$1'); program arguments go after --"
         binary=$1 ;;
    esac
    shift
  done
  [ -n "$binary" ] || die "no binary given (see --help)"
  [ -f "$binary" ] || die "$binary does not exist"
  binary=$(readlink -f "$binary")
}

symbol_address() { # <symbol> -> hex address from the symbol table
  local addr
  addr=$(awk -v s="$1" '$3 == s { print $1; exit }' "$work/symbols")
  [ -n "$addr" ] || die "$binary has no symbol $1: not statically linked with AWS-LC-FIPS, or stripped"
  echo "$((16#$addr))"
}

# The ELF section holding a virtual address gives its file offset (readelf -SW columns after
# "[Nr]": name type address offset size ...).
file_offset_of() { # <address>
  local name type addr off size
  while read -r name type addr off size _; do
    [ "$type" != NOBITS ] && [ "$((16#$addr))" != 0 ] || continue
    if [ "$1" -ge "$((16#$addr))" ] && [ "$1" -lt "$((16#$addr + 16#$size))" ]; then
      echo "$(($1 - 16#$addr + 16#$off))"
      return
    fi
  done < <(sed -n 's/^ *\[ *[0-9]*\] //p' "$work/sections")
  die "no section of $binary holds address $1"
}

# The symbol at or before an address (nm prints fixed-width hex, so strings compare as numbers).
symbol_at() { # <address>
  awk -v a="$(printf %016x "$1")" '$1 <= a && $1 > best { best = $1; name = $3 } END { print name }' "$work/symbols"
}

run() { # <binary> -> sets status, output in $work/out
  set +e
  (cd "$work" && in_root --bind "$work" -- timeout 120 "$1" "${run_args[@]}" </dev/null >"$work/out" 2>&1)
  status=$?
  set -e
}

parse_options "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$binary" "$work/original"
in_root --bind "$work" -- nm "$work/original" >"$work/symbols" 2>/dev/null || true
in_root --bind "$work" -- readelf -SW "$work/original" >"$work/sections" \
  || die "readelf cannot read $binary (not an ELF file?)"

start=$(symbol_address BORINGSSL_bcm_text_start)
end=$(symbol_address BORINGSSL_bcm_text_end)
[ "$end" -gt "$start" ] || die "BORINGSSL_bcm_text_end is not after BORINGSSL_bcm_text_start in $binary"
size=$((end - start))
[ -n "$offset" ] || offset=$((size / 2))
[ "$offset" -lt "$size" ] || die "--offset=$offset is outside the $size-byte FIPS region"
target=$((start + offset))
pos=$(file_offset_of "$target")
holder=$(symbol_at "$target")
note "FIPS region: 0x$(printf %x "$start")..0x$(printf %x "$end") ($size bytes); flipping the byte at 0x$(printf %x "$target") (file offset $pos, in $holder)"

run "$work/original"
[ "$status" = 0 ] || { cat "$work/out" >&2; die "the unmodified $binary does not start (exit $status), so the test proves nothing"; }
note "unmodified binary: exit 0"

cp "$work/original" "$work/corrupted"
old=$(od -An -tu1 -j"$pos" -N1 "$work/corrupted" | tr -d ' ')
printf "$(printf '\\%03o' $((old ^ 0x01)))" | dd of="$work/corrupted" bs=1 seek="$pos" conv=notrunc status=none
new=$(od -An -tu1 -j"$pos" -N1 "$work/corrupted" | tr -d ' ')
[ "$new" != "$old" ] || die "could not change the byte at file offset $pos"
note "byte $(printf 0x%02x "$old") -> $(printf 0x%02x "$new")"

run "$work/corrupted"
sed 's/^/  | /' "$work/out" >&2
[ "$status" != 0 ] || die "the corrupted copy exited 0: the integrity check did not catch a changed byte"
grep -q 'FIPS integrity test failed' "$work/out" \
  || die "the corrupted copy failed (exit $status) but without AWS-LC's 'FIPS integrity test failed' message"
note "corrupted copy: exit $status with AWS-LC's integrity failure message: the check is real"
