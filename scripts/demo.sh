#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make demo: installs what is missing, builds, and boots the hypervisor in
# QEMU with its serial console on this terminal and, when it can be
# fetched, Debian's kernel as dom0 running a busybox shell.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

scripts/install-deps.sh
make

xen_args="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all"

# Dom0: Debian's current kernel (scripts/fetch-linux.sh) with a busybox
# initramfs (scripts/mkinitramfs.sh) holding the toolstack (tools/out:
# xl, xenstored and the xenstore tools; scripts/demo-root starts
# xenstored). Without them the hypervisor boots alone, says "No dom0
# kernel given" and idles.
dom0=()
if vmlinuz=$(scripts/fetch-linux.sh); then
    initrd=$top/cache/linux/dom0-demo.cpio.gz
    root=$top/cache/linux/dom0-demo-root
    rm -rf "$root"
    mkdir -p "$root/bin"
    cp -a scripts/demo-root/. "$root/"
    for t in xl xenstored xenstore xen-init-dom0; do
        cp tools/out/$t "$root/bin/"
    done
    for n in read write ls list rm exists chmod watch; do
        ln -sf xenstore "$root/bin/xenstore-$n"
    done
    scripts/mkinitramfs.sh "$initrd" --extra "$root"
    linux_args="console=hvc0 earlyprintk=xen"
    # Without a terminal nobody can type: dom0's /init powers off.
    [ -t 0 ] || linux_args+=" dom0test=poweroff"
    xen_args+=" dom0_mem=512M dom0_max_vcpus=2"
    dom0=(--initrd "$vmlinuz $linux_args,$initrd")
    echo
    if [ -t 0 ]; then
        echo "make demo: booting the hypervisor with Debian's kernel as" \
             "dom0; its busybox shell comes up on this console with xl" \
             "(xl info, xl list, xl dmesg) and xenstored running" \
             "(Ctrl-A X quits QEMU)"
    else
        echo "make demo: booting the hypervisor with Debian's kernel as" \
             "dom0, which reports what it sees and powers off"
    fi
    echo
else
    echo
    echo "make demo: no dom0 kernel could be fetched; booting the" \
         "hypervisor alone (Ctrl-A X quits QEMU)"
    echo
fi

if [ -t 0 ]; then
    exec scripts/qemu-x86.sh --interactive --append "$xen_args" "${dom0[@]}"
fi
# Without a terminal there is nobody to press Ctrl-A X: stop after 120 s.
echo "make demo: stdin is not a terminal; stopping QEMU after 120 s"
scripts/qemu-x86.sh --timeout 120 --append "$xen_args" "${dom0[@]}" \
    </dev/null || rc=$?
[ "${rc:-0}" -eq 124 ] && exit 0
exit "${rc:-0}"
