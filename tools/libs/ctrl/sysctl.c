/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenctrl: host-wide sysctl queries and the memory_op counters. */
#include <errno.h>
#include <string.h>

#include <xen/memory.h>

#include "xc_private.h"

int xc_physinfo(struct xc_handle *h, xen_sysctl_physinfo_t *info)
{
    struct xen_sysctl s;

    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_physinfo;
    if ( xc_do_sysctl(h, &s) < 0 )
        return -1;
    *info = s.u.physinfo;
    return 0;
}

int xc_sched_id(struct xc_handle *h, uint32_t *sched_id)
{
    struct xen_sysctl s;

    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_sched_id;
    if ( xc_do_sysctl(h, &s) < 0 )
        return -1;
    *sched_id = s.u.sched_id.sched_id;
    return 0;
}

int xc_cpupool_free_cpus(struct xc_handle *h)
{
    uint8_t map[64];
    struct xc_bounce b = { map, sizeof(map), XC_BOUNCE_OUT, NULL };
    struct xen_sysctl s;
    int rc, n = 0;
    size_t i;

    if ( xc_bounce_pre(h, &b) < 0 )
        return -1;
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_cpupool_op;
    s.u.cpupool_op.op = XEN_SYSCTL_CPUPOOL_OP_FREEINFO;
    s.u.cpupool_op.cpumap.nr_bits = 8 * sizeof(map);
    set_xen_guest_handle(s.u.cpupool_op.cpumap.bitmap, b.hbuf);
    rc = xc_do_sysctl(h, &s);
    xc_bounce_post(h, &b);
    if ( rc < 0 )
        return -1;
    for ( i = 0; i < sizeof(map); i++ )
        n += __builtin_popcount(map[i]);
    return n;
}

int xc_domain_info_list(struct xc_handle *h, domid_t first, unsigned int max,
                        xen_domctl_getdomaininfo_t *info)
{
    struct xc_bounce b = { info, max * sizeof(*info), XC_BOUNCE_OUT, NULL };
    struct xen_sysctl s;
    int rc;

    if ( !max )
        return 0;
    if ( xc_bounce_pre(h, &b) < 0 )
        return -1;
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_getdomaininfolist;
    s.u.getdomaininfolist.first_domain = first;
    s.u.getdomaininfolist.max_domains = max;
    set_xen_guest_handle(s.u.getdomaininfolist.buffer, b.hbuf);
    rc = xc_do_sysctl(h, &s);
    xc_bounce_post(h, &b);
    if ( rc < 0 )
        return -1;
    if ( s.u.getdomaininfolist.num_domains > max )
    {
        errno = EPROTO;
        return -1;
    }
    return (int)s.u.getdomaininfolist.num_domains;
}

int xc_readconsole(struct xc_handle *h, char *buf, uint32_t *count, bool clear,
                   bool incremental, uint32_t *index)
{
    struct xc_bounce b = { buf, *count, XC_BOUNCE_OUT, NULL };
    struct xen_sysctl s;
    int rc;

    if ( xc_bounce_pre(h, &b) < 0 )
        return -1;
    memset(&s, 0, sizeof(s));
    s.cmd = XEN_SYSCTL_readconsole;
    s.u.readconsole.clear = clear;
    s.u.readconsole.incremental = incremental;
    s.u.readconsole.index = incremental ? *index : 0;
    s.u.readconsole.count = *count;
    set_xen_guest_handle(s.u.readconsole.buffer, b.hbuf);
    rc = xc_do_sysctl(h, &s);
    xc_bounce_post(h, &b);
    if ( rc < 0 )
        return -1;
    if ( s.u.readconsole.count > *count )
    {
        errno = EPROTO;
        return -1;
    }
    *count = s.u.readconsole.count;
    if ( incremental )
        *index = s.u.readconsole.index;
    return 0;
}

/* A hypervisor without page sharing counts nothing. */
static long sharing_op(struct xc_handle *h, unsigned int cmd)
{
    long n = xencall_op(h->call, __HYPERVISOR_memory_op, cmd, 0, 0, 0, 0);

    if ( n < 0 && errno == ENOSYS )
        return 0;
    return n;
}

long xc_sharing_freed_pages(struct xc_handle *h)
{
    return sharing_op(h, XENMEM_get_sharing_freed_pages);
}

long xc_sharing_used_frames(struct xc_handle *h)
{
    return sharing_op(h, XENMEM_get_sharing_shared_pages);
}
