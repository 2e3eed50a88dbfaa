#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Boots the hypervisor in QEMU (TCG, never KVM) for tests and by hand.
# The exit status is QEMU's (124 when --timeout expires).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)

usage()
{
    cat <<USAGE
usage: $0 [options]
  --smp N            CPUs (default 2)
  --mem M            memory in MiB (default 2048)
  --machine q35|pc   machine type (default q35)
  --cpu MODEL        CPU model (default qemu64,+svm,+npt)
  --kernel FILE      Multiboot1 image for -kernel (default xen/xen)
  --append "ARGS"    hypervisor command line
                     (default "console=com1 com1=115200,8n1 loglvl=all
                     guest_loglvl=all")
  --initrd 'MODS'    modules for -initrd: 'FILE ARGS,FILE2' (',,' in ARGS)
  --iso FILE         boot FILE with -cdrom -boot d instead of -kernel
  --uefi             boot with OVMF firmware instead of SeaBIOS
  --log FILE         write serial output to FILE instead of stdout
  --timeout SECONDS  kill QEMU after SECONDS (exit status 124)
  --interactive      serial and QEMU monitor on the terminal (Ctrl-A X quits)
  -- QEMU-ARGS...    pass the rest to QEMU (e.g. -- -d int -D q.log, or -s -S)
USAGE
}

smp=2
mem=2048
machine=q35
cpu=qemu64,+svm,+npt
kernel=$top/xen/xen
append="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all"
initrd=
iso=
uefi=0
log=
timeout_s=
interactive=0
extra=()

need()
{
    [ $# -ge 2 ] || { echo "$0: $1 needs a value" >&2; usage >&2; exit 2; }
}

while [ $# -gt 0 ]; do
    case "$1" in
    --smp) need "$@"; smp=$2; shift 2 ;;
    --mem) need "$@"; mem=$2; shift 2 ;;
    --machine) need "$@"; machine=$2; shift 2 ;;
    --cpu) need "$@"; cpu=$2; shift 2 ;;
    --kernel) need "$@"; kernel=$2; shift 2 ;;
    --append) need "$@"; append=$2; shift 2 ;;
    --initrd) need "$@"; initrd=$2; shift 2 ;;
    --iso) need "$@"; iso=$2; shift 2 ;;
    --uefi) uefi=1; shift ;;
    --log) need "$@"; log=$2; shift 2 ;;
    --timeout) need "$@"; timeout_s=$2; shift 2 ;;
    --interactive) interactive=1; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$0: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

case "$machine" in
q35|pc) ;;
*) echo "$0: --machine must be q35 or pc" >&2; exit 2 ;;
esac

args=(-machine "$machine" -cpu "$cpu" -smp "$smp" -m "$mem"
      -no-reboot -nic none)

if [ -n "$iso" ]; then
    [ -f "$iso" ] || { echo "$0: no such ISO: $iso" >&2; exit 2; }
    args+=(-cdrom "$iso" -boot d)
else
    [ -f "$kernel" ] || { echo "$0: no such kernel: $kernel" >&2; exit 2; }
    args+=(-kernel "$kernel" -append "$append")
    [ -n "$initrd" ] && args+=(-initrd "$initrd")
fi

vars=
# shellcheck disable=SC2317 # called through the EXIT trap
cleanup()
{
    [ -n "$vars" ] && rm -f "$vars"
    return 0
}
trap cleanup EXIT

if [ "$uefi" = 1 ]; then
    code=/usr/share/OVMF/OVMF_CODE_4M.fd
    [ -f "$code" ] || { echo "$0: $code missing (apt-get install ovmf)" >&2;
                        exit 2; }
    vars=$(mktemp --tmpdir ovmf-vars.XXXXXX.fd)
    cp /usr/share/OVMF/OVMF_VARS_4M.fd "$vars"
    args+=(-drive "if=pflash,format=raw,readonly=on,file=$code"
           -drive "if=pflash,format=raw,file=$vars")
fi

if [ "$interactive" = 1 ]; then
    # The monitor shares the terminal with the serial port (Ctrl-A C).
    args+=(-nographic -serial mon:stdio)
    [ -n "$log" ] && echo "$0: --log is ignored with --interactive" >&2
else
    args+=(-display none -monitor none)
    if [ -n "$log" ]; then
        : >"$log"
        args+=(-serial "file:$log")
    else
        args+=(-serial stdio)
    fi
fi

cmd=(qemu-system-x86_64 "${args[@]}" "${extra[@]}")
if [ -n "$timeout_s" ]; then
    # --foreground keeps QEMU on the terminal; -k ends a QEMU that
    # ignores SIGTERM.
    cmd=(timeout --foreground -k 10 "$timeout_s" "${cmd[@]}")
fi

rc=0
if [ "$interactive" = 1 ] || [ -z "$log" ]; then
    "${cmd[@]}" || rc=$?
else
    "${cmd[@]}" </dev/null || rc=$?
fi
exit "$rc"
