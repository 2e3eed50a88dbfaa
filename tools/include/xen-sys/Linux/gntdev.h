/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux's /dev/xen/gntdev (its include/uapi/xen/gntdev.h): another
 * domain's grant references mapped into this process.  MAP_GRANT_REF
 * returns an mmap() offset (index) for the refs; mmap() of that offset
 * maps them.
 */
#ifndef XEN_SYS_LINUX_GNTDEV_H
#define XEN_SYS_LINUX_GNTDEV_H

#include <stdint.h>
#include <sys/ioctl.h>

struct ioctl_gntdev_grant_ref {
    uint32_t domid;
    uint32_t ref;
};

/* count refs follow (the struct is allocated to fit them). */
struct ioctl_gntdev_map_grant_ref {
    uint32_t count; /* IN */
    uint32_t pad;
    uint64_t index; /* OUT: mmap offset */
    struct ioctl_gntdev_grant_ref refs[1];
};

struct ioctl_gntdev_unmap_grant_ref {
    uint64_t index;
    uint32_t count;
    uint32_t pad;
};

/* The offset and page count of the mapping that contains vaddr. */
struct ioctl_gntdev_get_offset_for_vaddr {
    uint64_t vaddr;  /* IN */
    uint64_t offset; /* OUT */
    uint32_t count;  /* OUT */
    uint32_t pad;
};

/* Obsolete: current kernels answer ENOTTY and use a module limit. */
struct ioctl_gntdev_set_max_grants {
    uint32_t count;
};

#define IOCTL_GNTDEV_MAP_GRANT_REF \
    _IOC(_IOC_NONE, 'G', 0, sizeof(struct ioctl_gntdev_map_grant_ref))
#define IOCTL_GNTDEV_UNMAP_GRANT_REF \
    _IOC(_IOC_NONE, 'G', 1, sizeof(struct ioctl_gntdev_unmap_grant_ref))
#define IOCTL_GNTDEV_GET_OFFSET_FOR_VADDR \
    _IOC(_IOC_NONE, 'G', 2, sizeof(struct ioctl_gntdev_get_offset_for_vaddr))
#define IOCTL_GNTDEV_SET_MAX_GRANTS \
    _IOC(_IOC_NONE, 'G', 3, sizeof(struct ioctl_gntdev_set_max_grants))

#endif /* XEN_SYS_LINUX_GNTDEV_H */
