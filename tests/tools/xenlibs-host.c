/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenevtchn, libxengnttab, libxenforeignmemory and
 * xc_evtchn_alloc_unbound on a host without Xen: a missing device, a
 * device that is not Xen's (/dev/null) and bad arguments each fail with
 * a clear errno and no crash.  Prints PASS/FAIL lines for tests/tools.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "xenctrl.h"
#include "xenevtchn.h"
#include "xenforeignmemory.h"
#include "xengnttab.h"

static int failed;

/* expect NAME OK ERRNO: OK true and errno == ERRNO passes. */
static void expect(const char *name, int ok, int want)
{
    int e = errno;

    if ( ok && e == want )
        printf("PASS tools/xenlibs/%s\n", name);
    else
    {
        printf("FAIL tools/xenlibs/%s: %s, errno %d (%s), expected %d (%s)\n",
               name, ok ? "failed" : "wrong result", e, strerror(e), want,
               strerror(want));
        failed = 1;
    }
}

static void evtchn(void)
{
    xenevtchn_handle *x;

    setenv("XENEVTCHN_DEVICE", "/nonexistent/evtchn", 1);
    expect("evtchn-open-missing", !xenevtchn_open(), ENOENT);
    setenv("XENEVTCHN_DEVICE", "/dev/null", 1);
    x = xenevtchn_open();
    expect("evtchn-open", x != NULL, errno);
    if ( !x )
        return;
    expect("evtchn-not-evtchn", xenevtchn_bind_unbound_port(x, 0) == -1,
           ENOTTY);
    expect("evtchn-notify-not-evtchn", xenevtchn_notify(x, 1) == -1, ENOTTY);
    /* /dev/null reads nothing: not a port. */
    expect("evtchn-pending-short", xenevtchn_pending(x) == -1, EIO);
    expect("evtchn-reset-not-evtchn", xenevtchn_reset(x) == -1, ENOTTY);
    errno = 0;
    expect("evtchn-close", xenevtchn_close(x) == 0, 0);
}

static void gnttab(void)
{
    xengnttab_handle *t;
    xengntshr_handle *s;
    grant_ref_t refs[2] = { 8, 9 };
    uint32_t doms[2] = { 1, 1 };

    setenv("XENGNTTAB_DEVICE", "/nonexistent/gntdev", 1);
    expect("gnttab-open-missing", !xengnttab_open(), ENOENT);
    setenv("XENGNTSHR_DEVICE", "/nonexistent/gntalloc", 1);
    expect("gntshr-open-missing", !xengntshr_open(), ENOENT);

    setenv("XENGNTTAB_DEVICE", "/dev/null", 1);
    t = xengnttab_open();
    expect("gnttab-open", t != NULL, errno);
    if ( t )
    {
        expect("gnttab-count-0",
               !xengnttab_map_domain_grant_refs(t, 0, 1, refs, PROT_READ),
               EINVAL);
        expect("gnttab-prot-exec",
               !xengnttab_map_grant_ref(t, 1, 8, PROT_READ | PROT_EXEC),
               EINVAL);
        expect("gnttab-no-domids",
               !xengnttab_map_grant_refs(t, 2, NULL, refs, PROT_READ), EINVAL);
        expect("gnttab-not-gntdev",
               !xengnttab_map_grant_refs(t, 2, doms, refs, PROT_READ), ENOTTY);
        expect("gnttab-unmap-null", xengnttab_unmap(t, NULL, 1) == -1, EINVAL);
        /* Kernels without the ioctl answer ENOTTY: not an error. */
        errno = 0;
        expect("gnttab-max-grants-enotty", !xengnttab_set_max_grants(t, 8),
               ENOTTY);
        xengnttab_close(t);
    }

    setenv("XENGNTSHR_DEVICE", "/dev/null", 1);
    s = xengntshr_open();
    expect("gntshr-open", s != NULL, errno);
    if ( s )
    {
        expect("gntshr-count-0", !xengntshr_share_pages(s, 1, 0, refs, 1),
               EINVAL);
        expect("gntshr-bad-domid",
               !xengntshr_share_pages(s, 0x10000, 1, refs, 1), EINVAL);
        expect("gntshr-not-gntalloc", !xengntshr_share_pages(s, 1, 1, refs, 1),
               ENOTTY);
        expect("gntshr-unshare-null", xengntshr_unshare(s, NULL, 1) == -1,
               EINVAL);
        xengntshr_close(s);
    }
}

static void foreignmemory(void)
{
    xenforeignmemory_handle *f;
    xenforeignmemory_pfn_t frames[2] = { 1, 2 };
    int err[2] = { 7, 7 };
    void *addr = &err;

    setenv("XENFOREIGNMEMORY_DEVICE", "/nonexistent/privcmd", 1);
    expect("fmem-open-missing", !xenforeignmemory_open(), ENOENT);
    setenv("XENFOREIGNMEMORY_DEVICE", "/dev/null", 1);
    f = xenforeignmemory_open();
    expect("fmem-open", f != NULL, errno);
    if ( !f )
        return;
    expect("fmem-pages-0",
           !xenforeignmemory_map(f, 1, PROT_READ, 0, frames, err), EINVAL);
    expect("fmem-prot-none", !xenforeignmemory_map(f, 1, 0, 2, frames, err),
           EINVAL);
    expect("fmem-bad-domid",
           !xenforeignmemory_map(f, 0x10000, PROT_READ, 2, frames, err),
           EINVAL);
    /* /dev/null cannot be mapped: the reservation fails first. */
    expect("fmem-not-privcmd",
           !xenforeignmemory_map(f, 1, PROT_READ, 2, frames, err) &&
               err[0] == 7,
           ENODEV);
    expect("fmem-unmap-null", xenforeignmemory_unmap(f, NULL, 1) == -1, EINVAL);
    expect("fmem-resource-addr",
           !xenforeignmemory_map_resource(f, 1, 1, 0, 0, 1, &addr, PROT_READ),
           EINVAL);
    xenforeignmemory_close(f);
}

static void ctrl(void)
{
    struct xc_handle *h;

    setenv("XENCALL_PRIVCMD", "/dev/null", 1);
    setenv("XENCALL_HYPERCALL_BUF", "", 1);
    h = xc_open();
    expect("xc-open", h != NULL, errno);
    if ( !h )
        return;
    expect("alloc-unbound-not-privcmd", xc_evtchn_alloc_unbound(h, 1, 0) == -1,
           ENOTTY);
    xc_close(h);
}

int main(void)
{
    evtchn();
    gnttab();
    foreignmemory();
    ctrl();
    return failed;
}
