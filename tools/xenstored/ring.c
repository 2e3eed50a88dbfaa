/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ring transport: a domain's xenstore page (struct
 * xenstore_domain_interface) and its event channel.  The domain owns
 * the page, so every index read from it is checked before use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"
#include "daemon.h"

struct ring {
    struct xenstore_domain_interface *intf;
    unsigned int port; /* our end of the event channel */
    bool consumed;     /* requests were taken: the domain may write more */
    void (*unmap)(struct xenstore_domain_interface *intf);
};

static XENSTORE_RING_IDX load_idx(const XENSTORE_RING_IDX *p)
{
    /* Acquire: the ring bytes are read after the index that covers them. */
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void store_idx(XENSTORE_RING_IDX *p, XENSTORE_RING_IDX v)
{
    /* Release: the bytes are copied before the other end sees the index. */
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

static int broken(struct conn *c, const char *which, XENSTORE_RING_IDX cons,
                  XENSTORE_RING_IDX prod)
{
    fprintf(
        stderr,
        "xenstored: domain %u: %s ring indices cons %u prod %u are more than %u apart: connection dropped\n",
        c->domid, which, cons, prod, XENSTORE_RING_SIZE);
    trace("conn %p: domain %u: bad %s ring indices cons %u prod %u\n",
          (void *)c, c->domid, which, cons, prod);
    return -1;
}

/*
 * How many bytes (at most len) may move at *at: a producer fills free
 * space, a consumer drains what is there, up to the end of the ring.
 * -1 when the indices the domain left cannot be right.
 */
static int span(struct conn *c, const char *which,
                const XENSTORE_RING_IDX *consp, const XENSTORE_RING_IDX *prodp,
                bool producer, unsigned int len, XENSTORE_RING_IDX *at)
{
    XENSTORE_RING_IDX cons = load_idx(consp), prod = load_idx(prodp);
    unsigned int avail, n;

    if ( prod - cons > XENSTORE_RING_SIZE )
        return broken(c, which, cons, prod);
    *at = producer ? prod : cons;
    avail = producer ? XENSTORE_RING_SIZE - (prod - cons) : prod - cons;
    n = XENSTORE_RING_SIZE - MASK_XENSTORE_IDX(*at);
    if ( n > avail )
        n = avail;
    return (int)(n < len ? n : len);
}

static int ring_read(struct conn *c, void *buf, unsigned int len)
{
    struct ring *r = c->transport;
    XENSTORE_RING_IDX at = 0;
    int n = span(c, "request", &r->intf->req_cons, &r->intf->req_prod, false,
                 len, &at);

    if ( n > 0 )
    {
        memcpy(buf, r->intf->req + MASK_XENSTORE_IDX(at), n);
        store_idx(&r->intf->req_cons, at + n);
        r->consumed = true;
    }
    return n;
}

static int ring_write(struct conn *c, const void *buf, unsigned int len)
{
    struct ring *r = c->transport;
    XENSTORE_RING_IDX at = 0;
    int n = span(c, "response", &r->intf->rsp_cons, &r->intf->rsp_prod, true,
                 len, &at);

    if ( n > 0 )
    {
        memcpy(r->intf->rsp + MASK_XENSTORE_IDX(at), buf, n);
        store_idx(&r->intf->rsp_prod, at + n);
    }
    return n;
}

static void ring_notify(struct conn *c)
{
    struct ring *r = c->transport;

    evtchn_notify(r->port);
}

static void ring_close(struct conn *c)
{
    struct ring *r = c->transport;

    evtchn_unbind(r->port);
    if ( r->unmap )
        r->unmap(r->intf);
    free(r);
}

static const struct conn_ops ring_ops = {
    .read = ring_read,
    .write = ring_write,
    .notify = ring_notify,
    .close = ring_close,
};

/* Takes every complete request on the ring; false if the ring broke. */
static bool service(struct conn *c)
{
    struct ring *r = c->transport;
    int rc;

    r->consumed = false;
    rc = conn_input(c);
    if ( r->consumed && rc >= 0 )
        evtchn_notify(r->port);
    return rc >= 0;
}

/*
 * A connection for domid over intf and our port; it owns both from now
 * on, even when it fails (NULL).
 */
struct conn *ring_connect(unsigned int domid, bool privileged,
                          struct xenstore_domain_interface *intf,
                          unsigned int port,
                          void (*unmap)(struct xenstore_domain_interface *))
{
    struct ring *r = calloc(1, sizeof(*r));
    struct conn *c = r ? conn_new(&ring_ops, -1, domid, privileged) : NULL;

    if ( !c )
    {
        free(r);
        evtchn_unbind(port);
        if ( unmap )
            unmap(intf);
        return NULL;
    }
    r->intf = intf;
    r->port = port;
    r->unmap = unmap;
    c->transport = r;
    /* We offer no reconnection nor error reporting (server_features). */
    intf->server_features = 0;
    intf->connection = XENSTORE_CONNECTED;
    /* Requests may be waiting already; then tell the domain we are here. */
    if ( !service(c) )
    {
        conn_free(c);
        return NULL;
    }
    evtchn_notify(port);
    return c;
}

/* The event channel device is readable: serve the rings that fired. */
void ring_events(void)
{
    unsigned int ports[64], n, i;
    struct conn *c, *next;

    n = evtchn_pending(ports, 64);
    for ( c = connections; c; c = next )
    {
        next = c->next;
        if ( c->ops != &ring_ops )
            continue;
        for ( i = 0; i < n; i++ )
            if ( ports[i] == ((struct ring *)c->transport)->port )
                break;
        if ( i < n && !service(c) )
            conn_free(c);
    }
}
