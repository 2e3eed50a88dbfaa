/* SPDX-License-Identifier: MIT */
/*
 * memory_op (12): (cmd, arg).  Growing and shrinking a domain, moving
 * frames around its physical map, and reading memory maps.  Operations
 * that return a count of extents done may stop early (partial success).
 */
#ifndef XEN_PUBLIC_MEMORY_H
#define XEN_PUBLIC_MEMORY_H

#include "xen.h"

/* ------------------------------------------------------------------ */
/* Reservations.  The return value is the number of extents done.      */

/*
 * A memory_op command is an op in the low MEMOP_EXTENT_SHIFT bits; the
 * bits above say from which extent a preempted reservation op resumes.
 */
#define MEMOP_EXTENT_SHIFT 6
#define MEMOP_CMD_MASK     ((1 << MEMOP_EXTENT_SHIFT) - 1)

#define XENMEM_increase_reservation 0   /* OUT: extent_start gets MFNs */
#define XENMEM_decrease_reservation 1   /* IN: extent_start lists GMFNs */
#define XENMEM_populate_physmap     6   /* IN: GPFNs; PV gets MFNs back */

/* mem_flags: address width limit, NUMA node and other options. */
#define XENMEMF_address_bits(x)     (x)
#define XENMEMF_get_address_bits(x) ((x) & 0xffu)
#define XENMEMF_node(x)             (((x) + 1) << 8)
#define XENMEMF_get_node(x)         ((((x) >> 8) - 1) & 0xffu)
#define XENMEMF_populate_on_demand  (1 << 16)
#define XENMEMF_exact_node_request  (1 << 17)
#define XENMEMF_exact_node(n)       (XENMEMF_node(n) | \
                                     XENMEMF_exact_node_request)
#define XENMEMF_vnode               (1 << 18) /* node is virtual */

struct xen_memory_reservation {
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start;  /* IN/OUT */
    xen_ulong_t nr_extents;     /* IN */
    uint32_t extent_order;      /* IN: each extent is 2^order pages */
    uint32_t mem_flags;         /* IN: XENMEMF_* */
    domid_t domid;              /* IN */
    uint16_t _pad0[3];
};
typedef struct xen_memory_reservation xen_memory_reservation_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_reservation_t);

/*
 * Trade the frames listed in `in` for newly allocated ones as described
 * by `out` (e.g. machine-contiguous, below an address limit).  Both
 * must cover the same amount of memory.  nr_exchanged counts input
 * extents done, also on failure.
 */
#define XENMEM_exchange 11
struct xen_memory_exchange {
    struct xen_memory_reservation in;   /* IN */
    struct xen_memory_reservation out;  /* IN/OUT */
    xen_ulong_t nr_exchanged;           /* OUT; IN must be 0 */
};
typedef struct xen_memory_exchange xen_memory_exchange_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_exchange_t);

/* Returns the highest machine frame in use.  arg == NULL. */
#define XENMEM_maximum_ram_page     2
/* Returns pages held / allowed for the domain.  arg: domid_t *. */
#define XENMEM_current_reservation  3
#define XENMEM_maximum_reservation  4
/* Returns the highest GPFN of the domain.  arg: domid_t *. */
#define XENMEM_maximum_gpfn         14

/* Machine frames of the M2P table, 2 MiB each. */
#define XENMEM_machphys_mfn_list        5
#define XENMEM_machphys_compat_mfn_list 25  /* same, 32-bit guests' M2P */
struct xen_machphys_mfn_list {
    uint32_t max_extents;       /* IN: size of extent_start */
    uint32_t _pad0;
    XEN_GUEST_HANDLE(xen_pfn_t) extent_start;  /* OUT */
    uint32_t nr_extents;        /* OUT */
    uint32_t _pad1;
};
typedef struct xen_machphys_mfn_list xen_machphys_mfn_list_t;
DEFINE_XEN_GUEST_HANDLE(xen_machphys_mfn_list_t);

