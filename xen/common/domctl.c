// SPDX-License-Identifier: GPL-2.0-only
/*
 * domctl (privileged): the toolstack's operations on one domain.  So far
 * the queries and controls that need no domain building: getdomaininfo
 * (with Xen 4.17's "this ID or the next one" lookup that libxenctrl
 * iterates with), getvcpuinfo, getvcpuaffinity, pause/unpause by the
 * controller, the domain handle and the memory limit.
 */
#include <xen/control.h>
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/time.h>
#include <public/vcpu.h>

static DEFINE_SPINLOCK(domctl_lock);

/* Nanoseconds v has run, including its current slice. */
static uint64_t vcpu_cpu_time(const struct vcpu *v)
{
    uint64_t t = v->runstate.time[RUNSTATE_running];
    s_time_t now = NOW();

    if ( v->runstate.state == RUNSTATE_running &&
         now > (s_time_t)v->runstate.state_entry_time )
        t += now - v->runstate.state_entry_time;
    return t;
}

void get_domain_info(const struct domain *d,
                     struct xen_domctl_getdomaininfo *info)
{
    const struct vcpu *v;
    unsigned int online = 0;
    uint32_t flags = XEN_DOMINF_blocked;
    uint64_t cpu_time = 0;

    memset(info, 0, sizeof(*info));
    for_each_vcpu(d, v)
    {
        cpu_time += vcpu_cpu_time(v);
        if ( v->pause_flags & VPF_down )
            continue;
        online++;
        if ( !(v->pause_flags & VPF_blocked) )
            flags &= ~XEN_DOMINF_blocked;
        if ( v->is_running )
            flags |= XEN_DOMINF_running;
    }
    if ( d->is_dying )
        flags |= XEN_DOMINF_dying;
    if ( d->is_shut_down )
        flags |=
            XEN_DOMINF_shutdown | (d->shutdown_code & XEN_DOMINF_shutdownmask)
                                      << XEN_DOMINF_shutdownshift;
    if ( d->controller_pause_count )
        flags |= XEN_DOMINF_paused;

    info->domain = d->domain_id;
    info->flags = flags;
    info->tot_pages = d->tot_pages;
    info->max_pages = d->max_pages;
    info->shared_info_frame = d->shared_info ? virt_to_mfn(d->shared_info) : 0;
    info->cpu_time = cpu_time;
    info->nr_online_vcpus = online;
    info->max_vcpu_id =
        d->max_vcpus ? d->max_vcpus - 1 : XEN_INVALID_MAX_VCPU_ID;
    memcpy(info->handle, d->handle, sizeof(info->handle));
    arch_get_domain_info(d, info);
}

static long getvcpuinfo(const struct domain *d,
                        struct xen_domctl_getvcpuinfo *op)
{
    const struct vcpu *v;

    if ( op->vcpu >= d->max_vcpus )
        return -EINVAL;
    v = d->vcpu[op->vcpu];
    if ( !v )
        return -ESRCH;
    op->online = !(v->pause_flags & VPF_down);
    op->blocked = !!(v->pause_flags & VPF_blocked);
    op->running = v->is_running;
    op->cpu_time = vcpu_cpu_time(v);
    op->cpu = v->processor;
    return 0;
}

/*
 * Hard affinity is the vCPU's pCPU (the scheduler never moves a vCPU);
 * soft affinity is every CPU.  Setting it is not offered.
 */
static long getvcpuaffinity(const struct domain *d,
                            struct xen_domctl_vcpuaffinity *op)
{
    const struct vcpu *v;
    long rc = 0;

    if ( op->vcpu >= d->max_vcpus )
        return -EINVAL;
    v = d->vcpu[op->vcpu];
    if ( !v )
        return -ESRCH;
    if ( !(op->flags & (XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT)) )
        return -EINVAL;
    if ( op->flags & XEN_VCPUAFFINITY_HARD )
        rc = put_cpumap(&op->cpumap_hard, v->processor);
    if ( !rc && (op->flags & XEN_VCPUAFFINITY_SOFT) )
        rc = put_cpumap(&op->cpumap_soft, CPUMAP_ALL);
    return rc;
}

/* The toolstack's pauses nest, separately from the guest's own. */
static long controller_pause(struct domain *d, bool pause)
{
    if ( d == current->domain )
        return -EINVAL;
    if ( pause )
    {
        if ( d->controller_pause_count == 255 )
            return -EUSERS;
        d->controller_pause_count++;
        domain_pause(d);
    }
    else
    {
        if ( !d->controller_pause_count )
            return -EINVAL;
        d->controller_pause_count--;
        domain_unpause(d);
    }
    return 0;
}

static long max_mem(struct domain *d, uint64_t kb)
{
    uint64_t pages = kb >> (PAGE_SHIFT - 10);

    /* Lower than what it has is allowed: the balloon gives back. */
    if ( pages > max_page )
        return -EINVAL;
    spin_lock(&d->page_alloc_lock);
    d->max_pages = pages;
    spin_unlock(&d->page_alloc_lock);
    return 0;
}

long do_domctl(unsigned long arg)
{
    struct xen_domctl op;
    struct domain *d = NULL;
    bool copyback = false;
    long rc;

    if ( copy_from_guest(&op, arg) )
        return -EFAULT;
    if ( op.interface_version != XEN_DOMCTL_INTERFACE_VERSION )
        return -EACCES;

    spin_lock(&domctl_lock);
    if ( op.cmd == XEN_DOMCTL_getdomaininfo )
    {
        rc = -EINVAL;
        if ( op.domain >= DOMID_FIRST_RESERVED )
            goto out;
        rc = -ESRCH;
        d = domain_next_by_id(op.domain);
        if ( !d )
            goto out;
        get_domain_info(d, &op.u.getdomaininfo);
        op.domain = d->domain_id;
        rc = 0;
        copyback = true;
        goto out;
    }

    rc = -ESRCH;
    if ( op.domain >= DOMID_FIRST_RESERVED )
        goto out;
    d = rcu_lock_domain_by_id(op.domain);
    if ( !d )
        goto out;

    switch ( op.cmd )
    {
    case XEN_DOMCTL_getvcpuinfo:
        rc = getvcpuinfo(d, &op.u.getvcpuinfo);
        copyback = !rc;
        break;
    case XEN_DOMCTL_getvcpuaffinity:
        rc = getvcpuaffinity(d, &op.u.vcpuaffinity);
        copyback = !rc;
        break;
    case XEN_DOMCTL_pausedomain:
        rc = controller_pause(d, true);
        break;
    case XEN_DOMCTL_unpausedomain:
        rc = controller_pause(d, false);
        break;
    case XEN_DOMCTL_setdomainhandle:
        memcpy(d->handle, op.u.setdomainhandle.handle, sizeof(d->handle));
        rc = 0;
        break;
    case XEN_DOMCTL_max_mem:
        rc = max_mem(d, op.u.max_mem.max_memkb);
        break;
    default:
        gprintk(XENLOG_DEBUG, "d%u: domctl %u not implemented\n",
                current->domain->domain_id, op.cmd);
        rc = -ENOSYS;
        break;
    }

out:
    spin_unlock(&domctl_lock);
    if ( copyback && copy_to_guest(arg, &op) )
        rc = -EFAULT;
    return rc;
}
