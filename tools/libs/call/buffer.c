/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxencall buffers: memory a hypercall argument may point to.  The
 * hypervisor copies from dom0's virtual addresses, so the pages must be
 * present and stay put: /dev/xen/hypercall (Linux's privcmd-buf) gives
 * such pages; without it, anonymous pages locked with mlock() stand in.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xencall_private.h"

void xencall_buffers_open(struct xencall_handle *h)
{
    const char *path = getenv("XENCALL_HYPERCALL_BUF");

    /* An empty XENCALL_HYPERCALL_BUF forces the mlock fallback. */
    if ( path && !*path )
        h->buf_fd = -1;
    else
        h->buf_fd =
            open(path ? path : XENCALL_BUFFER_DEVICE, O_RDWR | O_CLOEXEC);
}

void xencall_buffers_close(struct xencall_handle *h)
{
    while ( h->buffers )
        xencall_free_buffer(h, h->buffers->addr);
    if ( h->buf_fd >= 0 )
        close(h->buf_fd);
    h->buf_fd = -1;
}

const char *xencall_buffer_kind(const struct xencall_handle *h)
{
    return h->buf_fd >= 0 ? "privcmd-buf" : "mlock";
}

static void *map_locked(size_t len)
{
    void *p;
    int saved;

    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
             0);
    if ( p == MAP_FAILED )
        return NULL;
    /* A child must not share or copy-on-write pages Xen writes to. */
    if ( mlock(p, len) < 0 || madvise(p, len, MADV_DONTFORK) < 0 )
    {
        saved = errno;
        munmap(p, len);
        errno = saved;
        return NULL;
    }
    return p;
}

void *xencall_alloc_buffer(struct xencall_handle *h, size_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (size ? size + page - 1 : page) & ~(page - 1);
    struct xencall_buffer *b;
    void *p;
    int saved;

    b = malloc(sizeof(*b));
    if ( !b )
        return NULL;
    if ( h->buf_fd >= 0 )
    {
        /* privcmd-buf wants offset 0 and a shared mapping. */
        p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, h->buf_fd, 0);
        if ( p == MAP_FAILED )
            p = NULL;
    }
    else
        p = map_locked(len);
    if ( !p )
    {
        saved = errno;
        free(b);
        errno = saved;
        return NULL;
    }
    memset(p, 0, len);
    b->addr = p;
    b->len = len;
    b->next = h->buffers;
    h->buffers = b;
    return p;
}

void xencall_free_buffer(struct xencall_handle *h, void *buf)
{
    struct xencall_buffer **pb, *b;

    if ( !buf )
        return;
    for ( pb = &h->buffers; (b = *pb); pb = &b->next )
    {
        if ( b->addr == buf )
        {
            *pb = b->next;
            munmap(b->addr, b->len);
            free(b);
            return;
        }
    }
}
