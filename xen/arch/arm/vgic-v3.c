// SPDX-License-Identifier: GPL-2.0-only
/*
 * vGICv3: the distributor and redistributor frames a guest sees (ARE on,
 * a single security state, no LPIs), its trapped SGI register, and the
 * hardware's virtual interface (ICH_*_EL2 system registers).
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/gic.h>
#include <asm/sysregs.h>
#include <asm/vgic.h>

#define GICD_CTLR           0x0000
#define GICD_TYPER          0x0004
#define GICD_IIDR           0x0008
#define GICD_IROUTER        0x6000
#define GICD_PIDR2          0xffe8
#define GICD_CTLR_ENABLES   0x3         /* EnableGrp0, EnableGrp1 (DS) */
#define GICD_CTLR_ARE       (1u << 4)
#define GICD_CTLR_DS        (1u << 6)

#define GICR_FRAME          0x20000     /* RD_base + SGI_base */
#define GICR_SGI_BASE       0x10000
#define GICR_CTLR           0x0000
#define GICR_IIDR           0x0004
#define GICR_TYPER          0x0008
#define GICR_WAKER          0x0014
#define GICR_PIDR2          0xffe8
#define GICR_TYPER_LAST     (1u << 4)
#define GICR_WAKER_SLEEP    (1u << 1)
#define GICR_WAKER_ASLEEP   (1u << 2)

#define VGIC_IIDR           0x0000043b  /* Arm, product 0 */
#define PIDR2_ARCH_V3       0x30

/* ICH_LR<n>_EL2 */
#define LR_STATE_PENDING    (1UL << 62)
#define LR_STATE_ACTIVE     (1UL << 63)
#define LR_HW               (1UL << 61)
#define LR_GROUP1           (1UL << 60)
#define LR_EOI              (1UL << 41)
#define LR_PRIORITY_SHIFT   48
#define LR_PINTID_SHIFT     32

/* ICH_HCR_EL2 */
#define HCR_EN              (1u << 0)
#define HCR_UIE             (1u << 1)

/* ICH_* encodings (op0 3, op1 4, CRn 12). */
#define ICH_AP0R(n)         S3_4_C12_C8_##n
#define ICH_AP1R(n)         S3_4_C12_C9_##n
#define ICH_HCR_EL2         S3_4_C12_C11_0
#define ICH_VTR_EL2         S3_4_C12_C11_1
#define ICH_VMCR_EL2        S3_4_C12_C11_7
#define ICC_SRE_EL1         S3_0_C12_C12_5
#define RD(r)               READ_SYSREG(r)
#define WR(v, r)            WRITE_SYSREG(v, r)

/* ---- the virtual interface ---- */

static unsigned int v3_nr_lrs(void)
{
    return (RD(ICH_VTR_EL2) & 0x1f) + 1;
}

static uint64_t lr_read(unsigned int n)
{
    switch ( n )
    {
    case 0: return RD(S3_4_C12_C12_0);
    case 1: return RD(S3_4_C12_C12_1);
    case 2: return RD(S3_4_C12_C12_2);
    case 3: return RD(S3_4_C12_C12_3);
    case 4: return RD(S3_4_C12_C12_4);
    case 5: return RD(S3_4_C12_C12_5);
    case 6: return RD(S3_4_C12_C12_6);
    case 7: return RD(S3_4_C12_C12_7);
    case 8: return RD(S3_4_C12_C13_0);
    case 9: return RD(S3_4_C12_C13_1);
    case 10: return RD(S3_4_C12_C13_2);
    case 11: return RD(S3_4_C12_C13_3);
    case 12: return RD(S3_4_C12_C13_4);
    case 13: return RD(S3_4_C12_C13_5);
    case 14: return RD(S3_4_C12_C13_6);
    case 15: return RD(S3_4_C12_C13_7);
    }
    return 0;
}