/* Where the read-only M2P table is mapped in every PV guest. */
#define XENMEM_machphys_mapping 12
struct xen_machphys_mapping {
    xen_ulong_t v_start, v_end; /* OUT: VA range */
    xen_ulong_t max_mfn;        /* OUT: highest MFN covered */
};
typedef struct xen_machphys_mapping xen_machphys_mapping_t;
DEFINE_XEN_GUEST_HANDLE(xen_machphys_mapping_t);

/* ------------------------------------------------------------------ */
/* Physical map changes (translated guests).                           */

#define XENMAPSPACE_shared_info  0  /* the shared_info page */
#define XENMAPSPACE_grant_table  1  /* grant frame idx */
#define XENMAPSPACE_gmfn         2  /* move own frame idx */
#define XENMAPSPACE_gmfn_range   3  /* move `size` frames from idx */
#define XENMAPSPACE_gmfn_foreign 4  /* map a frame of another domain */
#define XENMAPSPACE_dev_mmio     5  /* device MMIO (arm, dom0) */

/* idx flag for XENMAPSPACE_grant_table: a v2 status frame. */
#define XENMAPIDX_grant_table_status 0x80000000U

#define XENMEM_add_to_physmap 7
struct xen_add_to_physmap {
    domid_t domid;              /* IN */
    uint16_t size;              /* IN: for gmfn_range */
    uint32_t space;             /* IN: XENMAPSPACE_* */
    xen_ulong_t idx;            /* IN: index in that space */
    xen_pfn_t gpfn;             /* IN: where to map it */
};
typedef struct xen_add_to_physmap xen_add_to_physmap_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_t);

#define XENMEM_add_to_physmap_batch 23
union xen_add_to_physmap_batch_extra {
    domid_t foreign_domid;      /* XENMAPSPACE_gmfn_foreign */
    uint16_t res0;              /* other spaces: zero */
};

struct xen_add_to_physmap_batch {
    domid_t domid;              /* IN */
    uint16_t space;             /* IN: XENMAPSPACE_* */
    uint16_t size;              /* IN: number of entries */
    union xen_add_to_physmap_batch_extra u;    /* IN */
    XEN_GUEST_HANDLE(xen_ulong_t) idxs;        /* IN */
    XEN_GUEST_HANDLE(xen_pfn_t) gpfns;         /* IN */
    XEN_GUEST_HANDLE(int) errs;                /* OUT: per entry */
};
typedef struct xen_add_to_physmap_batch xen_add_to_physmap_batch_t;
DEFINE_XEN_GUEST_HANDLE(xen_add_to_physmap_batch_t);

#define XENMEM_remove_from_physmap 15
struct xen_remove_from_physmap {
    domid_t domid;              /* IN */
    uint16_t _pad0[3];
    xen_pfn_t gpfn;             /* IN */
};
typedef struct xen_remove_from_physmap xen_remove_from_physmap_t;
DEFINE_XEN_GUEST_HANDLE(xen_remove_from_physmap_t);

/* 8 was XENMEM_translate_gpfn_list, now gone. */

/* ------------------------------------------------------------------ */
/* Memory maps: arrays of e820-style entries {u64 addr, u64 size,      */
/* u32 type}, packed to 20 bytes.                                      */

#define XENMEM_memory_map         9  /* the caller's pseudo-physical map */
#define XENMEM_machine_memory_map 10 /* the host map (privileged) */
struct xen_memory_map {
    uint32_t nr_entries;        /* IN: room in buffer; OUT: entries */
    uint32_t _pad0;
    XEN_GUEST_HANDLE(void) buffer;             /* OUT */
};
typedef struct xen_memory_map xen_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_memory_map_t);

/* Set the map XENMEM_memory_map returns to another domain (tools). */
#define XENMEM_set_memory_map 13
struct xen_foreign_memory_map {
    domid_t domid;              /* IN */
    uint16_t _pad0[3];
    struct xen_memory_map map;  /* IN */
};
typedef struct xen_foreign_memory_map xen_foreign_memory_map_t;
DEFINE_XEN_GUEST_HANDLE(xen_foreign_memory_map_t);

