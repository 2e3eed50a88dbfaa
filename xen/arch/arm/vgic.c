// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual GIC's state and injection, common to both versions: one
 * lock per domain guards every interrupt of the domain (SPIs and every
 * vCPU's SGIs/PPIs), so injection is safe from IRQ context.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/vgic.h>

/* Physical SPIs passed through: who owns each, as which virtual IRQ. */
static struct domain *hw_owner[NR_GIC_IRQS];
static uint16_t hw_virq[NR_GIC_IRQS];

/* The host distributor, for GICD_ICFGR (same offset on v2 and v3). */
#define GICD_ICFGR      0xc00
static volatile uint8_t *host_gicd;
static DEFINE_SPINLOCK(host_cfg_lock);

/*
 * The guest says a passed-through SPI is edge (or level) triggered: the
 * GIC must agree, or a short edge is lost.  Called with the interrupt
 * masked at the GIC by the guest's own rules (Linux sets the type first).
 */
void vgic_hw_set_edge(unsigned int hwirq, bool edge)
{
    volatile uint8_t *reg;
    unsigned long flags;
    uint32_t cfg, bit = 2u << ((hwirq % 16) * 2);

    if ( !host_gicd || hwirq < VGIC_NR_LOCAL || hwirq >= gic_nr_lines )
        return;
    reg = host_gicd + GICD_ICFGR + (hwirq / 16) * 4;
    spin_lock_irqsave(&host_cfg_lock, flags);
    cfg = readl(reg);
    writel(edge ? cfg | bit : cfg & ~bit, reg);
    spin_unlock_irqrestore(&host_cfg_lock, flags);
}

struct vgic_irq *vgic_get_irq(struct domain *d, struct vcpu *v,
                              unsigned int intid)
{
    struct vgic_dist *dist = &d->arch.vgic;

    if ( intid < VGIC_NR_LOCAL )
        return v ? &v->arch.vgic.local[intid] : NULL;
    if ( intid - VGIC_NR_LOCAL < dist->nr_spis )
        return &dist->spis[intid - VGIC_NR_LOCAL];
    return NULL;
}

struct vcpu *vgic_irq_target(struct domain *d, struct vcpu *v,
                             const struct vgic_irq *irq)
{
    if ( irq->intid < VGIC_NR_LOCAL )
        return v;
    if ( irq->vcpu >= d->max_vcpus )
        return NULL;
    return d->vcpu[irq->vcpu];
}

/* Distributor forwarding on (v3 with DS: either group enable bit). */
static bool dist_enabled(const struct domain *d)
{
    return d->arch.vgic.ctlr & 3;
}

bool vgic_irq_deliverable(const struct domain *d, const struct vgic_irq *irq)
{
    return irq->pending && irq->enabled &&
           (irq->intid < VGIC_NR_LOCAL || dist_enabled(d));
}

/* v3 IROUTER: the vCPU whose vMPIDR affinity matches; IRM: vCPU 0. */
static unsigned int route_v3(struct domain *d, uint64_t route)
{
    const uint64_t aff = 0xff00ffffffUL;
    unsigned int i;

    if ( route & (1u << 31) )
        return 0;
    for ( i = 0; i < d->max_vcpus; i++ )
        if ( d->vcpu[i] && (d->vcpu[i]->arch.vmpidr & aff) == (route & aff) )
            return i;
    return VGIC_NO_VCPU;
}

/* v2 ITARGETSR: the lowest CPU in the target list. */
static unsigned int route_v2(struct domain *d, uint8_t targets)
{
    unsigned int i;

    for ( i = 0; i < 8 && i < d->max_vcpus; i++ )
        if ( targets & (1u << i) )
            return i;
    return VGIC_NO_VCPU;
}

void vgic_spi_retarget(struct domain *d, struct vgic_irq *irq)
{
    /* An active one stays where the guest is handling it. */
    if ( irq->active || irq->in_lr || irq->intid < VGIC_NR_LOCAL )
        return;
    irq->vcpu = d->arch.vgic.version == 3 ? route_v3(d, irq->route)
                                           : route_v2(d, irq->targets);
    vgic_route_hw(d, irq);
}

/*
 * A pass-through SPI is taken by the pCPU its target vCPU runs on, so
 * the guest's deactivation (LR HW bit) reaches the CPU interface that
 * acknowledged it.
 */
void vgic_route_hw(struct domain *d, struct vgic_irq *irq)
{
    if ( irq->hw && irq->vcpu < d->max_vcpus && d->vcpu[irq->vcpu] )
        gic_ops->set_affinity(irq->hwirq, d->vcpu[irq->vcpu]->processor);
}

void vgic_kick_mask(struct domain *d, const uint64_t *kick)
{
    unsigned int i;

    for ( i = 0; i < d->max_vcpus && i < VGIC_MAX_VCPUS; i++ )
        if ( (kick[i / 64] >> (i % 64)) & 1 )
            vcpu_kick(d->vcpu[i]);
}

void vgic_send_sgi(struct domain *d, struct vcpu *src, unsigned int sgi,
                   const uint64_t *mask, uint64_t *kick)
{
    unsigned int i;

    for ( i = 0; i < d->max_vcpus && i < VGIC_MAX_VCPUS; i++ )
    {
        struct vcpu *t = d->vcpu[i];
        struct vgic_irq *irq;

        if ( !t || !((mask[i / 64] >> (i % 64)) & 1) )
            continue;
        irq = &t->arch.vgic.local[sgi];
        irq->pending = 1;
        if ( d->arch.vgic.version == 2 )
            irq->sgi_sources |= 1u << (src->vcpu_id & 7);
        if ( vgic_irq_deliverable(d, irq) )
            kick[i / 64] |= 1UL << (i % 64);
    }
}

void vgic_inject_irq(struct domain *d, struct vcpu *v, unsigned int virq)
{
    struct vgic_dist *dist = &d->arch.vgic;
    struct vgic_irq *irq;
    struct vcpu *target = NULL;
    unsigned long flags;

    if ( !dist->version )
        return;
    spin_lock_irqsave(&dist->lock, flags);
    irq = vgic_get_irq(d, v, virq);
    if ( irq )
    {
        irq->pending = 1;
        vgic_mark_live(dist, irq);
        if ( vgic_irq_deliverable(d, irq) )
            target = vgic_irq_target(d, v, irq);
    }
    spin_unlock_irqrestore(&dist->lock, flags);
    if ( !irq )
        printk(XENLOG_G_WARNING "d%u: vGIC: no virtual IRQ %u to inject\n",
               d->domain_id, virq);
    else if ( target )
        vcpu_kick(target);
}

/* A passed-through SPI fired: it stays active until the guest ends it. */
static void vgic_hw_irq(unsigned int irq, struct cpu_user_regs *regs)
{
    struct domain *d = hw_owner[irq];

    if ( !d )
    {
        gic_ops->deactivate(irq);
        return;
    }
    vgic_inject_irq(d, NULL, hw_virq[irq]);
}

bool vgic_irq_is_hw(unsigned int irq)
{
    return irq < NR_GIC_IRQS && hw_owner[irq];
}

int vgic_connect_hw_irq(struct domain *d, unsigned int virq,
                        unsigned int hwirq)
{
    struct vgic_dist *dist = &d->arch.vgic;
    struct vgic_irq *irq;
    unsigned long flags;
    bool enabled;
    int rc;

    if ( virq < VGIC_NR_LOCAL || hwirq < VGIC_NR_LOCAL ||
         hwirq >= gic_nr_lines || !dist->version )
        return -EINVAL;
    if ( !host_gicd )
    {
        paddr_t base = dist->version == 3 ? gicv3_dbase : gicv2_dbase;

        host_gicd = ioremap(base, 0x1000);
        if ( !host_gicd )
            return -ENOMEM;
    }
    spin_lock_irqsave(&dist->lock, flags);
    irq = vgic_get_irq(d, NULL, virq);
    if ( !irq || irq->hw || hw_owner[hwirq] )
    {
        spin_unlock_irqrestore(&dist->lock, flags);
        return irq ? -EBUSY : -EINVAL;
    }
    irq->hw = 1;
    irq->hwirq = hwirq;
    hw_owner[hwirq] = d;
    hw_virq[hwirq] = virq;
    enabled = irq->enabled;
    spin_unlock_irqrestore(&dist->lock, flags);

    rc = request_guest_irq(hwirq, vgic_hw_irq, "guest");
    if ( rc )
    {
        spin_lock_irqsave(&dist->lock, flags);
        irq->hw = 0;
        hw_owner[hwirq] = NULL;
        spin_unlock_irqrestore(&dist->lock, flags);
        return rc;
    }
    /* Unmasked when the guest enables it (vgic-mmio.c). */
    if ( enabled )
    {
        gic_ops->enable(hwirq);
        vgic_route_hw(d, irq);
    }
    return 0;
}

bool vgic_vcpu_pending_irq(struct vcpu *v)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    unsigned long flags;
    unsigned int i;
    bool found = false;

    if ( !dist->version )
        return false;
    spin_lock_irqsave(&dist->lock, flags);
    for ( i = 0; i < VGIC_NR_LOCAL && !found; i++ )
        found = vgic_irq_deliverable(d, &v->arch.vgic.local[i]);
    for ( i = 0; i < dist->nr_spis && !found; i++ )
        found = dist->spis[i].vcpu == v->vcpu_id &&
                vgic_irq_deliverable(d, &dist->spis[i]);
    spin_unlock_irqrestore(&dist->lock, flags);
    return found;
}

