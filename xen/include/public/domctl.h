/* SPDX-License-Identifier: MIT */
/*
 * domctl (36): domain management for the toolstack (privileged; reached
 * from dom0 user space through privcmd).  One struct xen_domctl holds
 * the command, the interface version, the target domain and the
 * argument.  Layouts are those of Xen 4.17 (interface version 0x15);
 * callers with another version get -EACCES.
 */
#ifndef XEN_PUBLIC_DOMCTL_H
#define XEN_PUBLIC_DOMCTL_H

#include "xen.h"
#include "event_channel.h"
#include "grant_table.h"
#include "memory.h"

#define XEN_DOMCTL_INTERFACE_VERSION 0x00000015

/* ------------------------------------------------------------------ */
/* XEN_DOMCTL_createdomain: xen_domctl.domain is IN (0 = pick one) and */
/* OUT (the new id).                                                   */

#define _XEN_DOMCTL_CDF_hvm          0  /* HVM/PVH, not PV */
#define XEN_DOMCTL_CDF_hvm           (1U << _XEN_DOMCTL_CDF_hvm)
#define _XEN_DOMCTL_CDF_hap          1  /* use nested paging */
#define XEN_DOMCTL_CDF_hap           (1U << _XEN_DOMCTL_CDF_hap)
#define _XEN_DOMCTL_CDF_s3_integrity 2  /* tboot memory integrity */
#define XEN_DOMCTL_CDF_s3_integrity  (1U << _XEN_DOMCTL_CDF_s3_integrity)
#define _XEN_DOMCTL_CDF_oos_off      3  /* no out-of-sync shadows */
#define XEN_DOMCTL_CDF_oos_off       (1U << _XEN_DOMCTL_CDF_oos_off)
#define _XEN_DOMCTL_CDF_xs_domain    4  /* runs xenstored */
#define XEN_DOMCTL_CDF_xs_domain     (1U << _XEN_DOMCTL_CDF_xs_domain)
#define _XEN_DOMCTL_CDF_iommu        5  /* give it an IOMMU context */
#define XEN_DOMCTL_CDF_iommu         (1U << _XEN_DOMCTL_CDF_iommu)
#define _XEN_DOMCTL_CDF_nested_virt  6  /* nested virtualisation */
#define XEN_DOMCTL_CDF_nested_virt   (1U << _XEN_DOMCTL_CDF_nested_virt)
#define _XEN_DOMCTL_CDF_vpmu         7  /* expose a virtual PMU */
#define XEN_DOMCTL_CDF_vpmu          (1U << _XEN_DOMCTL_CDF_vpmu)
#define XEN_DOMCTL_CDF_MAX           XEN_DOMCTL_CDF_vpmu

#define _XEN_DOMCTL_IOMMU_no_sharept 0
#define XEN_DOMCTL_IOMMU_no_sharept  (1U << _XEN_DOMCTL_IOMMU_no_sharept)
#define XEN_DOMCTL_IOMMU_MAX         XEN_DOMCTL_IOMMU_no_sharept

#define XEN_DOMCTL_GRANT_version_mask 0xf
#define XEN_DOMCTL_GRANT_version(v)   ((v) & XEN_DOMCTL_GRANT_version_mask)

struct xen_domctl_createdomain {
    uint32_t ssidref;               /* IN: XSM label */
    xen_domain_handle_t handle;     /* IN: UUID */
    uint32_t flags;                 /* IN: XEN_DOMCTL_CDF_* */
    uint32_t iommu_opts;            /* IN: XEN_DOMCTL_IOMMU_* */
    uint32_t max_vcpus;             /* IN */
    uint32_t max_evtchn_port;       /* IN */
    int32_t max_grant_frames;       /* IN: -1 = default */
    int32_t max_maptrack_frames;    /* IN: -1 = default */
    uint32_t grant_opts;            /* IN: highest grant version, ... */
    uint32_t vmtrace_size;          /* IN: per-vCPU bytes, 0 = off */
    uint32_t cpupool_id;            /* IN */
    struct xen_arch_domainconfig arch;  /* IN */
};
typedef struct xen_domctl_createdomain xen_domctl_createdomain_t;

/* ------------------------------------------------------------------ */
/* XEN_DOMCTL_getdomaininfo; also the element of sysctl                */
/* getdomaininfolist.                                                  */

