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

# line_reason TOOL NAME ERR: why the "TOOL: NAME ok|FAIL reason" line of
# a dom0 test program says NAME failed (nothing when it says ok): ERR
# (its build failed), no such line, or the line's own reason.  Shared
# with tests/linux/xenlibs.sh and the devices boot.
line_reason()
{
    local tool=$1 name=$2 err=$3 l
    l=$(grep -a -m1 "^$tool: $name " "$log")
    if [ -n "$err" ]; then
        echo "$err"
    elif [ -z "$l" ]; then
        l=$(grep -a -m1 "^dom0-init: $tool" "$log")
        echo "no '$tool: $name' line (${l:-$tool did not run}; QEMU status $rc; last: $(sed '/^--- QEMU/,$d' "$log" | grep -a . | tail -n 1 | cut -c1-120))"
    elif [ "${l#"$tool: $name ok"}" = "$l" ]; then
        echo "${l#"$tool: $name FAIL "}"
    fi
}

# check_xentest BOOT: one report per xentests entry.
check_xentest()
{
    local t
    for t in "${xentests[@]}"; do
        report "$1-$t" "$(line_reason xentest "$t" "$xentest_err")"
    done
}
