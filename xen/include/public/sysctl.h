/* SPDX-License-Identifier: MIT */
/*
 * sysctl (35): host-wide management for the toolstack (privileged).
 * One struct xen_sysctl holds the command, the interface version and
 * the argument.  Layouts are those of Xen 4.17 (interface version 0x15).
 */
#ifndef XEN_PUBLIC_SYSCTL_H
#define XEN_PUBLIC_SYSCTL_H

#include "xen.h"
#include "domctl.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x00000015

/* XEN_SYSCTL_readconsole: copy out the hypervisor's log ring. */
struct xen_sysctl_readconsole {
    uint8_t clear;                  /* IN: empty the ring afterwards */
    uint8_t incremental;            /* IN: start at index */
    uint8_t pad0, pad1;
    uint32_t index;                 /* IN/OUT: position in the ring */
    XEN_GUEST_HANDLE_64(char) buffer;  /* IN */
    uint32_t count;                 /* IN: room; OUT: bytes written */
    uint32_t _pad0;
};

/* XEN_SYSCTL_physinfo */
#define _XEN_SYSCTL_PHYSCAP_hvm 0
#define XEN_SYSCTL_PHYSCAP_hvm \
    (1u << _XEN_SYSCTL_PHYSCAP_hvm)
#define _XEN_SYSCTL_PHYSCAP_pv 1
#define XEN_SYSCTL_PHYSCAP_pv \
    (1u << _XEN_SYSCTL_PHYSCAP_pv)
#define _XEN_SYSCTL_PHYSCAP_directio 2
#define XEN_SYSCTL_PHYSCAP_directio \
    (1u << _XEN_SYSCTL_PHYSCAP_directio)
#define _XEN_SYSCTL_PHYSCAP_hap 3
#define XEN_SYSCTL_PHYSCAP_hap \
    (1u << _XEN_SYSCTL_PHYSCAP_hap)
#define _XEN_SYSCTL_PHYSCAP_shadow 4
#define XEN_SYSCTL_PHYSCAP_shadow \
    (1u << _XEN_SYSCTL_PHYSCAP_shadow)
#define _XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share 5
#define XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share \
    (1u << _XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share)
#define _XEN_SYSCTL_PHYSCAP_vmtrace 6
#define XEN_SYSCTL_PHYSCAP_vmtrace \
    (1u << _XEN_SYSCTL_PHYSCAP_vmtrace)
#define _XEN_SYSCTL_PHYSCAP_vpmu 7
#define XEN_SYSCTL_PHYSCAP_vpmu \
    (1u << _XEN_SYSCTL_PHYSCAP_vpmu)
#define _XEN_SYSCTL_PHYSCAP_gnttab_v1 8
#define XEN_SYSCTL_PHYSCAP_gnttab_v1 \
    (1u << _XEN_SYSCTL_PHYSCAP_gnttab_v1)
#define _XEN_SYSCTL_PHYSCAP_gnttab_v2 9
#define XEN_SYSCTL_PHYSCAP_gnttab_v2 \
    (1u << _XEN_SYSCTL_PHYSCAP_gnttab_v2)
#define XEN_SYSCTL_PHYSCAP_MAX                 XEN_SYSCTL_PHYSCAP_gnttab_v2

/* x86 bits of arch_capabilities. */
#define XEN_SYSCTL_PHYSCAP_X86_ASSISTED_XAPIC  (1u << 0)
#define XEN_SYSCTL_PHYSCAP_X86_ASSISTED_X2APIC (1u << 1)

struct xen_sysctl_physinfo {
    uint32_t threads_per_core;      /* OUT */
    uint32_t cores_per_socket;      /* OUT */
    uint32_t nr_cpus;               /* OUT: online */
    uint32_t max_cpu_id;            /* OUT: highest possible */
    uint32_t nr_nodes;              /* OUT: online */
    uint32_t max_node_id;           /* OUT: highest possible */
    uint32_t cpu_khz;               /* OUT */
    uint32_t capabilities;          /* OUT: XEN_SYSCTL_PHYSCAP_* */
    uint32_t arch_capabilities;     /* OUT: XEN_SYSCTL_PHYSCAP_<arch>_* */
    uint32_t pad;
    uint64_aligned_t total_pages;   /* OUT */
    uint64_aligned_t free_pages;    /* OUT */
    uint64_aligned_t scrub_pages;   /* OUT */
    uint64_aligned_t outstanding_pages; /* OUT */
    uint64_aligned_t max_mfn;       /* OUT: highest possible MFN */
    uint32_t hw_cap[8];             /* OUT: CPUID feature words */
};
typedef struct xen_sysctl_physinfo xen_sysctl_physinfo_t;