bool vgic_sysreg_access(struct vcpu *v, uint32_t iss, uint64_t *val)
{
    if ( IS_ENABLED(CONFIG_GICV3) && v->domain->arch.vgic.version == 3 )
        return vgic_v3_sysreg(v, iss, val);
    return false;
}

bool vgic_mmio_access(struct vcpu *v, paddr_t gpa, bool write,
                      unsigned int size, uint64_t *val)
{
    const struct vgic_ops *ops = v->domain->arch.vgic.ops;

    if ( !ops || (size != 1 && size != 2 && size != 4 && size != 8) )
        return false;
    return ops->mmio(v, gpa, write, size, val);
}

int vgic_domain_init(struct domain *d, unsigned int version,
                     unsigned int nr_spis, paddr_t dbase,
                     paddr_t cbase_or_rbase, paddr_t csize_or_rsize)
{
    struct vgic_dist *dist = &d->arch.vgic;
    const struct vgic_ops *ops = NULL;
    unsigned int i;
    int rc;

    if ( IS_ENABLED(CONFIG_GICV3) && version == 3 )
        ops = &vgic_v3_ops;
    else if ( IS_ENABLED(CONFIG_GICV2) && version == 2 )
        ops = &vgic_v2_ops;
    if ( !ops || dist->version )
        return -EINVAL;
    rc = ops->init();
    if ( rc )
        return rc;

    nr_spis = min(ROUNDUP(nr_spis, 32u), (unsigned int)VGIC_MAX_SPIS);
    dist->spis = nr_spis ? xzalloc_array(struct vgic_irq, nr_spis) : NULL;
    if ( nr_spis && !dist->spis )
        return -ENOMEM;
    for ( i = 0; i < nr_spis; i++ )
    {
        dist->spis[i].intid = VGIC_NR_LOCAL + i;
        dist->spis[i].group1 = version == 3;
        dist->spis[i].vcpu = 0;
        dist->spis[i].targets = 1;
    }
    spin_lock_init(&dist->lock);
    dist->nr_spis = nr_spis;
    dist->ctlr = 0;
    dist->dbase = dbase;
    if ( version == 3 )
    {
        dist->rbase = cbase_or_rbase;
        dist->rsize = csize_or_rsize;
    }
    else
    {
        dist->cbase = cbase_or_rbase;
        dist->csize = csize_or_rsize;
    }
    dist->ops = ops;
    dist->version = version;
    return 0;
}