#define _XEN_DOMINF_dying     0   /* being destroyed */
#define XEN_DOMINF_dying      (1U << _XEN_DOMINF_dying)
#define _XEN_DOMINF_hvm_guest 1   /* HVM/PVH */
#define XEN_DOMINF_hvm_guest  (1U << _XEN_DOMINF_hvm_guest)
#define _XEN_DOMINF_shutdown  2   /* guest shut down (see shutdown code) */
#define XEN_DOMINF_shutdown   (1U << _XEN_DOMINF_shutdown)
#define _XEN_DOMINF_paused    3   /* paused by the toolstack */
#define XEN_DOMINF_paused     (1U << _XEN_DOMINF_paused)
#define _XEN_DOMINF_blocked   4   /* all vCPUs blocked */
#define XEN_DOMINF_blocked    (1U << _XEN_DOMINF_blocked)
#define _XEN_DOMINF_running   5   /* some vCPU running */
#define XEN_DOMINF_running    (1U << _XEN_DOMINF_running)
#define _XEN_DOMINF_debugged  6   /* under a debugger */
#define XEN_DOMINF_debugged   (1U << _XEN_DOMINF_debugged)
#define _XEN_DOMINF_xs_domain 7   /* runs xenstored */
#define XEN_DOMINF_xs_domain  (1U << _XEN_DOMINF_xs_domain)
#define _XEN_DOMINF_hap       8   /* uses nested paging */
#define XEN_DOMINF_hap        (1U << _XEN_DOMINF_hap)
/* SHUTDOWN_* code in bits 16-23 when XEN_DOMINF_shutdown is set. */
#define XEN_DOMINF_shutdownmask  255
#define XEN_DOMINF_shutdownshift 16

#define XEN_INVALID_MAX_VCPU_ID (~0U)   /* the domain has no vCPUs */

struct xen_domctl_getdomaininfo {
    domid_t domain;                 /* OUT: also in xen_domctl.domain */
    uint16_t _pad0;
    uint32_t flags;                 /* OUT: XEN_DOMINF_* */
    uint64_aligned_t tot_pages;     /* OUT */
    uint64_aligned_t max_pages;     /* OUT */
    uint64_aligned_t outstanding_pages; /* OUT: claimed, not allocated */
    uint64_aligned_t shr_pages;     /* OUT */
    uint64_aligned_t paged_pages;   /* OUT */
    uint64_aligned_t shared_info_frame; /* OUT: GMFN */
    uint64_aligned_t cpu_time;      /* OUT: ns */
    uint32_t nr_online_vcpus;       /* OUT */
    uint32_t max_vcpu_id;           /* OUT */
    uint32_t ssidref;               /* OUT */
    xen_domain_handle_t handle;     /* OUT */
    uint32_t cpupool;               /* OUT */
    uint8_t gpaddr_bits;            /* OUT: guest physical address bits */
    uint8_t pad2[7];                /* arch_config 8-aligned everywhere */
    struct xen_arch_domainconfig arch_config;  /* OUT */
};
typedef struct xen_domctl_getdomaininfo xen_domctl_getdomaininfo_t;
DEFINE_XEN_GUEST_HANDLE(xen_domctl_getdomaininfo_t);

/* ------------------------------------------------------------------ */
/* XEN_DOMCTL_getpageframeinfo3: type of each frame in array.  Each    */
/* entry is replaced by the frame number or'ed with a type below.      */

#define XEN_DOMCTL_PFINFO_LTAB_SHIFT    28
#define XEN_DOMCTL_PFINFO_NOTAB         (0x0U << 28)
#define XEN_DOMCTL_PFINFO_L1TAB         (0x1U << 28)
#define XEN_DOMCTL_PFINFO_L2TAB         (0x2U << 28)
#define XEN_DOMCTL_PFINFO_L3TAB         (0x3U << 28)
#define XEN_DOMCTL_PFINFO_L4TAB         (0x4U << 28)
#define XEN_DOMCTL_PFINFO_LTABTYPE_MASK (0x7U << 28)
#define XEN_DOMCTL_PFINFO_LPINTAB       (0x1U << 31)  /* pinned */
#define XEN_DOMCTL_PFINFO_XTAB          (0xfU << 28)  /* invalid */
#define XEN_DOMCTL_PFINFO_XALLOC        (0xeU << 28)  /* allocate only */
#define XEN_DOMCTL_PFINFO_BROKEN        (0xdU << 28)  /* broken page */
#define XEN_DOMCTL_PFINFO_LTAB_MASK     (0xfU << 28)

