/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A simple round-robin scheduler: each pCPU has a run queue of the vCPUs
 * placed on it and an idle vCPU; a vCPU runs for a 30 ms slice, or until
 * it blocks.  Also sched_op, set_timer_op and the vCPU timers.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <xen/softirq.h>
#include <xen/xmalloc.h>
#include <public/sched.h>
#include <asm/guest-abi.h>
#include <asm/uaccess.h>

#define SLICE MILLISECS(30)
#define MAX_POLL_PORTS 128

struct sched_pcpu {
    spinlock_t lock;
    struct list_head runq;
    struct vcpu *curr;
    struct vcpu *idle;
    struct timer slice_timer;
};

static struct sched_pcpu sched_pcpu[NR_CPUS];
static struct domain *idle_domain;

bool vcpu_runnable(const struct vcpu *v)
{
    return !v->pause_flags && !v->pause_count &&
           !v->domain->pause_count && !v->domain->is_shut_down;
}

void vcpu_runstate_change(struct vcpu *v, int new_state, s_time_t now)
{
    s_time_t delta = now - v->runstate.state_entry_time;

    if ( delta > 0 && v->runstate.state >= 0 && v->runstate.state < 4 )
        v->runstate.time[v->runstate.state] += delta;
    v->runstate.state = new_state;
    v->runstate.state_entry_time = now;
}

void vcpu_wake(struct vcpu *v)
{
    struct sched_pcpu *sp = &sched_pcpu[v->processor];
    unsigned long flags;

    if ( is_idle_vcpu(v) )
        return;
    spin_lock_irqsave(&sp->lock, flags);
    if ( vcpu_runnable(v) && !v->is_running && !v->on_runq )
    {
        list_add_tail(&v->runq_elem, &sp->runq);
        v->on_runq = true;
        if ( v->runstate.state != RUNSTATE_runnable )
            vcpu_runstate_change(v, RUNSTATE_runnable, NOW());
    }
    spin_unlock_irqrestore(&sp->lock, flags);
    if ( sp->curr == sp->idle || sp->curr == NULL )
        cpu_raise_softirq(v->processor, SCHEDULE_SOFTIRQ);
}

void vcpu_sleep_nosync(struct vcpu *v)
{
    struct sched_pcpu *sp = &sched_pcpu[v->processor];
    unsigned long flags;

    spin_lock_irqsave(&sp->lock, flags);
    if ( v->on_runq && !vcpu_runnable(v) )
    {
        list_del(&v->runq_elem);
        v->on_runq = false;
        vcpu_runstate_change(v, v->pause_flags & VPF_down ? RUNSTATE_offline
                                                          : RUNSTATE_blocked,
                             NOW());
    }
    spin_unlock_irqrestore(&sp->lock, flags);
    if ( v->is_running )
        cpu_raise_softirq(v->processor, SCHEDULE_SOFTIRQ);
}

void vcpu_set_pause_flag(struct vcpu *v, unsigned long flag)
{
    __atomic_fetch_or(&v->pause_flags, flag, __ATOMIC_SEQ_CST);
    vcpu_sleep_nosync(v);
}

void vcpu_clear_pause_flag(struct vcpu *v, unsigned long flag)
{
    if ( __atomic_fetch_and(&v->pause_flags, ~flag, __ATOMIC_SEQ_CST) & flag )
        vcpu_wake(v);
}

static void slice_expired(void *data)
{
    raise_softirq(SCHEDULE_SOFTIRQ);
}

static void schedule(void)
{
    unsigned int cpu = smp_processor_id();
    struct sched_pcpu *sp = &sched_pcpu[cpu];
    struct vcpu *prev = sp->curr, *next;
    s_time_t now = NOW();

    spin_lock_irq(&sp->lock);
    if ( prev != sp->idle && vcpu_runnable(prev) && !prev->on_runq &&
         prev->processor == cpu )
    {
        list_add_tail(&prev->runq_elem, &sp->runq);
        prev->on_runq = true;
    }
    if ( list_empty(&sp->runq) )
        next = sp->idle;
    else
    {
        next = list_first_entry(&sp->runq, struct vcpu, runq_elem);
        list_del(&next->runq_elem);
        next->on_runq = false;
    }

    /* prev->is_running stays set until its state is saved. */
    if ( prev != sp->idle && prev != next )
    {
        vcpu_runstate_change(prev, prev->on_runq ? RUNSTATE_runnable :
                             (prev->pause_flags & VPF_down) ? RUNSTATE_offline
                                                          : RUNSTATE_blocked,
                             now);
    }
    next->is_running = true;
    if ( next != sp->idle && next->runstate.state != RUNSTATE_running )
        vcpu_runstate_change(next, RUNSTATE_running, now);
    sp->curr = next;
    spin_unlock_irq(&sp->lock);

    if ( next != sp->idle )
        set_timer(&sp->slice_timer, now + SLICE);
    else
        stop_timer(&sp->slice_timer);

    if ( prev == next )
        return;
    context_switch(prev, next);
}

/*
 * Called by the arch context switch once prev's state is saved and its
 * page tables are no longer live on this pCPU: from here on prev may be
 * inspected or run elsewhere.  A wake that came while prev was still
 * running (and so did not queue it) is caught up here.
 */
void sched_context_saved(struct vcpu *prev)
{
    __atomic_store_n(&prev->is_running, false, __ATOMIC_SEQ_CST);
    if ( vcpu_runnable(prev) )
        vcpu_wake(prev);
}

