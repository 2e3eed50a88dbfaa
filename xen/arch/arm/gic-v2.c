// SPDX-License-Identifier: GPL-2.0-only
/* GICv2 driver: memory-mapped distributor (GICD) and CPU interface (GICC). */
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/gic.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ICPENDR    0x280
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR  0x800
#define GICD_ICFGR      0xc00
#define GICD_SGIR       0xf00

#define GICC_CTLR       0x0000
#define GICC_PMR        0x0004
#define GICC_BPR        0x0008
#define GICC_IAR        0x000c
#define GICC_EOIR       0x0010
#define GICC_DIR        0x1000

#define GICC_CTLR_ENABLE    (1u << 0)
#define GICC_CTLR_EOIMODE   (1u << 9)

#define HYP_PRIORITY    0xa0

static volatile uint8_t *gicd, *gicc;
static uint8_t cpu_mask[NR_CPUS];     /* GICD_ITARGETSR bit of each CPU */
static DEFINE_SPINLOCK(dist_lock);

static int gicv2_init(int node)
{
    paddr_t size;
    unsigned int i;

    if ( dt_get_reg(node, 0, &gicv2_dbase, &size) ||
         dt_get_reg(node, 1, &gicv2_cbase, &size) )
        return -1;
    /* Virtualisation extensions: GICH and GICV (for the vGIC). */
    if ( dt_get_reg(node, 2, &gicv2_hbase, &size) ||
         dt_get_reg(node, 3, &gicv2_vbase, &size) )
        gicv2_hbase = gicv2_vbase = 0;
    gicd = ioremap(gicv2_dbase, PAGE_SIZE);
    gicc = ioremap(gicv2_cbase, 2 * PAGE_SIZE);
    if ( !gicd || !gicc )
        return -1;

    gic_nr_lines = min(32 * ((readl(gicd + GICD_TYPER) & 0x1f) + 1), 1020u);
    writel(0, gicd + GICD_CTLR);
    for ( i = 32; i < gic_nr_lines; i += 32 )
    {
        writel(~0u, gicd + GICD_ICENABLER + i / 8);
        writel(~0u, gicd + GICD_ICPENDR + i / 8);
        writel(~0u, gicd + GICD_ICACTIVER + i / 8);
    }
    for ( i = 32; i < gic_nr_lines; i += 4 )
    {
        writel(0xa0a0a0a0u, gicd + GICD_IPRIORITYR + i);
        writel(0x01010101u, gicd + GICD_ITARGETSR + i);
    }
    /* SPIs level-triggered until a driver says otherwise. */
    for ( i = 32; i < gic_nr_lines; i += 16 )
        writel(0, gicd + GICD_ICFGR + i / 4);
    writel(1, gicd + GICD_CTLR);
    printk("GICv2: distributor %#lx, CPU interface %#lx%s\n",
           (unsigned long)gicv2_dbase, (unsigned long)gicv2_cbase,
           gicv2_hbase ? ", virtualisation extensions" : "");
    return 0;
}

static void gicv2_cpu_init(void)
{
    unsigned int i;

    cpu_mask[smp_processor_id()] = readl(gicd + GICD_ITARGETSR) & 0xff;
    /* Banked SGIs and PPIs: all off, SGIs on, one priority. */
    writel(0xffff0000u, gicd + GICD_ICENABLER);
    writel(0x0000ffffu, gicd + GICD_ISENABLER);
    for ( i = 0; i < 32; i += 4 )
        writel(0xa0a0a0a0u, gicd + GICD_IPRIORITYR + i);
    writel(0xff, gicc + GICC_PMR);
    writel(0, gicc + GICC_BPR);
    writel(GICC_CTLR_ENABLE | GICC_CTLR_EOIMODE, gicc + GICC_CTLR);
}

static uint32_t gicv2_ack(void)
{
    return readl(gicc + GICC_IAR);
}

static void gicv2_eoi(uint32_t iar)
{
    writel(iar, gicc + GICC_EOIR);
}

static void gicv2_deactivate(uint32_t iar)
{
    writel(iar, gicc + GICC_DIR);
}

static void gicv2_enable(unsigned int irq)
{
    unsigned long flags;

    spin_lock_irqsave(&dist_lock, flags);
    if ( irq >= 32 )
        writeb(cpu_mask[smp_processor_id()], gicd + GICD_ITARGETSR + irq);
    writel(1u << (irq % 32), gicd + GICD_ISENABLER + (irq / 32) * 4);
    spin_unlock_irqrestore(&dist_lock, flags);
}

static void gicv2_disable(unsigned int irq)
{
    writel(1u << (irq % 32), gicd + GICD_ICENABLER + (irq / 32) * 4);
}

static void gicv2_set_affinity(unsigned int irq, unsigned int cpu)
{
    unsigned long flags;

    spin_lock_irqsave(&dist_lock, flags);
    writeb(cpu_mask[cpu], gicd + GICD_ITARGETSR + irq);
    spin_unlock_irqrestore(&dist_lock, flags);
}

static void gicv2_send_sgi(unsigned int cpu, unsigned int sgi)
{
    dsb(ishst);
    writel(((uint32_t)cpu_mask[cpu] << 16) | sgi, gicd + GICD_SGIR);
}

const struct gic_hw_ops gicv2_ops = {
    .name = "GICv2",
    .init = gicv2_init,
    .cpu_init = gicv2_cpu_init,
    .ack = gicv2_ack,
    .eoi = gicv2_eoi,
    .deactivate = gicv2_deactivate,
    .enable = gicv2_enable,
    .disable = gicv2_disable,
    .send_sgi = gicv2_send_sgi,
    .set_affinity = gicv2_set_affinity,
};
