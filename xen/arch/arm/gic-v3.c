// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 driver: memory-mapped distributor and redistributors, system
 * register CPU interface (ICC_*_EL1 from EL2, SRE enabled).
 */
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <libfdt.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/setup.h>

#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_IGROUPR    0x0080
#define GICD_ISENABLER  0x0100
#define GICD_ICENABLER  0x0180
#define GICD_ICPENDR    0x0280
#define GICD_ICACTIVER  0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR      0x0c00
#define GICD_IROUTER    0x6000
#define GICD_CTLR_RWP   (1u << 31)
/* EnableGrp1NS (or Grp0 with DS), EnableGrp1A (Grp1 with DS), ARE_NS (ARE). */
#define GICD_CTLR_ON    0x13u

#define GICR_TYPER      0x0008
#define GICR_WAKER      0x0014
#define GICR_SGI_BASE   0x10000
#define GICR_IGROUPR0   (GICR_SGI_BASE + 0x080)
#define GICR_ISENABLER0 (GICR_SGI_BASE + 0x100)
#define GICR_ICENABLER0 (GICR_SGI_BASE + 0x180)
#define GICR_IPRIORITYR (GICR_SGI_BASE + 0x400)
#define GICR_TYPER_LAST (1u << 4)
#define GICR_TYPER_VLPIS (1u << 1)
#define GICR_WAKER_SLEEP    (1u << 1)
#define GICR_WAKER_ASLEEP   (1u << 2)

#define MAX_RDIST_REGIONS 8

static volatile uint8_t *gicd;
static struct {
    paddr_t base, size;
    volatile uint8_t *va;
} rdist[MAX_RDIST_REGIONS];
static unsigned int nr_rdist;
static DEFINE_PER_CPU(volatile uint8_t *, rbase);
static DEFINE_SPINLOCK(dist_lock);

static void wait_rwp(void)
{
    unsigned int i;

    for ( i = 0; i < 1000000 && (readl(gicd + GICD_CTLR) & GICD_CTLR_RWP);
          i++ )
        cpu_relax();
}

