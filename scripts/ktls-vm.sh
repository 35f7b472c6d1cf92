#!/usr/bin/env bash
# Run a command inside the build root under a real Linux kernel that has kTLS: Debian sid's
# kernel (pinned in ci/ktls-vm.env) booted with qemu (TCG, no KVM needed), the build root as
# its filesystem over 9p, and tls + the kernel crypto modules loaded.
#
#   scripts/ktls-vm.sh [--timeout=SECS] [--bind DIR]... [--verbose] -- COMMAND [ARGS...]
#   scripts/ktls-vm.sh --check          kernel release and whether tls is loaded
#   scripts/ktls-vm.sh --print-pins     ci/ktls-vm.env lines for the kernel sid has now
#
# Inside the guest the build root is mounted read-only with a RAM overlay on top (writes
# vanish when the VM stops; the root on disk is never written), /tmp is a fresh tmpfs, and
# the repo and every --bind DIR are visible read-write at the same absolute path. COMMAND
# runs there as root, with the caller's working directory when it is visible (else /), the
# caller's environment (PATH reset to the standard one), stdin from /dev/null, and its
# stdout/stderr streamed to ours. Only the loopback interface is up.
#
# Exit status: COMMAND's; 124 on timeout (--timeout, default 600 s; qemu is killed);
# 125 when the VM fails (qemu does not start, a module does not load, a kernel panic);
# 2 on bad usage; 1 when it cannot prepare the VM (a download, qemu missing). The guest's console log is kept in ~/.cache/node-awslc/vm/last-console.log.
#
# The first run downloads the pinned kernel, modules and busybox into ~/.cache/node-awslc/vm/
# and builds the initramfs there (~30 s); later runs reuse it. qemu-system-x86 is installed
# on the host with apt-get when missing. Boots are CPU-heavy: on shared machines wrap calls
# in `flock /tmp/node-awslc-cpu.lock` (this script takes no lock itself, so that callers
# already holding it do not deadlock). KTLS_VM_MEM (MiB, default 2048) and KTLS_VM_CPUS
# (default 2) size the guest. Shared directories are mounted with 9p cache=loose (node starts
# in ~1 s instead of 2-5 s): the guest does not see changes the host makes to them while the
# VM runs; its own writes are flushed when COMMAND ends. KTLS_VM_9P_CACHE=cache=none makes
# them coherent (and slower).
set -euo pipefail

. "$(dirname "$0")/lib/common.sh"
vm_dir=$cache_dir/vm
boot=$vm_dir/boot
# shellcheck source=ci/ktls-vm.env
. "$repo/ci/ktls-vm.env"

timeout_secs=600
binds=("$repo")
mode=run
verbose=0
parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --help|-h) usage; exit 0 ;;
      --check) mode=check; shift ;;
      --print-pins) mode=print-pins; shift ;;
      --verbose) verbose=1; shift ;;
      --timeout=*) timeout_secs=${1#--timeout=}; shift ;;
      --timeout) [ $# -ge 2 ] || die_usage "--timeout needs a number of seconds"; timeout_secs=$2; shift 2 ;;
      --bind=*) add_bind "${1#--bind=}"; shift ;;
      --bind) [ $# -ge 2 ] || die_usage "--bind needs a directory"; add_bind "$2"; shift 2 ;;
      --) shift; break ;;
      *) die_usage "unknown option '$1' (usage: ktls-vm.sh [--timeout=SECS] [--bind DIR]... -- COMMAND [ARGS...]; --help)" ;;
    esac
  done
  [[ $timeout_secs =~ ^[1-9][0-9]*$ ]] || die_usage "--timeout wants a whole number of seconds, not '$timeout_secs'"
  [[ ${KTLS_VM_MEM:-2048} =~ ^[1-9][0-9]*$ ]] || die_usage "KTLS_VM_MEM wants MiB as a whole number, not '$KTLS_VM_MEM'"
  [[ ${KTLS_VM_CPUS:-2} =~ ^[1-9][0-9]*$ ]] || die_usage "KTLS_VM_CPUS wants a whole number, not '$KTLS_VM_CPUS'"
  command_args=("$@")
  if [ "$mode" = run ] && [ ${#command_args[@]} -eq 0 ]; then
    die_usage "no command given (usage: ktls-vm.sh [--timeout=SECS] [--bind DIR]... -- COMMAND [ARGS...])"
  fi
}

add_bind() {
  [ -d "$1" ] || die_usage "--bind $1: not a directory"
  local dir
  dir=$(readlink -f "$1")
  [ "$dir" != / ] || die_usage "--bind /: cannot share the host's whole filesystem"
  binds+=("$dir")
}

check_host() {
  [ "$(id -u)" = 0 ] || die "must run as root (qemu's 9p export of the build root needs it)"
  [ -f "$root/.node-awslc-root-ready" ] || die "no build root at $root; run scripts/build-node.sh first"
  if ! command -v qemu-system-x86_64 >/dev/null; then
    command -v apt-get >/dev/null || die "qemu-system-x86_64 is missing and there is no apt-get to install it"
    note "installing qemu-system-x86 with apt"
    apt-get install -y --no-install-recommends qemu-system-x86 >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends qemu-system-x86 >/dev/null 2>&1; } \
      || die "could not install qemu-system-x86 with apt-get; install it and rerun"
  fi
}