struct xen_domctl_getpageframeinfo3 {
    uint64_aligned_t num;                      /* IN */
    XEN_GUEST_HANDLE_64(xen_pfn_t) array;      /* IN/OUT */
};

/* XEN_DOMCTL_max_mem */
struct xen_domctl_max_mem {
    uint64_aligned_t max_memkb;     /* IN */
};

/* XEN_DOMCTL_setvcpucontext / XEN_DOMCTL_getvcpucontext */
struct xen_domctl_vcpucontext {
    uint32_t vcpu;                  /* IN */
    uint32_t _pad0;
    XEN_GUEST_HANDLE_64(vcpu_guest_context_t) ctxt;    /* IN/OUT */
};

/* XEN_DOMCTL_getvcpuinfo */
struct xen_domctl_getvcpuinfo {
    uint32_t vcpu;                  /* IN */
    uint8_t online;                 /* OUT */
    uint8_t blocked;                /* OUT */
    uint8_t running;                /* OUT */
    uint8_t _pad0;
    uint64_aligned_t cpu_time;      /* OUT: ns */
    uint32_t cpu;                   /* OUT: pCPU */
    uint32_t _pad1;
};

/* XEN_DOMCTL_setnodeaffinity / XEN_DOMCTL_getnodeaffinity */
struct xen_domctl_nodeaffinity {
    struct xenctl_bitmap nodemap;   /* IN (set) / OUT (get) */
};

/* XEN_DOMCTL_setvcpuaffinity / XEN_DOMCTL_getvcpuaffinity */
#define _XEN_VCPUAFFINITY_HARD  0
#define XEN_VCPUAFFINITY_HARD   (1U << _XEN_VCPUAFFINITY_HARD)
#define _XEN_VCPUAFFINITY_SOFT  1
#define XEN_VCPUAFFINITY_SOFT   (1U << _XEN_VCPUAFFINITY_SOFT)
#define _XEN_VCPUAFFINITY_FORCE 2   /* also end SCHEDOP_pin_override */
#define XEN_VCPUAFFINITY_FORCE  (1U << _XEN_VCPUAFFINITY_FORCE)
struct xen_domctl_vcpuaffinity {
    uint32_t vcpu;                  /* IN */
    uint32_t flags;                 /* IN: XEN_VCPUAFFINITY_* */
    struct xenctl_bitmap cpumap_hard;  /* IN/OUT */
    struct xenctl_bitmap cpumap_soft;  /* IN/OUT */
};

/*
 * XEN_DOMCTL_max_vcpus (15): retired in Xen 4.12 (the count is given to
 * createdomain).  Kept for old callers; 4.17 tools never send it.
 */
struct xen_domctl_max_vcpus {
    uint32_t max;                   /* IN */
};

/* XEN_DOMCTL_scheduler_op */
#define XEN_SCHEDULER_CREDIT   5
#define XEN_SCHEDULER_CREDIT2  6
#define XEN_SCHEDULER_ARINC653 7
#define XEN_SCHEDULER_RTDS     8
#define XEN_SCHEDULER_NULL     9

struct xen_domctl_sched_credit {
    uint16_t weight;
    uint16_t cap;
};

struct xen_domctl_sched_credit2 {
    uint16_t weight;
    uint16_t cap;
};

struct xen_domctl_sched_rtds {
    uint32_t period;
    uint32_t budget;
#define _XEN_DOMCTL_SCHEDRT_extra 0
#define XEN_DOMCTL_SCHEDRT_extra  (1U << _XEN_DOMCTL_SCHEDRT_extra)
    uint32_t flags;
};

union xen_domctl_sched_params {
    struct xen_domctl_sched_credit credit;
    struct xen_domctl_sched_credit2 credit2;
    struct xen_domctl_sched_rtds rtds;
};

struct xen_domctl_schedparam_vcpu {
    union xen_domctl_sched_params u;
    uint32_t vcpuid;
};
typedef struct xen_domctl_schedparam_vcpu xen_domctl_schedparam_vcpu_t;
DEFINE_XEN_GUEST_HANDLE(xen_domctl_schedparam_vcpu_t);

#define XEN_DOMCTL_SCHEDOP_putinfo     0
#define XEN_DOMCTL_SCHEDOP_getinfo     1
#define XEN_DOMCTL_SCHEDOP_putvcpuinfo 2
#define XEN_DOMCTL_SCHEDOP_getvcpuinfo 3

