// SPDX-License-Identifier: GPL-2.0-only
/*
 * platform_op on arm: dom0 sets the wall clock (XENPF_settime32/64, which
 * Linux calls on its clock updates).  Other sub-ops are x86 firmware
 * interfaces and fail with -ENOSYS, as on Xen for arm.
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/wallclock.h>
#include <public/platform.h>

long do_platform_op(unsigned long arg)
{
    struct xen_platform_op op;

    if ( copy_from_guest(&op, arg) )
        return -EFAULT;
    if ( op.interface_version != XENPF_INTERFACE_VERSION )
        return -EACCES;

    switch ( op.cmd )
    {
    case XENPF_settime32:
    case XENPF_settime64:
        return platform_settime(&op);
    }
    return -ENOSYS;
}
