// SPDX-License-Identifier: GPL-2.0-only
/*
 * The register families the v2 distributor, the v3 distributor and the
 * v3 redistributor's SGI frame share (same offsets, one field per
 * interrupt): enable, pending, active, priority, configuration, group
 * and (v2) targets.
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/gic.h>
#include <asm/vgic.h>

static const struct {
    unsigned int start, end;
    enum vgic_reg reg;
    unsigned int bits;              /* per interrupt */
} families[] = {
    { 0x080, 0x100, VGIC_IGROUPR, 1 },
    { 0x100, 0x180, VGIC_ISENABLER, 1 },
    { 0x180, 0x200, VGIC_ICENABLER, 1 },
    { 0x200, 0x280, VGIC_ISPENDR, 1 },
    { 0x280, 0x300, VGIC_ICPENDR, 1 },
    { 0x300, 0x380, VGIC_ISACTIVER, 1 },
    { 0x380, 0x400, VGIC_ICACTIVER, 1 },
    { 0x400, 0x800, VGIC_IPRIORITYR, 8 },
    { 0x800, 0xc00, VGIC_ITARGETSR, 8 },
    { 0xc00, 0xd00, VGIC_ICFGR, 2 },
};

static unsigned int field_bits(enum vgic_reg reg)
{
    return reg == VGIC_IPRIORITYR || reg == VGIC_ITARGETSR ? 8 :
           reg == VGIC_ICFGR ? 2 : 1;
}

bool vgic_reg_decode(unsigned int offset, enum vgic_reg *reg,
                     unsigned int *intid)
{
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(families); i++ )
        if ( offset >= families[i].start && offset < families[i].end )
        {
            *reg = families[i].reg;
            *intid = (offset - families[i].start) * 8 / families[i].bits;
            return true;
        }
    return false;
}

static uint64_t get_field(struct vcpu *v, const struct vgic_irq *irq,
                          enum vgic_reg reg)
{
    switch ( reg )
    {
    case VGIC_IGROUPR:
        return irq->group1;
    case VGIC_ISENABLER:
    case VGIC_ICENABLER:
        return irq->enabled;
    case VGIC_ISPENDR:
    case VGIC_ICPENDR:
        return irq->pending;
    case VGIC_ISACTIVER:
    case VGIC_ICACTIVER:
        return irq->active;
    case VGIC_IPRIORITYR:
        return irq->priority;
    case VGIC_ITARGETSR:
        /* Banked ones read as the accessing CPU's own bit. */
        return irq->intid < VGIC_NR_LOCAL ? 1u << (v->vcpu_id & 7)
                                          : irq->targets;
    case VGIC_ICFGR:
        return irq->edge ? 2 : 0;
    }
    return 0;
}

/* One interrupt's field written (bit registers: only with a 1). */
static void set_field(struct domain *d, struct vcpu *v, struct vgic_irq *irq,
                      enum vgic_reg reg, uint64_t field, uint64_t *kick)
{
    bool v2_sgi = d->arch.vgic.version == 2 && irq->intid < 16;
    struct vcpu *t;

    switch ( reg )
    {
    case VGIC_IGROUPR:
        /* v3: RAO/WI (all group 1); v2: RAZ/WI (all group 0). */
        return;
    case VGIC_ISENABLER:
        if ( !irq->enabled && irq->hw )
        {
            gic_ops->enable(irq->hwirq);
            vgic_route_hw(d, irq);
        }
        irq->enabled = 1;
        break;
    case VGIC_ICENABLER:
        if ( irq->enabled && irq->hw )
            gic_ops->disable(irq->hwirq);
        irq->enabled = 0;
        return;
    case VGIC_ISPENDR:
        if ( v2_sgi )
            return;             /* GICD_SPENDSGIR's job */
        irq->pending = 1;
        vgic_mark_live(&d->arch.vgic, irq);
        break;
    case VGIC_ICPENDR:
        if ( v2_sgi )
            return;
        /* A passed-through one fired and is still active at the GIC. */
        if ( irq->pending && irq->hw && !irq->active && !irq->in_lr )
            gic_ops->deactivate(irq->hwirq);
        irq->pending = 0;
        return;
    case VGIC_ISACTIVER:
        irq->active = 1;
        vgic_mark_live(&d->arch.vgic, irq);
        return;
    case VGIC_ICACTIVER:
        if ( irq->active && irq->hw && !irq->in_lr )
            gic_ops->deactivate(irq->hwirq);
        irq->active = 0;
        vgic_spi_retarget(d, irq);
        break;
    case VGIC_IPRIORITYR:
        irq->priority = field;
        return;
    case VGIC_ITARGETSR:
        if ( irq->intid < VGIC_NR_LOCAL )
            return;
        irq->targets = field;
        vgic_spi_retarget(d, irq);
        break;
    case VGIC_ICFGR:
        /* SGIs are always edge; PPIs and SPIs as the guest says. */
        if ( irq->intid < 16 || irq->edge == !!(field & 2) )
            return;
        irq->edge = !!(field & 2);
        if ( irq->hw )
            vgic_hw_set_edge(irq->hwirq, irq->edge);
        return;
    }
    t = vgic_irq_deliverable(d, irq) ? vgic_irq_target(d, v, irq) : NULL;
    if ( t && t->vcpu_id < VGIC_MAX_VCPUS )
        kick[t->vcpu_id / 64] |= 1UL << (t->vcpu_id % 64);
}

void vgic_reg_access(struct vcpu *v, enum vgic_reg reg, unsigned int intid,
                     unsigned int lo, unsigned int hi, bool write,
                     unsigned int size, uint64_t *val)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    unsigned int bits = field_bits(reg), n = size * 8 / bits, i;
    uint64_t mask = bits == 64 ? ~0UL : (1UL << bits) - 1;
    uint64_t kick[VGIC_KICK_WORDS] = { 0 }, out = 0;
    unsigned long flags;

    spin_lock_irqsave(&dist->lock, flags);
    for ( i = 0; i < n; i++ )
    {
        struct vgic_irq *irq = vgic_get_irq(d, v, intid + i);
        uint64_t field = (*val >> (i * bits)) & mask;

        if ( !irq || intid + i < lo || intid + i >= hi )
            continue;
        if ( !write )
            out |= get_field(v, irq, reg) << (i * bits);
        else if ( bits > 1 || field )
            set_field(d, v, irq, reg, field, kick);
    }
    spin_unlock_irqrestore(&dist->lock, flags);
    if ( !write )
        *val = out;
    else
        vgic_kick_mask(d, kick);
}
