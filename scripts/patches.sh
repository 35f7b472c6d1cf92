#!/usr/bin/env bash
# Edit a patch series with git: the pristine source becomes a git repository and each patch
# of the series one commit on it; you change commits with ordinary git, then write the
# series back. See docs/patches.md.
#
#   scripts/patches.sh import [node|awslc] [--fuzz]   pristine source + series -> git commits
#   scripts/patches.sh continue [node|awslc] [--fuzz] after import stopped at a patch that
#                                                     does not apply: commit your fixed-up tree
#                                                     as that patch and apply the rest
#   scripts/patches.sh export [node|awslc]            git commits -> patches + series
#   scripts/patches.sh check  [node|awslc|all]        the series applies, patch by patch, with
#                                                     no fuzz (every prefix applies); CI runs it
#   scripts/patches.sh dir    [node|awslc]            print the work repository's path
#
# node  = patches/v22 against the pinned Node source (default);
# awslc = deps-awslc/patches against the pinned AWS-LC source.
# The work repositories live in $NODE_AWSLC_CACHE/patches/<series> (import replaces one;
# it refuses when that repository has commits or changes that were not exported, unless
# --force). Each commit's message is the patch header verbatim plus a last line
# "Patch-Name: <file>"; a commit without one gets a name from its first line.
# Files the series adds whole live in <series>/files/ (the overlay): import commits them
# right after `pristine` (message "Overlay: ...", Patch-Name: files/) and export writes that
# commit's files back there; no patch may change them (export refuses).
# Export is deterministic (no dates, no hashes): importing and exporting an unchanged
# series gives the same bytes. Comment lines in `series` stay in front of the patch they
# preceded. --fuzz lets import apply drifted patches (to repair a series after an upgrade;
# the export then writes them exact).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$repo/scripts/lib/sources.sh"

work_base=$cache_dir/patches
git_id=(-c user.name=node-awslc -c user.email=node-awslc@invalid -c commit.gpgsign=false
        -c core.autocrlf=false -c core.excludesFile=/dev/null -c advice.detachedHead=false)
export GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z'

g() { git "${git_id[@]}" -C "$work" "$@"; }

select_series() { # node|awslc
  case ${1:-node} in
    node) series_dir=$repo/patches/v22 ;;
    awslc) series_dir=$repo/deps-awslc/patches ;;
    *) die_usage "unknown series '$1' (node or awslc)" ;;
  esac
  which=${1:-node}
  work=$work_base/$which
}

series_patches() { grep -v -E '^\s*(#|$)' "$series_dir/series"; }

# A pristine copy of the source the series applies to, into $1 (made in $1.tmp, renamed).
pristine_source() { # <dest>
  local dest=$1
  rm -rf "$dest" "$dest.tmp"
  mkdir -p "$dest.tmp"
  case $which in
    node)
      find_debian_mirror
      fetch_node_tarball
      tar -xJf "$downloads/$NODE_ORIG_FILE" -C "$dest.tmp" --strip-components=1 ;;
    awslc)
      find_debian_mirror
      fetch_awslc_source
      cp -a "$awslc_src/." "$dest.tmp/"
      rm -f "$dest.tmp/.extracted" ;;
  esac
  mv "$dest.tmp" "$dest"
}

apply_one() { # <dir> <patch file> [fuzz]
  local fuzz=(--fuzz=0)
  [ "${3:-}" = fuzz ] && fuzz=()
  patch -d "$1" -p1 --batch --forward --no-backup-if-mismatch "${fuzz[@]}" -s <"$2"
}

cmd_import() {
  local fuzz=${1:-}
  if [ -d "$work/.git" ] && [ "${force:-no}" = no ]; then
    if [ -n "$(g status --porcelain)" ]; then
      die "$work has uncommitted changes; commit and export them, or rerun with --force to discard"
    fi
    if [ -n "$(g log --format=%H pristine..HEAD 2>/dev/null)" ] && [ "$(g rev-parse HEAD)" != "$(g rev-parse exported 2>/dev/null)" ]; then
      die "$work has commits that were not exported; run 'scripts/patches.sh export $which' or rerun with --force"
    fi
  fi
  note "laying the pristine $which source into $work"
  pristine_source "$work.new"
  # The repository being replaced stays as <dir>.previous until the next import.
  rm -rf "$work.previous"
  if [ -d "$work" ]; then mv "$work" "$work.previous"; fi
  mv "$work.new" "$work"
  g init -q -b main
  g add -f -A
  g commit -q --no-verify -m "pristine $which source"
  g tag pristine
  if [ -d "$series_dir/files" ]; then
    cp -r "$series_dir/files/." "$work/"
    g add -f -A
    overlay_message >"$work_base/$which.msg"
    g commit -q --no-verify --cleanup=verbatim -F "$work_base/$which.msg"
  fi
  apply_from 1 "$fuzz"
}

