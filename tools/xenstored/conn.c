/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Connections: framing of requests read through the transport's read
 * callback, and the queue of replies and watch events written through
 * its write callback.  A socket or a domain's ring page plugs in by
 * supplying struct conn_ops.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

/* Watch events a slow reader may have queued before we drop new ones. */
#define MAX_PENDING_EVENTS 1024

struct conn *connections;

struct conn *conn_new(const struct conn_ops *ops, int fd, unsigned int domid,
                      bool privileged)
{
    struct conn *c = calloc(1, sizeof(*c));

    if ( !c )
        return NULL;
    c->ops = ops;
    c->fd = fd;
    c->domid = domid;
    c->target = DOMID_LIMIT;
    c->privileged = privileged;
    c->next = connections;
    connections = c;
    return c;
}

void conn_free(struct conn *c)
{
    struct conn **p;
    struct outmsg *m;

    for ( p = &connections; *p; p = &(*p)->next )
        if ( *p == c )
        {
            *p = c->next;
            break;
        }
    watch_drop_all(c);
    txn_drop_all(c);
    while ( (m = c->out_head) )
    {
        c->out_head = m->next;
        free(m);
    }
    if ( c->ops->close )
        c->ops->close(c);
    free(c);
}

static void queue(struct conn *c, const struct xsd_sockmsg *h, const void *a,
                  unsigned int alen, const void *b, unsigned int blen,
                  bool event)
{
    struct outmsg *m = malloc(sizeof(*m) + sizeof(*h) + alen + blen);

    if ( !m )
    {
        c->closing = true; /* a lost reply would hang the client */
        return;
    }
    m->next = NULL;
    m->len = sizeof(*h) + alen + blen;
    m->off = 0;
    m->event = event;
    memcpy(m->data, h, sizeof(*h));
    if ( alen )
        memcpy(m->data + sizeof(*h), a, alen);
    if ( blen )
        memcpy(m->data + sizeof(*h) + alen, b, blen);
    if ( c->out_tail )
        c->out_tail->next = m;
    else
        c->out_head = m;
    c->out_tail = m;
    if ( event )
        c->out_events++;
    trace_msg(c, "OUT", h, m->data + sizeof(*h));
}

void conn_reply(struct conn *c, uint32_t type, const void *data,
                unsigned int len)
{
    struct xsd_sockmsg h = {
        .type = type,
        .req_id = c->hdr.req_id,
        .tx_id = c->hdr.tx_id,
        .len = len,
    };

    queue(c, &h, data, len, NULL, 0, false);
}

void conn_reply_ok(struct conn *c)
{
    conn_reply(c, c->hdr.type, "OK", 3);
}

void conn_reply_error(struct conn *c, int err)
{
    size_t i;

    for ( i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++ )
        if ( xsd_errors[i].errnum == err )
            break;
    if ( i == sizeof(xsd_errors) / sizeof(xsd_errors[0]) )
        i = 0; /* EINVAL, which is how clients read unknown errors */
    conn_reply(c, XS_ERROR, xsd_errors[i].errstring,
               strlen(xsd_errors[i].errstring) + 1);
}

void conn_event(struct conn *c, const char *path, const char *token)
{
    unsigned int plen = strlen(path) + 1, tlen = strlen(token) + 1;
    struct xsd_sockmsg h = { .type = XS_WATCH_EVENT, .len = plen + tlen };

    if ( c->out_events >= MAX_PENDING_EVENTS || h.len > XENSTORE_PAYLOAD_MAX )
    {
        trace("conn %p: watch event for %s dropped\n", (void *)c, path);
        return;
    }
    queue(c, &h, path, plen, token, tlen, true);
}

/* Reads what is available and handles every complete request. */
int conn_input(struct conn *c)
{
    int r;

    while ( !c->closing )
    {
        if ( c->hdr_got < sizeof(c->hdr) )
        {
            r = c->ops->read(c, (char *)&c->hdr + c->hdr_got,
                             sizeof(c->hdr) - c->hdr_got);
            if ( r <= 0 )
                return r;
            c->hdr_got += r;
            if ( c->hdr_got < sizeof(c->hdr) )
                continue;
            c->body_got = 0;
            /* The stream cannot be trusted past a bad length: say so, go. */
            if ( c->hdr.len > XENSTORE_PAYLOAD_MAX )
            {
                trace_msg(c, "BAD", &c->hdr, "");
                conn_reply_error(c, E2BIG);
                c->closing = true;
                return 0;
            }
        }
        if ( c->body_got < c->hdr.len )
        {
            r = c->ops->read(c, c->body + c->body_got,
                             c->hdr.len - c->body_got);
            if ( r <= 0 )
                return r;
            c->body_got += r;
            if ( c->body_got < c->hdr.len )
                continue;
        }
        c->body[c->hdr.len] = '\0';
        dispatch(c);
        c->hdr_got = 0;
    }
    return 0;
}

bool conn_wants_write(const struct conn *c)
{
    return c->out_head != NULL;
}

/* Writes queued output; -1 when the connection should be closed. */
int conn_flush(struct conn *c)
{
    struct outmsg *m;
    bool wrote = false;
    int r;

    while ( (m = c->out_head) )
    {
        r = c->ops->write(c, m->data + m->off, m->len - m->off);
        if ( r < 0 )
            return -1;
        if ( r == 0 )
            break;
        wrote = true;
        m->off += r;
        if ( m->off < m->len )
            continue;
        c->out_head = m->next;
        if ( !c->out_head )
            c->out_tail = NULL;
        if ( m->event )
            c->out_events--;
        free(m);
    }
    if ( wrote && c->ops->notify )
        c->ops->notify(c);
    return c->closing && !c->out_head ? -1 : 0;
}
