#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# xl and libxencall on a host without Xen, run by tests/tools/run: the
# usage and exit statuses of Xen's xl, and one clear error line (exit 1,
# no crash) when there is no privcmd device or it is not privcmd.
# usage: xl-host.sh TOOLS_OUT OUT_DIR
set -u

bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
xl=$bin/xl

# t NAME WANT_RC STREAM PATTERN -- ARGS...: runs xl ARGS; PASS when it
# exits WANT_RC and STREAM (out or err) has a line matching PATTERN.
t()
{
    local name=$1 want=$2 stream=$3 pat=$4 rc text
    shift 5
    "$@" >"$out/xl.out" 2>"$out/xl.err"
    rc=$?
    text=$(cat "$out/xl.$stream")
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL tools/xl/$name: exit status $rc, expected $want ($(head -n 1 "$out/xl.err"))"
    elif ! grep -qE "$pat" <<<"$text"; then
        echo "FAIL tools/xl/$name: no line matching '$pat' on std$stream: $(head -n 1 <<<"$text")"
    else
        echo "PASS tools/xl/$name"
    fi
}

t usage 1 out '^Usage xl ' -- "$xl"
t help 0 out '^ info +Get information about Xen host$' -- "$xl" help
t unknown 1 err '^command not implemented$' -- "$xl" frobnicate
t list-help 0 out '^Usage: xl \[-v\] list \[options\] \[Domain\]$' -- \
    "$xl" list -h
t bad-option 2 err "^option \`q' not supported.$" -- "$xl" list -q
t no-privcmd 1 err '^xl: cannot open /nonexistent: No such file' -- \
    env XENCALL_PRIVCMD=/nonexistent "$xl" info
for c in info list dmesg; do
    t "not-privcmd-$c" 1 err '^xl: .*\(XEN.*Inappropriate ioctl' -- \
        env XENCALL_PRIVCMD=/dev/null "$xl" "$c"
done
t not-privcmd-vcpu-list 1 err '^xl: .*\(XEN.*Inappropriate ioctl' -- \
    env XENCALL_PRIVCMD=/dev/null "$xl" vcpu-list 0
# A refused pause is one line and exit 0, as Xen 4.17's xl.
t not-privcmd-pause 0 err '^xl: pausing domain 3 \(XEN_DOMCTL_pausedomain\): Inappropriate ioctl' -- \
    env XENCALL_PRIVCMD=/dev/null "$xl" pause 3
# Xen's usage errors: a missing operand exits 2, a bad one 1.
for c in domid domname pause unpause; do
    t "$c-no-arg" 2 err "^'xl $c' requires at least 1 argument\.\$" -- "$xl" "$c"
done
t vcpu-list-help 0 out '^Usage: xl \[-v\] vcpu-list \[Domain, \.\.\.\]$' -- \
    "$xl" vcpu-list -h
t vcpu-list-bad-option 2 err "^option \`x' not supported.$" -- \
    "$xl" vcpu-list -x
t domname-not-a-number 1 err '^Invalid domain id\.$' -- "$xl" domname abc
# Names come from xenstored alone (tests/tools/run started one).
t domname-0 0 out '^Domain-0$' -- "$xl" domname 0
t domname-unknown 1 err "^Can't get domain name of domain id '77', maybe this domain does not exist\.$" -- \
    "$xl" domname 77
t domid-no-privcmd 1 err '^xl: .*\(XEN_SYSCTL_getdomaininfolist\)' -- \
    env XENCALL_PRIVCMD=/dev/null "$xl" domid Domain-0
# A name needs the domain list: exit 1 when it cannot be read.
t pause-name-no-privcmd 1 err '^xl: .*\(XEN_SYSCTL_getdomaininfolist\)' -- \
    env XENCALL_PRIVCMD=/dev/null "$xl" pause no-such

# One line, nothing on stdout: no half-printed report.
env XENCALL_PRIVCMD=/dev/null "$xl" info >"$out/xl.out" 2>"$out/xl.err"
if [ -s "$out/xl.out" ] || [ "$(wc -l <"$out/xl.err")" -ne 1 ]; then
    echo "FAIL tools/xl/one-line: stdout $(wc -c <"$out/xl.out") bytes, stderr $(wc -l <"$out/xl.err") lines"
else
    echo "PASS tools/xl/one-line"
fi

if gcc -std=gnu11 -D_GNU_SOURCE -O1 -Wall -Wextra -Werror \
        -I"$root/tools/libs/call/include" -o "$out/xencall-test" \
        "$here/xencall-test.c" "$bin/libxencall.a" >"$out/xencall-build.log" 2>&1; then
    "$out/xencall-test" || true
else
    echo "FAIL tools/xencall/build: xencall-test does not compile (tests/out/tools/xencall-build.log)"
fi
