/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GSIs for dom0: each IO-APIC pin gets its own vector and is delivered to
 * the boot CPU.  A pin stays masked until dom0 binds its PIRQ to an event
 * channel.  A level-triggered pin is masked when it fires and unmasked
 * when dom0 signals end of interrupt (PHYSDEVOP_eoi).  dom0 may read the
 * IO-APIC and write redirection entries, which we filter.  PIRQs from
 * NR_GSIS on are MSIs (msi.c).
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

static DEFINE_SPINLOCK(gsi_lock);

static void set_eoi_bit(struct domain *d, unsigned int pirq, bool needs);

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
    msi_init();
}

int gsi_setup(unsigned int gsi, bool level, bool low)
{
    if ( gsi >= NR_GSIS || !gsis[gsi].exists )
        return -EINVAL;
    spin_lock_irq(&gsi_lock);
    gsis[gsi].level = level;
    gsis[gsi].low = low;
    if ( gsis[gsi].owner )
    {
        program_pin(gsi, !gsis[gsi].bound);
        set_eoi_bit(gsis[gsi].owner, gsi, gsis[gsi].bound && level);
    }
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

static bool gsi_mapped(const struct domain *d, unsigned int pirq)
{
    return pirq < NR_GSIS && gsis[pirq].owner == d;
}

bool pirq_mapped(const struct domain *d, unsigned int pirq)
{
    return gsi_mapped(d, pirq) || msi_pirq_mapped(d, pirq);
}

/*
 * The PHYSDEVOP_pirq_eoi_gmfn page: dom0 calls PHYSDEVOP_eoi only for a
 * PIRQ whose bit is set, so a level pin must have it from the moment it
 * is bound (we mask such a pin until that EOI).  Edges (and MSIs) never
 * wait for one.
 */
static void set_eoi_bit(struct domain *d, unsigned int pirq, bool needs)
{
    unsigned long *map = d->arch.pirq_eoi_map;
    unsigned long bit = 1UL << (pirq % 64);

    if ( !map || pirq >= NR_DOMAIN_PIRQS )
        return;
    if ( needs )
        __atomic_fetch_or(&map[pirq / 64], bit, __ATOMIC_SEQ_CST);
    else
        __atomic_fetch_and(&map[pirq / 64], ~bit, __ATOMIC_SEQ_CST);
}

void pirq_eoi_map_sync(struct domain *d)
{
    unsigned int gsi;
    unsigned long flags;

    spin_lock_irqsave(&gsi_lock, flags);
    for ( gsi = 0; gsi < NR_GSIS; gsi++ )
        if ( gsis[gsi].owner == d )
            set_eoi_bit(d, gsi, gsis[gsi].bound && gsis[gsi].level);
    spin_unlock_irqrestore(&gsi_lock, flags);
}

void pirq_set_bound(struct domain *d, unsigned int pirq, bool bound)
{
    unsigned long flags;

    if ( !gsi_mapped(d, pirq) )
    {
        msi_pirq_set_bound(d, pirq, bound);
        return;
    }
    spin_lock_irqsave(&gsi_lock, flags);
    gsis[pirq].bound = bound;
    gsis[pirq].eoi_pending = false;
    set_eoi_bit(d, pirq, bound && gsis[pirq].level);
    program_pin(pirq, !bound);
    spin_unlock_irqrestore(&gsi_lock, flags);
}

int pirq_unmap(struct domain *d, unsigned int pirq)
{
    if ( !gsi_mapped(d, pirq) )
        return msi_pirq_unmap(d, pirq);
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
    if ( !gsi_mapped(d, pirq) )
        return msi_pirq_mapped(d, pirq) ? 0 : -EINVAL;  /* MSI: an edge */
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
    if ( !gsi_mapped(d, pirq) )
        return msi_pirq_mapped(d, pirq) ? 0 : -EINVAL;
    return gsis[pirq].level;
}

/* The IO-APIC at this base address, or -EINVAL. */
static int ioapic_of(paddr_t base)
{
    unsigned int i;

    for ( i = 0; i < acpi_info.nr_ioapics; i++ )
        if ( acpi_info.ioapics[i].addr == base )
            return i;
    return -EINVAL;
}

/* The registers are selected by an 8-bit index. */
int ioapic_guest_read(paddr_t base, unsigned int reg, uint32_t *val)
{
    int i = ioapic_of(base);
    unsigned long flags;

    if ( i < 0 )
        return i;
    if ( reg > 0xff )
        return -EINVAL;
    spin_lock_irqsave(&gsi_lock, flags);
    *val = ioapic_read(i, reg);
    spin_unlock_irqrestore(&gsi_lock, flags);
    return 0;
}

/*
 * dom0 writing an IO-APIC register, as Xen's ioapic_guest_write: only
 * the low half of a redirection entry means anything.  From it we take
 * the trigger mode and polarity of a pin not in use, and when it is
 * unmasked its vector field names the PIRQ to map the pin to (the
 * vector PHYSDEVOP_alloc_irq_vector handed out).  Vector, destination
 * and mask stay ours: the pin is unmasked only while its PIRQ is bound.
 */
int ioapic_guest_write(struct domain *d, paddr_t base, unsigned int reg,
                       uint32_t val)
{
    int i = ioapic_of(base), pirq = val & 0xff;
    unsigned int pin, gsi, mode = (val >> 8) & 7;
    bool level = val & (1u << 15), low = val & (1u << 13);
    struct gsi_state *g;
    int rc = 0;

    if ( i < 0 )
        return i;
    if ( reg > 0xff )
        return -EINVAL;
    if ( reg < 0x10 || (reg & 1) )
        return 0;                       /* ID, arbitration, destinations */
    pin = (reg - 0x10) / 2;
    gsi = acpi_info.ioapics[i].gsi_base + pin;
    if ( pin >= acpi_info.ioapics[i].nr_pins || gsi >= NR_GSIS ||
         !gsis[gsi].exists )
        return -EINVAL;
    if ( mode > 1 )                     /* not fixed or lowest priority */
    {
        gprintk(XENLOG_WARNING,
                "d%u: IO-APIC pin %u: delivery mode %u refused\n",
                d->domain_id, pin, mode);
        return -EINVAL;
    }
    g = &gsis[gsi];

    spin_lock_irq(&gsi_lock);
    if ( g->bound )
    {
        if ( g->level != level || g->low != low )
            gprintk(XENLOG_WARNING,
                    "d%u: IO-APIC write %#x to GSI %u in use ignored\n",
                    d->domain_id, val, gsi);
        spin_unlock_irq(&gsi_lock);
        return 0;
    }
    g->level = level;
    g->low = low;
    program_pin(gsi, true);
    spin_unlock_irq(&gsi_lock);

    if ( !(val & (1u << 16)) )
        rc = pirq_map_gsi(d, gsi, &pirq);
    return rc;
}
