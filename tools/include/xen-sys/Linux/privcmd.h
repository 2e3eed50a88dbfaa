/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The mapping ioctls of Linux's /dev/xen/privcmd (its
 * include/uapi/xen/privcmd.h): another domain's frames or resources
 * mapped into a range first reserved with mmap() of the device.
 */
#ifndef XEN_SYS_LINUX_PRIVCMD_H
#define XEN_SYS_LINUX_PRIVCMD_H

#include <stdint.h>
#include <sys/ioctl.h>

/*
 * Maps num frames of dom at addr: arr holds the frame numbers (MFNs of
 * a PV domain, GFNs otherwise), err gets one -errno (or 0) per frame.
 * The ioctl fails with ENOENT only when a frame is paged out.
 */
struct privcmd_mmapbatch_v2 {
    uint32_t num;
    uint16_t dom;
    uint64_t addr;
    const uint64_t *arr;
    int *err;
};

/* num frames of resource (type, id) from frame idx, mapped at addr. */
struct privcmd_mmap_resource {
    uint16_t dom;
    uint32_t type;
    uint32_t id;
    uint32_t idx;
    uint64_t num;
    uint64_t addr;
};

#define IOCTL_PRIVCMD_MMAPBATCH_V2 \
    _IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2))
#define IOCTL_PRIVCMD_MMAP_RESOURCE \
    _IOC(_IOC_NONE, 'P', 7, sizeof(struct privcmd_mmap_resource))

#endif /* XEN_SYS_LINUX_PRIVCMD_H */
