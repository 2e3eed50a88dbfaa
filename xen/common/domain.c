/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain and vCPU life cycle: creation, page ownership, pause, shutdown
 * and crash.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/shutdown.h>
#include <xen/softirq.h>
#include <public/sched.h>
#include <xen/xmalloc.h>
#include <asm/system.h>

struct domain *domain_list;
struct domain *hardware_domain;
static DEFINE_SPINLOCK(domlist_lock);

struct domain *rcu_lock_domain_by_id(domid_t dom)
{
    struct domain *d;

    if ( dom == DOMID_SELF )
        return current->domain;
    spin_lock(&domlist_lock);
    for ( d = domain_list; d; d = d->next_in_list )
        if ( d->domain_id == dom && !d->is_dying )
            break;
    spin_unlock(&domlist_lock);
    return d;
}

struct domain *domain_next_by_id(domid_t id)
{
    struct domain *d, *best = NULL;

    spin_lock(&domlist_lock);
    for ( d = domain_list; d; d = d->next_in_list )
        if ( d->domain_id >= id &&
             (!best || d->domain_id < best->domain_id) )
            best = d;
    spin_unlock(&domlist_lock);
    return best;
}

struct vcpu *vcpu_create(struct domain *d, unsigned int vcpu_id,
                         unsigned int cpu)
{
    struct vcpu *v;
    unsigned int i;

    if ( vcpu_id >= d->max_vcpus || d->vcpu[vcpu_id] )
        return NULL;
    v = xzalloc(struct vcpu);
    if ( !v )
        return NULL;
    v->vcpu_id = vcpu_id;
    v->domain = d;
    v->processor = cpu;
    v->vcpu_info_mfn = INVALID_MFN;
    v->pause_flags = VPF_down;
    INIT_LIST_HEAD(&v->runq_elem);
    for ( i = 0; i < NR_VIRQS; i++ )
        v->virq_to_evtchn[i] = 0;
    v->runstate.state = RUNSTATE_offline;
    v->runstate.state_entry_time = NOW();

    if ( !d->is_idle )
    {
        if ( vcpu_id < XEN_LEGACY_MAX_VCPUS )
            v->vcpu_info = &d->shared_info->vcpu_info[vcpu_id];
        init_timer(&v->singleshot_timer, vcpu_singleshot_timer_fn, v, cpu);
        init_timer(&v->periodic_timer, vcpu_periodic_timer_fn, v, cpu);
        init_timer(&v->poll_timer, vcpu_poll_timer_fn, v, cpu);
    }
    if ( arch_vcpu_create(v) )
    {
        xfree(v);
        return NULL;
    }
    d->vcpu[vcpu_id] = v;
    return v;
}

struct domain *domain_create(domid_t domid, unsigned int max_vcpus,
                             bool privileged)
{
    struct domain *d = xzalloc(struct domain);

    if ( !d )
        return NULL;
    d->domain_id = domid;
    d->is_privileged = privileged;
    d->is_idle = domid == DOMID_IDLE_ID;
    d->max_vcpus = max_vcpus;
    spin_lock_init(&d->page_alloc_lock);
    spin_lock_init(&d->event_lock);
    INIT_LIST_HEAD(&d->page_list);

    d->vcpu = xzalloc_array(struct vcpu *, max_vcpus);
    if ( !d->vcpu )
        goto fail;

    if ( !d->is_idle )
    {
        d->shared_info = alloc_xenheap_page();
        if ( !d->shared_info )
            goto fail;
        memset(d->shared_info, 0, PAGE_SIZE);
        /* The guest maps it: it is the domain's, on loan from the heap. */
        domain_assign_page(d, virt_to_page(d->shared_info), 0, true);
        if ( evtchn_init(d) || grant_table_init(d) )
            goto fail;
        if ( arch_domain_create(d) )
            goto fail;

        spin_lock(&domlist_lock);
        d->next_in_list = domain_list;
        domain_list = d;
        spin_unlock(&domlist_lock);
    }
    return d;

 fail:
    if ( d->shared_info )
        free_xenheap_page(d->shared_info);
    xfree(d->vcpu);
    xfree(d);
    return NULL;
}

