#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Rebuilds a device tree source from the "dtdump: ..." lines that the dom0
# hook in scripts/dom0-dtdump/ prints on the console (the last complete
# dump in the log). By default from the blob the hypervisor passed (in its
# order, with its phandles and /memreserve/s); with --fs from the tree
# Linux shows in /proc/device-tree (dtc -I fs: sorted, no memreserves).
#
# usage: dtdump-to-dts.sh [--fs] LOG [OUT.dts]   (default: stdout)
set -euo pipefail

fs=0
if [ "${1:-}" = --fs ]; then
    fs=1
    shift
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 [--fs] LOG [OUT.dts]" >&2
    exit 2
fi
log=$1
# dtc -o /dev/stdout would truncate a file stdout is redirected to.
outopt=()
[ $# -lt 2 ] || outopt=(-o "$2")
[ -f "$log" ] || { echo "$0: no such file: $log" >&2; exit 2; }
command -v dtc >/dev/null ||
    { echo "$0: dtc missing (apt-get install device-tree-compiler)" >&2;
      exit 1; }

tmp=$(mktemp -d --tmpdir dtdump.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"

# The last begin..end block; a serial log may carry CRs.
tr -d '\r' <"$log" | awk '
    /^dtdump: begin$/ { n = 0; inside = 1; next }
    /^dtdump: end$/ { if (inside) { done = n }; inside = 0; next }
    inside && /^dtdump: [DPF] / { line[++n] = $0 }
    END { for (i = 1; i <= done; i++) print line[i] }' >"$tmp/lines"
[ -s "$tmp/lines" ] ||
    { echo "$0: no complete dtdump block in $log" >&2; exit 1; }

if [ "$fs" = 0 ]; then
    blob=$(sed -n 's/^dtdump: F //p' "$tmp/lines")
    [ -n "$blob" ] ||
        { echo "$0: no blob (F line) in $log; try --fs" >&2; exit 1; }
    printf '%s' "$blob" | perl -ne 'binmode STDOUT; print pack("H*", $_)' \
        >"$tmp/fdt.dtb"
    dtc -q -I dtb -O dts "${outopt[@]}" "$tmp/fdt.dtb"
    exit 0
fi
grep -v '^dtdump: F ' "$tmp/lines" >"$tmp/fslines" || true

# Paths are relative ("./node/prop"); refuse anything that climbs out.
(cd "$tmp/base" && perl -ne '
    my ($kind, $path, $hex) = /^dtdump: ([DP]) (\S+) ?([0-9a-f]*)$/
        or die "bad line: $_";
    die "bad path: $path\n" if $path =~ m{(^|/)\.\.(/|$)} || $path =~ m{^/};
    if ($kind eq "D") {
        mkdir $path or $path eq "." or die "mkdir $path: $!\n";
    } else {
        open(my $f, ">", $path) or die "$path: $!\n";
        binmode $f;
        print $f pack("H*", $hex);
        close $f;
    }' "$tmp/fslines")

dtc -q -s -I fs -O dts "${outopt[@]}" "$tmp/base"
