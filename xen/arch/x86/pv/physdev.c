/* SPDX-License-Identifier: GPL-2.0-only */
/* physdev_op for PV guests: I/O privilege level (more with dom0 devices). */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/physdev.h>

long do_physdev_op(int cmd, unsigned long arg)
{
    struct vcpu *v = current;

    switch ( cmd )
    {
    case PHYSDEVOP_set_iopl:
    {
        struct physdev_set_iopl s;

        if ( copy_from_guest(&s, arg) )
            return -EFAULT;
        if ( s.iopl > 3 )
            return -EINVAL;
        v->arch.pv.iopl = s.iopl;
        return 0;
    }
    }
    return -ENOSYS;
}
