#!/usr/bin/env bash
# Measure the container images and write reports/images.md: archive size (the compressed
# layers, what a registry stores and a pull moves), size in podman's storage (uncompressed),
# and the start-up of `podman run --rm --network=none <image> node -e 0`, interleaved across
# the images, N rounds (default 10); median and min per image.
#
#   scripts/image-metrics.sh [--rounds=N]
#
# Needs the archives of scripts/build-image.sh in out/ (loads them into podman first).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"
. "$repo/scripts/lib/image.sh"

rounds=10
for arg in "$@"; do
  case $arg in
    --rounds=*) rounds=${arg#--rounds=}; [[ $rounds =~ ^[1-9][0-9]*$ ]] || die_usage "--rounds wants a positive number" ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option '$arg'" ;;
  esac
done
export CONTAINERS_CONF=$repo/ci/podman/containers.conf

refs=() tags=()
for v in awslc fips openssl; do
  for f in min slim; do
    archive=$(image_archive "$v" "$f")
    [ -f "$archive" ] || die "$archive is missing; run scripts/build-image.sh"
    ref=$(image_ref "$v" "$f")
    podman rmi -f "$ref" >/dev/null 2>&1 || true
    podman load -i "$archive" >/dev/null || die "podman load -i $archive failed"
    refs+=("$ref") tags+=("$(image_tag "$v" "$f")")
  done
done

declare -A times
for ((r = 1; r <= rounds; r++)); do
  progress "start-up round $r/$rounds"
  for ref in "${refs[@]}"; do
    t0=$(date +%s%N)
    podman run --rm --network=none "$ref" node -e 0 >/dev/null 2>&1 || die "podman run $ref node -e 0 failed"
    t1=$(date +%s%N)
    times[$ref]+="$(( (t1 - t0) / 1000000 )) "
  done
done
progress_done

stats() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { printf "%d ms (min %d ms)", a[int((NR + 1) / 2)], a[1] }'; }
out=$repo/reports/images.md
{
  echo "# Container images: sizes and start-up"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on this machine ($(nproc) cores), revision"
  echo "$(git -C "$repo" rev-parse --short HEAD), by \`scripts/image-metrics.sh --rounds=$rounds\` (start-up:"
  echo "\`podman run --rm --network=none <image> node -e 0\`, the images interleaved, $rounds rounds; podman"
  echo "$(podman --version | awk '{ print $3 }') with runc)."
  echo
  echo "| image | archive (compressed) | in podman's storage | start-up, median (min) |"
  echo "|---|--:|--:|--:|"
  for i in "${!refs[@]}"; do
    ref=${refs[$i]}
    archive=$(du -m "$repo/out/node-awslc_${tags[$i]}.oci.tar" | cut -f1)
    stored=$(podman image inspect --format '{{.Size}}' "$ref" | awk '{ printf "%d", $1 / 1000000 }')
    echo "| \`$ref\` | $archive MB | $stored MB | $(echo "${times[$ref]}" | stats) |"
  done
  echo
  echo "For comparison (published sizes, not measured here: this machine reaches no container"
  echo "registry): \`node:22-bookworm-slim\` is about 75 MB compressed / 220 MB on disk,"
  echo "\`gcr.io/distroless/nodejs22-debian12\` about 45 MB compressed / 130 MB on disk."
} >"$out"
note "wrote ${out#$repo/}"
cat "$out"