download_pinned_deb() { # <pool path> <sha256>
  "$repo/scripts/fetch-pinned.sh" "$mirror" "$1" "$vm_dir/debs/${1##*/}" "$2" \
    || die "cannot fetch ${1##*/}; if sid dropped it, update ci/ktls-vm.env (--print-pins)"
}

# /init of the initramfs: load the modules, mount the shares, run the command, power off.
# Everything it reports goes to the serial console; the host reads "ktls-vm-guest: FATAL:".
guest_init() {
  cat <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
fatal() { echo "ktls-vm-guest: FATAL: $*" >/dev/console; poweroff -f; sleep 10; }
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /etc/modules.load); do
  out=$(insmod "/lib/modules/$m.ko" 2>&1) || fatal "module $m did not load: $out"
done
p9=trans=virtio,version=9p2000.L,msize=512000
mkdir -p /ctl /lower /rw /newroot
mount -t 9p -o "$p9" ctl /ctl || fatal "cannot mount the control share"
mount -t 9p -o "$p9,ro,cache=loose" root /lower || fatal "cannot mount the build root share"
mount -t tmpfs -o mode=755 rw /rw && mkdir /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work overlay /newroot \
  || fatal "cannot mount the overlay over the build root"
mount -t proc proc /newroot/proc
mount -t sysfs sysfs /newroot/sys
mount -t devtmpfs devtmpfs /newroot/dev
mkdir -p /newroot/dev/pts /newroot/dev/shm /newroot/tmp /newroot/run/ktls-vm
mount -t devpts devpts /newroot/dev/pts
mount -t tmpfs -o mode=1777 shm /newroot/dev/shm
mount -t tmpfs -o mode=1777 tmp /newroot/tmp
# Shared directories last, so that one under /tmp is not hidden by the tmpfs.
while read -r tag opts path; do
  mkdir -p "/newroot$path" && mount -t 9p -o "$p9,$opts" "$tag" "/newroot$path" || fatal "cannot mount $path"
