/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxengnttab's mapping half on Linux's gntdev: MAP_GRANT_REF reserves
 * an mmap() offset for the refs and mmap() of it maps them; unmapping
 * undoes both.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <xen-dev-handle.h>
#include <xen-sys/Linux/gntdev.h>

#include "xengnttab.h"

struct xengnttab_handle {
    struct xen_dev_handle dev;
};

/* gntdev's own limit on refs per ioctl is far higher; this bounds malloc. */
#define MAX_MAP_COUNT (1u << 20)

xengnttab_handle *xengnttab_open(void)
{
    return xen_dev_handle_open(sizeof(xengnttab_handle), "XENGNTTAB_DEVICE",
                               XENGNTTAB_DEVICE);
}

int xengnttab_close(xengnttab_handle *xgt)
{
    return xen_dev_handle_close(xgt);
}

/* domids NULL: every page comes from domid. */
static void *map_refs(xengnttab_handle *xgt, uint32_t count,
                      const uint32_t *domids, uint32_t domid,
                      const grant_ref_t *refs, int prot)
{
    struct ioctl_gntdev_map_grant_ref *map;
    struct ioctl_gntdev_unmap_grant_ref unmap = { .count = count };
    void *addr = NULL;
    uint32_t i;
    int saved;

    if ( !count || count > MAX_MAP_COUNT || !refs ||
         (prot & ~(PROT_READ | PROT_WRITE)) || !(prot & PROT_READ) )
    {
        errno = EINVAL;
        return NULL;
    }
    map = calloc(1, sizeof(*map) + (count - 1) * sizeof(map->refs[0]));
    if ( !map )
        return NULL;
    map->count = count;
    for ( i = 0; i < count; i++ )
    {
        map->refs[i].domid = domids ? domids[i] : domid;
        map->refs[i].ref = refs[i];
    }
    if ( ioctl(xgt->dev.fd, IOCTL_GNTDEV_MAP_GRANT_REF, map) < 0 )
        goto out;
    addr = mmap(NULL, (size_t)count * XENGNTTAB_PAGE_SIZE, prot, MAP_SHARED,
                xgt->dev.fd, map->index);
    if ( addr == MAP_FAILED )
    {
        saved = errno;
        unmap.index = map->index;
        ioctl(xgt->dev.fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap);
        errno = saved;
        addr = NULL;
    }
out:
    saved = errno;
    free(map);
    errno = saved;
    return addr;
}

void *xengnttab_map_grant_ref(xengnttab_handle *xgt, uint32_t domid,
                              grant_ref_t ref, int prot)
{
    return map_refs(xgt, 1, NULL, domid, &ref, prot);
}

void *xengnttab_map_grant_refs(xengnttab_handle *xgt, uint32_t count,
                               const uint32_t *domids, const grant_ref_t *refs,
                               int prot)
{
    if ( !domids )
    {
        errno = EINVAL;
        return NULL;
    }
    return map_refs(xgt, count, domids, 0, refs, prot);
}

void *xengnttab_map_domain_grant_refs(xengnttab_handle *xgt, uint32_t count,
                                      uint32_t domid, const grant_ref_t *refs,
                                      int prot)
{
    return map_refs(xgt, count, NULL, domid, refs, prot);
}

int xengnttab_unmap(xengnttab_handle *xgt, void *start, uint32_t count)
{
    struct ioctl_gntdev_get_offset_for_vaddr where = {
        .vaddr = (uintptr_t)start,
    };
    struct ioctl_gntdev_unmap_grant_ref unmap = { .count = count };

    if ( !start || !count || count > MAX_MAP_COUNT )
    {
        errno = EINVAL;
        return -1;
    }
    /* The offset the mapping was made with, so the grants can go too. */
    if ( ioctl(xgt->dev.fd, IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR, &where) < 0 )
        return -1;
    if ( where.count != count )
    {
        errno = EINVAL;
        return -1;
    }
    if ( munmap(start, (size_t)count * XENGNTTAB_PAGE_SIZE) < 0 )
        return -1;
    unmap.index = where.offset;
    return ioctl(xgt->dev.fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap);
}

int xengnttab_set_max_grants(xengnttab_handle *xgt, uint32_t count)
{
    struct ioctl_gntdev_set_max_grants max = { .count = count };

    if ( ioctl(xgt->dev.fd, IOCTL_GNTDEV_SET_MAX_GRANTS, &max) < 0 &&
         errno != ENOTTY )
        return -1;
    return 0;
}
