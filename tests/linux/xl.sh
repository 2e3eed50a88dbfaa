# SPDX-License-Identifier: GPL-2.0-only
# Sourced by tests/linux/run and tests/linux-arm64/run: puts xl and
# tests/linux/xl's
# dom0-init hook (75-xl, run with xl=1 on the kernel command line) into
# an initramfs tree, and checks what xl info, list, list 0, dmesg,
# vcpu-list, domid, domname, pause and unpause printed in dom0.  The caller defines report TEST [REASON], mark WORD,
# last_line, log, rc and xen_args (or xl_cmdline: the hypervisor command
# line xl info must show).

xltests=(xl-info xl-memory xl-list xl-domctl xl-dmesg xl-vcpu-list xl-domid
         xl-pause)

# stage_xl ROOT [XL]: builds tools/out/xl (or takes XL, e.g. a cross
# build) and copies it and the hook into ROOT; on failure sets xl_err.
xl_err=
stage_xl()
{
    local root=$1 xl=${2:-tools/out/xl} err
    if [ $# -lt 2 ] &&
       ! err=$(make -s -C tools "$PWD/tools/out/xl" 2>&1); then
        xl_err="make -C tools failed for xl: $(echo "$err" | grep -av '^make' | tail -n 1)"
        return 1
    fi
    if [ ! -x "$xl" ]; then
        xl_err="no xl binary at $xl"
        return 1
    fi
    mkdir -p "$root/bin"
    cp -a tests/linux/xl/. "$root/"
    cp "$xl" "$root/bin/xl"
}

# xl_info FIELD: the value of one "xl info" line the hook echoed.
xl_info()
{
    grep -a -m1 "^dom0-init: xl-info $1 *: " "$log" |
        sed "s/^dom0-init: xl-info $1 *: //"
}

# xl_failed TAG WHAT: why "xl WHAT" failed (exit status and its first
# error line), or nothing when it exited 0.
xl_failed()
{
    local v e
    v=$(mark "$1 rc")
    [ "$v" = 0 ] && return
    e=$(grep -a -m1 "^dom0-init: $1-err " "$log" | sed "s/^dom0-init: $1-err //")
    echo "xl $2 exited ${v:-never (no rc line)}${e:+: $e}"
}

# check_xl BOOT MIB QEMU_MIB: one report per xltests entry.
#   xl-info: nr_cpus and max_cpu_id match QEMU's 2 CPUs, no free CPUs
#     (all in pool 0), Xen 4.17, the
#     command line we booted with, page size 4096, a non-zero cpu_mhz.
#   xl-memory: total_memory within 64 MiB below QEMU's -m (firmware
#     holes), free_memory at most total - dom0_mem.
#   xl-list: the header and a Domain-0 row with ID 0, Mem within 2% of
#     dom0_mem, 2 VCPUs, running or blocked; xl-domctl: "xl list 0"
#     (XEN_DOMCTL_getdomaininfo) gives the same ID, Mem and VCPUs.
#   xl-dmesg: the log read back has the banner the serial console showed.
check_xl()
{
    local b=$1 mib=$2 qmib=$3 r v w f row
    if ! grep -aq '^dom0-init: xl-info rc ' "$log"; then
        r=${xl_err:-no 'dom0-init: xl-info rc' line ($(grep -a -m1 '^dom0-init: xl-missing' "$log" || echo "hook did not run; QEMU status $rc; last: $(last_line)"))}
        for v in "${xltests[@]}"; do
            report "$b-$v" "$r"
        done
        return
    fi

    r=$(xl_failed xl-info info)
    if [ -z "$r" ]; then
        for f in "nr_cpus 2" "max_cpu_id 1" "xen_major 4" "xen_minor 17" \
                 "xen_pagesize 4096" "free_cpus 0" \
                 "xen_commandline ${xl_cmdline:-$xen_args dom0_mem=${mib}M dom0_max_vcpus=2}"; do
            v=$(xl_info "${f%% *}")
            [ "$v" = "${f#* }" ] ||
                r+="${r:+; }${f%% *} is '$v', expected '${f#* }'"
        done
        v=$(xl_info cpu_mhz)
        [ "${v%%.*}" -gt 0 ] 2>/dev/null || r+="${r:+; }cpu_mhz is '$v'"
    fi
    report "$b-xl-info" "$r"

    r=$(xl_failed xl-info info)
    if [ -z "$r" ]; then
        v=$(xl_info total_memory)
        w=$(xl_info free_memory)
        if ! [ "$v" -le "$qmib" ] 2>/dev/null || [ "$v" -lt $((qmib - 64)) ]; then
            r="total_memory is '$v' MiB, expected $((qmib - 64))..$qmib for QEMU -m $qmib"
        elif ! [ "$w" -le $((v - mib)) ] 2>/dev/null; then
            r="free_memory is '$w' MiB, above total_memory $v - dom0_mem $mib"
        fi
    fi
    report "$b-xl-memory" "$r"

    # A row "Domain-0 0 MEM VCPUS STATE TIME" -> "0 MEM VCPUS STATE".
    r=$(xl_failed xl-list list)
    row=$(grep -a -m1 '^dom0-init: xl-list Domain-0 ' "$log" |
          awk '{ print $4, $5, $6, $7 }')
    if [ -z "$r" ]; then
        v=$(grep -a -m1 '^dom0-init: xl-list Name ' "$log" |
            sed 's/^dom0-init: xl-list //')
        w=$(printf 'Name%40sID   Mem VCPUs\tState\tTime(s)' '')
        if [ "$v" != "$w" ]; then
            r="header is '$v'"
        elif [ -z "$row" ]; then
            r="no Domain-0 row ($(grep -a '^dom0-init: xl-list ' "$log" | sed -n 2p))"
        else
            set -- $row
            if [ "$1" != 0 ]; then
                r="Domain-0 has ID '$1'"
            elif [ $(( ($2 - mib) * 100 / mib )) -gt 2 ] ||
                 [ $(( (mib - $2) * 100 / mib )) -gt 2 ]; then
                r="Domain-0 Mem is $2 MiB, more than 2% from dom0_mem=${mib}M"
            elif [ "$3" != 2 ]; then
                r="Domain-0 has $3 VCPUs, expected 2"
            elif ! echo "$4" | grep -qE '^[r-][b-]----$'; then
                r="Domain-0 state is '$4', expected only r or b"
            fi
        fi
    fi
    report "$b-xl-list" "$r"

    r=$(xl_failed xl-list0 "list 0")
    if [ -z "$r" ]; then
        v=$(grep -a -m1 '^dom0-init: xl-list0 Domain-0 ' "$log" |
            awk '{ print $4, $5, $6 }')
        [ -n "$v" ] && [ "$v" = "${row% *}" ] ||
            r="'xl list 0' gives '$v' (ID Mem VCPUs), 'xl list' '${row% *}'"
    fi
    report "$b-xl-domctl" "$r"

    r=$(xl_failed xl-dmesg dmesg)
    if [ -z "$r" ]; then
        v=$(mark "xl-dmesg banner")
        w=$(grep -a -m1 'Xen version' "$log")
        if [ -z "$v" ]; then
            r="no 'Xen version' line among $(mark "xl-dmesg lines") lines"
        elif [ "$v" != "$w" ]; then
            r="banner '$v' differs from the console's '$w'"
        fi
    fi
    report "$b-xl-dmesg" "$r"
    check_xl_vcpu "$b"
    check_xl_names "$b"
    check_xl_pause "$b"
}

# xl-vcpu-list: Xen 4.17's header and two Domain-0 rows, vCPUs 0 and 1,
# each on a pCPU up to max_cpu_id, state r or b (online), a CPU time, and
# an affinity "HARD / SOFT" where soft is all and hard is all (Xen) or
# the vCPU's own pCPU (ours derives it: see docs/man/xl.1).
check_xl_vcpu()
{
    local b=$1 r v w max row n=0
    r=$(xl_failed xl-vcpu vcpu-list)
    if [ -z "$r" ]; then
        v=$(mark "xl-vcpu Name")
        w=$(printf '%-32s %5s %5s %5s %5s %9s %s' Name ID VCPU CPU State \
            'Time(s)' 'Affinity (Hard / Soft)')
        [ "Name $v" = "$w" ] || r="header is 'Name $v'"
    fi
    max=$(xl_info max_cpu_id)
    while [ -z "$r" ] && read -r row; do
        set -- $row
        if [ "$2" != 0 ] || [ "$3" != "$n" ]; then
            r="row '$row': expected ID 0 VCPU $n"
        elif ! [ "$4" -le "${max:-1}" ] 2>/dev/null; then
            r="row '$row': CPU '$4' is not 0..${max:-1}"
        elif ! echo "$5" | grep -qE '^[r-][b-]-$'; then
            r="row '$row': state '$5', expected r or b, online"
        elif ! echo "$6" | grep -qE '^[0-9]+\.[0-9]$'; then
            r="row '$row': time '$6'"
        elif [ "$8 $9" != "/ all" ] || { [ "$7" != all ] && [ "$7" != "$4" ]; }; then
            r="row '$row': affinity '$7 $8 $9', expected 'all / all' or '$4 / all'"
        fi
        n=$((n + 1))
    done < <(grep -a '^dom0-init: xl-vcpu Domain-0 ' "$log" |
             sed 's/^dom0-init: xl-vcpu //')
    [ -z "$r" ] && [ "$n" != 2 ] && r="$n Domain-0 rows, expected 2"
    report "$b-xl-vcpu-list" "$r"
}

# xl-domid: "domid Domain-0" prints 0, "domname 0" Domain-0, and a name
# no domain has exits 1 with Xen's message.
check_xl_names()
{
    local b=$1 r v w
    r=$(xl_failed xl-domid "domid Domain-0")
    [ -z "$r" ] && r=$(xl_failed xl-domname "domname 0")
    if [ -z "$r" ]; then
        v=$(mark xl-domid)
        [ "$v" = 0 ] || r="'xl domid Domain-0' printed '$v'"
        v=$(mark xl-domname)
        [ "$v" = Domain-0 ] || r+="${r:+; }'xl domname 0' printed '$v'"
        v=$(mark "xl-domid-bad rc")
        w=$(mark xl-domid-bad-err)
        [ "$v" = 1 ] && [ "$w" = "Can't get domid of domain name 'no-such-domain', maybe this domain does not exist." ] ||
            r+="${r:+; }'xl domid no-such-domain' exited '$v': '$w'"
    fi
    report "$b-xl-domid" "$r"
}

# xl-pause: dom0 pausing itself or unpausing what nobody paused is
# refused (EINVAL on Xen 4.17 and ours); xl prints one line and exits 0
# as Xen 4.17's xl does, and "xl list 0" afterwards shows no p.
check_xl_pause()
{
    local b=$1 r= v e t
    for t in pause unpause; do
        v=$(mark "xl-$t rc")
        e=$(grep -a "^dom0-init: xl-$t-err " "$log" | sed "s/^dom0-init: xl-$t-err //")
        if [ "$v" != 0 ]; then
            r+="${r:+; }xl $t 0 exited '$v' ($e), expected 0 as Xen 4.17's xl"
        elif [ "$(echo "$e" | grep -c .)" != 1 ] ||
             ! echo "$e" | grep -q "^xl: ${t%e}ing domain 0 (XEN_DOMCTL_${t}domain): Invalid argument"; then
            r+="${r:+; }xl $t 0 printed '$e', expected one EINVAL line"
        elif grep -a "^dom0-init: xl-$t " "$log" |
             grep -qv "^dom0-init: xl-$t rc "; then
            r+="${r:+; }xl $t 0 wrote to stdout"
        fi
    done
    v=$(grep -a -m1 '^dom0-init: xl-list-after Domain-0 ' "$log" | awk '{ print $7 }')
    echo "$v" | grep -qE '^[r-][b-]----$' ||
        r+="${r:+; }'xl list 0' after them shows state '$v'"
    report "$b-xl-pause" "$r"
}
