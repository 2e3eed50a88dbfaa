/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GSIs for dom0: each IO-APIC pin gets its own vector and is delivered to
 * the boot CPU.  A pin stays masked until dom0 binds its PIRQ to an event
 * channel.  A level-triggered pin is masked when it fires and unmasked
 * when dom0 signals end of interrupt (PHYSDEVOP_eoi).
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/page.h>
#include <asm/pci.h>

struct gsi_state {
    bool exists;
    bool level, low;
    struct domain *owner;
    bool bound;
    bool eoi_pending;                   /* level: masked until dom0's EOI */
    unsigned int ioapic, pin;
};

static struct gsi_state gsis[NR_GSIS];

/* An MSI or MSI-X vector given to a domain as PIRQ NR_GSIS + n. */
struct msi_state {
    struct domain *owner;
    bool bound;
    bool pending;                       /* fired before it was bound */
    unsigned int bus, devfn, entry;
    volatile uint32_t *msix_entry;      /* MSI-X table entry, or NULL */
};

static struct msi_state msis[NR_MSIS];
static DEFINE_SPINLOCK(gsi_lock);

static volatile uint32_t *ioapic_base(unsigned int i)
{
    return __va(acpi_info.ioapics[i].addr);
}

static uint32_t ioapic_read(unsigned int i, unsigned int reg)
{
    volatile uint32_t *io = ioapic_base(i);

    io[0] = reg;
    return io[4];
}

static void ioapic_write(unsigned int i, unsigned int reg, uint32_t v)
{
    volatile uint32_t *io = ioapic_base(i);

    io[0] = reg;
    io[4] = v;
}

static void program_pin(unsigned int gsi, bool masked)
{
    const struct gsi_state *g = &gsis[gsi];
    uint32_t lo = (GSI_VECTOR_BASE + gsi) | (g->low ? 1u << 13 : 0) |
                  (g->level ? 1u << 15 : 0) | (masked ? 1u << 16 : 0);

    ioapic_write(g->ioapic, 0x11 + 2 * g->pin, x86_cpu_to_apicid[0] << 24);
    ioapic_write(g->ioapic, 0x10 + 2 * g->pin, lo);
}

static void gsi_interrupt(struct cpu_user_regs *regs)
{
    unsigned int gsi = regs->entry_vector - GSI_VECTOR_BASE;
    struct gsi_state *g = &gsis[gsi];
    struct domain *d;

    spin_lock(&gsi_lock);
    d = g->owner;
    if ( g->level )
    {
        /* Quiet until the guest has handled it. */
        program_pin(gsi, true);
        g->eoi_pending = true;
    }
    spin_unlock(&gsi_lock);
    apic_eoi();
    if ( d && g->bound )
        send_guest_pirq(d, gsi);
}

static void msi_interrupt(struct cpu_user_regs *regs)
{
    struct msi_state *m = &msis[regs->entry_vector - MSI_VECTOR_BASE];

    apic_eoi();
    /*
     * An MSI is an edge: one lost before dom0 bound it would leave the
     * device waiting for an acknowledgement forever.  Keep it for then.
     */
    if ( m->owner && m->bound )
        send_guest_pirq(m->owner, NR_GSIS + (m - msis));
    else if ( m->owner )
        m->pending = true;
}

/*
 * Point a device's MSI (or one MSI-X table entry) at this vector on the
 * boot CPU.  dom0 enables the capability itself, as on Xen.
 */
