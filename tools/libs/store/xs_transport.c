/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstore transport: opening the socket or the xenbus device, one
 * request/reply exchange at a time, and the queue of watch events that
 * arrive in between.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include <xen/io/xs_wire.h>

#include "xs.h"
#include "xs_private.h"

static int open_socket(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd, saved;

    if ( strlen(path) >= sizeof(addr.sun_path) )
    {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(addr.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if ( fd < 0 )
        return -1;
    if ( connect(fd, (struct sockaddr *)&addr, sizeof(addr)) )
    {
        saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

static bool is_device(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

struct xs_handle *xs_open(unsigned long flags)
{
    const char *path = getenv("XENSTORED_PATH");
    struct xs_handle *h;
    int fd, saved;

    /* As in Xen's library, a path to a device means the kernel's xenbus. */
    if ( path && *path && !(flags & XS_OPEN_SOCKETONLY) && is_device(path) )
        fd = open(path, O_RDWR | O_CLOEXEC);
    else
        fd = open_socket(path && *path ? path : XS_DEFAULT_SOCKET);
    if ( fd < 0 && !(flags & XS_OPEN_SOCKETONLY) )
    {
        saved = errno;
        fd = open(XS_XENBUS_DEVICE, O_RDWR | O_CLOEXEC);
        if ( fd < 0 )
            errno = saved; /* the socket's error says more */
    }
    if ( fd < 0 )
        return NULL;
    h = calloc(1, sizeof(*h));
    if ( !h )
    {
        close(fd);
        errno = ENOMEM;
        return NULL;
    }
    h->fd = fd;
    return h;
}

void xs_close(struct xs_handle *h)
{
    struct xs_event *e;

    if ( !h )
        return;
    while ( (e = h->events) )
    {
        h->events = e->next;
        free(e->body);
        free(e);
    }
    close(h->fd);
    free(h);
}

int xs_fileno(struct xs_handle *h)
{
    return h->fd;
}

static int io_all(int fd, void *buf, size_t len, bool out)
{
    char *p = buf;
    ssize_t r;

    while ( len )
    {
        r = out ? write(fd, p, len) : read(fd, p, len);
        if ( r < 0 && errno == EINTR )
            continue;
        if ( r <= 0 )
        {
            if ( r == 0 )
                errno = ECONNRESET;
            return -1;
        }
        p += r;
        len -= r;
    }
    return 0;
}

static int errno_of(const char *name)
{
    size_t i;

    for ( i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++ )
        if ( !strcmp(name, xsd_errors[i].errstring) )
            return xsd_errors[i].errnum;
    return EINVAL;
}

/* Reads one message; body is malloc'd with a NUL after hdr->len bytes. */
static int read_msg(struct xs_handle *h, struct xsd_sockmsg *hdr, char **body)
{
    if ( io_all(h->fd, hdr, sizeof(*hdr), false) )
        return -1;
    if ( hdr->len > XENSTORE_PAYLOAD_MAX )
    {
        errno = EPROTO;
        return -1;
    }
    *body = malloc(hdr->len + 1);
    if ( !*body )
        return -1;
    if ( io_all(h->fd, *body, hdr->len, false) )
    {
        free(*body);
        return -1;
    }
    (*body)[hdr->len] = '\0';
    return 0;
}

static int queue_event(struct xs_handle *h, char *body, unsigned int len)
{
    struct xs_event *e = malloc(sizeof(*e));

    if ( !e )
    {
        free(body);
        return -1;
    }
    e->next = NULL;
    e->body = body;
    e->len = len;
    if ( h->events_tail )
        h->events_tail->next = e;
    else
        h->events = e;
    h->events_tail = e;
    return 0;
}

void *xs_talkv(struct xs_handle *h, xs_transaction_t t, uint32_t type,
               const struct iovec *iov, unsigned int n, unsigned int *len)
{
    struct xsd_sockmsg hdr = { .type = type, .tx_id = t }, rep;
    unsigned int i;
    char *body;

    for ( i = 0; i < n; i++ )
        hdr.len += iov[i].iov_len;
    if ( hdr.len > XENSTORE_PAYLOAD_MAX )
    {
        errno = E2BIG;
        return NULL;
    }
    hdr.req_id = ++h->req_id;
    if ( io_all(h->fd, &hdr, sizeof(hdr), true) )
        return NULL;
    for ( i = 0; i < n; i++ )
        if ( io_all(h->fd, iov[i].iov_base, iov[i].iov_len, true) )
            return NULL;
    for ( ;; )
    {
        if ( read_msg(h, &rep, &body) )
            return NULL;
        if ( rep.type != XS_WATCH_EVENT )
            break;
        if ( queue_event(h, body, rep.len) )
            return NULL;
    }
    if ( rep.type == XS_ERROR )
    {
        errno = errno_of(body);
        free(body);
        return NULL;
    }
    if ( rep.type != type || rep.req_id != hdr.req_id )
    {
        free(body);
        errno = EBADMSG;
        return NULL;
    }
    if ( len )
        *len = rep.len;
    return body;
}

/* Turns "path\0token\0" into the vector xs_read_watch() returns. */
static char **event_vec(struct xs_event *e, unsigned int *num)
{
    char **vec = malloc(2 * sizeof(char *) + e->len + 1), *s;

    if ( vec )
    {
        s = (char *)(vec + 2);
        memcpy(s, e->body, e->len + 1);
        vec[XS_WATCH_PATH] = s;
        vec[XS_WATCH_TOKEN] = s + strnlen(s, e->len);
        if ( vec[XS_WATCH_TOKEN] < s + e->len )
            vec[XS_WATCH_TOKEN]++;
        if ( num )
            *num = 2;
    }
    free(e->body);
    free(e);
    return vec;
}

static char **pop_event(struct xs_handle *h, unsigned int *num)
{
    struct xs_event *e = h->events;

    h->events = e->next;
    if ( !h->events )
        h->events_tail = NULL;
    return event_vec(e, num);
}

char **xs_check_watch(struct xs_handle *h)
{
    if ( !h->events )
    {
        errno = EAGAIN;
        return NULL;
    }
    return pop_event(h, NULL);
}

char **xs_read_watch(struct xs_handle *h, unsigned int *num)
{
    struct xsd_sockmsg hdr;
    char *body;

    while ( !h->events )
    {
        if ( read_msg(h, &hdr, &body) )
            return NULL;
        if ( hdr.type != XS_WATCH_EVENT )
            free(body); /* a reply nobody waits for */
        else if ( queue_event(h, body, hdr.len) )
            return NULL;
    }
    return pop_event(h, num);
}
