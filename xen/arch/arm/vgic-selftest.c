// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_vgic: at boot, a fake two-vCPU domain exercises the vGIC of the
 * host's GIC version: frame registers, SGIs, injection, and the list
 * registers filled and folded back (no guest runs).  One result line.
 */
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>
#include <asm/gic.h>
#include <asm/vgic.h>

static bool opt_test_vgic;
boolean_param("test_vgic", opt_test_vgic);

static unsigned int failures;

#define CHECK(cond) do {                                                \
    if ( !(cond) )                                                      \
    {                                                                   \
        printk(XENLOG_ERR "vGIC self-test: line %u: %s\n", __LINE__,    \
               #cond);                                                  \
        failures++;                                                     \
    }                                                                   \
} while ( 0 )

static uint64_t rd(struct vcpu *v, paddr_t a, unsigned int size)
{
    uint64_t val = ~0UL;

    CHECK(vgic_mmio_access(v, a, false, size, &val));
    return val;
}

static void wr(struct vcpu *v, paddr_t a, unsigned int size, uint64_t val)
{
    CHECK(vgic_mmio_access(v, a, true, size, &val));
}

/* Frames at QEMU virt's addresses; nothing is mapped, all is emulated. */
#define DBASE   0x08000000UL
#define RBASE   0x080a0000UL
#define CBASE   0x08010000UL

static void test_v3(struct domain *d, struct vcpu **v)
{
    struct vgic_dist *dist = &d->arch.vgic;
    /* ICC_SGI1R_EL1 write: op0 3, op2 5, op1 0, CRn 12, CRm 11. */
    uint32_t iss = 3u << 20 | 5u << 17 | 12u << 10 | 11u << 1;
    uint64_t sgi = 3UL << 24 | 1u << 1;         /* SGI 3 to Aff0 1 */

    CHECK(rd(v[0], DBASE + 0xffe8, 4) == 0x30);
    CHECK((rd(v[0], DBASE + 0x4, 4) & 0x1f) == 2);
    wr(v[0], DBASE, 4, 0x13);
    CHECK(rd(v[0], DBASE, 4) == 0x53);
    /* Redistributor of vCPU 1: affinity 1, Last. */
    CHECK(rd(v[0], RBASE + 0x20008, 8) == (1UL << 32 | 1u << 8 | 1u << 4));
    CHECK(!(rd(v[0], RBASE + 0x8, 8) & (1u << 4)));
    CHECK(rd(v[1], RBASE + 0x20014, 4) == 6);
    wr(v[1], RBASE + 0x20014, 4, 0);
    CHECK(rd(v[1], RBASE + 0x20014, 4) == 0);
    CHECK(rd(v[0], RBASE + 0x2ffe8, 4) == 0x30);
    /* vCPU 1's SGI 3 and PPI 27 on, priorities by byte. */
    wr(v[0], RBASE + 0x30100, 4, 1u << 3 | 1u << 27);
    CHECK(v[1]->arch.vgic.local[27].enabled &&
          !v[0]->arch.vgic.local[27].enabled);
    wr(v[0], RBASE + 0x30400 + 27, 1, 0xa0);
    wr(v[0], RBASE + 0x30400 + 3, 1, 0xc0);
    CHECK(v[1]->arch.vgic.local[27].priority == 0xa0);
    CHECK(rd(v[0], RBASE + 0x30080, 4) == ~0u);     /* group 1 */
    /* SPI 40 to vCPU 1, enabled, priority 0x80. */
    wr(v[0], DBASE + 0x6000 + 40 * 8, 8, 1u << 0);
    CHECK(dist->spis[8].vcpu == 1);
    CHECK(rd(v[0], DBASE + 0x6000 + 40 * 8, 8) == 1);
    wr(v[0], DBASE + 0x104, 4, 1u << 8);
    CHECK(rd(v[0], DBASE + 0x104, 4) == 1u << 8);
    CHECK(rd(v[0], DBASE + 0x100, 4) == 0);         /* locals: GICR */
    wr(v[0], DBASE + 0x400 + 40, 1, 0x80);
    wr(v[0], DBASE + 0xc08, 4, 2u << 16);           /* SPI 40 edge */
    CHECK(dist->spis[8].edge);
    /* SGI from vCPU 0 to vCPU 1. */
    CHECK(vgic_sysreg_access(v[0], iss, &sgi));
    CHECK(v[1]->arch.vgic.local[3].pending &&
          !v[0]->arch.vgic.local[3].pending);
    CHECK(!vgic_sysreg_access(v[0], iss | 1, &sgi));
}