int pirq_map_msi(struct domain *d, unsigned int bus, unsigned int devfn,
                 unsigned int entry, uint64_t table_base, int *pirq)
{
    uint32_t addr = 0xfee00000u | (x86_cpu_to_apicid[0] << 12);
    unsigned int i, cap, vector;
    struct msi_state *m = NULL;

    if ( !d->arch.io_privileged )
        return -EPERM;
    if ( bus > 255 || devfn > 255 ||
         pci_conf_read(bus, devfn, 0, 2) == 0xffff )
        return -ENODEV;
    spin_lock_irq(&gsi_lock);
    for ( i = 0; i < NR_MSIS; i++ )
        if ( !msis[i].owner &&
             (*pirq < 0 || (unsigned int)*pirq == NR_GSIS + i) )
        {
            m = &msis[i];
            m->owner = d;
            break;
        }
    spin_unlock_irq(&gsi_lock);
    if ( !m )
        return -ENOSPC;
    vector = MSI_VECTOR_BASE + (m - msis);
    m->bus = bus;
    m->devfn = devfn;
    m->entry = entry;
    m->bound = false;
    m->pending = false;
    m->msix_entry = NULL;

    if ( table_base )
    {
        uint32_t tbl, ctrl;
        volatile uint32_t *e;

        cap = pci_find_cap(bus, devfn, 0x11);
        if ( !cap )
            goto fail;
        ctrl = pci_conf_read(bus, devfn, cap + 2, 2);
        tbl = pci_conf_read(bus, devfn, cap + 4, 4);
        if ( entry > (ctrl & 0x7ff) )
            goto fail;
        e = ioremap(table_base + (tbl & ~7u) + entry * 16UL, 16);
        if ( !e )
            goto fail;
        e[0] = addr;
        e[1] = 0;
        e[2] = vector;
        e[3] &= ~1u;                    /* unmask this vector */
        m->msix_entry = e;
    }
    else
    {
        uint32_t ctrl;

        cap = pci_find_cap(bus, devfn, 0x05);
        if ( !cap || entry > 1 )
            goto fail;
        ctrl = pci_conf_read(bus, devfn, cap + 2, 2);
        pci_conf_write(bus, devfn, cap + 4, 4, addr);
        if ( ctrl & 0x80 )              /* 64-bit address */
        {
            pci_conf_write(bus, devfn, cap + 8, 4, 0);
            pci_conf_write(bus, devfn, cap + 12, 2, vector);
        }
        else
            pci_conf_write(bus, devfn, cap + 8, 2, vector);
    }
    *pirq = NR_GSIS + (m - msis);
    return 0;

 fail:
    m->owner = NULL;
    return -EINVAL;
}

void gsi_init(void)
{
    unsigned int i, gsi, v;

    for ( i = 0; i < acpi_info.nr_ioapics; i++ )
        for ( v = 0; v < acpi_info.ioapics[i].nr_pins; v++ )
        {
            gsi = acpi_info.ioapics[i].gsi_base + v;
            if ( gsi >= NR_GSIS )
                continue;
            gsis[gsi].exists = true;
            gsis[gsi].ioapic = i;
            gsis[gsi].pin = v;
            /* ISA defaults: edge, active high; PCI: level, active low. */
            gsis[gsi].level = gsi >= 16;
            gsis[gsi].low = gsi >= 16;
        }
    for ( i = 0; i < acpi_info.nr_overrides; i++ )
    {
        gsi = acpi_info.overrides[i].gsi;
        if ( gsi >= NR_GSIS )
            continue;
        switch ( acpi_info.overrides[i].flags & 3 )
        {
        case 1: gsis[gsi].low = false; break;
        case 3: gsis[gsi].low = true; break;
        }
        switch ( (acpi_info.overrides[i].flags >> 2) & 3 )
        {
        case 1: gsis[gsi].level = false; break;
        case 3: gsis[gsi].level = true; break;
        }
    }
    for ( gsi = 0; gsi < NR_GSIS; gsi++ )
        if ( gsis[gsi].exists )
            set_irq_handler(GSI_VECTOR_BASE + gsi,
                            (void (*)(void))gsi_interrupt);
    for ( v = 0; v < NR_MSIS; v++ )
        set_irq_handler(MSI_VECTOR_BASE + v, (void (*)(void))msi_interrupt);
}

int gsi_setup(unsigned int gsi, bool level, bool low)
{
    if ( gsi >= NR_GSIS || !gsis[gsi].exists )
        return -EINVAL;
    spin_lock_irq(&gsi_lock);
    gsis[gsi].level = level;
    gsis[gsi].low = low;
    if ( gsis[gsi].owner )
        program_pin(gsi, !gsis[gsi].bound);
    spin_unlock_irq(&gsi_lock);
    return 0;
}

