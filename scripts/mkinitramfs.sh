#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Builds a small dom0 initramfs: busybox-static, the Xen modules of the
# kernel that scripts/fetch-linux.sh fetches (with their dependencies),
# and an /init that reports what dom0 sees in "dom0-init: ..." lines.
#
# usage: mkinitramfs.sh OUT.cpio.gz [--arch amd64|arm64] [--init FILE]
#                       [--extra DIR] [--modules DIR]
#   --arch A       amd64 (default: the host's /bin/busybox, which must be
#                  busybox-static) or arm64 (busybox-static:arm64, unpacked
#                  into cache/busybox-arm64/, never installed; modules from
#                  scripts/fetch-linux.sh --arch arm64)
#   --init FILE    use FILE as /init instead of the default one below
#   --extra DIR    copy DIR's contents into the root (e.g. etc/dom0-init.d/
#                  with scripts the default /init runs before it ends)
#   --modules DIR  the kernel's lib/modules/<version> directory (default:
#                  scripts/fetch-linux.sh [--arch A] --modules)
# MODULES="a b ..." in the environment replaces the default module list.
#
# The default /init mounts proc, sys and devtmpfs, loads the modules with
# insmod in dependency order, mounts xenfs on /proc/xen, and prints:
#   dom0-init: reached | kernel V | cpus N | online LIST | hypervisor TYPE
#   dom0-init: memtotal-kb N | balloon current-kb N target-kb N
#   dom0-init: module NAME loaded|failed: ERROR
#   dom0-init: proc-xen mounted|failed | capabilities CAPS | dev-xen NODES
# Then, if the kernel command line has dom0test=poweroff, it prints
# "dom0-init: done" and powers off (poweroff -f); otherwise it runs a
# shell on the console and powers off when the shell ends.
# The archive is reproducible: fixed owner and times (SOURCE_DATE_EPOCH,
# default 0), sorted names, gzip -n.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)

usage()
{
    echo "usage: $0 OUT.cpio.gz [--arch amd64|arm64] [--init FILE]" \
         "[--extra DIR] [--modules DIR]" >&2
    exit 2
}

fail()
{
    echo "mkinitramfs: $*" >&2
    exit 1
}

[ $# -ge 1 ] || usage
out=$1
shift
init=
extra=
moddir=
arch=amd64
while [ $# -gt 0 ]; do
    case "$1" in
    --init) [ $# -ge 2 ] || usage; init=$2; shift 2 ;;
    --extra) [ $# -ge 2 ] || usage; extra=$2; shift 2 ;;
    --modules) [ $# -ge 2 ] || usage; moddir=$2; shift 2 ;;
    --arch) [ $# -ge 2 ] || usage; arch=$2; shift 2 ;;
    *) usage ;;
    esac
done
[ -z "$init" ] || [ -f "$init" ] || fail "no such file: $init"
[ -z "$extra" ] || [ -d "$extra" ] || fail "no such directory: $extra"
case "$arch" in
amd64|arm64) ;;
*) usage ;;
esac

modules=${MODULES:-xen-evtchn xen-privcmd xenfs xen-gntdev xen-gntalloc \
xen-blkback xen-netback}

# Tools: busybox-static for the root (amd64), cpio to pack it.
need=()
if [ "$arch" = amd64 ]; then
    [ -x /bin/busybox ] &&
        file -b -L /bin/busybox | grep -q 'statically linked' ||
        need+=(busybox-static)
fi
command -v cpio >/dev/null || need+=(cpio)
command -v objcopy >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "mkinitramfs: installing ${need[*]}" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${need[@]}" </dev/null >/dev/null ||
        fail "apt-get install ${need[*]} failed"
fi
if [ "$arch" = amd64 ]; then
    busybox=/bin/busybox
    file -b -L "$busybox" | grep -q 'statically linked' ||
        fail "/bin/busybox is not statically linked (busybox-static)"
    fetch_arch=()
else
    # The foreign busybox is only unpacked into the cache, never installed.
    prog=mkinitramfs
    . "$top/scripts/lib/deb.sh"
    deb_need_arch arm64
    deb_unpack "$top/cache/busybox-arm64" busybox-static:arm64
    busybox=$top/cache/busybox-arm64/root/bin/busybox
    file -b "$busybox" | grep -q 'ARM aarch64.*statically linked' ||
        fail "$busybox is not a static arm64 executable"
    fetch_arch=(--arch "$arch")
fi

if [ -z "$moddir" ]; then
    moddir=$("$top/scripts/fetch-linux.sh" "${fetch_arch[@]}" --modules) ||
        fail "scripts/fetch-linux.sh ${fetch_arch[*]} --modules failed"
fi
[ -d "$moddir/kernel" ] || fail "no kernel/ in $moddir"

