/* SPDX-License-Identifier: MIT */
/*
 * vcpu_op (24): (cmd, vcpuid, arg).  Bringing vCPUs up and down, their
 * timers, runstate accounting and where their vcpu_info lives.
 */
#ifndef XEN_PUBLIC_VCPU_H
#define XEN_PUBLIC_VCPU_H

#include "xen.h"

/* Set the initial context of a vCPU that is down: vcpu_guest_context. */
#define VCPUOP_initialise                   0
#define VCPUOP_up                           1  /* arg == NULL */
#define VCPUOP_down                         2  /* arg == NULL */
/* Returns 1 if up, 0 if down, -ENOENT if no such vCPU. */
#define VCPUOP_is_up                        3
#define VCPUOP_get_runstate_info            4  /* vcpu_runstate_info */
#define VCPUOP_register_runstate_memory_area 5
#define VCPUOP_set_periodic_timer           6
#define VCPUOP_stop_periodic_timer          7  /* arg == NULL */
#define VCPUOP_set_singleshot_timer         8
#define VCPUOP_stop_singleshot_timer        9  /* arg == NULL */
#define VCPUOP_register_vcpu_info           10
#define VCPUOP_send_nmi                     11 /* arg == NULL */
#define VCPUOP_get_physid                   12 /* dom0 only */
#define VCPUOP_register_vcpu_time_memory_area 13

/* Where a vCPU's time went (ns in each state). */
#define RUNSTATE_running  0     /* on a pCPU */
#define RUNSTATE_runnable 1     /* could run, waiting for a pCPU */
#define RUNSTATE_blocked  2     /* waiting for an event */
#define RUNSTATE_offline  3     /* down or paused */

struct vcpu_runstate_info {
    int32_t state;              /* RUNSTATE_* */
    uint32_t _pad0;
    /*
     * System time when state was entered.  With VMASST_TYPE_runstate_
     * update_flag enabled, XEN_RUNSTATE_UPDATE is set while the
     * hypervisor writes the record.
     */
    uint64_t state_entry_time;
    uint64_t time[4];           /* indexed by RUNSTATE_* */
};
typedef struct vcpu_runstate_info vcpu_runstate_info_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_runstate_info_t);

#define XEN_RUNSTATE_UPDATE (xen_mk_ullong(1) << 63)

/*
 * A guest address the hypervisor keeps up to date: a virtual address
 * for PV guests, a guest physical one for translated guests.
 */
union vcpu_runstate_area_addr {
    XEN_GUEST_HANDLE(vcpu_runstate_info_t) h;
    struct vcpu_runstate_info *v;
    uint64_t p;
};

struct vcpu_register_runstate_memory_area {
    union vcpu_runstate_area_addr addr;     /* IN */
};
typedef struct vcpu_register_runstate_memory_area
    vcpu_register_runstate_memory_area_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_runstate_memory_area_t);

/* Periodic VIRQ_TIMER (the default is 10 ms until stopped). */
struct vcpu_set_periodic_timer {
    uint64_t period_ns;         /* IN */
};
typedef struct vcpu_set_periodic_timer vcpu_set_periodic_timer_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_set_periodic_timer_t);

/* One VIRQ_TIMER at an absolute system time. */
struct vcpu_set_singleshot_timer {
    uint64_t timeout_abs_ns;    /* IN */
    uint32_t flags;             /* IN: VCPU_SSHOTTMR_* */
    uint32_t _pad0;
};
typedef struct vcpu_set_singleshot_timer vcpu_set_singleshot_timer_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_set_singleshot_timer_t);

/* Fail with -ETIME instead of firing at once if the time has passed. */
#define _VCPU_SSHOTTMR_future 0
#define VCPU_SSHOTTMR_future  (1U << _VCPU_SSHOTTMR_future)

/*
 * Move this vCPU's vcpu_info to offset in frame mfn (a GFN for
 * translated guests).  Once per vCPU; must not cross a page boundary.
 */
struct vcpu_register_vcpu_info {
    uint64_t mfn;               /* IN */
    uint32_t offset;            /* IN */
    uint32_t rsvd;              /* IN: zero */
};
typedef struct vcpu_register_vcpu_info vcpu_register_vcpu_info_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_vcpu_info_t);

/* Physical identity of the pCPU a dom0 vCPU stands for. */
struct vcpu_get_physid {
    uint64_t phys_id;           /* OUT: APIC id low, ACPI id high */
};
typedef struct vcpu_get_physid vcpu_get_physid_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_get_physid_t);
#define xen_vcpu_physid_to_x86_apicid(physid) ((uint32_t)(physid))
#define xen_vcpu_physid_to_x86_acpiid(physid) ((uint32_t)((physid) >> 32))

/* A second copy of vcpu_time_info, e.g. for a user-visible vDSO page. */
DEFINE_XEN_GUEST_HANDLE(vcpu_time_info_t);

union vcpu_time_area_addr {
    XEN_GUEST_HANDLE(vcpu_time_info_t) h;
    struct vcpu_time_info *v;
    uint64_t p;
};

struct vcpu_register_time_memory_area {
    union vcpu_time_area_addr addr;         /* IN */
};
typedef struct vcpu_register_time_memory_area
    vcpu_register_time_memory_area_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_time_memory_area_t);

#endif /* XEN_PUBLIC_VCPU_H */
