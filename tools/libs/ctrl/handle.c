/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenctrl core: the handle, bounce buffers, and the sysctl, domctl
 * and xen_version calls every wrapper goes through.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xc_private.h"

struct xc_handle *xc_open(void)
{
    struct xc_handle *h = calloc(1, sizeof(*h));
    int saved;

    if ( !h )
        return NULL;
    h->call = xencall_open();
    if ( !h->call )
    {
        saved = errno;
        free(h);
        errno = saved;
        return NULL;
    }
    return h;
}

void xc_close(struct xc_handle *h)
{
    if ( !h )
        return;
    xencall_close(h->call);
    free(h);
}

int xc_bounce_pre(struct xc_handle *h, struct xc_bounce *b)
{
    b->hbuf = xencall_alloc_buffer(h->call, b->len);
    if ( !b->hbuf )
        return -1;
    if ( b->dir & XC_BOUNCE_IN )
        memcpy(b->hbuf, b->user, b->len);
    return 0;
}

void xc_bounce_post(struct xc_handle *h, struct xc_bounce *b)
{
    int saved = errno;

    if ( b->hbuf && (b->dir & XC_BOUNCE_OUT) )
        memcpy(b->user, b->hbuf, b->len);
    xencall_free_buffer(h->call, b->hbuf);
    b->hbuf = NULL;
    errno = saved;
}

/* One struct argument, copied to a hypercall buffer and back. */
static int bounced_op(struct xc_handle *h, unsigned int op, void *arg,
                      size_t len)
{
    struct xc_bounce b = { arg, len, XC_BOUNCE_BOTH, NULL };
    long rc;

    if ( xc_bounce_pre(h, &b) < 0 )
        return -1;
    rc = xencall_op(h->call, op, (uintptr_t)b.hbuf, 0, 0, 0, 0);
    xc_bounce_post(h, &b);
    return rc < 0 ? -1 : 0;
}

/* Both carry an interface version; Xen refuses others with EACCES. */
int xc_do_sysctl(struct xc_handle *h, struct xen_sysctl *sysctl)
{
    sysctl->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    return bounced_op(h, __HYPERVISOR_sysctl, sysctl, sizeof(*sysctl));
}

int xc_do_domctl(struct xc_handle *h, struct xen_domctl *domctl)
{
    domctl->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    return bounced_op(h, __HYPERVISOR_domctl, domctl, sizeof(*domctl));
}

long xc_do_version(struct xc_handle *h, int cmd, void *arg, size_t len,
                   enum xc_bounce_dir dir)
{
    struct xc_bounce b = { arg, len, dir, NULL };
    long rc;

    if ( !arg )
        return xencall_op(h->call, __HYPERVISOR_xen_version, cmd, 0, 0, 0, 0);
    if ( xc_bounce_pre(h, &b) < 0 )
        return -1;
    rc = xencall_op(h->call, __HYPERVISOR_xen_version, cmd, (uintptr_t)b.hbuf,
                    0, 0, 0);
    xc_bounce_post(h, &b);
    return rc;
}
