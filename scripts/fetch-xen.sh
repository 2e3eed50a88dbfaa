#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches Debian's Xen 4.17 hypervisor into cache/xen-4.17/ and prints the
# path of an image QEMU -kernel boots (Multiboot1, 32-bit ELF).
# Idempotent: a second run only prints the path. Quiet unless it fails.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
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