tmp=$(mktemp -d --tmpdir mkinitramfs.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$root"/{bin,dev,proc,sys,tmp,etc,lib/modules}
cp "$busybox" "$root/bin/busybox"
# The kernel opens /dev/console for /init before devtmpfs is mounted.
mknod -m 600 "$root/dev/console" c 5 1 2>/dev/null || true

# Module name -> file. Names use '_' where file names may use '-'.
declare -A file_of
while read -r n f; do
    n=${n%%.ko*}
    file_of[${n//-/_}]=$f
done < <(find "$moddir/kernel" \( -name '*.ko' -o -name '*.ko.xz' \
              -o -name '*.ko.zst' -o -name '*.ko.gz' \) -printf '%f %p\n')

# Busybox insmod takes plain .ko files only: decompress into the root.
# stage NAME: copies the module, sets staged to its path in the root.
staged=
stage()
{
    local src=${file_of[$1]} dst=$root/lib/modules/$1.ko
    case "$src" in
    *.ko.xz) xz -dc "$src" >"$dst" ;;
    *.ko.zst) zstd -qdc "$src" >"$dst" ;;
    *.ko.gz) gzip -dc "$src" >"$dst" ;;
    *) cp "$src" "$dst" ;;
    esac
    staged=$dst
}

# depends_of FILE: the module's depends= field, comma separated (modinfo
# from kmod when present, else the .modinfo section itself).
depends_of()
{
    if command -v modinfo >/dev/null &&
       ! readlink -f "$(command -v modinfo)" | grep -q busybox; then
        modinfo -F depends "$1"
    else
        # elf64-little: the host's objcopy may not know the module's machine.
        objcopy -I elf64-little -O binary --only-section=.modinfo "$1" \
            "$tmp/modinfo" &&
            tr '\0' '\n' <"$tmp/modinfo" | sed -n 's/^depends=//p'
    fi
}

# Depth first, dependencies before the module: the load order.
declare -A state
order=()
visit()
{
    local n=${1//-/_} d deps
    case "${state[$n]:-}" in
    done) return 0 ;;
    busy) fail "dependency loop at module $n" ;;
    esac
    [ -n "${file_of[$n]:-}" ] || fail "no module $1 in $moddir/kernel"
    state[$n]=busy
    stage "$n"
    deps=$(depends_of "$staged") || fail "cannot read modinfo of $n"
    for d in ${deps//,/ }; do
        visit "$d"
    done
    state[$n]=done
    order+=("$n")
}
for m in $modules; do
    visit "$m"
done
printf '%s\n' "${order[@]}" >"$root/lib/modules/load-order"

if [ -n "$init" ]; then
    cp "$init" "$root/init"
else
    cat >"$root/init" <<'INIT'
#!/bin/busybox sh
# dom0 /init, written by scripts/mkinitramfs.sh. Prints "dom0-init: ..."
# lines for tests; dom0test=poweroff (or reboot, or crash: a sysrq crash)
# on the command line ends the run that way, otherwise a shell runs on
# the console.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
[ -c /dev/console ] && exec </dev/console >/dev/console 2>&1

say() { echo "dom0-init: $*"; }
say reached
say "kernel $(uname -r)"
say "cpus $(grep -c '^processor' /proc/cpuinfo)"
say "online $(cat /sys/devices/system/cpu/online 2>/dev/null || echo none)"
say "hypervisor $(cat /sys/hypervisor/type 2>/dev/null || echo none)"
say "memtotal-kb $(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo)"
# What the balloon driver counts as this domain's memory.
b=/sys/devices/system/xen_memory/xen_memory0
say "balloon current-kb $(cat $b/info/current_kb 2>/dev/null || echo none)" \
    "target-kb $(cat $b/target_kb 2>/dev/null || echo none)"

while read -r m; do
    if err=$(insmod "/lib/modules/$m.ko" 2>&1); then
        say "module $m loaded"
    else
        say "module $m failed: $err"
    fi
done </lib/modules/load-order

mkdir -p /proc/xen
if mount -t xenfs xenfs /proc/xen; then
    say "proc-xen mounted"
    say "capabilities $(cat /proc/xen/capabilities 2>/dev/null || echo none)"
else
    say "proc-xen failed"
fi
say "dev-xen $(ls /dev/xen 2>/dev/null | tr '\n' ' ')"

for s in /etc/dom0-init.d/*; do
    [ -x "$s" ] && "$s"
done

if grep -qw 'dom0test=poweroff' /proc/cmdline; then
    say done
    poweroff -f
fi
if grep -qw 'dom0test=reboot' /proc/cmdline; then
    say done
    reboot -f
fi
if grep -qw 'dom0test=crash' /proc/cmdline; then
    say done
    echo 1 >/proc/sys/kernel/sysrq
    echo c >/proc/sysrq-trigger
fi
say "shell (poweroff -f powers the machine off)"
setsid cttyhack sh -l
poweroff -f
INIT
fi
chmod 755 "$root/init"

if [ -n "$extra" ]; then
    cp -a "$extra/." "$root/"
fi

# Reproducible archive: one owner, one time, sorted names.
epoch=${SOURCE_DATE_EPOCH:-0}
find "$root" -exec touch -h -d "@$epoch" {} +
mkdir -p "$(dirname "$out")"
(cd "$root" && find . -print0 | LC_ALL=C sort -z |
    cpio -o -0 -H newc --reproducible --owner 0:0 --quiet) |
    gzip -9n >"$out.tmp"
mv "$out.tmp" "$out"
echo "mkinitramfs: $out ($(du -k "$out" | cut -f1) kB; modules:" \
     "${order[*]})"
