/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_op for PV guests: I/O privilege, and for dom0 its physical
 * interrupts (GSIs mapped to PIRQs, end of interrupt, status), IO-APIC
 * reads and PCI device registration.  MSI and MSI-X vectors are single
 * vectors on the boot CPU; multi-vector MSI is not offered.
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/physdev.h>
#include <asm/irq.h>

#define PHYSDEV_OP(type, body, writeback)                                 \
    {                                                                    \
        struct type op;                                                  \
        long rc;                                                         \
                                                                         \
        if ( copy_from_guest(&op, arg) )                                 \
            return -EFAULT;                                              \
        body;                                                            \
        if ( (writeback) && !rc && copy_to_guest(arg, &op) )             \
            rc = -EFAULT;                                                \
        return rc;                                                       \
    }

static struct domain *map_target(domid_t dom)
{
    struct domain *d = current->domain;

    if ( dom == DOMID_SELF || dom == d->domain_id )
        return d;
    return NULL;    /* mapping for other domains comes with the toolstack */
}

long do_physdev_op(int cmd, unsigned long arg)
{
    struct vcpu *v = current;
    struct domain *d = v->domain;

    switch ( cmd )
    {
    case PHYSDEVOP_set_iopl:
        PHYSDEV_OP(physdev_set_iopl, {
            rc = op.iopl > 3 ? -EINVAL : 0;
            if ( !rc )
                v->arch.pv.iopl = op.iopl;
        }, false)

    case PHYSDEVOP_setup_gsi:
        if ( !d->arch.io_privileged )
            return -EPERM;
        PHYSDEV_OP(physdev_setup_gsi, {
            rc = op.gsi < 0 ? -EINVAL
                            : gsi_setup(op.gsi, op.triggering, op.polarity);
        }, false)

    case PHYSDEVOP_map_pirq:
        PHYSDEV_OP(physdev_map_pirq, {
            struct domain *t = map_target(op.domid);
            int pirq = op.pirq;

            if ( !t )
                rc = -EPERM;
            else if ( op.type == MAP_PIRQ_TYPE_GSI )
                rc = op.index < 0 ? -EINVAL
                                  : pirq_map_gsi(t, op.index, &pirq);
            else if ( op.type == MAP_PIRQ_TYPE_MSI ||
                      (op.type == MAP_PIRQ_TYPE_MSI_SEG && !(op.bus >> 16)) )
                rc = op.entry_nr < 0 ? -EINVAL
                     : pirq_map_msi(t, op.bus & 0xff, op.devfn, op.entry_nr,
                                    op.table_base, &pirq);
            else
                rc = -EOPNOTSUPP;       /* multi-vector MSI, other segments */
            op.pirq = pirq;
        }, true)

    case PHYSDEVOP_unmap_pirq:
        PHYSDEV_OP(physdev_unmap_pirq, {
            struct domain *t = map_target(op.domid);

            rc = !t ? -EPERM : op.pirq < 0 ? -EINVAL : pirq_unmap(t, op.pirq);
        }, false)

    case PHYSDEVOP_eoi:
        PHYSDEV_OP(physdev_eoi, rc = pirq_eoi(d, op.irq), false)

    case PHYSDEVOP_irq_status_query:
        PHYSDEV_OP(physdev_irq_status_query, {
            int needs = pirq_needs_eoi(d, op.irq);

            rc = needs < 0 ? needs : 0;
            op.flags = needs > 0 ? XENIRQSTAT_needs_eoi : 0;
        }, true)

    case PHYSDEVOP_apic_read:
        if ( !d->arch.io_privileged )
            return -EPERM;
        PHYSDEV_OP(physdev_apic, {
            uint32_t val = 0;

            rc = ioapic_guest_read(op.apic_physbase, op.reg, &val);
            op.value = val;
        }, true)

    case PHYSDEVOP_alloc_irq_vector:
        /* Vectors are the hypervisor's: dom0 gets its IRQ number back. */
        if ( !d->arch.io_privileged )
            return -EPERM;
        PHYSDEV_OP(physdev_irq, {
            op.vector = op.irq;
            rc = 0;
        }, true)

    case PHYSDEVOP_free_irq_vector:
        return d->arch.io_privileged ? 0 : -EPERM;

    case PHYSDEVOP_apic_write:
        /* The hypervisor owns IO-APIC routing. */
        return -EPERM;

    case PHYSDEVOP_pci_device_add:
    case PHYSDEVOP_pci_device_remove:
    case PHYSDEVOP_manage_pci_add:
    case PHYSDEVOP_manage_pci_add_ext:
    case PHYSDEVOP_manage_pci_remove:
    case PHYSDEVOP_pci_mmcfg_reserved:
        /* Noted: dom0 owns its PCI devices; nothing to set up yet. */
        return d->arch.io_privileged ? 0 : -EPERM;
    }
    gprintk(XENLOG_DEBUG, "d%u: physdev_op %d unsupported\n", d->domain_id,
            cmd);
    return -ENOSYS;
}