static void lr_write(unsigned int n, uint64_t v)
{
    switch ( n )
    {
    case 0: WR(v, S3_4_C12_C12_0); break;
    case 1: WR(v, S3_4_C12_C12_1); break;
    case 2: WR(v, S3_4_C12_C12_2); break;
    case 3: WR(v, S3_4_C12_C12_3); break;
    case 4: WR(v, S3_4_C12_C12_4); break;
    case 5: WR(v, S3_4_C12_C12_5); break;
    case 6: WR(v, S3_4_C12_C12_6); break;
    case 7: WR(v, S3_4_C12_C12_7); break;
    case 8: WR(v, S3_4_C12_C13_0); break;
    case 9: WR(v, S3_4_C12_C13_1); break;
    case 10: WR(v, S3_4_C12_C13_2); break;
    case 11: WR(v, S3_4_C12_C13_3); break;
    case 12: WR(v, S3_4_C12_C13_4); break;
    case 13: WR(v, S3_4_C12_C13_5); break;
    case 14: WR(v, S3_4_C12_C13_6); break;
    case 15: WR(v, S3_4_C12_C13_7); break;
    }
}

static void v3_read_lr(unsigned int n, struct vgic_lr *lr)
{
    uint64_t v = lr_read(n);

    lr->virq = v & 0xffffffff;
    lr->pirq = (v >> LR_PINTID_SHIFT) & 0x1fff;
    lr->priority = v >> LR_PRIORITY_SHIFT;
    lr->source = 0;
    lr->pending = v & LR_STATE_PENDING;
    lr->active = v & LR_STATE_ACTIVE;
    lr->hw = v & LR_HW;
    lr->group1 = v & LR_GROUP1;
    lr->eoi = !lr->hw && (v & LR_EOI);
}

static void v3_write_lr(unsigned int n, const struct vgic_lr *lr)
{
    uint64_t v = lr->virq | (uint64_t)lr->priority << LR_PRIORITY_SHIFT;

    if ( lr->pending )
        v |= LR_STATE_PENDING;
    if ( lr->active )
        v |= LR_STATE_ACTIVE;
    if ( lr->group1 )
        v |= LR_GROUP1;
    if ( lr->hw )
        v |= LR_HW | (uint64_t)(lr->pirq & 0x1fff) << LR_PINTID_SHIFT;
    else if ( lr->eoi )
        v |= LR_EOI;
    lr_write(n, v);
}

static void v3_clear_lr(unsigned int n)
{
    lr_write(n, 0);
}

static void v3_set_hcr(bool enable, bool underflow)
{
    WR((enable ? HCR_EN : 0) | (underflow ? HCR_UIE : 0), ICH_HCR_EL2);
    isb();
}

/* Active-priority registers implemented: 1, 2 or 4 (PREbits 5-7). */
static unsigned int nr_aprs(void)
{
    unsigned int pre = ((RD(ICH_VTR_EL2) >> 26) & 7) + 1;

    return pre >= 7 ? 4 : pre == 6 ? 2 : 1;
}

static void v3_save(struct vgic_cpu *c)
{
    unsigned int n = nr_aprs();

    c->vmcr = RD(ICH_VMCR_EL2);
    c->ap0r[0] = RD(ICH_AP0R(0));
    c->apr[0] = RD(ICH_AP1R(0));
    if ( n >= 2 )
    {
        c->ap0r[1] = RD(ICH_AP0R(1));
        c->apr[1] = RD(ICH_AP1R(1));
    }
    if ( n == 4 )
    {
        c->ap0r[2] = RD(ICH_AP0R(2));
        c->apr[2] = RD(ICH_AP1R(2));
        c->ap0r[3] = RD(ICH_AP0R(3));
        c->apr[3] = RD(ICH_AP1R(3));
    }
}

