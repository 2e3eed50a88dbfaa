// SPDX-License-Identifier: GPL-2.0-only
/*
 * hvm_op on arm: only HVMOP_set_param and HVMOP_get_param (event-channel
 * callback, console and xenstore pages and ports).  A domain reads its
 * own parameters; only a privileged domain sets them, or reads others'.
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/hvm/hvm_op.h>
#include <public/hvm/params.h>

long do_hvm_op(unsigned long op, unsigned long arg)
{
    struct domain *cur = current->domain, *d;
    struct xen_hvm_param p;

    if ( op != HVMOP_set_param && op != HVMOP_get_param )
        return -ENOSYS;
    if ( copy_from_guest(&p, arg) )
        return -EFAULT;
    if ( p.index >= HVM_NR_PARAMS ||
         p.index >= ARRAY_SIZE(cur->arch.hvm_params) )
        return -EINVAL;
    if ( p.domid == DOMID_SELF || p.domid == cur->domain_id )
        d = cur;
    else if ( cur->is_privileged )
        d = rcu_lock_domain_by_id(p.domid);
    else
        return -EPERM;
    if ( !d )
        return -ESRCH;

    if ( op == HVMOP_set_param )
    {
        if ( !cur->is_privileged )
            return -EPERM;
        d->arch.hvm_params[p.index] = p.value;
        return 0;
    }
    p.value = d->arch.hvm_params[p.index];
    return copy_to_guest(arg, &p) ? -EFAULT : 0;
}
