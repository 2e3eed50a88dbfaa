// SPDX-License-Identifier: GPL-2.0-only
/*
 * vGICv2: the distributor a guest sees (its CPU interface is the
 * hardware's GICV frame, mapped by the domain builder) and the
 * hardware's virtual interface control frame (GICH).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/vgic.h>

#define GICD_CTLR           0x000
#define GICD_TYPER          0x004
#define GICD_IIDR           0x008
#define GICD_SGIR           0xf00
#define GICD_PIDR2          0xfe8
#define GICD_CTLR_ENABLE    0x1
#define VGIC_IIDR           0x0000043b  /* Arm, product 0 */
#define PIDR2_ARCH_V2       0x20

#define GICH_HCR            0x000
#define GICH_VTR            0x004
#define GICH_VMCR           0x008
#define GICH_APR            0x0f0
#define GICH_LR(n)          (0x100 + 4 * (n))
#define HCR_EN              (1u << 0)
#define HCR_UIE             (1u << 1)

/* GICH_LR<n> */
#define LR_VIRQ_MASK        0x3ffu
#define LR_PIRQ_SHIFT       10
#define LR_CPUID_MASK       (7u << 10)
#define LR_EOI              (1u << 19)
#define LR_PRIORITY_SHIFT   23          /* top 5 bits of the priority */
#define LR_PENDING          (1u << 28)
#define LR_ACTIVE           (1u << 29)
#define LR_GROUP1           (1u << 30)
#define LR_HW               (1u << 31)

static volatile uint8_t *gich;

/* ---- the virtual interface ---- */

static int v2_init(void)
{
    if ( gich )
        return 0;
    if ( !gicv2_hbase )
        return -ENODEV;
    gich = ioremap(gicv2_hbase, 0x1000);
    return gich ? 0 : -ENOMEM;
}

static unsigned int v2_nr_lrs(void)
{
    return (readl(gich + GICH_VTR) & 0x3f) + 1;
}

static void v2_read_lr(unsigned int n, struct vgic_lr *lr)
{
    uint32_t v = readl(gich + GICH_LR(n));

    lr->virq = v & LR_VIRQ_MASK;
    lr->hw = v & LR_HW;
    lr->pirq = lr->hw ? (v >> LR_PIRQ_SHIFT) & 0x3ff : 0;
    lr->source = lr->hw ? 0 : (v & LR_CPUID_MASK) >> LR_PIRQ_SHIFT;
    lr->eoi = !lr->hw && (v & LR_EOI);
    lr->priority = ((v >> LR_PRIORITY_SHIFT) & 0x1f) << 3;
    lr->pending = v & LR_PENDING;
    lr->active = v & LR_ACTIVE;
    lr->group1 = v & LR_GROUP1;
}

static void v2_write_lr(unsigned int n, const struct vgic_lr *lr)
{
    uint32_t v = (lr->virq & LR_VIRQ_MASK) |
                 (uint32_t)(lr->priority >> 3) << LR_PRIORITY_SHIFT;

    if ( lr->pending )
        v |= LR_PENDING;
    if ( lr->active )
        v |= LR_ACTIVE;
    if ( lr->group1 )
        v |= LR_GROUP1;
    if ( lr->hw )
        v |= LR_HW | (uint32_t)(lr->pirq & 0x3ff) << LR_PIRQ_SHIFT;
    else
    {
        v |= ((uint32_t)lr->source << LR_PIRQ_SHIFT) & LR_CPUID_MASK;
        if ( lr->eoi )
            v |= LR_EOI;
    }
    writel(v, gich + GICH_LR(n));
}

static void v2_clear_lr(unsigned int n)
{
    writel(0, gich + GICH_LR(n));
}

static void v2_set_hcr(bool enable, bool underflow)
{
    writel((enable ? HCR_EN : 0) | (underflow ? HCR_UIE : 0),
           gich + GICH_HCR);
}

static void v2_save(struct vgic_cpu *c)
{
    c->vmcr = readl(gich + GICH_VMCR);
    c->apr[0] = readl(gich + GICH_APR);
}

