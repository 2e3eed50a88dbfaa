# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/linux/run and tests/linux-arm64/run: puts the
# toolstack and tests/linux/xenstore's dom0-init hook into an initramfs
# tree, and checks what the hook (xenstore=1 on the kernel command line)
# reported about xenstored serving dom0's kernel ring.  The caller
# defines report TEST [REASON], mark WORD, log and rc.

xstests=(xenstore-start xenstore-kernel xenstore-ring xenstore-watch
         xenstore-socket xenstore-alive)

# stage_xenstore ROOT [CROSS_COMPILE OUT]: builds tools/ (natively into
# tools/out, or with CROSS_COMPILE into OUT) and copies xenstored,
# xenstore and its names, xen-init-dom0 and the hook into ROOT; on
# failure sets xenstore_err to why.
xenstore_err=
stage_xenstore()
{
    local root=$1 bin=tools/out err n
    local args=()
    if [ $# -ge 3 ]; then
        args=(CROSS_COMPILE="$2" OUT="$3")
        bin=$3
    fi
    if ! err=$(make -s -C tools "${args[@]}" 2>&1); then
        xenstore_err="make -C tools ${args[*]} failed: $(echo "$err" | grep -av '^make' | tail -n 1)"
        return 1
    fi
    mkdir -p "$root/bin"
    cp -a tests/linux/xenstore/. "$root/"
    cp "$bin/xenstored" "$bin/xenstore" "$bin/xen-init-dom0" "$root/bin/"
    for n in read write ls list rm exists chmod watch; do
        ln -sf xenstore "$root/bin/xenstore-$n"
    done
}

# check_xenstore BOOT: one report per xstests entry.
check_xenstore()
{
    local b=$1 v w r
    local why="no 'dom0-init: xenstore started' (${xenstore_err:-$(grep -a -m1 '^dom0-init: xenstore \(missing\|start-failed\)' "$log" || echo "hook did not run; QEMU status $rc")})"

    v=$(mark "xenstore started")
    if ! [[ "$v" =~ ^[0-9]+$ ]]; then
        for t in "${xstests[@]}"; do
            report "$b-$t" "$why"
        done
        return
    fi
    r=; w=$(mark "xenstore init-dom0")
    [ "$w" = "Done setting up Dom0" ] ||
        r="xen-init-dom0 said '${w:-nothing}', expected 'Done setting up Dom0'"
    report "$b-xenstore-start" "$r"

    # The kernel's own xenbus, probed once the ring is served, writes
    # control/feature-poweroff.
    r=; v=$(mark "xenstore kernel-feature-poweroff")
    [ "$v" = 1 ] ||
        r="control/feature-poweroff is '${v:-no line}': the kernel's xenbus did not write through the ring"
    report "$b-xenstore-kernel" "$r"

    r=; v=$(mark "xenstore kernel-read"); w=$(mark "xenstore socket-read")
    if [ "$v" != Domain-0 ]; then
        r="name read through /dev/xen/xenbus is '${v:-no line}', expected Domain-0"
    elif [ "$w" != written-by-kernel ]; then
        r="a write through /dev/xen/xenbus read back on the socket as '${w:-no line}'"
    fi
    report "$b-xenstore-ring" "$r"

    r=; v=$(mark "xenstore kernel-watch")
    [ "$v" = "rc 0 events 2" ] ||
        r="watch through /dev/xen/xenbus: '${v:-no line}', expected 'rc 0 events 2' (registration and one write)"
    report "$b-xenstore-watch" "$r"

    r=; v=$(mark "xenstore socket-domid")
    [ "$v" = 0 ] || r="domid read on the socket is '${v:-no line}', expected 0"
    report "$b-xenstore-socket" "$r"

    r=
    grep -aq '^dom0-init: xenstore alive$' "$log" ||
        r="xenstored is gone after the checks ($(grep -a '^dom0-init: xenstore \(dead\|trace\)' "$log" | tr '\n' ';'))"
    report "$b-xenstore-alive" "$r"
}
