/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenctrl: per-domain domctl queries. */
#include <errno.h>
#include <string.h>

#include "xc_private.h"

int xc_domain_info(struct xc_handle *h, domid_t domid,
                   xen_domctl_getdomaininfo_t *info)
{
    struct xen_domctl d;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_getdomaininfo;
    d.domain = domid;
    if ( xc_do_domctl(h, &d) < 0 )
        return -1;
    /* Older hypervisors answer with the next domain up: not this one. */
    if ( d.u.getdomaininfo.domain != domid )
    {
        errno = ESRCH;
        return -1;
    }
    *info = d.u.getdomaininfo;
    return 0;
}

int xc_vcpu_getinfo(struct xc_handle *h, domid_t domid, uint32_t vcpu,
                    struct xen_domctl_getvcpuinfo *info)
{
    struct xen_domctl d;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_getvcpuinfo;
    d.domain = domid;
    d.u.getvcpuinfo.vcpu = vcpu;
    if ( xc_do_domctl(h, &d) < 0 )
        return -1;
    *info = d.u.getvcpuinfo;
    return 0;
}

int xc_vcpu_getaffinity(struct xc_handle *h, domid_t domid, uint32_t vcpu,
                        uint8_t *hard, uint8_t *soft, uint32_t nr_bits)
{
    size_t len = (nr_bits + 7) / 8;
    struct xc_bounce bh = { hard, len, XC_BOUNCE_OUT, NULL };
    struct xc_bounce bs = { soft, len, XC_BOUNCE_OUT, NULL };
    struct xen_domctl d;
    int rc = -1;

    if ( xc_bounce_pre(h, &bh) < 0 )
        return -1;
    if ( xc_bounce_pre(h, &bs) < 0 )
        goto out;
    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_getvcpuaffinity;
    d.domain = domid;
    d.u.vcpuaffinity.vcpu = vcpu;
    d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT;
    set_xen_guest_handle(d.u.vcpuaffinity.cpumap_hard.bitmap, bh.hbuf);
    d.u.vcpuaffinity.cpumap_hard.nr_bits = nr_bits;
    set_xen_guest_handle(d.u.vcpuaffinity.cpumap_soft.bitmap, bs.hbuf);
    d.u.vcpuaffinity.cpumap_soft.nr_bits = nr_bits;
    rc = xc_do_domctl(h, &d);
    xc_bounce_post(h, &bs);
out:
    xc_bounce_post(h, &bh);
    return rc < 0 ? -1 : 0;
}

static int simple_domctl(struct xc_handle *h, uint32_t cmd, domid_t domid)
{
    struct xen_domctl d;

    memset(&d, 0, sizeof(d));
    d.cmd = cmd;
    d.domain = domid;
    return xc_do_domctl(h, &d) < 0 ? -1 : 0;
}

int xc_domain_pause(struct xc_handle *h, domid_t domid)
{
    return simple_domctl(h, XEN_DOMCTL_pausedomain, domid);
}

int xc_domain_unpause(struct xc_handle *h, domid_t domid)
{
    return simple_domctl(h, XEN_DOMCTL_unpausedomain, domid);
}
