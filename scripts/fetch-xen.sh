#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches Debian's Xen 4.17 hypervisor and prints the path of an image
# QEMU -kernel boots: for amd64 (default) xen-hypervisor-4.17-amd64 into
# cache/xen-4.17/, a Multiboot1 32-bit ELF; for arm64
# xen-hypervisor-4.17-arm64:arm64 into cache/xen-4.17-arm64/ (unpacked,
# never installed; dpkg's arm64 architecture is enabled once if needed),
# whose boot/xen-4.17-arm64 is an arm64 Image.
#
# usage: fetch-xen.sh [--arch amd64|arm64]
#
# Idempotent: a second run only prints the path. Quiet unless it fails.
# arm64: exit status 3 when the package cannot be resolved or downloaded.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)

case "$*" in
""|"--arch amd64") ;;
"--arch arm64")
    prog=fetch-xen
    . "$top/scripts/lib/deb.sh"
    dir=$top/cache/xen-4.17-arm64
    deb_need_arch arm64
    deb_unpack "$dir" xen-hypervisor-4.17-arm64:arm64
    img=$dir/root/boot/xen-4.17-arm64
    file -b "$img" | grep -q 'ARM64 boot executable Image' ||
        deb_fail "$img is not an arm64 Image: $(file -b "$img")"
    echo "$img"
    exit 0
    ;;
-h|--help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "usage: $0 [--arch amd64|arm64]" >&2; exit 2 ;;
esac

pkg=xen-hypervisor-4.17-amd64
dir=$top/cache/xen-4.17
img=$dir/xen-4.17-amd64

fail()
{
    echo "$0: $*" >&2
    exit 1
}

if [ ! -s "$img" ]; then
    mkdir -p "$dir"
    tmp=$(mktemp -d "$dir/.fetch.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT

    # apt-cache only knows the package after an index update.
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then
        apt-get update -qq >/dev/null 2>&1 ||
            fail "apt-get update failed"
    fi
    # apt's _apt user must be able to write where the .deb lands.
    chmod 777 "$tmp"
    (cd "$tmp" && apt-get download -qq "$pkg" >/dev/null 2>&1) ||
        fail "apt-get download $pkg failed"
    deb=$(echo "$tmp"/*.deb)
    [ -f "$deb" ] || fail "no .deb for $pkg"
    dpkg-deb -x "$deb" "$dir/root"
    basename "$deb" >"$dir/package"

    gz=$dir/root/boot/xen-4.17-amd64.gz
    [ -f "$gz" ] || fail "$pkg has no boot/xen-4.17-amd64.gz"
    gunzip -c "$gz" >"$tmp/xen"
    # QEMU's -kernel takes Multiboot1 images only: Xen's is a 32-bit ELF.
    file -b "$tmp/xen" | grep -q '^ELF 32-bit' ||
        fail "$gz does not unpack to a 32-bit ELF: $(file -b "$tmp/xen")"
    mv "$tmp/xen" "$img"
fi

echo "$img"
