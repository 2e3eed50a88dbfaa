# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/linux/run and tests/linux-arm64/run: puts
# tools/tests/xen-devices-test.c (/bin/xentest) and the hook that runs it
# (xentest=1 on dom0's command line) into an initramfs tree, and checks
# its "xentest: NAME ok|FAIL reason" lines: privcmd (a hypercall through
# /dev/xen/privcmd), evtchn (an event-channel loopback through
# /dev/xen/evtchn) and gntdev (a gntalloc page mapped back by gntdev).
# The caller defines report TEST [REASON], log and rc.

xentests=(privcmd evtchn gntdev)

# stage_xentest ROOT OUT [CC]: builds the test statically into OUT (with
# CC, e.g. aarch64-linux-gnu-gcc) and copies it and the hook into ROOT;
# on failure sets xentest_err to why.
xentest_err=
stage_xentest()
{
    local root=$1 dir=$2 err
    local args=(OUT="$dir")
    [ $# -ge 3 ] && args+=(CC="$3")
    mkdir -p "$root/bin" "$dir"
    if err=$(make -s -C tools/tests "${args[@]}" 2>&1); then
        cp -a tests/linux/xentest/. "$root/"
        cp "$dir/xen-devices-test" "$root/bin/xentest"
    else
        xentest_err="static build of tools/tests/xen-devices-test.c failed: $(echo "$err" | grep -av '^make' | tail -n 1)"
    fi
}

# check_xentest BOOT: one report per xentests entry.
check_xentest()
{
    local b=$1 t l r
    for t in "${xentests[@]}"; do
        l=$(grep -a -m1 "^xentest: $t " "$log")
        r=
        if [ -n "$xentest_err" ]; then
            r=$xentest_err
        elif [ -z "$l" ]; then
            l=$(grep -a -m1 '^dom0-init: xentest' "$log")
            r="no 'xentest: $t' line (${l:-xentest did not run}; QEMU status $rc; last: $(sed '/^--- QEMU/,$d' "$log" | grep -a . | tail -n 1 | cut -c1-120))"
        elif [ "${l#xentest: $t ok}" = "$l" ]; then
            r=${l#xentest: $t FAIL }
        fi
        report "$b-$t" "$r"
    done
}
