#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Boots the arm64 hypervisor in QEMU (qemu-system-aarch64 -machine virt
# with virtualization=on, so it starts at EL2; TCG, never KVM) for tests
# and by hand. The hypervisor is loaded with -kernel (an arm64 Image), its
# command line goes to /chosen/bootargs (-append). dom0's kernel and initrd
# are loaded with QEMU's guest-loader, which adds /chosen/module@ADDR nodes
# (compatible "multiboot,module" + "multiboot,kernel" with the kernel's
# bootargs, or + "multiboot,ramdisk"). Because the kernel module has
# bootargs, Xen-style hypervisors take /chosen/bootargs as their own.
# RAM starts at 0x40000000; QEMU puts the DTB at 0x48000000 (RAM + 128 MiB,
# as no -initrd is given), so the modules go above it.
#
# --boot picks another way in, through UEFI firmware as on a server: the
# Debian AAVMF firmware (qemu-efi-aarch64, QEMU_EFI.fd) with ACPI off, so
# the firmware hands over QEMU's device tree, boots a FAT disk (an ESP
# image made here with mtools) holding the hypervisor as xen.efi and
#   grub       Debian's GRUB (grub-efi-arm64-bin, cache/grub-arm64) with
#              xen_hypervisor /xen.efi ARGS, xen_module for the dom0
#              kernel and initrd: what Debian's grub.d writes for Xen
#   chainload  GRUB's chainloader /xen.efi ARGS: the command line arrives
#              as UEFI load options; no boot modules
#   efi        the firmware's boot manager starts \EFI\BOOT\BOOTAA64.EFI
#              (the hypervisor itself); with --dom0, BOOTAA64.cfg beside it
#              (Xen's xen.cfg format) names the hypervisor options, the
#              dom0 kernel with its arguments, and the initrd
# The exit status is QEMU's (124 when --timeout expires).
#
# Example (Debian's Xen 4.17 with Debian's kernel as dom0):
#   scripts/mkinitramfs.sh dom0.cpio.gz --arch arm64
#   scripts/qemu-arm64.sh --kernel "$(scripts/fetch-xen.sh --arch arm64)" \
#       --append "dom0_mem=512M dom0_max_vcpus=2 loglvl=all" \
#       --dom0 "$(scripts/fetch-linux.sh --arch arm64)" \
#       --dom0-args "console=hvc0 earlycon=xenboot" \
#       --dom0-initrd dom0.cpio.gz --interactive
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)

