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
