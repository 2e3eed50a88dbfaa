// SPDX-License-Identifier: GPL-2.0-only
/*
 * List registers: on the way into a guest the highest-priority active
 * and pending interrupts of the vCPU are written to them; on the way out
 * all of them are read back into the interrupts' state and cleared, so
 * the hypervisor only ever looks at struct vgic_irq.
 */
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <asm/gic.h>
#include <asm/vgic.h>

static unsigned int nr_lrs;             /* the same on every pCPU */
static DEFINE_PER_CPU(bool, lr_ready);

/*
 * Underflow (UIE) or an EOI we asked for: the exit has already folded
 * the list registers back (vgic_sync_lrs), and the way back in refills
 * them.  Only keep the level-sensitive signal from firing again.
 */
static void vgic_maintenance(unsigned int irq, struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    const struct vgic_ops *ops = v->domain->arch.vgic.ops;

    if ( !is_idle_vcpu(v) && ops )
        ops->set_hcr(true, false);
}

/* First guest on this pCPU: LRs start UNKNOWN; the maintenance PPI. */
static void lr_cpu_setup(const struct vgic_ops *ops)
{
    unsigned int i, n = min(ops->nr_lrs(), (unsigned int)VGIC_MAX_LRS);

    if ( this_cpu(lr_ready) )
        return;
    if ( !nr_lrs || n < nr_lrs )
        nr_lrs = n;
    for ( i = 0; i < n; i++ )
        ops->clear_lr(i);
    if ( request_irq(VGIC_MAINT_IRQ, vgic_maintenance, "vgic-maint") )
        printk(XENLOG_WARNING "vGIC: no maintenance interrupt on CPU%u\n",
               smp_processor_id());
    this_cpu(lr_ready) = true;
}

/* Keep best[] (at most nr_lrs) sorted: active first, then by priority. */
static void consider(struct domain *d, struct vgic_irq *irq,
                     struct vgic_irq **best, unsigned int *n,
                     unsigned int *extra)
{
    unsigned int key, i;

    if ( !irq->active && !vgic_irq_deliverable(d, irq) )
        return;
    key = (irq->active ? 0 : 0x100) | irq->priority;
    for ( i = *n; i > 0; i-- )
    {
        struct vgic_irq *o = best[i - 1];

        if ( ((o->active ? 0 : 0x100) | o->priority) <= key )
            break;
    }
    if ( i >= nr_lrs )
    {
        (*extra)++;
        return;
    }
    if ( *n == nr_lrs )
    {
        (*extra)++;
        (*n)--;
    }
    memmove(&best[i + 1], &best[i], (*n - i) * sizeof(*best));
    best[i] = irq;
    (*n)++;
}

/* irq as a list register; takes the pending state it hands over. */
static void make_lr(struct domain *d, struct vgic_irq *irq,
                    struct vgic_lr *lr)
{
    bool v2_sgi = d->arch.vgic.version == 2 && irq->intid < 16;
    bool deliver = vgic_irq_deliverable(d, irq);

    memset(lr, 0, sizeof(*lr));
    lr->virq = irq->intid;
    lr->priority = irq->priority;
    lr->group1 = irq->group1;
    lr->active = irq->active;
    if ( irq->hw )
    {
        /* The GIC keeps it active: pending and active never both. */
        lr->hw = true;
        lr->pirq = irq->hwirq;
        lr->pending = deliver && !irq->active;
    }
    else if ( v2_sgi )
    {
        /* One source per list register; the others wait their turn. */
        unsigned int src = irq->active ? irq->active_source :
                           irq->sgi_sources ? __builtin_ctz(irq->sgi_sources)
                                            : 0;

        lr->source = src;
        lr->pending = deliver && (!irq->active ||
                                  (irq->sgi_sources & (1u << src)));
        if ( lr->pending )
            irq->sgi_sources &= ~(1u << src);
    }
    else
        lr->pending = deliver;
    if ( lr->pending )
        irq->pending = v2_sgi && irq->sgi_sources;
    /* More of it waits: come back when the guest is done with this one. */
    lr->eoi = !irq->hw && irq->pending && deliver;
}

