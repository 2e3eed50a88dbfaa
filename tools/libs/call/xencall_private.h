/* SPDX-License-Identifier: GPL-2.0-only */
/* libxencall internals shared by the transport and the buffer pool. */
#ifndef XENCALL_PRIVATE_H
#define XENCALL_PRIVATE_H

#include <stddef.h>

#include "xencall.h"

/* One mapping handed out by xencall_alloc_buffer(). */
struct xencall_buffer {
    struct xencall_buffer *next;
    void *addr;
    size_t len;
};

struct xencall_handle {
    int privcmd_fd;
    int buf_fd;                     /* /dev/xen/hypercall or -1 */
    struct xencall_buffer *buffers; /* live allocations */
};

void xencall_buffers_open(struct xencall_handle *h);
void xencall_buffers_close(struct xencall_handle *h);

#endif /* XENCALL_PRIVATE_H */
