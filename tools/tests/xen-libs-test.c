/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenlibs: run in dom0, drives the toolstack's small libraries against
 * the hypervisor (libxenevtchn loopback and VIRQ, xc_evtchn_alloc_unbound,
 * libxengnttab sharing a page to dom0 and mapping it back,
 * libxenforeignmemory on dom0's own frames) and prints
 * "xenlibs: NAME ok|FAIL reason".
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <xen/memory.h>

#include "xenctrl.h"
#include "xenevtchn.h"
#include "xenforeignmemory.h"
#include "xengnttab.h"

#define PAGE XENGNTTAB_PAGE_SIZE

static int failures;

static void say(const char *name, int ok, const char *fmt, ...)
{
    va_list ap;

    printf("xenlibs: %s %s", name, ok ? "ok" : "FAIL");
    if ( *fmt )
        putchar(' ');
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
    failures += !ok;
}

/* A failed call: what it was, errno's name and number. */
#define FAIL_CALL(name, what) \
    say(name, 0, "%s: %s (errno %d)", what, strerror(errno), errno)

/* Waits up to 5 s for fd to be readable; 1 when it is. */
static int readable(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };

    return poll(&p, 1, 5000) == 1;
}

/* notify local port from, expect port to on xce; "" or why not. */
static const char *deliver(xenevtchn_handle *from, evtchn_port_t pfrom,
                           xenevtchn_handle *to, evtchn_port_t pto)
{
    static char why[96];
    int got;

    if ( xenevtchn_notify(from, pfrom) < 0 )
        return "xenevtchn_notify failed";
    if ( !readable(xenevtchn_fd(to)) )
    {
        snprintf(why, sizeof(why), "no event on port %u within 5 s", pto);
        return why;
    }
    got = xenevtchn_pending(to);
    if ( got != (int)pto )
    {
        snprintf(why, sizeof(why), "pending gave %d, expected %u", got, pto);
        return why;
    }
    if ( xenevtchn_unmask(to, pto) < 0 )
        return "xenevtchn_unmask failed";
    return "";
}

/*
 * Loopback inside dom0 through two handles, twice (the second event
 * only arrives if unmask re-enabled the port), then reset and unbind.
 */
static void test_evtchn(void)
{
    xenevtchn_handle *a = xenevtchn_open(), *b = xenevtchn_open();
    int pa = -1, pb = -1;
    const char *why;

    if ( !a || !b )
    {
        FAIL_CALL("evtchn", "xenevtchn_open");
        goto out;
    }
    pa = xenevtchn_bind_unbound_port(a, 0);
    if ( pa < 0 )
    {
        FAIL_CALL("evtchn", "xenevtchn_bind_unbound_port(0)");
        goto out;
    }
    pb = xenevtchn_bind_interdomain(b, 0, pa);
    if ( pb < 0 )
    {
        FAIL_CALL("evtchn", "xenevtchn_bind_interdomain(0)");
        goto out;
    }
    why = deliver(b, pb, a, pa);
    if ( !*why )
        why = deliver(b, pb, a, pa);
    if ( !*why )
        why = deliver(a, pa, b, pb);
    if ( *why )
    {
        say("evtchn", 0, "%s", why);
        goto out;
    }
    if ( xenevtchn_reset(a) < 0 )
        FAIL_CALL("evtchn", "xenevtchn_reset");
    else if ( xenevtchn_unbind(b, pb) < 0 )
        FAIL_CALL("evtchn", "xenevtchn_unbind");
    else
        say("evtchn", 1, "ports %d <-> %d, 3 events, reset, unbind", pa, pb);
    pb = -1;
out:
    if ( pa >= 0 )
        xenevtchn_unbind(a, pa);
    xenevtchn_close(a);
    xenevtchn_close(b);
}

/* VIRQ_DOM_EXC is dom0's to bind (xenstored does, later). */
static void test_evtchn_virq(void)
{
    xenevtchn_handle *x = xenevtchn_open();
    int p;

    if ( !x )
    {
        FAIL_CALL("evtchn-virq", "xenevtchn_open");
        return;
    }
    p = xenevtchn_bind_virq(x, VIRQ_DOM_EXC);
    if ( p < 0 )
        FAIL_CALL("evtchn-virq", "xenevtchn_bind_virq(VIRQ_DOM_EXC)");
    else if ( xenevtchn_unbind(x, p) < 0 )
        FAIL_CALL("evtchn-virq", "xenevtchn_unbind");
    else
        say("evtchn-virq", 1, "VIRQ_DOM_EXC on port %d", p);
    xenevtchn_close(x);
}