/* ------------------------------------------------------------------ */
/* Populate-on-demand (HVM), sharing, paging, access: tools only.      */

#define XENMEM_set_pod_target 16
#define XENMEM_get_pod_target 17
struct xen_pod_target {
    uint64_t target_pages;      /* IN */
    uint64_t tot_pages;         /* OUT */
    uint64_t pod_cache_pages;   /* OUT */
    uint64_t pod_entries;       /* OUT */
    domid_t domid;              /* IN */
    uint16_t _pad0[3];
};
typedef struct xen_pod_target xen_pod_target_t;

#define XENMEM_get_sharing_freed_pages  18
#define XENMEM_get_sharing_shared_pages 19
#define XENMEM_paging_op                20
#define XENMEM_access_op                21
#define XENMEM_sharing_op               22

/* Reserve pages for a later domain build (xen_memory_reservation). */
#define XENMEM_claim_pages              24

/* ------------------------------------------------------------------ */
/* Virtual NUMA layout of a domain.                                    */

#define XENMEM_get_vnumainfo 26

struct xen_vmemrange {
    uint64_t start, end;
    uint32_t flags;
    uint32_t nid;
};
typedef struct xen_vmemrange xen_vmemrange_t;
DEFINE_XEN_GUEST_HANDLE(xen_vmemrange_t);

union xen_vnuma_uint_handle {
    XEN_GUEST_HANDLE(uint) h;
    uint64_t pad;
};

union xen_vnuma_vmemrange_handle {
    XEN_GUEST_HANDLE(xen_vmemrange_t) h;
    uint64_t pad;
};

struct xen_vnuma_topology_info {
    domid_t domid;              /* IN */
    uint16_t pad;
    uint32_t nr_vnodes;         /* IN: room; OUT: count */
    uint32_t nr_vcpus;          /* IN: room; OUT: count */
    uint32_t nr_vmemranges;     /* IN: room; OUT: count */
    union xen_vnuma_uint_handle vdistance;          /* OUT */
    union xen_vnuma_uint_handle vcpu_to_vnode;      /* OUT */
    union xen_vnuma_vmemrange_handle vmemrange;     /* OUT */
};
typedef struct xen_vnuma_topology_info xen_vnuma_topology_info_t;
DEFINE_XEN_GUEST_HANDLE(xen_vnuma_topology_info_t);

/* 27 is XENMEM_reserved_device_memory_map (IOMMU RMRRs): not provided. */
#define XENMEM_reserved_device_memory_map 27

/* ------------------------------------------------------------------ */
/* Map frames of a resource owned by a domain (privcmd MMAP_RESOURCE). */

#define XENMEM_acquire_resource 28
struct xen_mem_acquire_resource {
    domid_t domid;              /* IN */
#define XENMEM_resource_ioreq_server 0
#define XENMEM_resource_grant_table  1
#define XENMEM_resource_vmtrace_buf  2
    uint16_t type;              /* IN: XENMEM_resource_* */
    /*
     * IN: which instance.  For grant tables: shared or status frames;
     * for ioreq servers: the server id.
     */
#define XENMEM_resource_grant_table_id_shared 0
#define XENMEM_resource_grant_table_id_status 1
    uint32_t id;
    /* IN: frames wanted; OUT: frames given (0 IN: query the size). */
    uint32_t nr_frames;
    uint32_t pad;               /* IN: zero */
    uint64_t frame;             /* IN: first frame within the resource */
#define XENMEM_resource_ioreq_server_frame_bufioreq 0
#define XENMEM_resource_ioreq_server_frame_ioreq(n) (1 + (n))
    XEN_GUEST_HANDLE(xen_pfn_t) frame_list;    /* IN/OUT */
};
typedef struct xen_mem_acquire_resource xen_mem_acquire_resource_t;
DEFINE_XEN_GUEST_HANDLE(xen_mem_acquire_resource_t);

#endif /* XEN_PUBLIC_MEMORY_H */