static void v3_restore(const struct vgic_cpu *c)
{
    unsigned int n = nr_aprs();

    /* EL1 uses the system-register interface (SRE, no bypass). */
    WR(0x7, ICC_SRE_EL1);
    WR(c->vmcr, ICH_VMCR_EL2);
    WR(c->ap0r[0], ICH_AP0R(0));
    WR(c->apr[0], ICH_AP1R(0));
    if ( n >= 2 )
    {
        WR(c->ap0r[1], ICH_AP0R(1));
        WR(c->apr[1], ICH_AP1R(1));
    }
    if ( n == 4 )
    {
        WR(c->ap0r[2], ICH_AP0R(2));
        WR(c->apr[2], ICH_AP1R(2));
        WR(c->ap0r[3], ICH_AP0R(3));
        WR(c->apr[3], ICH_AP1R(3));
    }
    isb();
}

/* ---- the frames ---- */

static void bad_access(struct vcpu *v, const char *frame, unsigned int off,
                       bool write, unsigned int size)
{
    gprintk(XENLOG_DEBUG, "d%u v%u: vGICv3: %s of %u bytes at %s+%#x "
            "ignored\n", v->domain->domain_id, v->vcpu_id,
            write ? "write" : "read", size, frame, off);
}

static uint64_t vmpidr_affinity(const struct vcpu *v)
{
    uint64_t m = v->arch.vmpidr;

    return (m & 0xffffff) | ((m >> 32) & 0xff) << 24;
}

static bool v3_irouter(struct vcpu *v, unsigned int off, bool write,
                       unsigned int size, uint64_t *val)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    unsigned int intid = (off - GICD_IROUTER) / 8, shift = (off & 4) * 8;
    uint64_t mask = size == 8 ? ~0UL : 0xffffffffUL << shift;
    uint64_t kick[VGIC_KICK_WORDS] = { 0 };
    struct vgic_irq *irq;
    struct vcpu *t = NULL;
    unsigned long flags;

    if ( size < 4 )
        return false;
    spin_lock_irqsave(&dist->lock, flags);
    irq = intid >= VGIC_NR_LOCAL ? vgic_get_irq(d, NULL, intid) : NULL;
    if ( !irq )
    {
        if ( !write )
            *val = 0;
    }
    else if ( !write )
        *val = (irq->route & mask) >> shift;
    else
    {
        /* Aff3.Aff2.Aff1.Aff0 and Interrupt_Routing_Mode. */
        irq->route = (irq->route & ~mask) |
                     ((*val << shift) & mask & 0xff80ffffffUL);
        vgic_spi_retarget(d, irq);
        if ( vgic_irq_deliverable(d, irq) )
            t = vgic_irq_target(d, NULL, irq);
    }
    spin_unlock_irqrestore(&dist->lock, flags);
    if ( t && t->vcpu_id < VGIC_MAX_VCPUS )
    {
        kick[t->vcpu_id / 64] |= 1UL << (t->vcpu_id % 64);
        vgic_kick_mask(d, kick);
    }
    return true;
}

/* Every vCPU may have something to take now that forwarding is on. */
static void kick_all(struct domain *d)
{
    struct vcpu *t;

    for_each_vcpu ( d, t )
        vcpu_kick(t);
}