/*
 * Give frames to a domain: they join its page list and count against
 * max_pages.  Frames from the xen heap (shared_info, grant frames) are
 * shared with the guest but stay the hypervisor's.
 */
int domain_assign_page(struct domain *d, struct page_info *pg,
                       unsigned int order, bool xenheap)
{
    unsigned long i, n = 1UL << order;

    spin_lock(&d->page_alloc_lock);
    if ( !xenheap && d->tot_pages + n > d->max_pages )
    {
        spin_unlock(&d->page_alloc_lock);
        return -ENOMEM;
    }
    for ( i = 0; i < n; i++ )
    {
        pg[i].v.owner = d;
        pg[i].count_info = (pg[i].count_info & ~PGC_count_mask) | 1;
        pg[i].type_info = 0;
        if ( !xenheap )
            list_add_tail((struct list_head *)&pg[i].list, &d->page_list);
    }
    if ( xenheap )
        d->xenheap_pages += n;
    else
        d->tot_pages += n;
    spin_unlock(&d->page_alloc_lock);
    return 0;
}

void vcpu_pause(struct vcpu *v)
{
    __atomic_fetch_add(&v->pause_count, 1, __ATOMIC_SEQ_CST);
    vcpu_sleep_nosync(v);
}

void vcpu_unpause(struct vcpu *v)
{
    if ( __atomic_sub_fetch(&v->pause_count, 1, __ATOMIC_SEQ_CST) == 0 )
        vcpu_wake(v);
}

void domain_pause(struct domain *d)
{
    struct vcpu *v;

    __atomic_fetch_add(&d->pause_count, 1, __ATOMIC_SEQ_CST);
    for_each_vcpu ( d, v )
        vcpu_sleep_nosync(v);
}

void domain_unpause(struct domain *d)
{
    struct vcpu *v;

    if ( __atomic_sub_fetch(&d->pause_count, 1, __ATOMIC_SEQ_CST) )
        return;
    for_each_vcpu ( d, v )
        vcpu_wake(v);
}

static const char *const shutdown_names[] = {
    "poweroff", "reboot", "suspend", "crash", "watchdog", "soft_reset",
};

/* What the machine does when the hardware domain shuts down. */
static void __noreturn hardware_domain_shutdown(const struct domain *d)
{
    switch ( d->shutdown_code )
    {
    case SHUTDOWN_poweroff:
        printk("Hardware Dom0 halted: powering off\n");
        machine_power_off();
    case SHUTDOWN_reboot:
        printk("Hardware Dom0 shutdown: rebooting machine\n");
        machine_restart(0);
    case SHUTDOWN_crash:
    case SHUTDOWN_watchdog:
    default:
        if ( opt_noreboot )
        {
            printk("Hardware Dom0 crashed: 'noreboot' set - not rebooting.\n");
            machine_halt();
        }
        printk("Hardware Dom0 crashed: rebooting machine in 5 seconds.\n");
        machine_restart(5000);
    }
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
    struct vcpu *v;

    if ( d->is_shutting_down )
        return;
    d->is_shutting_down = true;
    d->shutdown_code = reason;
    for_each_vcpu ( d, v )
        vcpu_sleep_nosync(v);
    d->is_shut_down = true;

    printk(XENLOG_INFO "Domain %u shut down: reason %s (%u)\n",
           d->domain_id,
           reason < ARRAY_SIZE(shutdown_names) ? shutdown_names[reason]
                                                : "unknown", reason);
    if ( d == hardware_domain )
        hardware_domain_shutdown(d);
}

void domain_crash(struct domain *d)
{
    printk(XENLOG_G_ERR "Domain %u crashed\n", d->domain_id);
    domain_shutdown(d, SHUTDOWN_crash);
}

void domain_crash_current(void)
{
    domain_crash(current->domain);
    raise_softirq(SCHEDULE_SOFTIRQ);
    reset_stack_and_call(ret_to_guest);
}