struct xen_domctl_sched_vcpus {
    XEN_GUEST_HANDLE_64(xen_domctl_schedparam_vcpu_t) vcpus;  /* IN/OUT */
    uint32_t nr_vcpus;              /* IN: entries; OUT: done */
    uint32_t padding;
};

union xen_domctl_scheduler_op_u {
    struct xen_domctl_sched_credit credit;
    struct xen_domctl_sched_credit2 credit2;
    struct xen_domctl_sched_rtds rtds;
    struct xen_domctl_sched_vcpus v;
};

struct xen_domctl_scheduler_op {
    uint32_t sched_id;              /* IN: XEN_SCHEDULER_* */
    uint32_t cmd;                   /* IN: XEN_DOMCTL_SCHEDOP_* */
    union xen_domctl_scheduler_op_u u;     /* IN/OUT */
};

/* XEN_DOMCTL_setdomainhandle */
struct xen_domctl_setdomainhandle {
    xen_domain_handle_t handle;     /* IN */
};

/* XEN_DOMCTL_setdebugging */
struct xen_domctl_setdebugging {
    uint8_t enable;                 /* IN */
};

/* XEN_DOMCTL_irq_permission */
struct xen_domctl_irq_permission {
    uint32_t pirq;                  /* IN */
    uint8_t allow_access;           /* IN */
    uint8_t _pad0[3];
};

/* XEN_DOMCTL_iomem_permission */
struct xen_domctl_iomem_permission {
    uint64_aligned_t first_mfn;     /* IN */
    uint64_aligned_t nr_mfns;       /* IN */
    uint8_t allow_access;           /* IN */
    uint8_t _pad0[7];
};

/* XEN_DOMCTL_ioport_permission */
struct xen_domctl_ioport_permission {
    uint32_t first_port;            /* IN */
    uint32_t nr_ports;              /* IN */
    uint8_t allow_access;           /* IN */
    uint8_t _pad0[3];
};

/* XEN_DOMCTL_hypercall_init: fill gmfn with hypercall stubs. */
struct xen_domctl_hypercall_init {
    uint64_aligned_t gmfn;          /* IN */
};

/* XEN_DOMCTL_settimeoffset: added to the domain's wall clock. */
struct xen_domctl_settimeoffset {
    int64_t time_offset_seconds;    /* IN */
};

/* XEN_DOMCTL_gethvmcontext / XEN_DOMCTL_sethvmcontext */
struct xen_domctl_hvmcontext {
    uint32_t size;                  /* IN/OUT: buffer / bytes used */
    uint32_t _pad0;
    XEN_GUEST_HANDLE_64(uint8) buffer;  /* IN/OUT; NULL: query size */
};

/* XEN_DOMCTL_set_address_size / XEN_DOMCTL_get_address_size */
struct xen_domctl_address_size {
    uint32_t size;                  /* IN/OUT: 32 or 64 */
};

/* XEN_DOMCTL_sendtrigger */
#define XEN_DOMCTL_SENDTRIGGER_NMI    0
#define XEN_DOMCTL_SENDTRIGGER_RESET  1
#define XEN_DOMCTL_SENDTRIGGER_INIT   2
#define XEN_DOMCTL_SENDTRIGGER_POWER  3
#define XEN_DOMCTL_SENDTRIGGER_SLEEP  4
struct xen_domctl_sendtrigger {
    uint32_t trigger;               /* IN */
    uint32_t vcpu;                  /* IN */
};

/* XEN_DOMCTL_set_target: this domain may manage target (stub DM). */
struct xen_domctl_set_target {
    domid_t target;                 /* IN */
};

/* XEN_DOMCTL_subscribe: port to notify of the domain's death. */
struct xen_domctl_subscribe {
    uint32_t port;                  /* IN */
};

/* XEN_DOMCTL_disable_migrate */
struct xen_domctl_disable_migrate {
    uint32_t disable;               /* IN: boolean */
};

/* XEN_DOMCTL_set_virq_handler: route a global VIRQ to this domain. */
struct xen_domctl_set_virq_handler {
    uint32_t virq;                  /* IN */
};

