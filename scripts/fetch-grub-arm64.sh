#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches Debian's GRUB for arm64 UEFI (grub-efi-arm64-bin:arm64, the
# arm64-efi modules) into cache/grub-arm64/ without installing it; the
# host's grub-mkimage (grub-common) builds a BOOTAA64.EFI from them.
# Enables dpkg's arm64 architecture once if needed.
#
# usage: fetch-grub-arm64.sh
#   prints the arm64-efi module directory (grub-mkimage -d)
#
# Idempotent: a version already unpacked is not downloaded again. Quiet
# unless it fails. Exit status 0 on success, 3 when the package cannot be
# resolved or downloaded (no network or no registry: callers may skip),
# 1 for anything else.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
prog=fetch-grub-arm64
. "$top/scripts/lib/deb.sh"

case "${1:-}" in
"") ;;
-h|--help) sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "usage: $0" >&2; exit 2 ;;
esac

dir=$top/cache/grub-arm64
deb_need_arch arm64
deb_unpack "$dir" grub-efi-arm64-bin:arm64

mods=$dir/root/usr/lib/grub/arm64-efi
[ -f "$mods/xen_boot.mod" ] ||
    deb_fail "grub-efi-arm64-bin:arm64 has no $mods/xen_boot.mod"
echo "$mods"
