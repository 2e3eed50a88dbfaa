/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ring-test: xenstored's ring transport (tools/xenstored/ring.c) on the
 * host.  The daemon's files are linked in with a fake event channel; the
 * "domain" is this program writing a page followed by an inaccessible
 * one, so any access outside the page kills the test.  Prints
 * "PASS tools/ring-<case>" or "FAIL tools/ring-<case>: <why>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "../../tools/xenstored/xenstored.h"
#include "../../tools/xenstored/daemon.h"

#define PORT 7

static unsigned int notified, unbound, unmapped, fired;

/* The fake event channel: evtchn.c is not linked. */
int evtchn_bind_interdomain(unsigned int domid, unsigned int remote_port)
{
    return PORT;
}

void evtchn_unbind(unsigned int port)
{
    unbound++;
}

void evtchn_notify(unsigned int port)
{
    notified++;
}

unsigned int evtchn_pending(unsigned int *ports, unsigned int max)
{
    if ( !fired || !max )
        return 0;
    fired = 0;
    ports[0] = PORT;
    return 1;
}

static struct xenstore_domain_interface *page;
static struct conn *ring;

static void unmap(struct xenstore_domain_interface *intf)
{
    unmapped++;
}

static void result(const char *name, const char *why)
{
    if ( why )
        printf("FAIL tools/ring-%s: %s\n", name, why);
    else
        printf("PASS tools/ring-%s\n", name);
}

/* A fresh store and a ring whose indices all start at idx. */
static void setup(XENSTORE_RING_IDX idx)
{
    while ( connections )
        conn_free(connections);
    db_destroy();
    db_init();
    memset(page, 0, 4096);
    page->req_cons = page->req_prod = idx;
    page->rsp_cons = page->rsp_prod = idx;
    notified = unbound = unmapped = 0;
    ring = ring_connect(0, true, page, PORT, unmap);
}

static void kick(void);

/* What the domain does: put bytes on the request ring, kicking when full. */
static void put(const void *buf, unsigned int len)
{
    const char *p = buf;

    while ( len-- )
    {
        if ( page->req_prod - page->req_cons == XENSTORE_RING_SIZE )
            kick();
        if ( page->req_prod - page->req_cons == XENSTORE_RING_SIZE )
            return; /* the daemon stopped reading: the case fails */
        page->req[MASK_XENSTORE_IDX(page->req_prod++)] = *p++;
    }
}

static void request(uint32_t type, uint32_t req_id, const void *body,
                    unsigned int len)
{
    struct xsd_sockmsg h = { .type = type, .req_id = req_id, .len = len };

    put(&h, sizeof(h));
    put(body, len);
}

/* One pass of the daemon's loop after the domain kicked the port. */
static void kick(void)
{
    struct conn *c, *next;

    fired = 1;
    ring_events();
    for ( c = connections; c; c = next )
    {
        next = c->next;
        if ( conn_flush(c) < 0 )
            conn_free(c);
    }
}

/* Takes up to max bytes of response; returns how many. */
static unsigned int take(void *buf, unsigned int max)
{
    char *p = buf;
    unsigned int n = 0;

    while ( n < max && page->rsp_cons != page->rsp_prod )
        p[n++] = page->rsp[MASK_XENSTORE_IDX(page->rsp_cons++)];
    return n;
}

static bool alive(void)
{
    struct conn *c;

    for ( c = connections; c; c = c->next )
        if ( c == ring )
            return true;
    return false;
}

static const char *expect_reply(uint32_t type, uint32_t req_id,
                                const char *body, unsigned int len)
{
    static char why[160];
    struct xsd_sockmsg h;
    char got[4200];

    if ( take(&h, sizeof(h)) != sizeof(h) )
        return "no reply header on the response ring";
    if ( h.type != type || h.req_id != req_id || h.len != len )
    {
        snprintf(why, sizeof(why),
                 "reply type %u req %u len %u, expected type %u req %u len %u",
                 h.type, h.req_id, h.len, type, req_id, len);
        return why;
    }
    if ( take(got, len) != len || memcmp(got, body, len) )
        return "reply payload differs";
    return NULL;
}