overlay_message() {
  printf '%s\n' "Overlay: new files, whole (${series_dir#$repo/}/files)" '' \
    'Files the series adds, kept whole in the files/ directory of the series so that a' \
    'reviewer reads them as files: the build copies them into the tree before the' \
    'patches. No patch may change them; change them in this commit.' '' 'Patch-Name: files/'
}

commit_patch() { # <patch name>
  g add -f -A
  { header_of "$series_dir/$1"; printf '\nPatch-Name: %s\n' "$1"; } >"$work_base/$which.msg"
  g commit -q --no-verify --allow-empty --cleanup=verbatim -F "$work_base/$which.msg"
}

# Apply the series from its n-th patch on, one commit each; on a patch that does not apply,
# stop with the tree as the patch left it and remember where (for `continue`).
apply_from() { # <n> [fuzz]
  local first=$1 fuzz=${2:-} p n=0 total
  total=$(series_patches | wc -l)
  rm -f "$work_base/$which.stopped"
  while read -r p; do
    n=$((n + 1))
    [ $n -ge "$first" ] || continue
    progress "[$n/$total] $p"
    [ -f "$series_dir/$p" ] || { progress_done; die "series names $p, which does not exist"; }
    if ! apply_one "$work" "$series_dir/$p" "$fuzz" >"$work_base/$which.apply.log" 2>&1; then
      progress_done
      cat "$work_base/$which.apply.log" >&2
      echo "$n $p" >"$work_base/$which.stopped"
      die "$p does not apply${fuzz:+ even with fuzz}; fix the tree in $work (see the *.rej files), then: scripts/patches.sh continue $which${fuzz:+ --fuzz}"
    fi
    commit_patch "$p"
  done < <(series_patches)
  progress_done
  g tag -f exported >/dev/null
  note "$total commits on 'pristine' in $work; edit with git, then: scripts/patches.sh export $which"
}

cmd_continue() {
  local fuzz=${1:-} n p
  [ -f "$work_base/$which.stopped" ] || die "no stopped import of the $which series to continue"
  read -r n p <"$work_base/$which.stopped"
  if [ -n "$(find "$work" -path "$work/.git" -prune -o \( -name '*.rej' -o -name '*.orig' \) -print | head -1)" ]; then
    die "$work still has *.rej/*.orig files; finish $p and remove them first"
  fi
  commit_patch "$p"
  note "committed $p as fixed up"
  apply_from $((n + 1)) "$fuzz"
}

# The header of a patch file: everything before its first line "---".
header_of() { awk '/^---$/ { exit } { print }' "$1"; }

# A commit as a patch file: its message without the Patch-Name line, "---", and the diff
# without index lines (abbreviated hashes depend on the repository).
patch_of() { # <commit>
  g log -1 --format=%B "$1" | awk '/^Patch-Name: / { next } { lines[++n] = $0 }
    END { while (n > 0 && lines[n] == "") n--; for (i = 1; i <= n; i++) print lines[i] }'
  echo '---'
  g diff --no-color --no-ext-diff --no-renames --src-prefix=a/ --dst-prefix=b/ "$1^" "$1" \
    | awk '/^diff --git / { hdr = 1 } hdr && /^index / { next } /^@@/ { hdr = 0 } { print }'
}

name_of() { # <commit>
  local name
  name=$(g log -1 --format=%B "$1" | sed -n 's/^Patch-Name: //p' | tail -1)
  if [ -z "$name" ]; then
    name=$(g log -1 --format=%s "$1" | sed -e 's/^Subject: *//' -e 's/[^A-Za-z0-9]\{1,\}/-/g' -e 's/^-//' -e 's/-$//' \
           | tr 'A-Z' 'a-z' | cut -c1-60).patch
  fi
  echo "$name"
}

