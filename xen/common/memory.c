/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memory_op: growing and shrinking a domain's memory, its limits, and the
 * memory maps and M2P location a guest asks about.
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <public/memory.h>
#include <asm/guest-abi.h>
#include <xen/arch-memory.h>

static struct domain *target(domid_t dom)
{
    struct domain *cur = current->domain;

    if ( dom == DOMID_SELF || dom == cur->domain_id )
        return cur;
    if ( !cur->is_privileged )
        return NULL;
    return rcu_lock_domain_by_id(dom);
}

/* Returns extents done (>= 0) or -errno if none could be done. */
/* Extents [start, nr_extents); start > 0 only in a continuation. */
static long reservation_op(unsigned int cmd, unsigned long start,
                           unsigned long arg)
{
    struct xen_memory_reservation r;
    struct domain *d;
    unsigned long i;

    if ( copy_from_guest(&r, arg) )
        return -EFAULT;
    if ( start > r.nr_extents )
        return -EINVAL;
    if ( r.extent_order > 9 && !current->domain->is_privileged )
        return -EPERM;
    if ( r.extent_order > MAX_ORDER )
        return -EINVAL;
    d = target(r.domid);
    if ( !d )
        return -ESRCH;

    for ( i = start; i < r.nr_extents; i++ )
    {
        unsigned long slot = (unsigned long)r.extent_start.p +
                             i * sizeof(xen_pfn_t);
        xen_pfn_t frame = 0;
        long rc;

        /* The extent index rides in the command's high bits. */
        if ( i > start && hypercall_preempt_check() &&
             i < (~0UL >> MEMOP_EXTENT_SHIFT) )
            return hypercall_continue(__HYPERVISOR_memory_op,
                                      cmd | (i << MEMOP_EXTENT_SHIFT), arg,
                                      0, 0);
        if ( cmd != XENMEM_increase_reservation &&
             copy_from_guest_va(&frame, slot, sizeof(frame)) )
            return i ? (long)i : -EFAULT;
        if ( cmd == XENMEM_decrease_reservation )
            rc = arch_remove_page(d, frame, r.extent_order);
        else
        {
            rc = arch_populate_page(d, cmd == XENMEM_populate_physmap,
                                    &frame, r.extent_order);
            if ( !rc && copy_to_guest_va(slot, &frame, sizeof(frame)) )
                rc = -EFAULT;
        }
        if ( rc )
            break;
    }
    return i;
}

static long memory_map(unsigned long arg, bool machine)
{
    struct xen_memory_map m;
    struct domain *d = current->domain;
    unsigned int n;
    long rc;

    if ( machine && !d->is_privileged )
        return -EPERM;
    if ( copy_from_guest(&m, arg) )
        return -EFAULT;
    rc = arch_memory_map(d, machine, (unsigned long)m.buffer.p, m.nr_entries,
                         &n);
    if ( rc )
        return rc;
    m.nr_entries = n;
    return copy_to_guest(arg, &m) ? -EFAULT : 0;
}

long do_memory_op(unsigned long cmd, unsigned long arg)
{
    /* Low bits: the op; high bits: where a continuation resumes. */
    unsigned int op = cmd & MEMOP_CMD_MASK;
    unsigned long start = cmd >> MEMOP_EXTENT_SHIFT;

    switch ( op )
    {
    case XENMEM_increase_reservation:
    case XENMEM_decrease_reservation:
    case XENMEM_populate_physmap:
        return reservation_op(op, start, arg);

    }
    if ( start )
        return -ENOSYS;
    switch ( op )
    {
    case XENMEM_maximum_ram_page:
        return max_page;

    case XENMEM_current_reservation:
    case XENMEM_maximum_reservation:
    case XENMEM_maximum_gpfn:
    {
        domid_t dom;
        struct domain *d;

        if ( copy_from_guest(&dom, arg) )
            return -EFAULT;
        d = target(dom);
        if ( !d )
            return -ESRCH;
        if ( op == XENMEM_current_reservation )
            return d->tot_pages;
        if ( op == XENMEM_maximum_reservation )
            return d->max_pages;
        return arch_max_gpfn(d);
    }

    case XENMEM_exchange:
        return arch_memory_exchange(arg);

    case XENMEM_machphys_mfn_list:
        return arch_machphys_mfn_list(arg);

    case XENMEM_machphys_mapping:
    {
        struct xen_machphys_mapping m = {
            .v_start = ARCH_M2P_START,
            .v_end = ARCH_M2P_END,
            .max_mfn = max_page - 1,
        };

        if ( !ARCH_M2P_END )
            return -ENOSYS;

        return copy_to_guest(arg, &m) ? -EFAULT : 0;
    }

    case XENMEM_memory_map:
        return memory_map(arg, false);

    case XENMEM_machine_memory_map:
        return memory_map(arg, true);
    }
    return arch_memory_op(cmd, arg);
}