usage()
{
    cat <<USAGE
usage: $0 [options]
  --gic 2|3           GIC version (default 3)
  --smp N             CPUs (default 2)
  --mem M             memory in MiB (default 2048)
  --cpu MODEL         CPU model (default cortex-a57)
  --kernel FILE       hypervisor arm64 Image for -kernel
                      (default xen/build-arm64/xen)
  --append "ARGS"     hypervisor command line (/chosen/bootargs)
                      (default "loglvl=all guest_loglvl=all")
  --dom0 FILE         dom0 kernel, loaded by guest-loader at --dom0-addr
  --dom0-args "ARGS"  dom0 command line (the kernel module's bootargs)
                      (default "console=hvc0 earlycon=xenboot")
  --dom0-initrd FILE  dom0 initrd, loaded by guest-loader at --initrd-addr
  --dom0-addr ADDR    where the dom0 kernel goes (default 0x49000000)
  --initrd-addr ADDR  where the initrd goes (default 0x50000000, or the
                      first 2 MiB boundary after the kernel if higher)
  --dumpdtb FILE      write the device tree QEMU would pass and exit
  --boot HOW          qemu (default: -kernel and guest-loader), or through
                      UEFI firmware: grub, chainload or efi (see above)
  --firmware FILE     UEFI firmware for --boot grub|chainload|efi
                      (default /usr/share/qemu-efi-aarch64/QEMU_EFI.fd)
  --efi-cfg FILE      with --boot efi, FILE becomes BOOTAA64.cfg as it is
                      (instead of one written from --append and --dom0)
  --acpi              with UEFI, leave QEMU's ACPI tables on: the firmware
                      then offers ACPI instead of the device tree
  --log FILE          write serial output to FILE instead of stdout
  --timeout SECONDS   kill QEMU after SECONDS (exit status 124)
  --interactive       serial and QEMU monitor on the terminal (Ctrl-A X quits)
  -- QEMU-ARGS...     pass the rest to QEMU (e.g. -- -d int -D q.log, or -s -S)
USAGE
}

gic=3
smp=2
mem=2048
cpu=cortex-a57
kernel=$top/xen/build-arm64/xen
append="loglvl=all guest_loglvl=all"
dom0=
dom0_args="console=hvc0 earlycon=xenboot"
initrd=
dom0_addr=0x49000000
initrd_addr=
dumpdtb=
boot=qemu
efi_cfg=
acpi=off
firmware=/usr/share/qemu-efi-aarch64/QEMU_EFI.fd
log=
timeout_s=
interactive=0
extra=()

need()
{
    [ $# -ge 2 ] || { echo "$0: $1 needs a value" >&2; usage >&2; exit 2; }
}

die()
{
    echo "$0: $*" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
    --gic) need "$@"; gic=$2; shift 2 ;;
    --smp) need "$@"; smp=$2; shift 2 ;;
    --mem) need "$@"; mem=$2; shift 2 ;;
    --cpu) need "$@"; cpu=$2; shift 2 ;;
    --kernel) need "$@"; kernel=$2; shift 2 ;;
    --append) need "$@"; append=$2; shift 2 ;;
    --dom0) need "$@"; dom0=$2; shift 2 ;;
    --dom0-args) need "$@"; dom0_args=$2; shift 2 ;;
    --dom0-initrd) need "$@"; initrd=$2; shift 2 ;;
    --dom0-addr) need "$@"; dom0_addr=$2; shift 2 ;;
    --initrd-addr) need "$@"; initrd_addr=$2; shift 2 ;;
    --dumpdtb) need "$@"; dumpdtb=$2; shift 2 ;;
    --boot) need "$@"; boot=$2; shift 2 ;;
    --firmware) need "$@"; firmware=$2; shift 2 ;;
    --acpi) acpi=on; shift ;;
    --efi-cfg) need "$@"; efi_cfg=$2; shift 2 ;;
    --log) need "$@"; log=$2; shift 2 ;;
    --timeout) need "$@"; timeout_s=$2; shift 2 ;;
    --interactive) interactive=1; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$0: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

case "$gic" in
2|3) ;;
*) die "--gic must be 2 or 3" ;;
esac
[ -f "$kernel" ] || die "no such kernel: $kernel"
[ -z "$dom0" ] || [ -f "$dom0" ] || die "no such dom0 kernel: $dom0"
[ -z "$initrd" ] || [ -f "$initrd" ] || die "no such initrd: $initrd"
[ -z "$initrd" ] || [ -n "$dom0" ] || die "--dom0-initrd needs --dom0"

# guest-loader options are comma separated: a comma in a value is ",,".
qarg()
{
    printf '%s' "${1//,/,,}"
}

case "$boot" in
qemu) ;;
grub|chainload|efi)
    [ -f "$firmware" ] ||
        die "no UEFI firmware $firmware (apt-get install qemu-efi-aarch64)"
    [ -z "$dumpdtb" ] || die "--dumpdtb needs --boot qemu"
    [ "$boot" != chainload ] || [ -z "$dom0" ] ||
        die "--boot chainload cannot load a dom0 kernel; use grub or efi"
    ;;
*) die "--boot must be qemu, grub, chainload or efi" ;;
esac

machine=virt,virtualization=on,gic-version=$gic
[ -z "$dumpdtb" ] || machine=$machine,dumpdtb=$(qarg "$dumpdtb")
args=(-cpu "$cpu" -smp "$smp" -m "$mem" -no-reboot -nic none)

