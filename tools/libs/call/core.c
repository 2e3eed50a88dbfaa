/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxencall transport: IOCTL_PRIVCMD_HYPERCALL on /dev/xen/privcmd.
 * The ioctl's layout is Linux's (include/uapi/xen/privcmd.h), not Xen's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "xencall_private.h"

/* Linux's struct privcmd_hypercall: the op and five arguments. */
struct privcmd_hypercall {
    uint64_t op;
    uint64_t arg[5];
};

#define IOCTL_PRIVCMD_HYPERCALL \
    _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))

struct xencall_handle *xencall_open(void)
{
    const char *path = getenv("XENCALL_PRIVCMD");
    struct xencall_handle *h;
    int saved;

    h = calloc(1, sizeof(*h));
    if ( !h )
        return NULL;
    h->buf_fd = -1;
    h->privcmd_fd =
        open(path && *path ? path : XENCALL_PRIVCMD_DEVICE, O_RDWR | O_CLOEXEC);
    if ( h->privcmd_fd < 0 )
    {
        saved = errno;
        free(h);
        errno = saved;
        return NULL;
    }
    xencall_buffers_open(h);
    return h;
}

void xencall_close(struct xencall_handle *h)
{
    if ( !h )
        return;
    xencall_buffers_close(h);
    close(h->privcmd_fd);
    free(h);
}

long xencall_op(struct xencall_handle *h, unsigned int op, uint64_t a1,
                uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
    struct privcmd_hypercall call = {
        .op = op,
        .arg = { a1, a2, a3, a4, a5 },
    };
    long rc;

    /* privcmd turns a negative hypercall result into -1 and errno. */
    do
    {
        rc = ioctl(h->privcmd_fd, IOCTL_PRIVCMD_HYPERCALL, &call);
    } while ( rc < 0 && errno == EINTR );
    return rc;
}
