#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Builds a GRUB2 rescue ISO that boots the hypervisor with Multiboot2 on
# the first serial port (BIOS, and UEFI when grub-efi-amd64-bin is there).
#
# usage: mkiso.sh OUT.iso XEN_GZ "XEN ARGS" [MODULE "MODULE ARGS"]...
# Each MODULE becomes a module2 line, in order; ARGS go in verbatim. If the
# hypervisor cannot be loaded, GRUB falls back to powering the machine off,
# so that a test run ends at once instead of waiting in GRUB's menu.
set -euo pipefail

if [ $# -lt 3 ] || [ $(( ($# - 3) % 2 )) -ne 0 ]; then
    echo "usage: $0 OUT.iso XEN_GZ \"XEN ARGS\" [MODULE \"MODULE ARGS\"]..." >&2
    exit 2
fi

out=$1
xen=$2
xen_args=$3
shift 3

[ -f "$xen" ] || { echo "$0: no such file: $xen" >&2; exit 1; }
command -v grub-mkrescue >/dev/null ||
    { echo "$0: grub-mkrescue missing (scripts/install-deps.sh)" >&2; exit 1; }

tmp=$(mktemp -d --tmpdir mkiso.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/iso/boot/grub"
cp "$xen" "$tmp/iso/boot/xen.gz"

{
    echo "set timeout=0"
    echo "set default=0"
    echo "set fallback=1"
    echo "serial --unit=0 --speed=115200"
    echo "terminal_input serial"
    echo "terminal_output serial"
    echo "menuentry 'Xen-ABI hypervisor' {"
    echo "    multiboot2 /boot/xen.gz $xen_args"
    n=0
    while [ $# -gt 0 ]; do
        [ -f "$1" ] || { echo "$0: no such module: $1" >&2; exit 1; }
        n=$((n + 1))
        name="mod$n-$(basename "$1")"
        cp "$1" "$tmp/iso/boot/$name"
        echo "    module2 /boot/$name $2"
        shift 2
    done
    echo "}"
    echo "menuentry 'Power off (the hypervisor did not load)' {"
    echo "    echo 'mkiso: loading the hypervisor failed; powering off'"
    echo "    halt"
    echo "}"
} >"$tmp/iso/boot/grub/grub.cfg"

# grub-mkrescue adds every platform whose GRUB files are installed
# (i386-pc from grub-pc-bin, x86_64-efi from grub-efi-amd64-bin).
platforms=()
[ -d /usr/lib/grub/i386-pc ] && platforms+=(i386-pc)
[ -d /usr/lib/grub/x86_64-efi ] && platforms+=(x86_64-efi)
[ ${#platforms[@]} -gt 0 ] ||
    { echo "$0: no GRUB platform files (grub-pc-bin)" >&2; exit 1; }

if ! grub-mkrescue -o "$out" "$tmp/iso" >"$tmp/log" 2>&1; then
    cat "$tmp/log" >&2
    echo "$0: grub-mkrescue failed" >&2
    exit 1
fi
echo "mkiso: $out (${platforms[*]})"
