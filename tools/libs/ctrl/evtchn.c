/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenctrl: event-channel operations on behalf of another domain. */
#include <string.h>

#include "xc_private.h"

int xc_evtchn_alloc_unbound(struct xc_handle *h, domid_t dom, domid_t remote)
{
    struct evtchn_alloc_unbound op;
    struct xc_bounce b = { &op, sizeof(op), XC_BOUNCE_BOTH, NULL };
    long rc;

    memset(&op, 0, sizeof(op));
    op.dom = dom;
    op.remote_dom = remote;
    if ( xc_bounce_pre(h, &b) < 0 )
        return -1;
    rc = xencall_op(h->call, __HYPERVISOR_event_channel_op,
                    EVTCHNOP_alloc_unbound, (uintptr_t)b.hbuf, 0, 0, 0);
    xc_bounce_post(h, &b);
    return rc < 0 ? -1 : (int)op.port;
}
