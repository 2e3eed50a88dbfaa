#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Installs the Debian packages needed to build and test the hypervisor.
# Idempotent: only packages that are missing are installed.
# arm64 target material (libfdt, the dom0 kernel, busybox, Xen 4.17) is
# not installed: scripts/fetch-*.sh and mkinitramfs.sh --arch arm64 unpack
# the :arm64 packages into cache/ (enabling dpkg's arm64 architecture once).
set -euo pipefail

packages=(
    build-essential gcc make binutils python3
    qemu-system-x86 qemu-system-arm gcc-aarch64-linux-gnu libc6-dev-arm64-cross
    device-tree-compiler
    grub-pc-bin grub-common grub-efi-amd64-bin xorriso mtools ovmf qemu-efi-aarch64
    kconfig-frontends-nox libncurses-dev
    libcmocka-dev libfdt-dev
    busybox-static gzip xz-utils
)

installed()
{
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$status" = "install ok installed" ]
}

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: not root and no sudo; install as root:" \
             "apt-get install ${missing[*]}" >&2
        exit 1
    fi
    sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq </dev/null
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" </dev/null >/dev/null
echo "install-deps: done"