int sched_init_cpu(unsigned int cpu)
{
    struct sched_pcpu *sp = &sched_pcpu[cpu];
    struct vcpu *idle;

    spin_lock_init(&sp->lock);
    INIT_LIST_HEAD(&sp->runq);
    idle = vcpu_create(idle_domain, cpu, cpu);
    if ( !idle )
        return -ENOMEM;
    idle->pause_flags = 0;
    idle->is_running = true;
    sp->idle = idle;
    sp->curr = idle;
    init_timer(&sp->slice_timer, slice_expired, NULL, cpu);
    return 0;
}

/* Called on each CPU before it enters the idle loop. */
void sched_start_cpu(void)
{
    set_current(sched_pcpu[smp_processor_id()].idle);
}

void scheduler_init(void)
{
    idle_domain = domain_create(DOMID_IDLE_ID, NR_CPUS, false);
    if ( !idle_domain )
        panic("Cannot create the idle domain\n");
    open_softirq(SCHEDULE_SOFTIRQ, schedule);
    if ( sched_init_cpu(0) )
        panic("Cannot create the idle vCPU\n");
    sched_start_cpu();
}

/* ---- blocking, polling and the vCPU timers ---- */

void vcpu_block(void)
{
    struct vcpu *v = current;

    __atomic_fetch_or(&v->pause_flags, VPF_blocked, __ATOMIC_SEQ_CST);
    /* Events arriving before the flag was visible must not be missed. */
    if ( v->vcpu_info->evtchn_upcall_pending )
        __atomic_fetch_and(&v->pause_flags, ~VPF_blocked, __ATOMIC_SEQ_CST);
    else
        vcpu_sleep_nosync(v);
}

void vcpu_singleshot_timer_fn(void *data)
{
    send_guest_vcpu_virq(data, VIRQ_TIMER);
}

void vcpu_periodic_timer_fn(void *data)
{
    struct vcpu *v = data;
    s_time_t now = NOW();

    send_guest_vcpu_virq(v, VIRQ_TIMER);
    v->periodic_last_event = now;
    if ( v->periodic_period )
        set_timer(&v->periodic_timer, now + v->periodic_period);
}

void vcpu_poll_timer_fn(void *data)
{
    struct vcpu *v = data;

    if ( v->pause_flags & VPF_polling )
        vcpu_clear_pause_flag(v, VPF_polling);
}

static long do_poll(const struct sched_poll *p)
{
    struct vcpu *v = current;
    uint32_t *ports;
    unsigned int i;

    if ( p->nr_ports > MAX_POLL_PORTS )
        return -EINVAL;
    if ( !v->poll_ports )
    {
        v->poll_ports = xmalloc_array(uint32_t, MAX_POLL_PORTS);
        if ( !v->poll_ports )
            return -ENOMEM;
    }
    ports = v->poll_ports;
    v->poll_nr = 0;
    if ( copy_from_guest_va(ports, (unsigned long)p->ports.p,
                            p->nr_ports * sizeof(uint32_t)) )
        return -EFAULT;
    for ( i = 0; i < p->nr_ports; i++ )
        if ( ports[i] >= v->domain->valid_evtchns )
            return -EINVAL;

    v->poll_nr = p->nr_ports;
    __atomic_fetch_or(&v->pause_flags, VPF_polling, __ATOMIC_SEQ_CST);
    if ( evtchn_poll_pending(v) )
    {
        __atomic_fetch_and(&v->pause_flags, ~VPF_polling, __ATOMIC_SEQ_CST);
        v->poll_nr = 0;
        return 0;
    }
    /* The wait happens once this hypercall returns to the scheduler. */
    if ( p->timeout )
        set_timer(&v->poll_timer, p->timeout);
    vcpu_sleep_nosync(v);
    return 0;
}

long do_sched_op(int cmd, unsigned long arg)
{
    struct vcpu *v = current;

    switch ( cmd )
    {
    case SCHEDOP_yield:
        raise_softirq(SCHEDULE_SOFTIRQ);
        return 0;

    case SCHEDOP_block:
        arch_event_delivery_enable(v);
        vcpu_block();
        return 0;

    case SCHEDOP_shutdown:
    {
        struct sched_shutdown s;

        if ( copy_from_guest(&s, arg) )
            return -EFAULT;
        gprintk(XENLOG_INFO, "d%u v%u: shutdown requested, reason %u\n",
                v->domain->domain_id, v->vcpu_id, s.reason);
        domain_shutdown(v->domain, s.reason);
        raise_softirq(SCHEDULE_SOFTIRQ);
        return 0;
    }

    case SCHEDOP_shutdown_code:
    {
        struct sched_shutdown s;

        if ( copy_from_guest(&s, arg) )
            return -EFAULT;
        v->domain->shutdown_code = s.reason;
        return 0;
    }

    case SCHEDOP_poll:
    {
        struct sched_poll p;

        if ( copy_from_guest(&p, arg) )
            return -EFAULT;
        return do_poll(&p);
    }

    case SCHEDOP_remote_shutdown:
    {
        struct sched_remote_shutdown r;
        struct domain *d;

        if ( !v->domain->is_privileged )
            return -EPERM;
        if ( copy_from_guest(&r, arg) )
            return -EFAULT;
        d = rcu_lock_domain_by_id(r.domain_id);
        if ( !d )
            return -ESRCH;
        domain_shutdown(d, r.reason);
        return 0;
    }
    }
    gprintk(XENLOG_DEBUG, "d%u: sched_op %d unsupported\n",
            v->domain->domain_id, cmd);
    return -ENOSYS;
}


long do_set_timer_op(int64_t timeout)
{
    struct vcpu *v = current;

    if ( timeout == 0 )
        stop_timer(&v->singleshot_timer);
    else
        set_timer(&v->singleshot_timer, timeout);
    return 0;
}
