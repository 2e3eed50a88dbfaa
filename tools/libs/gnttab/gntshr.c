/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxengnttab's sharing half on Linux's gntalloc: ALLOC_GREF grants
 * fresh pages and mmap() maps them.  The grants are released at once
 * with DEALLOC_GREF, which gntalloc carries out when the pages are
 * unmapped, so unsharing is only munmap().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <xen-dev-handle.h>
#include <xen-sys/Linux/gntalloc.h>

#include "xengnttab.h"

struct xengntshr_handle {
    struct xen_dev_handle dev;
};

/* Bounds the ioctl buffer; gntalloc's own limit is lower. */
#define MAX_SHARE_COUNT (1 << 20)

xengntshr_handle *xengntshr_open(void)
{
    return xen_dev_handle_open(sizeof(xengntshr_handle), "XENGNTSHR_DEVICE",
                               XENGNTSHR_DEVICE);
}

int xengntshr_close(xengntshr_handle *xgs)
{
    return xen_dev_handle_close(xgs);
}

void *xengntshr_share_pages(xengntshr_handle *xgs, uint32_t domid, int count,
                            grant_ref_t *refs, int writable)
{
    struct ioctl_gntalloc_alloc_gref *alloc;
    struct ioctl_gntalloc_dealloc_gref dealloc;
    void *addr = NULL;
    int saved;

    if ( count <= 0 || count > MAX_SHARE_COUNT || !refs || domid > 0xffff )
    {
        errno = EINVAL;
        return NULL;
    }
    alloc =
        calloc(1, sizeof(*alloc) + (count - 1) * sizeof(alloc->gref_ids[0]));
    if ( !alloc )
        return NULL;
    alloc->domid = domid;
    alloc->flags = writable ? GNTALLOC_FLAG_WRITABLE : 0;
    alloc->count = count;
    if ( ioctl(xgs->dev.fd, IOCTL_GNTALLOC_ALLOC_GREF, alloc) < 0 )
        goto out;
    addr = mmap(NULL, (size_t)count * XENGNTTAB_PAGE_SIZE,
                PROT_READ | PROT_WRITE, MAP_SHARED, xgs->dev.fd, alloc->index);
    saved = errno;
    dealloc.index = alloc->index;
    dealloc.count = count;
    ioctl(xgs->dev.fd, IOCTL_GNTALLOC_DEALLOC_GREF, &dealloc);
    errno = saved;
    if ( addr == MAP_FAILED )
        addr = NULL;
    else
        memcpy(refs, alloc->gref_ids, count * sizeof(refs[0]));
out:
    saved = errno;
    free(alloc);
    errno = saved;
    return addr;
}

int xengntshr_unshare(xengntshr_handle *xgs, void *start, uint32_t count)
{
    if ( !start || !count || count > MAX_SHARE_COUNT )
    {
        errno = EINVAL;
        return -1;
    }
    return munmap(start, (size_t)count * XENGNTTAB_PAGE_SIZE);
}