/* PIRQ numbers equal GSI numbers: Linux asks for exactly that. */
int pirq_map_gsi(struct domain *d, unsigned int gsi, int *pirq)
{
    if ( !d->arch.io_privileged )
        return -EPERM;
    if ( gsi >= NR_GSIS || !gsis[gsi].exists )
        return -EINVAL;
    if ( *pirq >= 0 && (unsigned int)*pirq != gsi )
        return -EINVAL;
    spin_lock_irq(&gsi_lock);
    if ( gsis[gsi].owner && gsis[gsi].owner != d )
    {
        spin_unlock_irq(&gsi_lock);
        return -EBUSY;
    }
    if ( !gsis[gsi].owner )
    {
        gsis[gsi].owner = d;
        program_pin(gsi, true);
    }
    spin_unlock_irq(&gsi_lock);
    *pirq = gsi;
    return 0;
}

static struct msi_state *msi_of(unsigned int pirq)
{
    return pirq >= NR_GSIS && pirq < NR_GSIS + NR_MSIS
           ? &msis[pirq - NR_GSIS] : NULL;
}

bool pirq_mapped(const struct domain *d, unsigned int pirq)
{
    struct msi_state *m = msi_of(pirq);

    if ( m )
        return m->owner == d;
    return pirq < NR_GSIS && gsis[pirq].owner == d;
}

void pirq_set_bound(struct domain *d, unsigned int pirq, bool bound)
{
    unsigned long flags;

    if ( !pirq_mapped(d, pirq) )
        return;
    if ( msi_of(pirq) )
    {
        struct msi_state *m = msi_of(pirq);

        m->bound = bound;
        if ( bound && m->pending )
        {
            m->pending = false;
            send_guest_pirq(d, pirq);
        }
        return;
    }
    spin_lock_irqsave(&gsi_lock, flags);
    gsis[pirq].bound = bound;
    gsis[pirq].eoi_pending = false;
    program_pin(pirq, !bound);
    spin_unlock_irqrestore(&gsi_lock, flags);
}

int pirq_unmap(struct domain *d, unsigned int pirq)
{
    struct msi_state *m = msi_of(pirq);

    if ( !pirq_mapped(d, pirq) )
        return -EINVAL;
    if ( m )
    {
        if ( m->bound )
            return -EBUSY;
        if ( m->msix_entry )
            m->msix_entry[3] |= 1;      /* mask the vector */
        m->owner = NULL;
        return 0;
    }
    if ( gsis[pirq].bound )
        return -EBUSY;
    spin_lock_irq(&gsi_lock);
    program_pin(pirq, true);
    gsis[pirq].owner = NULL;
    spin_unlock_irq(&gsi_lock);
    return 0;
}

int pirq_eoi(struct domain *d, unsigned int pirq)
{
    if ( !pirq_mapped(d, pirq) )
        return -EINVAL;
    if ( msi_of(pirq) )
        return 0;                       /* edge: nothing to undo */
    spin_lock_irq(&gsi_lock);
    if ( gsis[pirq].eoi_pending && gsis[pirq].bound )
    {
        gsis[pirq].eoi_pending = false;
        program_pin(pirq, false);
    }
    spin_unlock_irq(&gsi_lock);
    return 0;
}

int pirq_needs_eoi(struct domain *d, unsigned int pirq)
{
    if ( !pirq_mapped(d, pirq) )
        return -EINVAL;
    if ( msi_of(pirq) )
        return 0;
    return gsis[pirq].level;
}

int ioapic_guest_read(paddr_t base, unsigned int reg, uint32_t *val)
{
    unsigned int i;

    for ( i = 0; i < acpi_info.nr_ioapics; i++ )
        if ( acpi_info.ioapics[i].addr == base )
        {
            unsigned long flags;

            spin_lock_irqsave(&gsi_lock, flags);
            *val = ioapic_read(i, reg);
            spin_unlock_irqrestore(&gsi_lock, flags);
            return 0;
        }
    return -EINVAL;
}