cmd_export() {
  [ -d "$work/.git" ] || die "no work repository at $work; run 'scripts/patches.sh import $which' first"
  [ ! -f "$work_base/$which.stopped" ] \
    || die "the import of the $which series stopped at $(cut -d' ' -f2 "$work_base/$which.stopped"); finish it (scripts/patches.sh continue $which) before exporting"
  [ -z "$(g status --porcelain)" ] || die "$work has uncommitted changes; commit them first"
  g rev-parse -q --verify pristine >/dev/null || die "$work has no 'pristine' tag; re-import it"
  local commits c name out=$work_base/$which.export
  mapfile -t commits < <(g rev-list --reverse pristine..HEAD)
  rm -rf "$out"; mkdir -p "$out"
  local names=() overlay_files=()
  for c in "${commits[@]}"; do
    name=$(name_of "$c")
    if [ "$name" = files/ ]; then
      mapfile -t overlay_files < <(g diff --name-only --no-renames pristine "$c")
      local f changed
      for f in "${overlay_files[@]}"; do
        changed=$(g log --format='%h %s' "$c..HEAD" -- "$f" | head -1)
        [ -z "$changed" ] || die "commit '$changed' changes $f, a file of the overlay (files/); fold that change into the overlay commit"
        mkdir -p "$out/files/$(dirname "$f")"
        g show "$c:$f" >"$out/files/$f"
      done
      continue
    fi
    [ ! -e "$out/$name" ] || die "two commits would both be written as $name; give one a 'Patch-Name:' line"
    [ -n "$(g diff --name-only "$c^" "$c")" ] \
      || die "commit $(g log -1 --format='%h %s' "$c") changes nothing (its content may live in files/ now); drop it with git rebase -i"
    patch_of "$c" >"$out/$name"
    names+=("$name")
  done
  # The new series: old comment blocks stay in front of the patch they preceded; patches
  # that are new follow the patch before them.
  awk -v names="$(printf '%s\n' "${names[@]}")" '
    BEGIN { n = split(names, want, "\n"); for (i = 1; i <= n; i++) if (want[i] != "") keep[want[i]] = 1 }
    /^[ \t]*(#|$)/ { block = block $0 "\n"; next }
    { if ($0 in keep) before[$0] = block; else lost = lost block; block = "" }
    END {
      printf "%s", lost
      for (i = 1; i <= n; i++) if (want[i] != "") printf "%s%s\n", before[want[i]], want[i]
      printf "%s", block
    }' "$series_dir/series" >"$out/series"
  # Replace the series: remove patches it no longer names, write the others.
  local p
  while read -r p; do
    [ -e "$out/$p" ] || rm -f "$series_dir/$p"
  done < <(series_patches)
  for name in "${names[@]}"; do cp "$out/$name" "$series_dir/$name"; done
  cp "$out/series" "$series_dir/series"
  rm -rf "$series_dir/files"
  if [ -d "$out/files" ]; then cp -r "$out/files" "$series_dir/files"; fi
  rm -rf "$out"
  g tag -f exported >/dev/null
  note "wrote ${#names[@]} patches and the series to ${series_dir#$repo/}"
}

# Every patch applies, in order, with no fuzz, to a pristine copy; so every prefix applies.
cmd_check() {
  local tmp p n=0 total
  tmp=$work_base/$which.check
  pristine_source "$tmp"
  if [ -d "$series_dir/files" ]; then cp -r "$series_dir/files/." "$tmp/"; fi
  total=$(series_patches | wc -l)
  while read -r p; do
    n=$((n + 1))
    progress "[$n/$total] $which: $p"
    apply_one "$tmp" "$series_dir/$p" >"$tmp.log" 2>&1 \
      || { progress_done; cat "$tmp.log" >&2; rm -rf "$tmp"; die "$which series: $p does not apply with --fuzz=0 after the patches before it"; }
  done < <(series_patches)
  progress_done
  rm -rf "$tmp" "$tmp.log"
  note "$which series: all $total patches apply in order with no fuzz"
}

command=${1:-}
[ -n "$command" ] || { usage; exit 2; }
shift
force=no fuzz= target=
for arg in "$@"; do
  case $arg in
    --force) force=yes ;;
    --fuzz) fuzz=fuzz ;;
    -h|--help) usage; exit 0 ;;
    node|awslc|all) target=$arg ;;
    *) die_usage "unknown argument '$arg'" ;;
  esac
done
mkdir -p "$work_base"
case $command in
  import) select_series "${target:-node}"; cmd_import "$fuzz" ;;
  continue) select_series "${target:-node}"; cmd_continue "$fuzz" ;;
  export) select_series "${target:-node}"; cmd_export ;;
  check)
    if [ "${target:-all}" = all ]; then
      select_series node; cmd_check; select_series awslc; cmd_check
    else
      select_series "$target"; cmd_check
    fi ;;
  dir) select_series "${target:-node}"; echo "$work" ;;
  -h|--help) usage ;;
  *) die_usage "unknown command '$command'" ;;
esac
