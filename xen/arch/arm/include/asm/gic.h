/* SPDX-License-Identifier: GPL-2.0-only */
/* The host interrupt controller (GICv2 or GICv3) and IRQ handlers. */
#ifndef ASM_GIC_H
#define ASM_GIC_H

#include <xen/types.h>
#include <asm/processor.h>

#define NR_GIC_LOCAL_IRQS  32       /* SGIs 0-15 and PPIs 16-31 */
#define NR_GIC_IRQS        1020     /* 1020-1023 are special */

/* SGIs the hypervisor uses between its CPUs. */
enum {
    GIC_SGI_EVENT_CHECK,
    GIC_SGI_CALL_FUNCTION,
    GIC_SGI_STOP,
};

typedef void (*irq_handler_t)(unsigned int irq, struct cpu_user_regs *regs);

struct gic_hw_ops {
    const char *name;
    int (*init)(int node);              /* distributor, once */
    void (*cpu_init)(void);             /* this CPU's interface */
    uint32_t (*ack)(void);              /* IAR: raw value */
    void (*eoi)(uint32_t iar);          /* priority drop */
    void (*deactivate)(uint32_t iar);
    void (*enable)(unsigned int irq);   /* PPIs: on this CPU */
    void (*disable)(unsigned int irq);
    void (*send_sgi)(unsigned int cpu, unsigned int sgi);
    void (*set_affinity)(unsigned int irq, unsigned int cpu);   /* SPIs */
};

extern const struct gic_hw_ops *gic_ops;
extern unsigned int gic_nr_lines;      /* set by the driver's init */
extern const struct gic_hw_ops gicv2_ops, gicv3_ops;
/* Frames the drivers found (physical addresses; 0 if absent). */
extern paddr_t gicv2_dbase, gicv2_cbase, gicv2_hbase, gicv2_vbase;
extern paddr_t gicv3_dbase;

/* Install a handler for irq and unmask it (PPIs: on the calling CPU). */
int request_irq(unsigned int irq, irq_handler_t fn, const char *name);
/*
 * Pass irq through to a guest: fn injects it, and the guest's own
 * deactivation (list register HW bit) ends it, so the IRQ loop drops its
 * priority but leaves it active.  Not unmasked here.
 */
int request_guest_irq(unsigned int irq, irq_handler_t fn, const char *name);
/* Mask irq and forget its handler. */
void release_guest_irq(unsigned int irq);
void gic_send_sgi(unsigned int cpu, unsigned int sgi);
void gic_send_sgi_allbutself(unsigned int sgi);
void do_trap_irq(struct cpu_user_regs *regs);
void handle_sgi(unsigned int sgi, struct cpu_user_regs *regs);

#endif /* ASM_GIC_H */
