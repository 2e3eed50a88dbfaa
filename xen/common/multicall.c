/* SPDX-License-Identifier: GPL-2.0-only */
/* multicall: run a batch of hypercalls, each result stored in its entry. */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/xen.h>

long do_multicall(unsigned long entries, unsigned int count)
{
    unsigned int i;

    for ( i = 0; i < count; i++ )
    {
        struct multicall_entry mc;
        unsigned long args[6], nr;
        bool known;
        unsigned int j;

        if ( i && hypercall_preempt_check() )
            return hypercall_continue(__HYPERVISOR_multicall,
                                      entries + i * sizeof(mc), count - i,
                                      0, 0);
        if ( copy_from_guest_va(&mc, entries + i * sizeof(mc), sizeof(mc)) )
            return -EFAULT;
        /* No nesting, and iret cannot be batched. */
        if ( mc.op == __HYPERVISOR_multicall || mc.op == __HYPERVISOR_iret )
            mc.result = -EINVAL;
        else
        {
            for ( j = 0; j < 6; j++ )
                args[j] = mc.args[j];
            mc.result = hypercall_dispatch(mc.op, args, &known);
            if ( hypercall_take_continuation(&nr, args) )
            {
                /*
                 * The entry itself was preempted: store its remaining
                 * work in the entry and resume the batch there.
                 */
                mc.op = nr;
                for ( j = 0; j < 6; j++ )
                    mc.args[j] = args[j];
                if ( copy_to_guest_va(entries + i * sizeof(mc), &mc,
                                      sizeof(mc)) )
                    return -EFAULT;
                return hypercall_continue(__HYPERVISOR_multicall,
                                          entries + i * sizeof(mc),
                                          count - i, 0, 0);
            }
        }
        if ( copy_to_guest_va(entries + i * sizeof(mc) +
                              offsetof(struct multicall_entry, result),
                              &mc.result, sizeof(mc.result)) )
            return -EFAULT;
        /* A vCPU that stopped (shutdown, crash, block) ends the batch. */
        if ( !vcpu_runnable(current) )
            break;
    }
    return 0;
}
