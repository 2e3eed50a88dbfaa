/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Protocol tests of xenstored through raw messages on its socket:
 * malformed requests, transactions, watches, permissions and quotas
 * (through XS_CONTROL "as-domain"), domain requests.  Prints one
 * "PASS tools/raw/<name>" or "FAIL tools/raw/<name>: <why>" per case.
 * The daemon must run with --entry-nb 20 --entry-size 100 --watch-nb 4
 * --transaction 3 --perm-nb 3.
 */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xs-test.h"

static const char *sock_path;
struct xsd_sockmsg rh; /* header of the last reply */
char rb[XENSTORE_PAYLOAD_MAX + 1];
static int failures;

void result(const char *name, bool ok, const char *why)
{
    if ( ok )
        printf("PASS tools/raw/%s\n", name);
    else
    {
        printf("FAIL tools/raw/%s: %s\n", name, why);
        failures++;
    }
    fflush(stdout);
}

struct cn *conn_open(void)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    struct cn *c = calloc(1, sizeof(*c));

    strncpy(a.sun_path, sock_path, sizeof(a.sun_path) - 1);
    c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if ( connect(c->fd, (struct sockaddr *)&a, sizeof(a)) )
    {
        perror("connect");
        exit(1);
    }
    return c;
}

void conn_close(struct cn *c)
{
    close(c->fd);
    free(c);
}

static bool read_full(int fd, void *buf, size_t len)
{
    char *p = buf;
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    ssize_t r;

    while ( len )
    {
        if ( poll(&pfd, 1, 2000) != 1 )
            return false;
        r = read(fd, p, len);
        if ( r <= 0 )
            return false;
        p += r;
        len -= r;
    }
    return true;
}

/* Reads one message into rh/rb; false on timeout or close. */
bool rx(struct cn *c)
{
    if ( !read_full(c->fd, &rh, sizeof(rh)) || rh.len > XENSTORE_PAYLOAD_MAX ||
         !read_full(c->fd, rb, rh.len) )
        return false;
    rb[rh.len] = '\0';
    return true;
}

void send_raw(struct cn *c, uint32_t type, uint32_t tx, const void *p,
              unsigned int len)
{
    struct xsd_sockmsg h = { type, 42, tx, len };

    if ( write(c->fd, &h, sizeof(h)) != sizeof(h) ||
         (len && p && write(c->fd, p, len) != (ssize_t)len) )
        perror("write");
}

/* Request and reply; events on the way are kept. -1: no reply. */
int req(struct cn *c, uint32_t type, uint32_t tx, const void *p,
        unsigned int len)
{
    send_raw(c, type, tx, p, len);
    for ( ;; )
    {
        if ( !rx(c) )
            return -1;
        if ( rh.type != XS_WATCH_EVENT )
            return rh.type;
        if ( c->nev < 64 )
            snprintf(c->ev[c->nev++], 128, "%.127s", rb);
    }
}

/* Next watch event path, or NULL if none comes within the timeout. */
const char *event(struct cn *c, int ms)
{
    struct pollfd pfd = { .fd = c->fd, .events = POLLIN };

    while ( c->evread == c->nev )
    {
        if ( poll(&pfd, 1, ms) != 1 || !rx(c) )
            return NULL;
        if ( rh.type == XS_WATCH_EVENT && c->nev < 64 )
            snprintf(c->ev[c->nev++], 128, "%.127s", rb);
    }
    return c->ev[c->evread++];
}

char why[256];

/* Does the request get the error (or "OK"/any reply for NULL)? */
bool expect(struct cn *c, const char *want, uint32_t type, uint32_t tx,
            const void *p, unsigned int len)
{
    int t = req(c, type, tx, p, len);

    if ( t < 0 )
        snprintf(why, sizeof(why), "no reply to type %u", type);
    else if ( want && t != XS_ERROR && strcmp(want, "OK") )
        snprintf(why, sizeof(why), "type %u: got a reply, not %s", type, want);
    else if ( want && t == XS_ERROR && strcmp(rb, want) )
        snprintf(why, sizeof(why), "type %u: got %.40s, not %s", type, rb,
                 want);
    else if ( !want && t == XS_ERROR )
        snprintf(why, sizeof(why), "type %u: got %.40s", type, rb);
    else if ( want && !strcmp(want, "OK") && t == XS_ERROR )
        snprintf(why, sizeof(why), "type %u: got %.40s, not OK", type, rb);
    else
        return true;
    return false;
}

void write_node(struct cn *c, const char *path, const char *val)
{
    char buf[XENSTORE_PAYLOAD_MAX];
    size_t pl = strlen(path) + 1, vl = strlen(val);

    memcpy(buf, path, pl);
    memcpy(buf + pl, val, vl);
    req(c, XS_WRITE, 0, buf, pl + vl);
}

int req_str(struct cn *c, uint32_t type, uint32_t tx, const char *s)
{
    return req(c, type, tx, s, strlen(s) + 1);
}

int main(int argc, char **argv)
{
    if ( argc != 2 )
    {
        fprintf(stderr, "usage: xs-test SOCKET\n");
        return 2;
    }
    sock_path = argv[1];
    run_cases();
    return 0;
}