/* XEN_DOMCTL_memory_mapping: map host MMIO frames into a guest. */
#define DPCI_ADD_MAPPING    1
#define DPCI_REMOVE_MAPPING 0
struct xen_domctl_memory_mapping {
    uint64_aligned_t first_gfn;     /* IN */
    uint64_aligned_t first_mfn;     /* IN */
    uint64_aligned_t nr_mfns;       /* IN */
    uint32_t add_mapping;           /* IN: DPCI_* */
    uint32_t padding;
};

/* XEN_DOMCTL_ioport_mapping */
struct xen_domctl_ioport_mapping {
    uint32_t first_gport;           /* IN */
    uint32_t first_mport;           /* IN */
    uint32_t nr_ports;              /* IN */
    uint32_t add_mapping;           /* IN: DPCI_* */
};

/* XEN_DOMCTL_cacheflush (arm) */
struct xen_domctl_cacheflush {
    xen_pfn_t start_pfn, nr_pfns;   /* IN */
};

#if defined(__i386__) || defined(__x86_64__)
/* XEN_DOMCTL_get_cpu_policy / XEN_DOMCTL_set_cpu_policy (x86) */
struct xen_domctl_cpu_policy {
    uint32_t nr_leaves;             /* IN: room; OUT: used */
    uint32_t nr_msrs;               /* IN: room; OUT: used */
    XEN_GUEST_HANDLE_64(xen_cpuid_leaf_t) leaves;  /* IN/OUT */
    XEN_GUEST_HANDLE_64(xen_msr_entry_t) msrs;     /* IN/OUT */
    uint32_t err_leaf, err_subleaf; /* OUT: offending leaf on error */
    uint32_t err_msr;               /* OUT: offending MSR on error */
    uint32_t _pad0;
};
#endif

/* XEN_DOMCTL_get_paging_mempool_size / XEN_DOMCTL_set_paging_mempool_size */
struct xen_domctl_paging_mempool {
    uint64_aligned_t size;          /* IN/OUT: bytes */
};

/* ------------------------------------------------------------------ */

