# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/linux/run and tests/linux-arm64/run: puts
# tools/tests/xen-libs-test.c (/bin/xenlibs) and the hook that runs it
# (xenlibs=1 on dom0's command line) into an initramfs tree, and checks
# its "xenlibs: NAME ok|FAIL reason" lines: libxenevtchn (evtchn:
# loopback with pending and unmask; evtchn-virq: VIRQ_DOM_EXC),
# xc_evtchn_alloc_unbound (alloc-unbound), libxengnttab (gnttab: gntshr
# pages mapped back) and libxenforeignmemory (foreignmemory: dom0's
# shared_info frame through MMAPBATCH_V2, or its refusal).  Its
# "resource" line (MMAP_RESOURCE of dom0's grant table) is only logged.
# The caller defines report TEST [REASON], log and rc.

xenlibstests=(xenlibs-evtchn xenlibs-evtchn-virq xenlibs-alloc-unbound
              xenlibs-gnttab xenlibs-foreignmemory)

# stage_xenlibs ROOT OUT [CC]: builds the test statically into OUT (with
# CC, e.g. aarch64-linux-gnu-gcc) and copies it and the hook into ROOT;
# on failure sets xenlibs_err to why.
xenlibs_err=
stage_xenlibs()
{
    local root=$1 dir=$2 err
    local args=(OUT="$dir")
    [ $# -ge 3 ] && args+=(CC="$3")
    mkdir -p "$root/bin" "$dir"
    if err=$(make -s -C tools/tests "${args[@]}" "$dir/xen-libs-test" 2>&1); then
        cp -a tests/linux/xenlibs/. "$root/"
        cp "$dir/xen-libs-test" "$root/bin/xenlibs"
    else
        xenlibs_err="static build of tools/tests/xen-libs-test.c failed: $(echo "$err" | grep -av '^make' | tail -n 1)"
    fi
}

# check_xenlibs BOOT: one report per xenlibstests entry (line_reason is
# tests/linux/xentest.sh's, sourced before this file).
check_xenlibs()
{
    local t
    for t in "${xenlibstests[@]}"; do
        report "$1-$t" "$(line_reason xenlibs "${t#xenlibs-}" "$xenlibs_err")"
    done
}