done </ctl/shares
ip link set lo up || fatal "cannot bring up lo"
hostname ktls-vm
port() { for n in /sys/class/virtio-ports/*/name; do [ "$(cat "$n")" = "$1" ] && basename "${n%/name}"; done; }
out=/dev/$(port stdout); err=/dev/$(port stderr)
[ -c "$out" ] && [ -c "$err" ] || fatal "no virtio ports for stdout/stderr"
cp /ctl/run.sh /newroot/run/ktls-vm/run.sh
echo "ktls-vm-guest: running the command at $(cut -d" " -f1 /proc/uptime)s uptime" >/dev/console
(exec chroot /newroot /bin/bash /run/ktls-vm/run.sh </dev/null >"$out" 2>"$err")
rc=$?
sync  # cache=loose shares write back: flush before the power goes
echo $rc >/ctl/rc.tmp && mv /ctl/rc.tmp /ctl/rc
poweroff -f
EOF
}

# Modules named in KTLS_VM_MODULES plus their dependencies, dependencies first, as paths
# relative to the modules directory (modules.dep lists each module's full dependency set).
resolve_module_order() { # <modules dir>
  awk -v want="$KTLS_VM_MODULES" '
    function name(path,  n) { n = path; sub(/.*\//, "", n); sub(/\.ko(\.[a-z]+)?$/, "", n); gsub(/-/, "_", n); return n }
    function visit(n,  i, d, k) {
      if (n in done) return
      if (!(n in file)) { print "missing module " n > "/dev/stderr"; exit 1 }
      done[n] = 1
      k = split(deps[n], d, " ")
      for (i = k; i >= 1; i--) visit(name(d[i]))
      print file[n]
    }
    { f = $1; sub(/:$/, "", f); n = name(f); file[n] = f; $1 = ""; deps[n] = $0 }
    END { k = split(want, w, " "); for (i = 1; i <= k; i++) { m = w[i]; gsub(/-/, "_", m); visit(m) } }
  ' "$1/modules.dep"
}

# vmlinuz + initramfs.cpio in $boot, stamped with the pins and the init script. Built in
# boot.tmp and renamed, so a half-made one is never used.
ensure_boot_image() {
  local want tmp kdir bb mod
  want=$( { cat "$repo/ci/ktls-vm.env"; guest_init; declare -f resolve_module_order; } | sha256sum | cut -d' ' -f1)
  [ "$(cat "$boot/.stamp" 2>/dev/null || true)" = "$want" ] && return
  exec 9>"$vm_dir/.build.lock"
  flock 9
  [ "$(cat "$boot/.stamp" 2>/dev/null || true)" = "$want" ] && { exec 9>&-; return; }
  find_debian_mirror
  download_pinned_deb "$KTLS_VM_KERNEL_BINARY_POOL_PATH" "$KTLS_VM_KERNEL_BINARY_SHA256"
  download_pinned_deb "$KTLS_VM_KERNEL_MODULES_POOL_PATH" "$KTLS_VM_KERNEL_MODULES_SHA256"
  download_pinned_deb "$KTLS_VM_BUSYBOX_POOL_PATH" "$KTLS_VM_BUSYBOX_SHA256"
  note "building the kernel + initramfs in $boot (once)"
  tmp=$boot.tmp
  rm -rf "$tmp"
  mkdir -p "$tmp/x" "$tmp/initramfs"/{bin,etc,lib/modules,proc,sys,dev}
  for deb in "$KTLS_VM_KERNEL_BINARY_POOL_PATH" "$KTLS_VM_KERNEL_MODULES_POOL_PATH" "$KTLS_VM_BUSYBOX_POOL_PATH"; do
    dpkg-deb -x "$vm_dir/debs/${deb##*/}" "$tmp/x"
  done
  kdir=$tmp/x/usr/lib/modules/$KTLS_VM_KERNEL_RELEASE
  bb=$tmp/x/usr/bin/busybox
  [ -f "$kdir/vmlinuz" ] || die "no vmlinuz for $KTLS_VM_KERNEL_RELEASE in $KTLS_VM_KERNEL_BINARY_PKG"
  # The packages ship no modules.dep (the postinst runs depmod); busybox's depmod makes one.
  ln -s usr/lib "$tmp/x/lib"
  "$bb" depmod -b "$tmp/x" "$KTLS_VM_KERNEL_RELEASE" || die "depmod failed for $KTLS_VM_KERNEL_RELEASE"
  resolve_module_order "$kdir" >"$tmp/modules.order" || die "a module in KTLS_VM_MODULES is not in $KTLS_VM_KERNEL_MODULES_PKG"
  : >"$tmp/initramfs/etc/modules.load"
  while read -r mod; do
    local base=${mod##*/}
    base=${base%.ko*}
    case $mod in
      *.xz) "$bb" xzcat "$kdir/$mod" >"$tmp/initramfs/lib/modules/$base.ko" ;;
      *.ko) cp "$kdir/$mod" "$tmp/initramfs/lib/modules/$base.ko" ;;
      *) die "cannot unpack module $mod (compression not handled)" ;;
    esac
    echo "$base" >>"$tmp/initramfs/etc/modules.load"
  done <"$tmp/modules.order"
  cp "$bb" "$tmp/initramfs/bin/busybox"
  guest_init >"$tmp/initramfs/init"
  chmod 755 "$tmp/initramfs/init"
  (cd "$tmp/initramfs" && find . | LC_ALL=C sort | "$bb" cpio -o -H newc -R 0:0 >"$tmp/initramfs.cpio" 2>/dev/null) \
    || die "could not pack the initramfs"
  mv "$kdir/vmlinuz" "$tmp/vmlinuz"
  cp "$tmp/initramfs/etc/modules.load" "$tmp/modules.load"
  rm -rf "$tmp/x" "$tmp/initramfs"
  echo "$want" >"$tmp/.stamp"
  rm -rf "$boot"
  mv "$tmp" "$boot"
  exec 9>&-
}