/* XEN_SYSCTL_sched_id: the default scheduler (XEN_SCHEDULER_*). */
struct xen_sysctl_sched_id {
    uint32_t sched_id;              /* OUT */
};

/* XEN_SYSCTL_getdomaininfolist: domains with id >= first_domain. */
struct xen_sysctl_getdomaininfolist {
    domid_t first_domain;           /* IN */
    uint16_t _pad0;
    uint32_t max_domains;           /* IN: room in buffer */
    XEN_GUEST_HANDLE_64(xen_domctl_getdomaininfo_t) buffer;  /* OUT */
    uint32_t num_domains;           /* OUT */
    uint32_t _pad1;
};

/* XEN_SYSCTL_debug_keys: act as if keys were typed on the console. */
struct xen_sysctl_debug_keys {
    XEN_GUEST_HANDLE_64(char) keys; /* IN */
    uint32_t nr_keys;               /* IN */
    uint32_t _pad0;
};

/* XEN_SYSCTL_getcpuinfo: idle time of each pCPU. */
struct xen_sysctl_cpuinfo {
    uint64_aligned_t idletime;      /* ns */
};
typedef struct xen_sysctl_cpuinfo xen_sysctl_cpuinfo_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_cpuinfo_t);

struct xen_sysctl_getcpuinfo {
    uint32_t max_cpus;              /* IN: room in info */
    uint32_t _pad0;
    XEN_GUEST_HANDLE_64(xen_sysctl_cpuinfo_t) info;    /* OUT */
    uint32_t nr_cpus;               /* OUT */
    uint32_t _pad1;
};

/* XEN_SYSCTL_availheap: free memory in an address-width/node range. */
struct xen_sysctl_availheap {
    uint32_t min_bitwidth;          /* IN: 0 = no limit */
    uint32_t max_bitwidth;          /* IN: 0 = no limit */
    int32_t node;                   /* IN: -1 = all */
    uint32_t _pad0;
    uint64_aligned_t avail_bytes;   /* OUT */
};

/* XEN_SYSCTL_cputopoinfo */
#define XEN_INVALID_CORE_ID   (~0U)
#define XEN_INVALID_SOCKET_ID (~0U)
#define XEN_INVALID_NODE_ID   (~0U)
struct xen_sysctl_cputopo {
    uint32_t core;
    uint32_t socket;
    uint32_t node;
};
typedef struct xen_sysctl_cputopo xen_sysctl_cputopo_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_cputopo_t);

struct xen_sysctl_cputopoinfo {
    uint32_t num_cpus;              /* IN: room; OUT: highest cpu + 1 */
    uint32_t _pad0;
    XEN_GUEST_HANDLE_64(xen_sysctl_cputopo_t) cputopo; /* OUT; NULL: query */
};

/* XEN_SYSCTL_numainfo */
#define XEN_INVALID_MEM_SZ    (~0ULL)
#define XEN_INVALID_NODE_DIST (~0U)
struct xen_sysctl_meminfo {
    uint64_t memsize;
    uint64_t memfree;
};
typedef struct xen_sysctl_meminfo xen_sysctl_meminfo_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_meminfo_t);

struct xen_sysctl_numainfo {
    uint32_t num_nodes;             /* IN: room; OUT: highest node + 1 */
    uint32_t _pad0;
    XEN_GUEST_HANDLE_64(xen_sysctl_meminfo_t) meminfo; /* OUT */
    XEN_GUEST_HANDLE_64(uint32) distance;  /* OUT: num_nodes^2 */
};

/* XEN_SYSCTL_cpupool_op */
#define XEN_SYSCTL_CPUPOOL_OP_CREATE     1
#define XEN_SYSCTL_CPUPOOL_OP_DESTROY    2
#define XEN_SYSCTL_CPUPOOL_OP_INFO       3
#define XEN_SYSCTL_CPUPOOL_OP_ADDCPU     4
#define XEN_SYSCTL_CPUPOOL_OP_RMCPU      5
#define XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN 6
#define XEN_SYSCTL_CPUPOOL_OP_FREEINFO   7  /* OUT: cpumap of free CPUs */
#define XEN_SYSCTL_CPUPOOL_PAR_ANY       0xFFFFFFFF
struct xen_sysctl_cpupool_op {
    uint32_t op;                    /* IN: XEN_SYSCTL_CPUPOOL_OP_* */
    uint32_t cpupool_id;            /* IN/OUT */
    uint32_t sched_id;              /* IN (create) / OUT (info) */
    uint32_t domid;                 /* IN (movedomain) */
    uint32_t cpu;                   /* IN (addcpu/rmcpu) */
    uint32_t n_dom;                 /* OUT (info) */
    struct xenctl_bitmap cpumap;    /* OUT (info) */
};