static uint64_t affinity_of(uint64_t mpidr)
{
    return (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24;
}

static int gicv3_init(int node)
{
    const void *fdt = device_tree_flattened;
    const fdt32_t *p;
    uint64_t route;
    paddr_t size;
    unsigned int i;
    int len;

    p = fdt_getprop(fdt, node, "#redistributor-regions", &len);
    nr_rdist = p && len == 4 ? fdt32_to_cpu(*p) : 1;
    if ( !nr_rdist || nr_rdist > MAX_RDIST_REGIONS ||
         dt_get_reg(node, 0, &gicv3_dbase, &size) )
        return -1;
    gicd = ioremap(gicv3_dbase, 0x10000);
    if ( !gicd )
        return -1;
    for ( i = 0; i < nr_rdist; i++ )
    {
        if ( dt_get_reg(node, 1 + i, &rdist[i].base, &rdist[i].size) )
            return -1;
        rdist[i].va = ioremap(rdist[i].base, rdist[i].size);
        if ( !rdist[i].va )
            return -1;
    }

    gic_nr_lines = min(32 * ((readl(gicd + GICD_TYPER) & 0x1f) + 1), 1020u);
    writel(0, gicd + GICD_CTLR);
    wait_rwp();
    for ( i = 32; i < gic_nr_lines; i += 32 )
    {
        writel(~0u, gicd + GICD_ICENABLER + i / 8);
        writel(~0u, gicd + GICD_ICPENDR + i / 8);
        writel(~0u, gicd + GICD_ICACTIVER + i / 8);
        writel(~0u, gicd + GICD_IGROUPR + i / 8);
    }
    for ( i = 32; i < gic_nr_lines; i += 4 )
        writel(0xa0a0a0a0u, gicd + GICD_IPRIORITYR + i);
    for ( i = 32; i < gic_nr_lines; i += 16 )
        writel(0, gicd + GICD_ICFGR + i / 4);
    wait_rwp();
    writel(GICD_CTLR_ON, gicd + GICD_CTLR);
    wait_rwp();
    route = affinity_of(READ_SYSREG(mpidr_el1));
    for ( i = 32; i < gic_nr_lines; i++ )
        writeq(route, gicd + GICD_IROUTER + i * 8);
    printk("GICv3: distributor %#lx, %u redistributor region(s) from %#lx\n",
           (unsigned long)gicv3_dbase, nr_rdist,
           (unsigned long)rdist[0].base);
    return 0;
}

/* This CPU's redistributor: the frame whose affinity matches MPIDR. */
static volatile uint8_t *find_rdist(void)
{
    uint64_t aff = affinity_of(READ_SYSREG(mpidr_el1));
    unsigned int i;

    for ( i = 0; i < nr_rdist; i++ )
    {
        volatile uint8_t *r = rdist[i].va, *end = r + rdist[i].size;

        while ( r + 0x20000 <= end )
        {
            uint64_t typer = readq(r + GICR_TYPER);

            if ( (typer >> 32) == aff )
                return r;
            if ( typer & GICR_TYPER_LAST )
                break;
            r += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
        }
    }
    return NULL;
}

static void gicv3_cpu_init(void)
{
    volatile uint8_t *r = find_rdist();
    unsigned int i;

    if ( !r )
        panic("GICv3: no redistributor for MPIDR %#lx\n",
              READ_SYSREG(mpidr_el1));
    this_cpu(rbase) = r;
    writel(readl(r + GICR_WAKER) & ~GICR_WAKER_SLEEP, r + GICR_WAKER);
    for ( i = 0; i < 1000000 && (readl(r + GICR_WAKER) & GICR_WAKER_ASLEEP);
          i++ )
        cpu_relax();
    writel(~0u, r + GICR_IGROUPR0);
    writel(0xffff0000u, r + GICR_ICENABLER0);
    writel(0x0000ffffu, r + GICR_ISENABLER0);
    for ( i = 0; i < 32; i += 4 )
        writel(0xa0a0a0a0u, r + GICR_IPRIORITYR + i);

    /* System registers on at EL2 and for EL1; split EOI. */
    WRITE_SYSREG(READ_SYSREG(S3_4_C12_C9_5) | 0x9, S3_4_C12_C9_5);
    isb();
    WRITE_SYSREG(0xff, S3_0_C4_C6_0);           /* ICC_PMR_EL1 */
    WRITE_SYSREG(0, S3_0_C12_C12_3);            /* ICC_BPR1_EL1 */
    WRITE_SYSREG(1u << 1, S3_0_C12_C12_4);      /* ICC_CTLR_EL1.EOImode */
    WRITE_SYSREG(1, S3_0_C12_C12_7);            /* ICC_IGRPEN1_EL1 */
    isb();
}

static uint32_t gicv3_ack(void)
{
    uint32_t iar = READ_SYSREG(S3_0_C12_C12_0);  /* ICC_IAR1_EL1 */

    dsb(sy);
    return iar;
}

static void gicv3_eoi(uint32_t iar)
{
    WRITE_SYSREG(iar, S3_0_C12_C12_1);           /* ICC_EOIR1_EL1 */
    isb();
}

static void gicv3_deactivate(uint32_t iar)
{
    WRITE_SYSREG(iar, S3_0_C12_C11_1);           /* ICC_DIR_EL1 */
    isb();
}

static void gicv3_enable(unsigned int irq)
{
    unsigned long flags;

    if ( irq < 32 )
    {
        writel(1u << irq, this_cpu(rbase) + GICR_ISENABLER0);
        return;
    }
    spin_lock_irqsave(&dist_lock, flags);
    writeq(affinity_of(READ_SYSREG(mpidr_el1)),
           gicd + GICD_IROUTER + irq * 8);
    writel(1u << (irq % 32), gicd + GICD_ISENABLER + (irq / 32) * 4);
    spin_unlock_irqrestore(&dist_lock, flags);
}

static void gicv3_disable(unsigned int irq)
{
    if ( irq < 32 )
        writel(1u << irq, this_cpu(rbase) + GICR_ICENABLER0);
    else
        writel(1u << (irq % 32), gicd + GICD_ICENABLER + (irq / 32) * 4);
}

static void gicv3_set_affinity(unsigned int irq, unsigned int cpu)
{
    writeq(affinity_of(cpu_logical_map[cpu]), gicd + GICD_IROUTER + irq * 8);
}

static void gicv3_send_sgi(unsigned int cpu, unsigned int sgi)
{
    uint64_t mpidr = cpu_logical_map[cpu];
    uint64_t v = ((mpidr >> 8) & 0xff) << 16 |     /* Aff1 */
                 ((mpidr >> 16) & 0xff) << 32 |    /* Aff2 */
                 ((mpidr >> 32) & 0xff) << 48 |    /* Aff3 */
                 (uint64_t)sgi << 24 |
                 (1u << (mpidr & 0xf));            /* Aff0 target list */

    dsb(ishst);
    WRITE_SYSREG(v, S3_0_C12_C11_5);               /* ICC_SGI1R_EL1 */
    isb();
}

const struct gic_hw_ops gicv3_ops = {
    .name = "GICv3",
    .init = gicv3_init,
    .cpu_init = gicv3_cpu_init,
    .ack = gicv3_ack,
    .eoi = gicv3_eoi,
    .deactivate = gicv3_deactivate,
    .enable = gicv3_enable,
    .disable = gicv3_disable,
    .send_sgi = gicv3_send_sgi,
    .set_affinity = gicv3_set_affinity,
};
