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
#include <asm/page.h>

struct gsi_state {
    bool exists;
    bool level, low;
    struct domain *owner;
    bool bound;
    bool eoi_pending;                   /* level: masked until dom0's EOI */
    unsigned int ioapic, pin;
};

static struct gsi_state gsis[NR_GSIS];
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

bool pirq_mapped(const struct domain *d, unsigned int pirq)
{
    return pirq < NR_GSIS && gsis[pirq].owner == d;
}

void pirq_set_bound(struct domain *d, unsigned int pirq, bool bound)
{
    unsigned long flags;

    if ( !pirq_mapped(d, pirq) )
        return;
    spin_lock_irqsave(&gsi_lock, flags);
    gsis[pirq].bound = bound;
    gsis[pirq].eoi_pending = false;
    program_pin(pirq, !bound);
    spin_unlock_irqrestore(&gsi_lock, flags);
}

int pirq_unmap(struct domain *d, unsigned int pirq)
{
    if ( !pirq_mapped(d, pirq) )
        return -EINVAL;
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
