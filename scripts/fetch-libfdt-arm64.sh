#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetches Debian's libfdt-dev:arm64 (the static libfdt.a and its headers)
# into cache/libfdt-arm64/ without installing it, for linking into the
# arm64 hypervisor. Enables dpkg's arm64 architecture once if needed.
#
# usage: fetch-libfdt-arm64.sh [--include | --root]
#   (default)   print the directory that holds libfdt.a
#   --include   print the include directory (libfdt.h, fdt.h, libfdt_env.h)
#   --root      print the directory the package was unpacked into
#
# Idempotent: a version already unpacked is not downloaded again. Quiet
# unless it fails. Exit status 0 on success, 3 when the package cannot be
# resolved or downloaded (no network or no registry: callers may skip),
# 1 for anything else.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
prog=fetch-libfdt-arm64
. "$top/scripts/lib/deb.sh"

what=lib
case "${1:-}" in
"") ;;
--include) what=include ;;
--root) what=root ;;
-h|--help) sed -n '3,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "usage: $0 [--include | --root]" >&2; exit 2 ;;
esac

dir=$top/cache/libfdt-arm64
deb_need_arch arm64
deb_unpack "$dir" libfdt-dev:arm64

root=$dir/root
lib=$root/usr/lib/aarch64-linux-gnu
inc=$root/usr/include
[ -f "$lib/libfdt.a" ] || deb_fail "libfdt-dev:arm64 has no $lib/libfdt.a"
[ -f "$inc/libfdt.h" ] || deb_fail "libfdt-dev:arm64 has no $inc/libfdt.h"

case "$what" in
lib) echo "$lib" ;;
include) echo "$inc" ;;
root) echo "$root" ;;
esac
