// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic half of the interrupt controller: picking the driver from
 * the device tree, the IRQ handler table and the IRQ entry loop.  The
 * drivers run in split priority-drop/deactivate mode (EOImode 1).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <libfdt.h>
#include <asm/gic.h>
#include <asm/setup.h>
#include <asm/vgic.h>

const struct gic_hw_ops *gic_ops;
unsigned int gic_nr_lines;
/*
 * The host GIC's frames, set by whichever driver probes (0 otherwise):
 * here so that dom0 building and the vGIC link with either driver left
 * out of the build.
 */
paddr_t gicv2_dbase, gicv2_cbase, gicv2_hbase, gicv2_vbase;
paddr_t gicv3_dbase;

static struct {
    irq_handler_t fn;
    const char *name;
    bool guest;                 /* the guest deactivates it */
} irq_desc[NR_GIC_IRQS];

static int gic_node = -1;

/* Find the controller and its driver; panics if there is none we drive. */
void gic_preinit(void)
{
    static const char *const v2[] = {
        "arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
        "arm,cortex-a7-gic",
    };
    const void *fdt = device_tree_flattened;
    unsigned int i;

    if ( IS_ENABLED(CONFIG_GICV3) )
    {
        gic_node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
        if ( gic_node >= 0 )
        {
            gic_ops = &gicv3_ops;
            return;
        }
    }
    if ( IS_ENABLED(CONFIG_GICV2) )
        for ( i = 0; i < ARRAY_SIZE(v2); i++ )
        {
            gic_node = fdt_node_offset_by_compatible(fdt, -1, v2[i]);
            if ( gic_node >= 0 )
            {
                gic_ops = &gicv2_ops;
                return;
            }
        }
    panic("No supported interrupt controller in the device tree\n");
}

void gic_init(void)
{
    if ( gic_ops->init(gic_node) )
        panic("%s: initialisation failed\n", gic_ops->name);
    printk("%s: %u interrupt lines\n", gic_ops->name, gic_nr_lines);
}

void gic_cpu_init(void)
{
    static bool tested;

    gic_ops->cpu_init();
    /* The boot CPU's interface is up: the vGIC can be tried on it. */
    if ( IS_ENABLED(CONFIG_SELFTEST) && !tested )
    {
        tested = true;
        vgic_selftest();
    }
}

int request_irq(unsigned int irq, irq_handler_t fn, const char *name)
{
    if ( irq < 16 || irq >= gic_nr_lines || !fn )
        return -EINVAL;
    if ( irq_desc[irq].fn && irq_desc[irq].fn != fn )
        return -EBUSY;
    irq_desc[irq].name = name;
    irq_desc[irq].fn = fn;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    gic_ops->enable(irq);
    return 0;
}

int request_guest_irq(unsigned int irq, irq_handler_t fn, const char *name)
{
    if ( irq < NR_GIC_LOCAL_IRQS || irq >= gic_nr_lines || !fn )
        return -EINVAL;
    if ( irq_desc[irq].fn )
        return -EBUSY;
    irq_desc[irq].name = name;
    irq_desc[irq].guest = true;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    irq_desc[irq].fn = fn;
    return 0;
}

void release_guest_irq(unsigned int irq)
{
    if ( irq >= NR_GIC_IRQS || !irq_desc[irq].guest )
        return;
    gic_ops->disable(irq);
    irq_desc[irq].fn = NULL;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    irq_desc[irq].guest = false;
}

void gic_send_sgi(unsigned int cpu, unsigned int sgi)
{
    gic_ops->send_sgi(cpu, sgi);
}

void gic_send_sgi_allbutself(unsigned int sgi)
{
    unsigned int cpu, me = smp_processor_id();

    for_each_online_cpu ( cpu )
        if ( cpu != me )
            gic_ops->send_sgi(cpu, sgi);
}

void do_trap_irq(struct cpu_user_regs *regs)
{
    for ( ;; )
    {
        uint32_t iar = gic_ops->ack();
        unsigned int irq = iar & 0x3ff;

        if ( irq >= NR_GIC_IRQS )
            break;
        gic_ops->eoi(iar);
        if ( irq < 16 )
        {
            gic_ops->deactivate(iar);
            handle_sgi(irq, regs);
            continue;
        }
        if ( irq_desc[irq].fn && irq_desc[irq].guest )
        {
            /* Deactivated by the guest, through its list register. */
            irq_desc[irq].fn(irq, regs);
            continue;
        }
        if ( irq_desc[irq].fn )
            irq_desc[irq].fn(irq, regs);
        else
        {
            printk(XENLOG_WARNING "Unexpected IRQ %u: masking it\n", irq);
            gic_ops->disable(irq);
        }
        gic_ops->deactivate(iar);
    }
}