/* XEN_SYSCTL_scheduler_op: per-cpupool scheduler parameters. */
struct xen_sysctl_credit_schedule {
    uint32_t tslice_ms;
    uint32_t ratelimit_us;
    uint32_t vcpu_migr_delay_us;
};

struct xen_sysctl_credit2_schedule {
    uint32_t ratelimit_us;
};

struct xen_sysctl_arinc653_handle {
    XEN_GUEST_HANDLE_64(void) schedule;
};

union xen_sysctl_scheduler_op_u {
    struct xen_sysctl_arinc653_handle sched_arinc653;
    struct xen_sysctl_credit_schedule sched_credit;
    struct xen_sysctl_credit2_schedule sched_credit2;
};

struct xen_sysctl_scheduler_op {
    uint32_t cpupool_id;            /* IN */
    uint32_t sched_id;              /* IN: XEN_SCHEDULER_* */
    uint32_t cmd;                   /* IN: XEN_SYSCTL_SCHEDOP_* */
    uint32_t _pad0;
    union xen_sysctl_scheduler_op_u u;     /* IN/OUT */
};
#define XEN_SYSCTL_SCHEDOP_putinfo 0
#define XEN_SYSCTL_SCHEDOP_getinfo 1

/* ------------------------------------------------------------------ */

struct xen_sysctl {
    uint32_t cmd;
#define XEN_SYSCTL_readconsole                    1
#define XEN_SYSCTL_tbuf_op                        2
#define XEN_SYSCTL_physinfo                       3
#define XEN_SYSCTL_sched_id                       4
#define XEN_SYSCTL_perfc_op                       5
#define XEN_SYSCTL_getdomaininfolist              6
#define XEN_SYSCTL_debug_keys                     7
#define XEN_SYSCTL_getcpuinfo                     8
#define XEN_SYSCTL_availheap                      9
#define XEN_SYSCTL_get_pmstat                    10
#define XEN_SYSCTL_cpu_hotplug                   11
#define XEN_SYSCTL_pm_op                         12
#define XEN_SYSCTL_page_offline_op               14
#define XEN_SYSCTL_lockprof_op                   15
#define XEN_SYSCTL_cputopoinfo                   16
#define XEN_SYSCTL_numainfo                      17
#define XEN_SYSCTL_cpupool_op                    18
#define XEN_SYSCTL_scheduler_op                  19
#define XEN_SYSCTL_coverage_op                   20
#define XEN_SYSCTL_psr_cmt_op                    21
#define XEN_SYSCTL_pcitopoinfo                   22
#define XEN_SYSCTL_psr_alloc                     23
/* 24 retired */
#define XEN_SYSCTL_get_cpu_levelling_caps        25
#define XEN_SYSCTL_get_cpu_featureset            26
#define XEN_SYSCTL_livepatch_op                  27
/* 28 retired */
#define XEN_SYSCTL_get_cpu_policy                29
    uint32_t interface_version;     /* XEN_SYSCTL_INTERFACE_VERSION */
    union xen_sysctl_u {
        struct xen_sysctl_readconsole readconsole;
        struct xen_sysctl_physinfo physinfo;
        struct xen_sysctl_sched_id sched_id;
        struct xen_sysctl_getdomaininfolist getdomaininfolist;
        struct xen_sysctl_debug_keys debug_keys;
        struct xen_sysctl_getcpuinfo getcpuinfo;
        struct xen_sysctl_availheap availheap;
        struct xen_sysctl_cputopoinfo cputopoinfo;
        struct xen_sysctl_numainfo numainfo;
        struct xen_sysctl_cpupool_op cpupool_op;
        struct xen_sysctl_scheduler_op scheduler_op;
        uint8_t pad[128];
    } u;
};
typedef struct xen_sysctl xen_sysctl_t;
DEFINE_XEN_GUEST_HANDLE(xen_sysctl_t);

#endif /* XEN_PUBLIC_SYSCTL_H */