/*
 * xc_evtchn_alloc_unbound(0, 0): a port in dom0's table that dom0 can
 * connect to through libxenevtchn; a missing domain gives ESRCH.
 */
static void test_alloc_unbound(struct xc_handle *xch)
{
    xenevtchn_handle *x = xenevtchn_open();
    int p, l;

    if ( !x )
    {
        FAIL_CALL("alloc-unbound", "xenevtchn_open");
        return;
    }
    p = xc_evtchn_alloc_unbound(xch, 0, 0);
    if ( p <= 0 )
    {
        FAIL_CALL("alloc-unbound", "xc_evtchn_alloc_unbound(0, 0)");
        goto out;
    }
    l = xenevtchn_bind_interdomain(x, 0, p);
    if ( l < 0 )
    {
        FAIL_CALL("alloc-unbound", "xenevtchn_bind_interdomain to it");
        goto out;
    }
    xenevtchn_unbind(x, l);
    errno = 0;
    if ( xc_evtchn_alloc_unbound(xch, 31000, 0) != -1 || errno != ESRCH )
        say("alloc-unbound", 0, "domain 31000 gave errno %d, expected ESRCH",
            errno);
    else
        say("alloc-unbound", 1, "port %d, bound as %d; no domain: ESRCH", p, l);
out:
    xenevtchn_close(x);
}

/* Two pages shared with dom0, mapped back, written both ways. */
static void test_gnttab(void)
{
    xengntshr_handle *s = xengntshr_open();
    xengnttab_handle *t = xengnttab_open();
    grant_ref_t refs[2];
    unsigned char *shared = NULL, *mapped = NULL;
    int i;

    if ( !s || !t )
    {
        FAIL_CALL("gnttab", s ? "xengnttab_open" : "xengntshr_open");
        goto out;
    }
    if ( xengnttab_set_max_grants(t, 64) < 0 )
    {
        FAIL_CALL("gnttab", "xengnttab_set_max_grants");
        goto out;
    }
    shared = xengntshr_share_pages(s, 0, 2, refs, 1);
    if ( !shared )
    {
        FAIL_CALL("gnttab", "xengntshr_share_pages(dom0, 2)");
        goto out;
    }
    for ( i = 0; i < 2 * PAGE; i++ )
        shared[i] = (unsigned char)(i * 7 + 1);
    mapped =
        xengnttab_map_domain_grant_refs(t, 2, 0, refs, PROT_READ | PROT_WRITE);
    if ( !mapped )
    {
        FAIL_CALL("gnttab", "xengnttab_map_domain_grant_refs");
        goto out;
    }
    if ( memcmp(shared, mapped, 2 * PAGE) )
    {
        say("gnttab", 0, "refs %u,%u mapped back with other bytes", refs[0],
            refs[1]);
        goto out;
    }
    mapped[PAGE + 5] = 0xa5;
    if ( shared[PAGE + 5] != 0xa5 )
    {
        say("gnttab", 0, "a write through the mapping did not reach the page");
        goto out;
    }
    if ( xengnttab_unmap(t, mapped, 2) < 0 )
    {
        FAIL_CALL("gnttab", "xengnttab_unmap");
        goto out;
    }
    mapped = NULL;
    say("gnttab", 1, "refs %u,%u shared, mapped, written, unmapped", refs[0],
        refs[1]);
out:
    if ( mapped )
        xengnttab_unmap(t, mapped, 2);
    if ( shared && xengntshr_unshare(s, shared, 2) < 0 )
        FAIL_CALL("gnttab", "xengntshr_unshare");
    xengnttab_close(t);
    xengntshr_close(s);
}

/*
 * dom0's shared_info frame (from getdomaininfo) through MMAPBATCH_V2:
 * mapped, its wallclock version is even (no update in progress).  Xen
 * refuses a domain naming itself as the foreign owner with -ESRCH; that
 * refusal must come back the same way through err[] and through errno.
 */
