/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and vCPUs, and the scheduler's interface.  A vCPU is runnable
 * when none of its pause flags is set and its domain is not paused.
 */
#ifndef XEN_SCHED_H
#define XEN_SCHED_H

#include <xen/list.h>
#include <xen/mm.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <xen/timer.h>
#include <xen/types.h>
#include <public/xen.h>
#include <public/vcpu.h>
#include <asm/domain.h>

#define DOMID_IDLE_ID   0x7FFF

/* vcpu->pause_flags bits. */
#define _VPF_blocked    0       /* waiting for an event (SCHEDOP_block) */
#define _VPF_down       1       /* not up (VCPUOP_down, or never started) */
#define _VPF_polling    2       /* in SCHEDOP_poll */
#define VPF_blocked     (1UL << _VPF_blocked)
#define VPF_down        (1UL << _VPF_down)
#define VPF_polling     (1UL << _VPF_polling)

#define NR_VIRQS        24

struct evtchn;
struct evtchn_port_ops;
struct grant_table;

struct vcpu {
    unsigned int vcpu_id;
    unsigned int processor;            /* pCPU it runs on */
    struct domain *domain;

    /* Guest-visible vcpu_info: in shared_info or a registered page. */
    struct vcpu_info *vcpu_info;
    unsigned long vcpu_info_mfn;       /* INVALID_MFN when in shared_info */

    unsigned long pause_flags;
    unsigned int pause_count;
    bool is_running;                   /* currently on a pCPU */
    bool on_runq;
    bool is_initialised;               /* has a context (initialise/build) */
    struct list_head runq_elem;

    struct vcpu_runstate_info runstate;
    uint64_t runstate_guest;           /* guest VA of its copy, 0 = none */

    struct timer singleshot_timer;
    struct timer periodic_timer;
    s_time_t periodic_period;
    s_time_t periodic_last_event;
    struct timer poll_timer;
    uint32_t *poll_ports;              /* ports polled (SCHEDOP_poll) */
    unsigned int poll_nr;

    /*
     * A preempted hypercall: the arch entry re-issues it with these
     * arguments when it returns to the guest (hypercall_continue()).
     */
    struct {
        bool pending;
        unsigned long nr;
        unsigned long args[6];
    } hcall_cont;

    unsigned int virq_to_evtchn[NR_VIRQS];
    /* FIFO event channel state: control block and queue tails. */
    void *evtchn_fifo;

    struct arch_vcpu arch;
};

struct domain {
    domid_t domain_id;
    bool is_privileged;
    bool is_idle;
    unsigned int max_vcpus;
    struct vcpu **vcpu;

    spinlock_t page_alloc_lock;
    struct list_head page_list;        /* owned frames, via page_info.list */
    unsigned long tot_pages;
    unsigned long max_pages;
    unsigned int xenheap_pages;

    struct shared_info *shared_info;

    unsigned int pause_count;
    unsigned int controller_pause_count;    /* domctl pausedomain */
    xen_domain_handle_t handle;             /* UUID (setdomainhandle) */
    bool is_shutting_down;
    bool is_shut_down;
    unsigned int shutdown_code;
    bool is_dying;

    unsigned long vm_assist;

    /* Event channels. */
    spinlock_t event_lock;
    struct evtchn **evtchn_buckets;
    unsigned int max_evtchns;
    unsigned int valid_evtchns;
    const struct evtchn_port_ops *evtchn_port_ops;
    unsigned int *pirq_to_evtchn;       /* NR_DOMAIN_PIRQS, or NULL */
    void *evtchn_fifo;

    struct grant_table *grant_table;

    struct arch_domain arch;
    struct domain *next_in_list;
};

extern struct domain *domain_list;
extern struct domain *hardware_domain;

#define current (get_current())
static inline struct vcpu *get_current(void)
{
    return get_cpu_info()->current_vcpu;
}
static inline void set_current(struct vcpu *v)
{
    get_cpu_info()->current_vcpu = v;
}

#define is_idle_vcpu(v) ((v)->domain->is_idle)
#define for_each_vcpu(d, v) \
    for ( unsigned int _i = 0; _i < (d)->max_vcpus; _i++ ) \
        if ( ((v) = (d)->vcpu[_i]) != NULL )

/* domain.c */
struct domain *domain_create(domid_t domid, unsigned int max_vcpus,
                             bool privileged);
struct vcpu *vcpu_create(struct domain *d, unsigned int vcpu_id,
                         unsigned int cpu);
struct domain *rcu_lock_domain_by_id(domid_t dom);
/* The domain with the lowest ID >= id (dying ones included), or NULL. */
struct domain *domain_next_by_id(domid_t id);
void domain_shutdown(struct domain *d, unsigned int reason);
void __noreturn domain_crash_current(void);
void domain_crash(struct domain *d);
void domain_pause(struct domain *d);
void domain_unpause(struct domain *d);
void vcpu_pause(struct vcpu *v);
void vcpu_unpause(struct vcpu *v);
int domain_assign_page(struct domain *d, struct page_info *pg,
                       unsigned int order, bool xenheap);

/* schedule.c */
void scheduler_init(void);
int sched_init_cpu(unsigned int cpu);
void sched_start_cpu(void);
void vcpu_wake(struct vcpu *v);
void vcpu_kick(struct vcpu *v);
void vcpu_sleep_nosync(struct vcpu *v);
bool vcpu_runnable(const struct vcpu *v);
/* Arch context switch: prev's state is saved (see schedule.c). */
void sched_context_saved(struct vcpu *prev);
void vcpu_block(void);
void vcpu_set_pause_flag(struct vcpu *v, unsigned long flag);
void vcpu_clear_pause_flag(struct vcpu *v, unsigned long flag);
void vcpu_runstate_change(struct vcpu *v, int new_state, s_time_t now);

/* Arch hooks. */
int arch_domain_create(struct domain *d);
int arch_vcpu_create(struct vcpu *v);
void context_switch(struct vcpu *prev, struct vcpu *next);

#endif /* XEN_SCHED_H */