# make_esp DIR: a FAT image DIR/esp.img holding DIR/files (mtools).
make_esp()
{
    local dir=$1 kib sectors
    kib=$(du -sk -L "$dir/files" | cut -f1)
    # Room for the file system itself; FAT32 wants at least ~33 MiB.
    kib=$(( (kib + 16384) > 65536 ? kib + 16384 : 65536 ))
    sectors=$((kib * 2))
    truncate -s $((kib * 1024)) "$dir/esp.img"
    mformat -i "$dir/esp.img" -F -T "$sectors" -h 64 -s 32 :: >/dev/null ||
        die "mformat failed"
    mcopy -s -i "$dir/esp.img" "$dir/files"/* :: || die "mcopy failed"
}

if [ "$boot" = qemu ]; then
    args+=(-machine "$machine" -kernel "$kernel" -append "$append")
else
    command -v mformat >/dev/null || die "mtools is missing"
    work=$(mktemp -d "${TMPDIR:-/tmp}/qemu-arm64-esp.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    trap 'exit 143' TERM
    trap 'exit 130' INT
    mkdir -p "$work/files/EFI/BOOT"
    if [ "$boot" = efi ]; then
        cp "$kernel" "$work/files/EFI/BOOT/BOOTAA64.EFI"
        if [ -n "$efi_cfg" ]; then
            cp "$efi_cfg" "$work/files/EFI/BOOT/BOOTAA64.cfg"
        elif [ -n "$dom0" ]; then
            cp "$dom0" "$work/files/EFI/BOOT/dom0"
            {
                echo "[global]"
                echo "default=xen"
                echo "[xen]"
                echo "options=$append"
                echo "kernel=dom0 $dom0_args"
                if [ -n "$initrd" ]; then
                    cp "$initrd" "$work/files/EFI/BOOT/initrd"
                    echo "ramdisk=initrd"
                fi
            } >"$work/files/EFI/BOOT/BOOTAA64.cfg"
        fi
    else
        command -v grub-mkimage >/dev/null ||
            die "grub-mkimage is missing (apt-get install grub-common)"
        mods=$("$top/scripts/fetch-grub-arm64.sh") ||
            die "cannot fetch GRUB for arm64 (scripts/fetch-grub-arm64.sh)"
        cp "$kernel" "$work/files/xen.efi"
        {
            echo "search --no-floppy --file --set=root /xen.efi"
            if [ "$boot" = chainload ]; then
                echo "chainloader /xen.efi $append"
            else
                echo "xen_hypervisor /xen.efi $append"
                if [ -n "$dom0" ]; then
                    cp "$dom0" "$work/files/dom0"
                    echo "xen_module /dom0 $dom0_args"
                fi
                if [ -n "$initrd" ]; then
                    cp "$initrd" "$work/files/initrd"
                    echo "xen_module --nounzip /initrd"
                fi
            fi
            echo "boot"
        } >"$work/grub.cfg"
        grub-mkimage -O arm64-efi -d "$mods" -p /EFI/BOOT \
            -c "$work/grub.cfg" -o "$work/files/EFI/BOOT/BOOTAA64.EFI" \
            fat part_msdos part_gpt search search_fs_file echo gzio \
            xen_boot chain || die "grub-mkimage failed"
    fi
    make_esp "$work"
    args+=(-machine "$machine,acpi=$acpi" -bios "$firmware"
           -drive "if=virtio,format=raw,file=$work/esp.img")
fi

ram_end=$((0x40000000 + mem * 1024 * 1024))
if [ -n "$dom0" ] && [ "$boot" = qemu ]; then
    ksize=$(stat -L -c %s "$dom0")
    kend=$((dom0_addr + ksize))
    [ "$kend" -le "$ram_end" ] || die "dom0 kernel does not fit in RAM"
    args+=(-device "guest-loader,addr=$dom0_addr,kernel=$(qarg "$dom0"),bootargs=$(qarg "$dom0_args")")
fi
if [ -n "$initrd" ] && [ "$boot" = qemu ]; then
    if [ -z "$initrd_addr" ]; then
        align=$((2 * 1024 * 1024))
        initrd_addr=$(( (kend + align - 1) / align * align ))
        [ "$initrd_addr" -ge $((0x50000000)) ] || initrd_addr=$((0x50000000))
        initrd_addr=$(printf '0x%x' "$initrd_addr")
    elif [ $((initrd_addr)) -lt "$kend" ] &&
         [ $((initrd_addr)) -ge $((dom0_addr)) ]; then
        die "--initrd-addr $initrd_addr overlaps the dom0 kernel"
    fi
    isize=$(stat -L -c %s "$initrd")
    [ $((initrd_addr + isize)) -le "$ram_end" ] ||
        die "initrd does not fit in RAM"
    args+=(-device "guest-loader,addr=$initrd_addr,initrd=$(qarg "$initrd")")
fi

if [ -n "$dumpdtb" ]; then
    # QEMU writes the file and exits, saying so on stderr.
    out=$(timeout 60 qemu-system-aarch64 "${args[@]}" -display none \
          -monitor none -serial none "${extra[@]}" 2>&1) ||
        { echo "$out" >&2; exit 1; }
    exit 0
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

cmd=(qemu-system-aarch64 "${args[@]}" "${extra[@]}")
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
