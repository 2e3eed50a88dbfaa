/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux's /dev/xen/gntalloc (its include/uapi/xen/gntalloc.h): pages of
 * this process granted to another domain.  ALLOC_GREF returns an mmap()
 * offset (index) and one grant reference per page.
 */
#ifndef XEN_SYS_LINUX_GNTALLOC_H
#define XEN_SYS_LINUX_GNTALLOC_H

#include <stdint.h>
#include <sys/ioctl.h>

#define GNTALLOC_FLAG_WRITABLE 1

/* count gref_ids follow (the struct is allocated to fit them). */
struct ioctl_gntalloc_alloc_gref {
    uint16_t domid;       /* IN: the domain the pages are granted to */
    uint16_t flags;       /* IN: GNTALLOC_FLAG_* */
    uint32_t count;       /* IN */
    uint64_t index;       /* OUT: mmap offset */
    uint32_t gref_ids[1]; /* OUT */
};

/* The grants end once they are also unmapped (at munmap, if mapped). */
struct ioctl_gntalloc_dealloc_gref {
    uint64_t index;
    uint32_t count;
};

#define IOCTL_GNTALLOC_ALLOC_GREF \
    _IOC(_IOC_NONE, 'G', 5, sizeof(struct ioctl_gntalloc_alloc_gref))
#define IOCTL_GNTALLOC_DEALLOC_GREF \
    _IOC(_IOC_NONE, 'G', 6, sizeof(struct ioctl_gntalloc_dealloc_gref))

#endif /* XEN_SYS_LINUX_GNTALLOC_H */