struct xen_domctl {
    uint32_t cmd;
#define XEN_DOMCTL_createdomain                   1
#define XEN_DOMCTL_destroydomain                  2
#define XEN_DOMCTL_pausedomain                    3
#define XEN_DOMCTL_unpausedomain                  4
#define XEN_DOMCTL_getdomaininfo                  5
/* 6-8 retired */
#define XEN_DOMCTL_setvcpuaffinity                9
#define XEN_DOMCTL_shadow_op                     10
#define XEN_DOMCTL_max_mem                       11
#define XEN_DOMCTL_setvcpucontext                12
#define XEN_DOMCTL_getvcpucontext                13
#define XEN_DOMCTL_getvcpuinfo                   14
#define XEN_DOMCTL_max_vcpus                     15 /* retired, see above */
#define XEN_DOMCTL_scheduler_op                  16
#define XEN_DOMCTL_setdomainhandle               17
#define XEN_DOMCTL_setdebugging                  18
#define XEN_DOMCTL_irq_permission                19
#define XEN_DOMCTL_iomem_permission              20
#define XEN_DOMCTL_ioport_permission             21
#define XEN_DOMCTL_hypercall_init                22
/* 23 retired */
#define XEN_DOMCTL_settimeoffset                 24
#define XEN_DOMCTL_getvcpuaffinity               25
/* 26 retired */
#define XEN_DOMCTL_resumedomain                  27
#define XEN_DOMCTL_sendtrigger                   28
#define XEN_DOMCTL_subscribe                     29
#define XEN_DOMCTL_gethvmcontext                 33
#define XEN_DOMCTL_sethvmcontext                 34
#define XEN_DOMCTL_set_address_size              35
#define XEN_DOMCTL_get_address_size              36
#define XEN_DOMCTL_assign_device                 37
#define XEN_DOMCTL_bind_pt_irq                   38
#define XEN_DOMCTL_memory_mapping                39
#define XEN_DOMCTL_ioport_mapping                40
/* 41 retired */
#define XEN_DOMCTL_set_ext_vcpucontext           42
#define XEN_DOMCTL_get_ext_vcpucontext           43
/* 44 retired */
#define XEN_DOMCTL_test_assign_device            45
#define XEN_DOMCTL_set_target                    46
#define XEN_DOMCTL_deassign_device               47
#define XEN_DOMCTL_unbind_pt_irq                 48
/* 49 retired */
#define XEN_DOMCTL_get_device_group              50
/* 51-53 retired */
#define XEN_DOMCTL_debug_op                      54
#define XEN_DOMCTL_gethvmcontext_partial         55
#define XEN_DOMCTL_vm_event_op                   56
#define XEN_DOMCTL_mem_sharing_op                57
#define XEN_DOMCTL_disable_migrate               58
#define XEN_DOMCTL_gettscinfo                    59
#define XEN_DOMCTL_settscinfo                    60
#define XEN_DOMCTL_getpageframeinfo3             61
#define XEN_DOMCTL_setvcpuextstate               62
#define XEN_DOMCTL_getvcpuextstate               63
#define XEN_DOMCTL_set_access_required           64
#define XEN_DOMCTL_audit_p2m                     65
#define XEN_DOMCTL_set_virq_handler              66
#define XEN_DOMCTL_set_broken_page_p2m           67
#define XEN_DOMCTL_setnodeaffinity               68
#define XEN_DOMCTL_getnodeaffinity               69
/* 70 retired */
#define XEN_DOMCTL_cacheflush                    71
#define XEN_DOMCTL_get_vcpu_msrs                 72
#define XEN_DOMCTL_set_vcpu_msrs                 73
#define XEN_DOMCTL_setvnumainfo                  74
#define XEN_DOMCTL_psr_cmt_op                    75
#define XEN_DOMCTL_monitor_op                    77
#define XEN_DOMCTL_psr_alloc                     78
#define XEN_DOMCTL_soft_reset                    79
/* 80 retired */
#define XEN_DOMCTL_vuart_op                      81
#define XEN_DOMCTL_get_cpu_policy                82
#define XEN_DOMCTL_set_cpu_policy                83
#define XEN_DOMCTL_vmtrace_op                    84
#define XEN_DOMCTL_get_paging_mempool_size       85
#define XEN_DOMCTL_set_paging_mempool_size       86
#define XEN_DOMCTL_gdbsx_guestmemio            1000
#define XEN_DOMCTL_gdbsx_pausevcpu             1001
#define XEN_DOMCTL_gdbsx_unpausevcpu           1002
#define XEN_DOMCTL_gdbsx_domstatus             1003
    uint32_t interface_version;     /* XEN_DOMCTL_INTERFACE_VERSION */
    domid_t domain;
    uint16_t _pad[3];
    union xen_domctl_u {
        struct xen_domctl_createdomain createdomain;
        struct xen_domctl_getdomaininfo getdomaininfo;
        struct xen_domctl_getpageframeinfo3 getpageframeinfo3;
        struct xen_domctl_nodeaffinity nodeaffinity;
        struct xen_domctl_vcpuaffinity vcpuaffinity;
        struct xen_domctl_max_mem max_mem;
        struct xen_domctl_vcpucontext vcpucontext;
        struct xen_domctl_getvcpuinfo getvcpuinfo;
        struct xen_domctl_max_vcpus max_vcpus;
        struct xen_domctl_scheduler_op scheduler_op;
        struct xen_domctl_setdomainhandle setdomainhandle;
        struct xen_domctl_setdebugging setdebugging;
        struct xen_domctl_irq_permission irq_permission;
        struct xen_domctl_iomem_permission iomem_permission;
        struct xen_domctl_ioport_permission ioport_permission;
        struct xen_domctl_hypercall_init hypercall_init;
        struct xen_domctl_settimeoffset settimeoffset;
        struct xen_domctl_hvmcontext hvmcontext;
        struct xen_domctl_address_size address_size;
        struct xen_domctl_sendtrigger sendtrigger;
        struct xen_domctl_set_target set_target;
        struct xen_domctl_subscribe subscribe;
        struct xen_domctl_disable_migrate disable_migrate;
        struct xen_domctl_set_virq_handler set_virq_handler;
        struct xen_domctl_memory_mapping memory_mapping;
        struct xen_domctl_ioport_mapping ioport_mapping;
        struct xen_domctl_cacheflush cacheflush;
#if defined(__i386__) || defined(__x86_64__)
        struct xen_domctl_cpu_policy cpu_policy;
#endif
        struct xen_domctl_paging_mempool paging_mempool;
        uint8_t pad[128];
    } u;
};
typedef struct xen_domctl xen_domctl_t;
DEFINE_XEN_GUEST_HANDLE(xen_domctl_t);

#endif /* XEN_PUBLIC_DOMCTL_H */
