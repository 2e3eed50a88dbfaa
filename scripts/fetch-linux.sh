#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches Debian's current kernel (the linux-image-*-ARCH package that the
# linux-image-ARCH metapackage depends on) and prints the path of its
# vmlinuz. amd64 (the default) goes to cache/linux/: a PV dom0 kernel for
# our hypervisor. arm64 goes to cache/linux-arm64/ (vmlinuz is a raw arm64
# Image); it is downloaded as linux-image-*:arm64 and only unpacked, never
# installed, and dpkg's arm64 architecture is enabled once if needed.
#
# usage: fetch-linux.sh [--arch amd64|arm64] [--modules | --version | --root]
#   (default)   print the path of vmlinuz
#   --modules   print the modules directory (.../lib/modules/<version>)
#   --version   print the kernel version (e.g. 6.1.0-56-amd64)
#   --root      print the directory the package was unpacked into
#   --arch A    the kernel's architecture, amd64 (default) or arm64
#
# Idempotent: a version already unpacked is not downloaded again. Quiet
# unless it fails. Exit status 0 on success, 3 when the package cannot be
# resolved or downloaded (no network or no registry: callers may skip),
# 1 for anything else.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)

usage()
{
    echo "usage: $0 [--arch amd64|arm64] [--modules | --version | --root]" >&2
    exit 2
}

what=vmlinuz
arch=amd64
while [ $# -gt 0 ]; do
    case "$1" in
    --modules) what=modules ;;
    --version) what=version ;;
    --root) what=root ;;
    --arch) [ $# -ge 2 ] || usage; arch=$2; shift ;;
    -h|--help) sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
    esac
    shift
done

case "$arch" in
amd64)
    meta=linux-image-amd64
    cache=$top/cache/linux
    ;;
arm64)
    meta=linux-image-arm64:arm64
    cache=$top/cache/linux-arm64
    prog=fetch-linux
    . "$top/scripts/lib/deb.sh"
    deb_need_arch arm64
    ;;
*) usage ;;
esac

fail()
{
    echo "fetch-linux: $*" >&2
    exit 1
}

unreachable()
{
    echo "fetch-linux: $*" >&2
    exit 3
}

# The kernel package the metapackage names, e.g. linux-image-6.1.0-56-amd64
# (apt-cache adds ":arm64" to foreign ones: dropped here, added back below).
resolve()
{
    local re="^ *Depends: (linux-image-[0-9][^ :]*-$arch)(:$arch)?\$"
    apt-cache depends "$meta" 2>/dev/null | sed -nE "s/$re/\\1/p" | head -n 1
}

pkg=$(resolve || true)
if [ -z "$pkg" ]; then
    # apt-cache only knows the package after an index update.
    apt-get update -qq >/dev/null 2>&1 ||
        unreachable "apt-get update failed (no network or registry?)"
    pkg=$(resolve || true)
    [ -n "$pkg" ] || unreachable "apt-cache does not know $meta"
fi
kver=${pkg#linux-image-}
[ "$arch" = amd64 ] || pkg=$pkg:$arch
pver=$(apt-cache show --no-all-versions "$pkg" 2>/dev/null |
       sed -n 's/^Version: //p' | head -n 1)
[ -n "$pver" ] || unreachable "apt-cache has no version for $pkg"

dir=$cache/$kver
root=$dir/root
stamp=$dir/unpacked     # holds "<package> <version>" once unpacked

if [ "$(cat "$stamp" 2>/dev/null)" != "$pkg $pver" ]; then
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    # apt's _apt user must be able to write where the .deb lands.
    chmod 777 "$tmp"
    if ! (cd "$tmp" && apt-get download -qq "$pkg=$pver" >"$tmp/log" 2>&1)
    then
        tail -n 3 "$tmp/log" >&2
        unreachable "apt-get download $pkg=$pver failed"
    fi
    deb=$(echo "$tmp"/*.deb)
    [ -f "$deb" ] || fail "no .deb for $pkg"
    mkdir "$tmp/root"
    dpkg-deb -x "$deb" "$tmp/root" || fail "dpkg-deb -x $deb failed"
    [ -f "$tmp/root/boot/vmlinuz-$kver" ] ||
        fail "$pkg has no boot/vmlinuz-$kver"
    [ -d "$tmp/root/lib/modules/$kver/kernel" ] ||
        fail "$pkg has no lib/modules/$kver/kernel"
    rm -rf "$dir"
    mkdir -p "$dir"
    mv "$tmp/root" "$root"
    echo "$pkg $pver" >"$stamp"
fi

case "$what" in
vmlinuz) echo "$root/boot/vmlinuz-$kver" ;;
modules) echo "$root/lib/modules/$kver" ;;
version) echo "$kver" ;;
root) echo "$root" ;;
esac
