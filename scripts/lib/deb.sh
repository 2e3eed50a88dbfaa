# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash disable=SC2154 # prog is set by the caller
# Sourced by the fetch scripts: download one Debian package (any
# architecture apt knows, e.g. foo:arm64) and unpack it into the git-ignored
# cache/ with `dpkg-deb -x`, never installing it system-wide.
#
# The caller sets `prog` (the name used in messages). Failures exit the
# caller: 3 when the package cannot be resolved or downloaded (no network
# or registry, or a foreign architecture that cannot be enabled), so that
# callers can skip; 1 for anything else.

deb_fail()
{
    echo "$prog: $*" >&2
    exit 1
}

deb_unreachable()
{
    echo "$prog: $*" >&2
    exit 3
}

# Runs a command as root: directly, through sudo, or not at all (status 1).
deb_as_root()
{
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        return 1
    fi
}

# Makes apt know the packages of architecture $1 (a foreign one such as
# arm64 needs `dpkg --add-architecture` and an index update, done once).
deb_need_arch()
{
    local arch=$1
    [ "$arch" = "$(dpkg --print-architecture)" ] && return 0
    dpkg --print-foreign-architectures | grep -qx "$arch" && return 0
    deb_as_root dpkg --add-architecture "$arch" ||
        deb_unreachable "cannot enable the $arch architecture" \
                        "(run as root: dpkg --add-architecture $arch)"
    deb_as_root apt-get update -qq >/dev/null 2>&1 ||
        deb_unreachable "apt-get update failed (no network or registry?)"
}

# Prints the candidate version of package $1 (name or name:arch), or nothing.
deb_candidate()
{
    apt-cache show --no-all-versions "$1" 2>/dev/null |
        sed -n 's/^Version: //p' | head -n 1
}

# Like deb_candidate, but refreshes apt's index once if the package is
# unknown; exits 3 if it stays unknown.
deb_version()
{
    local pkg=$1 ver
    ver=$(deb_candidate "$pkg")
    if [ -z "$ver" ]; then
        deb_as_root apt-get update -qq >/dev/null 2>&1 ||
            deb_unreachable "apt-get update failed (no network or registry?)"
        ver=$(deb_candidate "$pkg")
        [ -n "$ver" ] || deb_unreachable "apt-cache does not know $pkg"
    fi
    echo "$ver"
}

# deb_unpack DIR PKG[:ARCH]...: makes DIR/root hold the named packages
# (their candidate versions) unpacked, DIR/unpacked records which. Does
# nothing when those versions are already there.
deb_unpack()
{
    local dir=$1 want="" p v tmp deb
    shift
    for p in "$@"; do
        v=$(deb_version "$p")
        want="$want$p=$v "
    done
    [ "$(cat "$dir/unpacked" 2>/dev/null)" = "$want" ] && return 0

    mkdir -p "$(dirname "$dir")"
    tmp=$(mktemp -d "$(dirname "$dir")/.fetch.XXXXXX")
    # apt's _apt user must be able to write where the .deb lands.
    chmod 777 "$tmp"
    mkdir "$tmp/root"
    for p in $want; do
        if ! (cd "$tmp" && apt-get download -qq "$p" >"$tmp/log" 2>&1); then
            tail -n 3 "$tmp/log" >&2
            rm -rf "$tmp"
            deb_unreachable "apt-get download $p failed"
        fi
    done
    for deb in "$tmp"/*.deb; do
        dpkg-deb -x "$deb" "$tmp/root" ||
            { rm -rf "$tmp"; deb_fail "dpkg-deb -x $deb failed"; }
    done
    echo "$want" >"$tmp/unpacked"
    rm -f "$tmp"/*.deb "$tmp/log"
    chmod 755 "$tmp"
    rm -rf "$dir"
    mv "$tmp" "$dir"
}
