/* SPDX-License-Identifier: MIT */
/*
 * Machine-check interface (the mca hypercall, __HYPERVISOR_arch_0) for
 * x86 dom0.  Only the physical CPU information query is described here;
 * machine-check telemetry (fetch, notify, inject) is not offered yet.
 */
#ifndef XEN_PUBLIC_ARCH_X86_XEN_MCA_H
#define XEN_PUBLIC_ARCH_X86_XEN_MCA_H

#include "../xen.h"

#define XEN_MCA_INTERFACE_VERSION 0x01ecc003

/* Commands (struct xen_mc.cmd). */
#define XEN_MC_fetch            1
#define XEN_MC_notifydomain     2
#define XEN_MC_physcpuinfo      3
#define XEN_MC_msrinject        4
#define XEN_MC_mceinject        5

#define __MC_MSR_ARRAYSIZE 8

struct mcinfo_msr {
    uint64_t reg;               /* MSR number */
    uint64_t value;
};

/* One physical CPU, as XEN_MC_physcpuinfo describes it. */
struct mcinfo_logical_cpu {
    uint32_t mc_cpunr;
    uint32_t mc_chipid;
    uint16_t mc_coreid;
    uint16_t mc_threadid;
    uint32_t mc_apicid;
    uint32_t mc_clusterid;
    uint32_t mc_ncores;
    uint32_t mc_ncores_active;
    uint32_t mc_nthreads;
    uint32_t mc_cpuid_level;
    uint32_t mc_family;
    uint32_t mc_vendor;
    uint32_t mc_model;
    uint32_t mc_step;
    char mc_vendorid[16];
    char mc_brandid[64];
    uint32_t mc_cpu_caps[7];
    uint32_t mc_cache_size;
    uint32_t mc_cache_alignment;
    uint32_t mc_nmsrvals;
    struct mcinfo_msr mc_msrvalues[__MC_MSR_ARRAYSIZE];
};
typedef struct mcinfo_logical_cpu xen_mc_logical_cpu_t;
DEFINE_XEN_GUEST_HANDLE(xen_mc_logical_cpu_t);

/*
 * ncpus IN: room in info (0 with a NULL info asks for the count);
 * OUT: the number of physical CPUs.
 */
struct xen_mc_physcpuinfo {
    uint32_t ncpus;             /* IN/OUT */
    uint32_t _pad0;
    XEN_GUEST_HANDLE(xen_mc_logical_cpu_t) info;   /* OUT */
};

struct xen_mc {
    uint32_t cmd;               /* IN: XEN_MC_* */
    uint32_t interface_version; /* IN: XEN_MCA_INTERFACE_VERSION */
    union {
        struct xen_mc_physcpuinfo mc_physcpuinfo;
        uint8_t _pad[144];      /* size of the largest command (msrinject) */
    } u;
};
typedef struct xen_mc xen_mc_t;
DEFINE_XEN_GUEST_HANDLE(xen_mc_t);

#endif /* XEN_PUBLIC_ARCH_X86_XEN_MCA_H */