int vgic_vcpu_init(struct vcpu *v)
{
    struct vgic_dist *dist = &v->domain->arch.vgic;
    struct vgic_cpu *c = &v->arch.vgic;
    unsigned int i;

    if ( !dist->ops )
        return -EINVAL;
    if ( v->vcpu_id >= (dist->version == 2 ? 8 : VGIC_MAX_VCPUS) )
        return -EINVAL;
    memset(c, 0, sizeof(*c));
    for ( i = 0; i < VGIC_NR_LOCAL; i++ )
    {
        c->local[i].intid = i;
        c->local[i].vcpu = v->vcpu_id;
        c->local[i].group1 = dist->version == 3;
        /* SGIs are edge-triggered and always enabled on v2. */
        c->local[i].edge = i < 16;
        c->local[i].enabled = dist->version == 2 && i < 16;
    }
    dist->ops->vcpu_init(v);
    return 0;
}

void vgic_domain_destroy(struct domain *d)
{
    struct vgic_dist *dist = &d->arch.vgic;
    unsigned int i;

    if ( !dist->version )
        return;
    for ( i = 0; i < NR_GIC_IRQS; i++ )
    {
        struct vgic_irq *irq;

        if ( hw_owner[i] != d )
            continue;
        release_guest_irq(i);
        irq = vgic_get_irq(d, NULL, hw_virq[i]);
        /* Still active at the GIC if it fired and the guest never ended it. */
        if ( irq && (irq->pending || irq->active) )
            gic_ops->deactivate(i);
        hw_owner[i] = NULL;
    }
    xfree(dist->spis);
    dist->spis = NULL;
    dist->nr_spis = 0;
    dist->ops = NULL;
    dist->version = 0;
}