static void test_foreignmemory(struct xc_handle *xch)
{
    xenforeignmemory_handle *f = xenforeignmemory_open();
    xen_domctl_getdomaininfo_t info;
    xenforeignmemory_pfn_t frame;
    const struct shared_info *si;
    int err = 0, e;

    if ( !f )
    {
        FAIL_CALL("foreignmemory", "xenforeignmemory_open");
        return;
    }
    if ( xc_domain_info(xch, 0, &info) < 0 )
    {
        FAIL_CALL("foreignmemory", "xc_domain_info(0)");
        goto out;
    }
    frame = info.shared_info_frame;
    si = xenforeignmemory_map(f, 0, PROT_READ, 1, &frame, &err);
    if ( !si )
    {
        FAIL_CALL("foreignmemory", "xenforeignmemory_map");
        goto out;
    }
    if ( err )
    {
        xenforeignmemory_unmap(f, (void *)si, 1);
        errno = 0;
        si = xenforeignmemory_map(f, 0, PROT_READ, 1, &frame, NULL);
        e = errno;
        if ( si || e != -err )
            say("foreignmemory", 0,
                "frame 0x%llx refused with err %d, but without err[] the "
                "map gave %p errno %d",
                (unsigned long long)frame, err, (void *)si, e);
        else if ( err != -ESRCH )
            say("foreignmemory", 0,
                "frame 0x%llx refused with err %d (%s): expected the mapping "
                "or Xen's -ESRCH for naming itself as the foreign owner",
                (unsigned long long)frame, err, strerror(-err));
        else
            say("foreignmemory", 1,
                "self-mapping refused as on Xen: frame 0x%llx -ESRCH, "
                "errno alike",
                (unsigned long long)frame);
        goto out;
    }
    if ( si->wc_version & 1 )
        say("foreignmemory", 0, "shared_info wc_version %u is odd",
            si->wc_version);
    else
        say("foreignmemory", 1,
            "shared_info frame 0x%llx mapped: wc_version %u wc_sec %u",
            (unsigned long long)frame, si->wc_version, si->wc_sec);
    if ( xenforeignmemory_unmap(f, (void *)si, 1) < 0 )
        FAIL_CALL("foreignmemory", "xenforeignmemory_unmap");
out:
    xenforeignmemory_close(f);
}

/*
 * dom0's grant table frame 0 as a resource, read while a page is shared
 * through gntalloc: the entry of its ref names dom0 and permits access.
 * Informational: the result line is printed, not required.
 */
static void test_resource(void)
{
    xenforeignmemory_handle *f = xenforeignmemory_open();
    xengntshr_handle *s = xengntshr_open();
    xenforeignmemory_resource_handle *r = NULL;
    const grant_entry_v1_t *gt = NULL;
    void *page = NULL;
    grant_ref_t ref;

    if ( !f || !s )
    {
        FAIL_CALL("resource", "open");
        goto out;
    }
    page = xengntshr_share_pages(s, 0, 1, &ref, 0);
    if ( !page )
    {
        FAIL_CALL("resource", "xengntshr_share_pages");
        goto out;
    }
    r = xenforeignmemory_map_resource(f, 0, XENMEM_resource_grant_table,
                                      XENMEM_resource_grant_table_id_shared,
                                      ref / (PAGE / sizeof(*gt)), 1,
                                      (void **)&gt, PROT_READ);
    if ( !r )
    {
        FAIL_CALL("resource", "xenforeignmemory_map_resource(grant table)");
        goto out;
    }
    gt += ref % (PAGE / sizeof(*gt));
    if ( gt->domid != 0 || !(gt->flags & GTF_permit_access) )
        say("resource", 0, "grant %u reads flags 0x%x domid %u", ref, gt->flags,
            gt->domid);
    else
        say("resource", 1, "grant %u: flags 0x%x domid 0", ref, gt->flags);
out:
    xenforeignmemory_unmap_resource(f, r);
    if ( page )
        xengntshr_unshare(s, page, 1);
    xengntshr_close(s);
    xenforeignmemory_close(f);
}

int main(void)
{
    struct xc_handle *xch = xc_open();

    test_evtchn();
    test_evtchn_virq();
    test_gnttab();
    if ( !xch )
    {
        FAIL_CALL("alloc-unbound", "xc_open");
        FAIL_CALL("foreignmemory", "xc_open");
    }
    else
    {
        test_alloc_unbound(xch);
        test_foreignmemory(xch);
        xc_close(xch);
    }
    test_resource();
    return failures ? 1 : 0;
}
