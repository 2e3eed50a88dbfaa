/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * platform_op for the control domain: setting the wall clock, physical
 * CPU information and the firmware facts dom0 asks for at boot.
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/time.h>
#include <xen/wallclock.h>
#include <public/platform.h>
#include <asm/acpi.h>
#include <asm/page.h>
#include <asm/pv_dom0.h>

long do_platform_op(unsigned long arg)
{
    struct xen_platform_op op;
    long rc;

    if ( copy_from_guest(&op, arg) )
        return -EFAULT;
    if ( op.interface_version != XENPF_INTERFACE_VERSION )
        return -EACCES;

    switch ( op.cmd )
    {
    case XENPF_settime32:
    case XENPF_settime64:
        return platform_settime(&op);

    case XENPF_get_cpuinfo:
    {
        struct xenpf_pcpuinfo *p = &op.u.pcpu_info;
        unsigned int cpu = p->xen_cpuid;

        p->max_present = nr_cpu_ids - 1;
        if ( cpu >= nr_cpu_ids )
            p->flags = XEN_PCPU_FLAGS_INVALID;
        else
        {
            p->flags = cpu_online(cpu) ? XEN_PCPU_FLAGS_ONLINE : 0;
            p->apic_id = x86_cpu_to_apicid[cpu];
            p->acpi_id = cpu;
        }
        rc = 0;
        break;
    }

    case XENPF_firmware_info:
        if ( op.u.firmware_info.type != XEN_FW_KBD_SHIFT_FLAGS ||
             op.u.firmware_info.index )
            return -ESRCH;          /* no EDD, VBE or EFI data to offer */
        /* The BIOS keeps the keyboard shift state at 0x417. */
        op.u.firmware_info.u.kbd_shift_flags = *(uint8_t *)__va(0x417);
        rc = 0;
        break;

    default:
        return -ENOSYS;
    }
    if ( !rc && copy_to_guest(arg, &op) )
        rc = -EFAULT;
    return rc;
}