static void v3_dist(struct vcpu *v, unsigned int off, bool write,
                    unsigned int size, uint64_t *val)
{
    struct domain *d = v->domain;
    struct vgic_dist *dist = &d->arch.vgic;
    unsigned int intid, cpus = min(d->max_vcpus, 8u);
    enum vgic_reg reg;

    if ( off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1020 )
    {
        if ( !v3_irouter(v, off, write, size, val) )
            bad_access(v, "GICD", off, write, size);
        return;
    }
    if ( vgic_reg_decode(off, &reg, &intid) )
    {
        /* With ARE, SGIs/PPIs live in the redistributor; no targets. */
        if ( reg != VGIC_ITARGETSR )
            vgic_reg_access(v, reg, intid, VGIC_NR_LOCAL, NR_GIC_IRQS, write,
                            size, val);
        else if ( !write )
            *val = 0;
        return;
    }
    if ( !write )
        *val = 0;
    switch ( off )
    {
    case GICD_CTLR:
        if ( !write )
            *val = (dist->ctlr & GICD_CTLR_ENABLES) | GICD_CTLR_ARE |
                   GICD_CTLR_DS;
        else
        {
            dist->ctlr = *val & GICD_CTLR_ENABLES;
            kick_all(d);
        }
        return;
    case GICD_TYPER:
        /* ITLinesNumber, CPUNumber, IDbits 10 (no LPIs). */
        if ( !write )
            *val = (DIV_ROUND_UP(VGIC_NR_LOCAL + dist->nr_spis, 32) - 1) |
                   (cpus - 1) << 5 | 9u << 19;
        return;
    case GICD_IIDR:
        if ( !write )
            *val = VGIC_IIDR;
        return;
    case GICD_PIDR2:
        if ( !write )
            *val = PIDR2_ARCH_V3;
        return;
    }
    /*
     * TYPER2, STATUSR, the message-based SPI registers, IGRPMODR, NSACR,
     * the v2 SGI registers and the other ID registers: RAZ/WI.
     */
    if ( off < 0x80 || (off >= 0xd00 && off < 0xf30) || off >= 0xffd0 )
        return;
    bad_access(v, "GICD", off, write, size);
}

static void v3_rdist(struct vcpu *v, unsigned int off, bool write,
                     unsigned int size, uint64_t *val)
{
    struct domain *d = v->domain;
    unsigned int idx = off / GICR_FRAME, intid;
    struct vcpu *t = idx < d->max_vcpus ? d->vcpu[idx] : NULL;
    struct vgic_cpu *c;
    enum vgic_reg reg;
    uint64_t typer;

    if ( !write )
        *val = 0;
    if ( !t )
    {
        bad_access(v, "GICR", off, write, size);
        return;
    }
    c = &t->arch.vgic;
    off %= GICR_FRAME;
    if ( off >= GICR_SGI_BASE )
    {
        off -= GICR_SGI_BASE;
        if ( vgic_reg_decode(off, &reg, &intid) && reg != VGIC_ITARGETSR )
            vgic_reg_access(t, reg, intid, 0, VGIC_NR_LOCAL, write, size,
                            val);
        /* IGRPMODR0, NSACR and the rest: RAZ/WI. */
        return;
    }
    switch ( off & ~7u )
    {
    case GICR_CTLR:
        /* CTLR (no LPIs, never waiting for writes) RAZ; IIDR. */
        if ( !write && off == GICR_IIDR )
            *val = VGIC_IIDR;
        return;
    case GICR_TYPER:
        typer = vmpidr_affinity(t) << 32 | (uint64_t)t->vcpu_id << 8 |
                (t->vcpu_id == d->max_vcpus - 1 ? GICR_TYPER_LAST : 0);
        if ( !write )
            *val = size == 8 ? typer : typer >> ((off & 4) * 8);
        return;
    case GICR_WAKER & ~7u:
        if ( off != GICR_WAKER )
            return;
        /* Waking the redistributor takes effect at once. */
        if ( write )
            c->rdist_waker = *val & GICR_WAKER_SLEEP;
        else
            *val = c->rdist_waker & GICR_WAKER_SLEEP ?
                   GICR_WAKER_SLEEP | GICR_WAKER_ASLEEP : 0;
        return;
    case GICR_PIDR2 & ~7u:
        if ( !write && off == GICR_PIDR2 )
            *val = PIDR2_ARCH_V3;
        return;
    }
    /* STATUSR, PROPBASER/PENDBASER, the LPI and ID registers: RAZ/WI. */
    if ( off < 0x100 || off >= 0xffd0 )
        return;
    bad_access(v, "GICR", off, write, size);
}

