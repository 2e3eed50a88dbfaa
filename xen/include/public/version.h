/* SPDX-License-Identifier: MIT */
/*
 * xen_version (17): (cmd, arg).  Version strings, build information and
 * the feature bitmap.
 */
#ifndef XEN_PUBLIC_VERSION_H
#define XEN_PUBLIC_VERSION_H

#include "xen.h"

/* Returns (major << 16) | minor.  arg == NULL. */
#define XENVER_version      0

/* Suffix after the minor version, e.g. ".0". */
#define XENVER_extraversion 1
typedef char xen_extraversion_t[16];
#define XEN_EXTRAVERSION_LEN (sizeof(xen_extraversion_t))

#define XENVER_compile_info 2
struct xen_compile_info {
    char compiler[64];
    char compile_by[16];
    char compile_domain[32];
    char compile_date[32];
};
typedef struct xen_compile_info xen_compile_info_t;

/* Space-separated guest types, e.g. "xen-3.0-x86_64 hvm-3.0-x86_64". */
#define XENVER_capabilities 3
typedef char xen_capabilities_info_t[1024];
#define XEN_CAPABILITIES_INFO_LEN (sizeof(xen_capabilities_info_t))

/* Source revision. */
#define XENVER_changeset 4
typedef char xen_changeset_info_t[64];
#define XEN_CHANGESET_INFO_LEN (sizeof(xen_changeset_info_t))

/* Lowest hypervisor VA (HYPERVISOR_VIRT_START for 64-bit PV). */
#define XENVER_platform_parameters 5
struct xen_platform_parameters {
    xen_ulong_t virt_start;     /* OUT */
};
typedef struct xen_platform_parameters xen_platform_parameters_t;

/* One 32-bit word of XENFEAT_* bits. */
#define XENVER_get_features 6
struct xen_feature_info {
    uint32_t submap_idx;        /* IN: which word (0) */
    uint32_t submap;            /* OUT */
};
typedef struct xen_feature_info xen_feature_info_t;

/* Returns the page size in bytes.  arg == NULL. */
#define XENVER_pagesize 7

/* The domain's handle (UUID), 16 bytes. */
#define XENVER_guest_handle 8

/* The hypervisor command line. */
#define XENVER_commandline 9
typedef char xen_commandline_t[1024];

/*
 * The build id note of the hypervisor binary.  len is IN as the size
 * of buf and the return value is the bytes written.
 */
#define XENVER_build_id 10
struct xen_build_id {
    uint32_t len;               /* IN: size of buf */
    unsigned char buf[XEN_FLEX_ARRAY_DIM]; /* OUT */
};
typedef struct xen_build_id xen_build_id_t;

#endif /* XEN_PUBLIC_VERSION_H */
