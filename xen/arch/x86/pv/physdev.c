/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev_op for PV guests: I/O privilege, and for dom0 its physical
 * interrupts (GSIs, MSIs and MSI-X entries mapped to PIRQs, end of
 * interrupt and the page of EOI bits, status), IO-APIC access and PCI
 * device registration.  Vectors are ours, on the boot CPU.
 */
#include <xen/errno.h>
#include <xen/event_port.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/mm.h>
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

static long map_pirq(struct physdev_map_pirq *op)
{
    struct domain *t = map_target(op->domid);
    int pirq = op->pirq;
    long rc;

    if ( !t )
        return -EPERM;
    switch ( op->type )
    {
    case MAP_PIRQ_TYPE_GSI:
        rc = op->index < 0 ? -EINVAL : pirq_map_gsi(t, op->index, &pirq);
        break;
    case MAP_PIRQ_TYPE_MSI:
    case MAP_PIRQ_TYPE_MSI_SEG:
        if ( op->type == MAP_PIRQ_TYPE_MSI_SEG && (op->bus >> 16) )
            rc = -EOPNOTSUPP;           /* segment 0 only */
        else
            rc = op->entry_nr < 0 ? -EINVAL
                 : pirq_map_msi(t, op->bus & 0xff, op->devfn, op->entry_nr,
                                op->table_base, &pirq);
        break;
    case MAP_PIRQ_TYPE_MULTI_MSI:
    {
        /* bus holds seg << 16 | bus, as for MSI_SEG; entry_nr the count. */
        unsigned int nr = op->entry_nr;

        if ( op->table_base || op->entry_nr < 0 )
            rc = -EINVAL;
        else if ( op->bus >> 16 )
            rc = -EOPNOTSUPP;
        else
            rc = pirq_map_multi_msi(t, op->bus & 0xff, op->devfn, &nr,
                                    &pirq);
        op->entry_nr = nr;
        break;
    }
    default:
        rc = -EINVAL;
    }
    op->pirq = pirq;
    return rc;
}

/*
 * PHYSDEVOP_pirq_eoi_gmfn_v1/v2: dom0 hands over a page of bits (one per
 * PIRQ, set while an EOI is needed) and then calls PHYSDEVOP_eoi only
 * for PIRQs whose bit is set.  v1 also asks that the EOI unmask the
 * PIRQ's event channel.  Registered once; the page stays held for the
 * domain's life.
 */
static long register_eoi_map(struct domain *d, unsigned long gmfn, bool v1)
{
    unsigned long *map = get_guest_frame_writable(d, gmfn), *none = NULL;

    if ( !map )
        return -EINVAL;
    if ( !__atomic_compare_exchange_n(&d->arch.pirq_eoi_map, &none, map,
                                      false, __ATOMIC_SEQ_CST,
                                      __ATOMIC_SEQ_CST) )
    {
        put_guest_frame_writable(d, gmfn);
        return -EBUSY;
    }
    d->arch.pirq_eoi_mfn = gmfn;
    d->arch.pirq_eoi_auto_unmask = v1;
    pirq_eoi_map_sync(d);
    return 0;
}

static void unmask_pirq_port(struct domain *d, unsigned int pirq)
{
    unsigned long flags;
    unsigned int port;

    spin_lock_irqsave(&d->event_lock, flags);
    port = d->pirq_to_evtchn && pirq < NR_DOMAIN_PIRQS
           ? d->pirq_to_evtchn[pirq] : 0;
    if ( port )
        d->evtchn_port_ops->unmask(d, port);
    spin_unlock_irqrestore(&d->event_lock, flags);
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
    {
        struct physdev_map_pirq op;
        long rc;

        if ( copy_from_guest(&op, arg) )
            return -EFAULT;
        rc = map_pirq(&op);
        /* A multi-MSI too large for the device says what it offers. */
        if ( (!rc || (rc == -ENFILE && op.type == MAP_PIRQ_TYPE_MULTI_MSI))
             && copy_to_guest(arg, &op) )
            rc = -EFAULT;
        return rc;
    }

    case PHYSDEVOP_unmap_pirq:
        PHYSDEV_OP(physdev_unmap_pirq, {
            struct domain *t = map_target(op.domid);

            rc = !t ? -EPERM : op.pirq < 0 ? -EINVAL : pirq_unmap(t, op.pirq);
        }, false)

    case PHYSDEVOP_eoi:
        PHYSDEV_OP(physdev_eoi, {
            rc = pirq_eoi(d, op.irq);
            if ( !rc && d->arch.pirq_eoi_auto_unmask )
                unmask_pirq_port(d, op.irq);
        }, false)

    case PHYSDEVOP_pirq_eoi_gmfn_v1:
    case PHYSDEVOP_pirq_eoi_gmfn_v2:
        PHYSDEV_OP(physdev_pirq_eoi_gmfn, {
            rc = register_eoi_map(d, op.gmfn,
                                  cmd == PHYSDEVOP_pirq_eoi_gmfn_v1);
        }, false)

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
        /* The hypervisor owns IO-APIC routing: the write is filtered. */
        if ( !d->arch.io_privileged )
            return -EPERM;
        PHYSDEV_OP(physdev_apic, {
            rc = ioapic_guest_write(d, op.apic_physbase, op.reg, op.value);
        }, false)

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
