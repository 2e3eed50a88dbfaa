/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The handle of the small dom0 libraries (libxenevtchn, libxengnttab,
 * libxenforeignmemory): one descriptor of a /dev/xen device, which an
 * environment variable may replace for tests.  Each library's handle
 * struct starts with a struct xen_dev_handle.
 */
#ifndef XEN_DEV_HANDLE_H
#define XEN_DEV_HANDLE_H

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct xen_dev_handle {
    int fd;
};

/* size bytes, zeroed, with fd open on getenv(env) or else dflt. */
static inline void *xen_dev_handle_open(size_t size, const char *env,
                                        const char *dflt)
{
    const char *path = getenv(env);
    struct xen_dev_handle *h = calloc(1, size);
    int saved;

    if ( !h )
        return NULL;
    h->fd = open(path && *path ? path : dflt, O_RDWR | O_CLOEXEC);
    if ( h->fd < 0 )
    {
        saved = errno;
        free(h);
        errno = saved;
        return NULL;
    }
    return h;
}

static inline int xen_dev_handle_close(void *handle)
{
    struct xen_dev_handle *h = handle;
    int rc;

    if ( !h )
        return 0;
    rc = close(h->fd);
    free(h);
    return rc;
}

#endif /* XEN_DEV_HANDLE_H */
