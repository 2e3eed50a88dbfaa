/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenforeignmemory on Linux's privcmd: a range is reserved with
 * mmap() of the device, then filled by IOCTL_PRIVCMD_MMAPBATCH_V2
 * (frames) or IOCTL_PRIVCMD_MMAP_RESOURCE (resources).
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <xen-dev-handle.h>
#include <xen-sys/Linux/privcmd.h>

#include "xenforeignmemory.h"

struct xenforeignmemory_handle {
    struct xen_dev_handle dev;
};

struct xenforeignmemory_resource_handle {
    void *addr;
    size_t len;
};

/* The ioctl counts pages in 32 bits. */
#define MAX_PAGES (1u << 30)

xenforeignmemory_handle *xenforeignmemory_open(void)
{
    return xen_dev_handle_open(sizeof(xenforeignmemory_handle),
                               "XENFOREIGNMEMORY_DEVICE",
                               XENFOREIGNMEMORY_DEVICE);
}

int xenforeignmemory_close(xenforeignmemory_handle *fmem)
{
    return xen_dev_handle_close(fmem);
}

static int bad_prot(int prot)
{
    return (prot & ~(PROT_READ | PROT_WRITE)) || !(prot & PROT_READ);
}

/* A range of privcmd's own, which its ioctls may fill; NULL on error. */
static void *reserve(xenforeignmemory_handle *fmem, size_t len, int prot)
{
    void *addr = mmap(NULL, len, prot, MAP_SHARED, fmem->dev.fd, 0);

    return addr == MAP_FAILED ? NULL : addr;
}

static void unreserve(void *addr, size_t len)
{
    int saved = errno;

    munmap(addr, len);
    errno = saved;
}

void *xenforeignmemory_map(xenforeignmemory_handle *fmem, uint32_t dom,
                           int prot, size_t pages,
                           const xenforeignmemory_pfn_t arr[], int err[])
{
    struct privcmd_mmapbatch_v2 batch;
    size_t len = pages * XENFOREIGNMEMORY_PAGE_SIZE, i;
    int *errs = err;
    void *addr;
    int rc;

    if ( !pages || pages > MAX_PAGES || !arr || dom > 0xffff || bad_prot(prot) )
    {
        errno = EINVAL;
        return NULL;
    }
    if ( !errs )
    {
        errs = calloc(pages, sizeof(*errs));
        if ( !errs )
            return NULL;
    }
    addr = reserve(fmem, len, prot);
    if ( !addr )
        goto out;
    batch = (struct privcmd_mmapbatch_v2){
        .num = pages,
        .dom = dom,
        .addr = (uintptr_t)addr,
        .arr = arr,
        .err = errs,
    };
    do
        rc = ioctl(fmem->dev.fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &batch);
    while ( rc < 0 && errno == EINTR );
    /* ENOENT says a frame was paged out: that frame's err has it. */
    if ( rc < 0 && errno != ENOENT )
    {
        unreserve(addr, len);
        addr = NULL;
        goto out;
    }
    for ( i = 0; !err && i < pages; i++ )
    {
        if ( errs[i] )
        {
            unreserve(addr, len);
            errno = -errs[i];
            addr = NULL;
            break;
        }
    }
out:
    if ( !err )
    {
        rc = errno;
        free(errs);
        errno = rc;
    }
    return addr;
}

int xenforeignmemory_unmap(xenforeignmemory_handle *fmem, void *addr,
                           size_t pages)
{
    if ( !addr || !pages || pages > MAX_PAGES )
    {
        errno = EINVAL;
        return -1;
    }
    return munmap(addr, pages * XENFOREIGNMEMORY_PAGE_SIZE);
}

xenforeignmemory_resource_handle *
xenforeignmemory_map_resource(xenforeignmemory_handle *fmem, uint32_t dom,
                              unsigned int type, unsigned int id,
                              unsigned long frame, unsigned long nr_frames,
                              void **paddr, int prot)
{
    struct privcmd_mmap_resource res;
    xenforeignmemory_resource_handle *fres;
    size_t len = nr_frames * XENFOREIGNMEMORY_PAGE_SIZE;
    int saved;

    if ( !paddr || *paddr || !nr_frames || nr_frames > MAX_PAGES ||
         frame > UINT32_MAX || dom > 0xffff || bad_prot(prot) )
    {
        errno = EINVAL;
        return NULL;
    }
    fres = malloc(sizeof(*fres));
    if ( !fres )
        return NULL;
    fres->len = len;
    fres->addr = reserve(fmem, len, prot);
    if ( !fres->addr )
        goto fail;
    res = (struct privcmd_mmap_resource){
        .dom = dom,
        .type = type,
        .id = id,
        .idx = frame,
        .num = nr_frames,
        .addr = (uintptr_t)fres->addr,
    };
    if ( ioctl(fmem->dev.fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &res) < 0 )
    {
        unreserve(fres->addr, len);
        goto fail;
    }
    *paddr = fres->addr;
    return fres;
fail:
    saved = errno;
    free(fres);
    errno = saved;
    return NULL;
}

int xenforeignmemory_unmap_resource(xenforeignmemory_handle *fmem,
                                    xenforeignmemory_resource_handle *fres)
{
    int rc;

    if ( !fres )
        return 0;
    rc = munmap(fres->addr, fres->len);
    free(fres);
    return rc;
}
