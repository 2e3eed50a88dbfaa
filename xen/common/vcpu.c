/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vcpu_op: bringing vCPUs up and down, their timers, where their
 * vcpu_info lives, and the runstate area.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>
#include <public/vcpu.h>

/* Arch: load a vcpu_guest_context into a vCPU that is down. */
int arch_set_info_guest(struct vcpu *v, unsigned long ctxt);

/* Copy the runstate to where the guest asked (current page tables). */
void update_runstate_area(struct vcpu *v);
void update_runstate_area(struct vcpu *v)
{
    if ( v->runstate_guest )
        copy_to_guest_va(v->runstate_guest, &v->runstate,
                         sizeof(v->runstate));
}

static long register_vcpu_info(struct vcpu *v, unsigned long arg)
{
    struct vcpu_register_vcpu_info info;
    struct vcpu_info *new;
    void *page;

    if ( copy_from_guest(&info, arg) )
        return -EFAULT;
    if ( info.rsvd || info.offset > PAGE_SIZE - sizeof(struct vcpu_info) )
        return -EINVAL;
    if ( v->vcpu_info_mfn != INVALID_MFN )
        return -EINVAL;                 /* only once */
    page = get_guest_frame_writable(v->domain, info.mfn);
    if ( !page )
        return -EINVAL;
    new = (void *)((char *)page + info.offset);
    /* Carry everything over: pending bits, mask, time.  (A vCPU beyond
     * shared_info's legacy slots has had no vcpu_info until now.) */
    if ( v->vcpu_info )
        *new = *v->vcpu_info;
    else
        memset(new, 0, sizeof(*new));
    new->evtchn_upcall_pending = 1;
    new->evtchn_pending_sel = ~0UL;
    v->vcpu_info = new;
    v->vcpu_info_mfn = info.mfn;
    update_vcpu_system_time(v);
    return 0;
}

long do_vcpu_op(int cmd, unsigned int vcpuid, unsigned long arg)
{
    struct domain *d = current->domain;
    struct vcpu *v;

    if ( vcpuid >= d->max_vcpus || !(v = d->vcpu[vcpuid]) )
        return -ENOENT;

    switch ( cmd )
    {
    case VCPUOP_initialise:
        if ( v->is_initialised )
            return -EEXIST;
        return arch_set_info_guest(v, arg);

    case VCPUOP_up:
        if ( !v->is_initialised )
            return -EINVAL;
        vcpu_clear_pause_flag(v, VPF_down);
        return 0;

    case VCPUOP_down:
        vcpu_set_pause_flag(v, VPF_down);
        return 0;

    case VCPUOP_is_up:
        return !(v->pause_flags & VPF_down);

    case VCPUOP_get_runstate_info:
        return copy_to_guest(arg, &v->runstate) ? -EFAULT : 0;

    case VCPUOP_register_runstate_memory_area:
    {
        struct vcpu_register_runstate_memory_area area;

        if ( copy_from_guest(&area, arg) )
            return -EFAULT;
        if ( area.addr.p && !guest_range_ok(area.addr.p,
                                            sizeof(v->runstate)) )
            return -EINVAL;
        v->runstate_guest = area.addr.p;
        if ( v == current )
            update_runstate_area(v);
        return 0;
    }

    case VCPUOP_set_periodic_timer:
    {
        struct vcpu_set_periodic_timer t;

        if ( copy_from_guest(&t, arg) )
            return -EFAULT;
        if ( t.period_ns < MILLISECS(1) || t.period_ns > SECONDS(3600) )
            return -EINVAL;
        v->periodic_period = t.period_ns;
        set_timer(&v->periodic_timer, NOW() + t.period_ns);
        return 0;
    }

    case VCPUOP_stop_periodic_timer:
        v->periodic_period = 0;
        stop_timer(&v->periodic_timer);
        return 0;

    case VCPUOP_set_singleshot_timer:
    {
        struct vcpu_set_singleshot_timer t;

        if ( v != current )
            return -EINVAL;
        if ( copy_from_guest(&t, arg) )
            return -EFAULT;
        if ( (t.flags & VCPU_SSHOTTMR_future) &&
             (s_time_t)t.timeout_abs_ns < NOW() )
            return -ETIME;
        set_timer(&v->singleshot_timer, t.timeout_abs_ns);
        return 0;
    }

    case VCPUOP_stop_singleshot_timer:
        if ( v != current )
            return -EINVAL;
        stop_timer(&v->singleshot_timer);
        return 0;

    case VCPUOP_register_vcpu_info:
        return register_vcpu_info(v, arg);
    }
    return -ENOSYS;
}
