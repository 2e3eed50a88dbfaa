/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenforeignmemory: another domain's memory mapped into dom0 user
 * space through Linux's /dev/xen/privcmd, shaped like Xen's library of
 * that name (no logger argument).  Pages are 4 KiB.  Calls that fail
 * return -1 (or NULL) with errno set.
 */
#ifndef XENFOREIGNMEMORY_H
#define XENFOREIGNMEMORY_H

#include <stddef.h>
#include <stdint.h>

#define XENFOREIGNMEMORY_DEVICE    "/dev/xen/privcmd"
#define XENFOREIGNMEMORY_PAGE_SIZE 4096

typedef uint64_t xenforeignmemory_pfn_t;
typedef struct xenforeignmemory_handle xenforeignmemory_handle;
typedef struct xenforeignmemory_resource_handle
    xenforeignmemory_resource_handle;

/* XENFOREIGNMEMORY_DEVICE in the environment names another path. */
xenforeignmemory_handle *xenforeignmemory_open(void);
int xenforeignmemory_close(xenforeignmemory_handle *fmem);

/*
 * Maps pages frames of dom (MFNs of a PV domain, GFNs otherwise) in one
 * range, with prot PROT_READ [| PROT_WRITE].  With err, err[i] is 0 or
 * the -errno frame i failed with, and the range is returned even when
 * some failed (those pages fault).  Without err, any failed frame
 * fails the call with that frame's errno.
 */
void *xenforeignmemory_map(xenforeignmemory_handle *fmem, uint32_t dom,
                           int prot, size_t pages,
                           const xenforeignmemory_pfn_t arr[], int err[]);
int xenforeignmemory_unmap(xenforeignmemory_handle *fmem, void *addr,
                           size_t pages);

/*
 * nr_frames frames from frame of dom's resource (type XENMEM_resource_*,
 * id), mapped where the library chooses: *paddr must be NULL on entry
 * and receives the address.
 */
xenforeignmemory_resource_handle *
xenforeignmemory_map_resource(xenforeignmemory_handle *fmem, uint32_t dom,
                              unsigned int type, unsigned int id,
                              unsigned long frame, unsigned long nr_frames,
                              void **paddr, int prot);
int xenforeignmemory_unmap_resource(xenforeignmemory_handle *fmem,
                                    xenforeignmemory_resource_handle *fres);

#endif /* XENFOREIGNMEMORY_H */