static bool v3_mmio(struct vcpu *v, paddr_t gpa, bool write,
                    unsigned int size, uint64_t *val)
{
    struct vgic_dist *dist = &v->domain->arch.vgic;
    bool in_dist = gpa >= dist->dbase && gpa - dist->dbase < 0x10000;
    bool in_rdist = gpa >= dist->rbase && gpa - dist->rbase < dist->rsize;

    if ( !in_dist && !in_rdist )
        return false;
    if ( gpa & (size - 1) )
    {
        bad_access(v, in_dist ? "GICD" : "GICR",
                   gpa - (in_dist ? dist->dbase : dist->rbase), write, size);
        if ( !write )
            *val = 0;
        return true;
    }
    if ( in_dist )
        v3_dist(v, gpa - dist->dbase, write, size, val);
    else
        v3_rdist(v, gpa - dist->rbase, write, size, val);
    return true;
}

/*
 * ICC_SGI1R_EL1 (and ASGI1R, SGI0R: one security state, all group 1):
 * TargetList[15:0] of Aff0 = RS * 16 + bit under Aff3.Aff2.Aff1, or
 * every other vCPU with IRM.
 */
bool vgic_v3_sysreg(struct vcpu *v, uint32_t iss, uint64_t *val)
{
    unsigned int op0 = (iss >> 20) & 3, op2 = (iss >> 17) & 7;
    unsigned int op1 = (iss >> 14) & 7, crn = (iss >> 10) & 0xf;
    unsigned int crm = (iss >> 1) & 0xf, sgi, i;
    struct domain *d = v->domain;
    uint64_t mask[VGIC_KICK_WORDS] = { 0 }, kick[VGIC_KICK_WORDS] = { 0 };
    uint64_t x = *val, aff = x & 0x00ff00ff00ff0000UL;
    unsigned long flags;

    if ( op0 != 3 || op1 != 0 || crn != 12 || crm != 11 || op2 < 5 ||
         (iss & 1) )
        return false;
    sgi = (x >> 24) & 0xf;
    for ( i = 0; i < d->max_vcpus && i < VGIC_MAX_VCPUS; i++ )
    {
        const struct vcpu *t = d->vcpu[i];
        uint64_t m, taff;
        unsigned int aff0;

        if ( !t )
            continue;
        m = t->arch.vmpidr;
        aff0 = m & 0xff;
        taff = ((m >> 8) & 0xff) << 16 | ((m >> 16) & 0xff) << 32 |
               ((m >> 32) & 0xff) << 48;
        if ( x & (1UL << 40) ? t != v
                             : taff == aff && aff0 / 16 == ((x >> 44) & 0xf) &&
                               ((x >> (aff0 % 16)) & 1) )
            mask[i / 64] |= 1UL << (i % 64);
    }
    spin_lock_irqsave(&d->arch.vgic.lock, flags);
    vgic_send_sgi(d, v, sgi, mask, kick);
    spin_unlock_irqrestore(&d->arch.vgic.lock, flags);
    vgic_kick_mask(d, kick);
    return true;
}

static void v3_vcpu_init(struct vcpu *v)
{
    struct vgic_cpu *c = &v->arch.vgic;

    c->rdist_base = v->domain->arch.vgic.rbase + v->vcpu_id * GICR_FRAME;
    c->rdist_last = v->vcpu_id == v->domain->max_vcpus - 1;
    c->rdist_waker = GICR_WAKER_SLEEP;
}

static int v3_init(void)
{
    return 0;
}

const struct vgic_ops vgic_v3_ops = {
    .version = 3,
    .init = v3_init,
    .nr_lrs = v3_nr_lrs,
    .read_lr = v3_read_lr,
    .write_lr = v3_write_lr,
    .clear_lr = v3_clear_lr,
    .set_hcr = v3_set_hcr,
    .save = v3_save,
    .restore = v3_restore,
    .mmio = v3_mmio,
    .vcpu_init = v3_vcpu_init,
};