static void v2_restore(const struct vgic_cpu *c)
{
    writel(c->vmcr, gich + GICH_VMCR);
    writel(c->apr[0], gich + GICH_APR);
}

/* ---- the distributor ---- */

static void bad_access(struct vcpu *v, unsigned int off, bool write,
                       unsigned int size)
{
    gprintk(XENLOG_DEBUG, "d%u v%u: vGICv2: %s of %u bytes at GICD+%#x "
            "ignored\n", v->domain->domain_id, v->vcpu_id,
            write ? "write" : "read", size, off);
}

/* GICD_SGIR: a target list, everyone but me, or me. */
static void v2_sgir(struct vcpu *v, uint32_t val)
{
    struct domain *d = v->domain;
    uint64_t mask[VGIC_KICK_WORDS] = { 0 }, kick[VGIC_KICK_WORDS] = { 0 };
    unsigned int filter = (val >> 24) & 3, i;
    unsigned long flags;

    switch ( filter )
    {
    case 0:
        mask[0] = (val >> 16) & 0xff;
        break;
    case 1:
        for ( i = 0; i < d->max_vcpus && i < 8; i++ )
            if ( i != v->vcpu_id )
                mask[0] |= 1UL << i;
        break;
    case 2:
        mask[0] = 1UL << v->vcpu_id;
        break;
    default:
        bad_access(v, GICD_SGIR, true, 4);
        return;
    }
    spin_lock_irqsave(&d->arch.vgic.lock, flags);
    vgic_send_sgi(d, v, val & 0xf, mask, kick);
    spin_unlock_irqrestore(&d->arch.vgic.lock, flags);
    vgic_kick_mask(d, kick);
}

static bool v2_mmio(struct vcpu *v, paddr_t gpa, bool write,
                    unsigned int size, uint64_t *val)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    unsigned int off, intid, cpus = min(d->max_vcpus, 8u);
    enum vgic_reg reg;
    struct vcpu *t;

    if ( gpa < dist->dbase || gpa - dist->dbase >= 0x1000 )
        return false;
    off = gpa - dist->dbase;
    if ( (gpa & (size - 1)) || size == 8 )
    {
        bad_access(v, off, write, size);
        if ( !write )
            *val = 0;
        return true;
    }
    if ( vgic_reg_decode(off, &reg, &intid) )
    {
        vgic_reg_access(v, reg, intid, 0, NR_GIC_IRQS, write, size, val);
        return true;
    }
    if ( !write )
        *val = 0;
    switch ( off )
    {
    case GICD_CTLR:
        if ( !write )
            *val = dist->ctlr;
        else
        {
            dist->ctlr = *val & GICD_CTLR_ENABLE;
            for_each_vcpu ( d, t )
                vcpu_kick(t);
        }
        return true;
    case GICD_TYPER:
        if ( !write )
            *val = (DIV_ROUND_UP(VGIC_NR_LOCAL + dist->nr_spis, 32) - 1) |
                   (cpus - 1) << 5;
        return true;
    case GICD_IIDR:
        if ( !write )
            *val = VGIC_IIDR;
        return true;
    case GICD_SGIR:
        if ( write )
            v2_sgir(v, *val);
        return true;
    case GICD_PIDR2:
        if ( !write )
            *val = PIDR2_ARCH_V2;
        return true;
    }
    /* CPENDSGIR/SPENDSGIR, ID registers: RAZ/WI. */
    if ( (off >= 0xf10 && off < 0xf30) || off >= 0xfd0 )
        return true;
    bad_access(v, off, write, size);
    return true;
}

static void v2_vcpu_init(struct vcpu *v)
{
}

const struct vgic_ops vgic_v2_ops = {
    .version = 2,
    .init = v2_init,
    .nr_lrs = v2_nr_lrs,
    .read_lr = v2_read_lr,
    .write_lr = v2_write_lr,
    .clear_lr = v2_clear_lr,
    .set_hcr = v2_set_hcr,
    .save = v2_save,
    .restore = v2_restore,
    .mmio = v2_mmio,
    .vcpu_init = v2_vcpu_init,
};