void vgic_flush_lrs(struct vcpu *v)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    struct vgic_cpu *c = &v->arch.vgic;
    struct vgic_irq *best[VGIC_MAX_LRS];
    unsigned int n = 0, extra = 0, i, w;
    unsigned long flags;

    if ( is_idle_vcpu(v) || !dist->ops || !nr_lrs )
        return;
    if ( c->lr_used )
        vgic_sync_lrs(v);
    spin_lock_irqsave(&dist->lock, flags);
    for ( i = 0; i < VGIC_NR_LOCAL; i++ )
        consider(d, &c->local[i], best, &n, &extra);
    for ( w = 0; w * 64 < dist->nr_spis; w++ )
    {
        uint64_t live = dist->spi_live[w];

        while ( live )
        {
            unsigned int bit = __builtin_ctzll(live);
            struct vgic_irq *irq = &dist->spis[w * 64 + bit];

            live &= live - 1;
            if ( w * 64 + bit >= dist->nr_spis )
                break;
            if ( !irq->pending && !irq->active && !irq->in_lr )
                dist->spi_live[w] &= ~(1UL << bit);
            else if ( irq->vcpu == v->vcpu_id )
                consider(d, irq, best, &n, &extra);
        }
    }
    for ( i = 0; i < n; i++ )
    {
        struct vgic_lr lr;

        make_lr(d, best[i], &lr);
        /* Only one list register: its completion is the underflow. */
        if ( extra && n == 1 && !lr.hw )
            lr.eoi = true;
        dist->ops->write_lr(i, &lr);
        best[i]->in_lr = 1;
        c->lr_irq[i] = best[i]->intid;
        c->lr_used |= 1UL << i;
    }
    /* Underflow with a single valid LR left would fire at once: n >= 2. */
    dist->ops->set_hcr(true, extra && n >= 2);
    spin_unlock_irqrestore(&dist->lock, flags);
}

void vgic_sync_lrs(struct vcpu *v)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    struct vgic_cpu *c = &v->arch.vgic;
    uint64_t kick[VGIC_KICK_WORDS] = { 0 };
    unsigned long flags;
    unsigned int i;

    if ( is_idle_vcpu(v) || !dist->ops || !c->lr_used )
        return;
    spin_lock_irqsave(&dist->lock, flags);
    for ( i = 0; i < nr_lrs; i++ )
    {
        struct vgic_irq *irq;
        struct vgic_lr lr;
        struct vcpu *t;

        if ( !((c->lr_used >> i) & 1) )
            continue;
        dist->ops->read_lr(i, &lr);
        dist->ops->clear_lr(i);
        irq = vgic_get_irq(d, v, c->lr_irq[i]);
        if ( !irq )
            continue;
        irq->in_lr = 0;
        irq->active = lr.active;
        if ( lr.pending )
        {
            irq->pending = 1;
            if ( dist->version == 2 && irq->intid < 16 )
                irq->sgi_sources |= 1u << lr.source;
        }
        if ( lr.active )
            irq->active_source = lr.source;
        if ( irq->intid < VGIC_NR_LOCAL || irq->active )
            continue;
        /* Routing changed while the guest held it: move it now. */
        vgic_spi_retarget(d, irq);
        t = vgic_irq_deliverable(d, irq) ? vgic_irq_target(d, v, irq) : NULL;
        if ( t && t != v && t->vcpu_id < VGIC_MAX_VCPUS )
            kick[t->vcpu_id / 64] |= 1UL << (t->vcpu_id % 64);
    }
    c->lr_used = 0;
    dist->ops->set_hcr(true, false);
    spin_unlock_irqrestore(&dist->lock, flags);
    vgic_kick_mask(d, kick);
}

void vgic_save(struct vcpu *v)
{
    const struct vgic_ops *ops = v->domain->arch.vgic.ops;

    if ( is_idle_vcpu(v) || !ops )
        return;
    vgic_sync_lrs(v);
    ops->save(&v->arch.vgic);
    ops->set_hcr(false, false);
}

void vgic_restore(struct vcpu *v)
{
    const struct vgic_ops *ops = v->domain->arch.vgic.ops;

    if ( is_idle_vcpu(v) || !ops )
        return;
    lr_cpu_setup(ops);
    ops->restore(&v->arch.vgic);
    ops->set_hcr(true, false);
}