# The directories shared with the guest: the repo and --bind DIRs, less those inside another.
plan_shares() {
  local dir other keep
  shares=()
  for dir in "${binds[@]}"; do
    keep=1
    for other in "${binds[@]}"; do
      [ "$other" != "$dir" ] && [[ $dir == "$other"/* ]] && keep=0
    done
    for other in "${shares[@]}"; do [ "$other" = "$dir" ] && keep=0; done
    [ $keep = 1 ] && shares+=("$dir")
  done
  return 0
}

# run.sh: the command as bash reads it inside the guest (arguments and environment quoted
# with printf %q), in the caller's directory when the guest can see it.
write_run_script() { # <file>
  local cwd=/ dir name
  for dir in "${shares[@]}"; do
    if [ "$PWD" = "$dir" ] || [[ $PWD == "$dir"/* ]]; then cwd=$PWD; fi
  done
  [ "$cwd" = / ] && [ -d "$root$PWD" ] && cwd=$PWD
  {
    echo 'set -e'
    while IFS= read -r -d '' name; do
      name=${name%%=*}
      case $name in PWD|OLDPWD|SHLVL|_|PATH|BASH*|SHELLOPTS|EUID|UID|PPID|GROUPS) continue ;; esac
      [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
      printf 'export %s=%q\n' "$name" "${!name}"
    done < <(env -0)
    echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
    printf 'cd %q 2>/dev/null || cd /\n' "$cwd"
    echo 'set +e'
    printf 'exec'; printf ' %q' "${command_args[@]}"; echo
  } >"$1"
}

# Boot the VM until COMMAND has run, and return its exit status. With 2 vCPUs, qemu 7.2's
# multi-threaded TCG now and then lets a vCPU run code the kernel is live-patching at boot
# ("Oops: int3" in sched_clock_cpu, 2 boots in ~75 here): a kernel panic before COMMAND
# started is retried, up to 3 boots in all. A failure after COMMAND started is never retried.
run_in_vm() {
  local attempt why
  run=$(mktemp -d "${TMPDIR:-/tmp}/ktls-vm.XXXXXX")
  trap 'rm -rf "$run"' EXIT
  mkdir "$run/ctl"
  plan_shares
  write_qemu_args
  write_run_script "$run/ctl/run.sh"
  for attempt in 1 2 3; do
    boot_once
    [ -f "$run/ctl/rc" ] && return "$(cat "$run/ctl/rc")"
    if [ "$qemu_status" = 124 ] || [ "$qemu_status" = 137 ]; then
      echo "ktls-vm.sh: timed out after ${timeout_secs}s, qemu killed (command: ${command_args[*]}; console log: $vm_dir/last-console.log)" >&2
      return 124
    fi
    if ! panicked_before_command || [ $attempt = 3 ]; then break; fi
    cp "$run/console.log" "$vm_dir/boot-panic-$attempt.log"
    note "the guest kernel panicked while booting (see $vm_dir/boot-panic-$attempt.log); booting again"
  done
  why=$(grep -a -m1 -o 'ktls-vm-guest: FATAL: .*' "$run/console.log" | sed 's/^ktls-vm-guest: FATAL: //' || true)
  [ -n "$why" ] || why=$(grep -a -m1 -o 'Kernel panic.*' "$run/console.log" || true)
  [ -n "$why" ] || { [ "$qemu_status" != 0 ] && why="qemu exited with status $qemu_status: $(grep -v '^$' "$run/qemu.log" | head -1)"; }
  [ -n "$why" ] || why="the VM stopped without reporting the command's exit status"
  echo "ktls-vm.sh: VM failed: ${why%$'\r'} (console log: $vm_dir/last-console.log)" >&2
  return 125
}

panicked_before_command() {
  grep -a -q 'Kernel panic' "$run/console.log" && ! grep -a -q 'ktls-vm-guest: running the command' "$run/console.log"
}

write_qemu_args() {
  local i tag
  # shellcheck disable=SC2054  # the commas are qemu's option syntax
  qemu_args=(
    -accel tcg -cpu max -smp "${KTLS_VM_CPUS:-2}" -m "${KTLS_VM_MEM:-2048}"
    -nodefaults -no-user-config -display none -no-reboot
    -kernel "$boot/vmlinuz" -initrd "$boot/initramfs.cpio"
    -append "console=ttyS0 panic=-1 loglevel=4 rdinit=/init"
    -chardev "file,id=con,path=$run/console.fifo" -serial chardev:con
    -virtfs "local,path=$root,mount_tag=root,security_model=none,readonly=on,multidevs=remap"
    -virtfs "local,path=$run/ctl,mount_tag=ctl,security_model=none,multidevs=remap"
    -device virtio-serial-pci
    -chardev "file,id=out,path=$run/stdout.fifo" -device virtserialport,chardev=out,name=stdout
    -chardev "file,id=err,path=$run/stderr.fifo" -device virtserialport,chardev=err,name=stderr
  )
  : >"$run/ctl/shares"
  for i in "${!shares[@]}"; do
    tag=b$i
    qemu_args+=(-virtfs "local,path=${shares[$i]},mount_tag=$tag,security_model=none,multidevs=remap")
    echo "$tag ${KTLS_VM_9P_CACHE:-cache=loose} ${shares[$i]}" >>"$run/ctl/shares"
  done
}

# One boot. Each FIFO is held open read-write here while qemu runs, so neither side's open
# blocks (even if qemu never starts) and the readers see EOF once we let go after qemu exits.
boot_once() {
  local con_pid out_pid err_pid
  rm -f "$run"/*.fifo "$run/console.log" "$run/ctl/rc"
  mkfifo "$run/console.fifo" "$run/stdout.fifo" "$run/stderr.fifo"
  exec 5<>"$run/console.fifo" 6<>"$run/stdout.fifo" 7<>"$run/stderr.fifo"
  if [ $verbose = 1 ]; then
    tee "$run/console.log" <"$run/console.fifo" >&2 5>&- 6>&- 7>&- &
  else
    cat <"$run/console.fifo" >"$run/console.log" 5>&- 6>&- 7>&- &
  fi
  con_pid=$!
  cat <"$run/stdout.fifo" 5>&- 6>&- 7>&- &
  out_pid=$!
  cat <"$run/stderr.fifo" >&2 5>&- 6>&- 7>&- &
  err_pid=$!
  qemu_status=0
  timeout --kill-after=5 "$timeout_secs" qemu-system-x86_64 "${qemu_args[@]}" \
    </dev/null >"$run/qemu.log" 2>&1 5>&- 6>&- 7>&- || qemu_status=$?
  exec 5>&- 6>&- 7>&-
  wait $con_pid $out_pid $err_pid || true
  cp "$run/console.log" "$vm_dir/last-console.log" 2>/dev/null || true
}

print_pins() {
  local rel
  rel=$("$repo/scripts/in-root.sh" -- apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ { sub(/.*linux-image-/, ""); print; exit }')
  [ -n "$rel" ] || die "could not find linux-image-amd64's kernel in the build root's apt lists"
  echo "KTLS_VM_KERNEL_RELEASE=$rel"
  local var pkg
  for var in KERNEL_BINARY:linux-binary-$rel KERNEL_MODULES:linux-modules-$rel BUSYBOX:busybox-static; do
    pkg=${var#*:}
    "$repo/scripts/in-root.sh" -- apt-cache show "$pkg" | awk -v v="KTLS_VM_${var%%:*}" -v p="$pkg" '
      /^Version:/ { ver = $2 } /^Filename:/ { fn = $2 } /^SHA256:/ { sha = $2 }
      /^$/ && ver != "" { exit }
      END { print v "_PKG=" p; print v "_VERSION=" ver; print v "_POOL_PATH=" fn; print v "_SHA256=" sha }'
  done
}

main() {
  parse_args "$@"
  if [ "$mode" = print-pins ]; then print_pins; exit 0; fi
  check_host
  mkdir -p "$vm_dir"
  ensure_boot_image
  if [ "$mode" = check ]; then
    echo "qemu: $(qemu-system-x86_64 --version | head -1) (pinned tests used $KTLS_VM_QEMU_TESTED)"
    # shellcheck disable=SC2016  # expanded in the guest
    command_args=(/bin/sh -c 'echo "kernel: $(uname -r)"
      if grep -q "^tls " /proc/modules; then echo "tls: loaded"; else echo "tls: NOT loaded"; exit 1; fi
      grep -E "^Tls(Curr|Tx|Rx)Sw" /proc/net/tls_stat | tr "\n" " "; echo')
  fi
  local rc=0
  run_in_vm || rc=$?
  exit $rc
}

main "$@"