static void test_v2(struct domain *d, struct vcpu **v)
{
    struct vgic_dist *dist = &d->arch.vgic;

    CHECK(rd(v[0], DBASE + 0xfe8, 4) == 0x20);
    CHECK(rd(v[0], DBASE + 0x4, 4) == (2 | 1u << 5));
    wr(v[0], DBASE, 4, 1);
    CHECK(rd(v[1], DBASE + 0x800, 1) == 2);         /* banked targets */
    wr(v[1], DBASE + 0x100, 4, 1u << 27);
    CHECK(v[1]->arch.vgic.local[27].enabled &&
          !v[0]->arch.vgic.local[27].enabled);
    wr(v[1], DBASE + 0x400 + 27, 1, 0xa0);
    wr(v[1], DBASE + 0x400 + 3, 1, 0xc0);
    wr(v[0], DBASE + 0x800 + 40, 1, 2);             /* SPI 40 to CPU 1 */
    CHECK(dist->spis[8].vcpu == 1);
    wr(v[0], DBASE + 0x104, 4, 1u << 8);
    wr(v[0], DBASE + 0x400 + 40, 1, 0x80);
    wr(v[0], DBASE + 0xf00, 4, 2u << 16 | 3);       /* SGI 3 to CPU 1 */
    CHECK(v[1]->arch.vgic.local[3].sgi_sources == 1);
}

/* vCPU 1 "runs": PPI 27, SPI 40 and SGI 3 go to its list registers. */
static void test_lrs(struct domain *d, struct vcpu *v)
{
    const struct vgic_ops *ops = d->arch.vgic.ops;
    struct vgic_cpu *c = &v->arch.vgic;
    struct vgic_lr lr;

    vgic_inject_irq(d, v, 27);
    vgic_inject_irq(d, NULL, 40);
    CHECK(vgic_vcpu_pending_irq(v));
    vgic_restore(v);
    vgic_flush_lrs(v);
    CHECK(c->lr_used == 7);
    ops->read_lr(0, &lr);
    CHECK(lr.virq == 40 && lr.pending && lr.priority == 0x80);
    ops->read_lr(1, &lr);
    CHECK(lr.virq == 27 && lr.pending && !lr.hw);
    CHECK(!d->arch.vgic.spis[8].pending && d->arch.vgic.spis[8].in_lr);
    /* The guest took SPI 40 (active) and finished PPI 27. */
    ops->read_lr(0, &lr);
    lr.pending = false;
    lr.active = true;
    ops->write_lr(0, &lr);
    ops->clear_lr(1);
    vgic_sync_lrs(v);
    CHECK(!c->lr_used);
    CHECK(d->arch.vgic.spis[8].active && !d->arch.vgic.spis[8].in_lr);
    CHECK(!c->local[27].pending && !c->local[27].active);
    CHECK(c->local[3].pending);
    /* A new edge while active: pending and active in one LR. */
    vgic_inject_irq(d, NULL, 40);
    vgic_flush_lrs(v);
    ops->read_lr(0, &lr);
    CHECK(lr.virq == 40 && lr.active && lr.pending);
    vgic_save(v);
    CHECK(!c->lr_used && d->arch.vgic.spis[8].pending);
}

static void run(unsigned int version)
{
    struct domain *d = xzalloc(struct domain);
    struct vcpu *v[2] = { xzalloc(struct vcpu), xzalloc(struct vcpu) };
    struct vcpu *vv[2];
    unsigned int i;
    int rc;

    if ( !d || !v[0] || !v[1] )
        goto out;
    d->max_vcpus = 2;
    d->vcpu = vv;
    rc = vgic_domain_init(d, version, 64, DBASE,
                          version == 3 ? RBASE : CBASE,
                          version == 3 ? 0x40000 : 0x2000);
    CHECK(!rc);
    if ( rc )
        goto out;
    for ( i = 0; i < 2; i++ )
    {
        vv[i] = v[i];
        v[i]->vcpu_id = i;
        v[i]->domain = d;
        v[i]->arch.vmpidr = (1UL << 31) | i;   /* Aff0 = vCPU id */
        CHECK(!vgic_vcpu_init(v[i]));
    }
    CHECK(!vgic_mmio_access(v[0], 0x40000000, false, 4, &(uint64_t){ 0 }));
    if ( version == 3 )
        test_v3(d, v);
    else
        test_v2(d, v);
    test_lrs(d, v[1]);
    vgic_domain_destroy(d);
 out:
    xfree(v[1]);
    xfree(v[0]);
    xfree(d);
}

void vgic_selftest(void)
{
    if ( !opt_test_vgic )
        return;
    if ( gic_ops == &gicv2_ops && !gicv2_hbase )
    {
        printk("vGIC self-test: skipped (no GICv2 virtualisation frames)\n");
        return;
    }
    run(gic_ops == &gicv3_ops ? 3 : 2);
    printk("vGIC self-test: %s (%u failure(s))\n",
           failures ? "FAIL" : "PASS", failures);
}