static void t_request(void)
{
    const char *why;

    setup(0);
    if ( !ring || !notified )
    {
        result("request", "ring_connect failed or did not notify");
        return;
    }
    notified = 0;
    request(XS_WRITE, 1, "/a\0value", 8);
    request(XS_READ, 2, "/a", 3);
    kick();
    why = expect_reply(XS_WRITE, 1, "OK", 3);
    if ( !why )
        why = expect_reply(XS_READ, 2, "value", 5);
    if ( !why && page->req_cons != page->req_prod )
        why = "requests left on the ring";
    if ( !why && !notified )
        why = "no notification after replying";
    result("request", why);
}

/* Indices about to wrap at 2^32, a message across the ring's end. */
static void t_wrap(void)
{
    const char *why;

    setup(0xfffffff8u);
    request(XS_WRITE, 3, "/wrap\0x", 7);
    kick();
    why = expect_reply(XS_WRITE, 3, "OK", 3);
    if ( !why && page->req_cons != 0xfffffff8u + 16 + 7 )
        why = "req_cons did not move past the wrap";
    result("wrap", why);
}

/* A reply larger than the ring goes out as the domain makes room. */
static void t_big_reply(void)
{
    static char val[3000], body[3100], got[3000];
    struct xsd_sockmsg h;
    unsigned int n = 0, rounds = 0;
    const char *why = NULL;

    setup(0);
    memset(val, 'v', sizeof(val));
    memcpy(body, "/big", 5);
    memcpy(body + 5, val, sizeof(val));
    request(XS_WRITE, 4, body, 5 + sizeof(val));
    kick();
    if ( (why = expect_reply(XS_WRITE, 4, "OK", 3)) )
    {
        result("big-reply", why);
        return;
    }
    request(XS_READ, 5, "/big", 5);
    kick();
    if ( take(&h, sizeof(h)) != sizeof(h) || h.len != sizeof(val) )
        why = "no header of the big reply";
    while ( !why && n < sizeof(val) && rounds++ < 10 )
    {
        n += take(got + n, sizeof(val) - n);
        kick();
    }
    if ( !why && (n != sizeof(val) || memcmp(got, val, n)) )
        why = "the big reply did not arrive whole";
    result("big-reply", why);
}

/* Impossible indices: the connection goes, nothing outside the page. */
static void t_bad_index(const char *name, bool requests)
{
    const char *why = NULL;

    setup(0);
    if ( requests )
        page->req_prod = page->req_cons + 5000;
    else
    {
        page->rsp_cons = 0x80000000u;
        request(XS_READ, 6, "/", 2);
    }
    kick();
    if ( alive() )
        why = "the connection survived impossible indices";
    else if ( unbound != 1 || unmapped != 1 )
        why = "the event channel or the page was not released";
    result(name, why);
}

/* A header announcing more than 4096 bytes: E2BIG, then the end. */
static void t_too_long(void)
{
    struct xsd_sockmsg h = { .type = XS_WRITE, .req_id = 7, .len = 5000 };
    const char *why;

    setup(0);
    put(&h, sizeof(h));
    kick();
    why = expect_reply(XS_ERROR, 7, "E2BIG", 6);
    if ( !why && alive() )
        why = "the connection survived a 5000-byte message";
    result("too-long", why);
}

/* Garbage bytes: whatever happens, the store stays consistent. */
static void t_garbage(void)
{
    unsigned int i, seed = 1;
    char junk[900];
    const char *why = NULL;

    setup(0);
    for ( i = 0; i < sizeof(junk); i++ )
    {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (char)(seed >> 16);
    }
    put(junk, sizeof(junk));
    kick();
    if ( db_check() )
        why = "the store is inconsistent after garbage";
    result("garbage", why);
}

int main(void)
{
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if ( p == MAP_FAILED || mprotect(p + 4096, 4096, PROT_NONE) )
    {
        perror("ring-test: mmap");
        return 1;
    }
    page = (struct xenstore_domain_interface *)p;
    db_init();
    t_request();
    t_wrap();
    t_big_reply();
    t_bad_index("bad-request-index", true);
    t_bad_index("bad-response-index", false);
    t_too_long();
    t_garbage();
    return 0;
}
