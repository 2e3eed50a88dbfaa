/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual GIC a guest sees (same version as the host's GIC): the
 * distributor and redistributor (v3) or CPU interface (v2) frames are
 * emulated on stage-2 data aborts; interrupts reach the vCPU through the
 * hardware's list registers (ICH_LR<n>_EL2 on v3, GICH_LR<n> on v2).
 */
#ifndef ASM_VGIC_H
#define ASM_VGIC_H

#include <xen/types.h>
#include <xen/spinlock.h>

struct domain;
struct vcpu;
struct cpu_user_regs;

#define VGIC_NR_LOCAL   32          /* SGIs and PPIs, per vCPU */
#define VGIC_MAX_SPIS   988         /* up to INTID 1019 */

/* One virtual interrupt's state. */
struct vgic_irq {
    uint8_t priority;
    uint8_t enabled:1, pending:1, active:1, edge:1, hw:1, in_lr:1,
            group1:1, line_level:1;
    uint16_t vcpu;                  /* target vCPU (SPIs: from routing) */
    uint16_t hwirq;                 /* physical INTID when hw */
    uint64_t route;                 /* v3 GICD_IROUTER value */
    uint8_t targets;                /* v2 GICD_ITARGETSR value */
    uint32_t sgi_sources;           /* v2 SGI pending sources */
};

struct vgic_cpu {
    struct vgic_irq local[VGIC_NR_LOCAL];
    /* Saved virtual CPU interface state while the vCPU is not running. */
    uint64_t lr[16];
    uint32_t vmcr, hcr, apr[4];
    uint64_t lr_used;               /* bit n: LR n holds lr_irq[n] */
    uint16_t lr_irq[16];
    paddr_t rdist_base;             /* v3: this vCPU's GICR frame (IPA) */
    bool rdist_last;                /* v3: GICR_TYPER.Last */
    uint32_t rdist_waker;
};

struct vgic_dist {
    spinlock_t lock;
    unsigned int version;           /* 2 or 3 */
    unsigned int nr_spis;
    uint32_t ctlr;
    paddr_t dbase;                  /* distributor (IPA) */
    paddr_t cbase, csize;           /* v2: CPU interface (IPA) */
    paddr_t rbase, rsize;           /* v3: redistributor region (IPA) */
    struct vgic_irq *spis;          /* nr_spis entries */
};

/*
 * Set up a domain's vGIC: its frames at the given guest-physical
 * addresses (dom0: the host's; for v2, the hardware GICV frame is mapped
 * at cbase by the caller).  nr_spis rounded up to a multiple of 32.
 */
int vgic_domain_init(struct domain *d, unsigned int version,
                     unsigned int nr_spis, paddr_t dbase, paddr_t cbase_or_rbase,
                     paddr_t csize_or_rsize);
void vgic_domain_destroy(struct domain *d);
int vgic_vcpu_init(struct vcpu *v);

/* Stage-2 data abort on gpa: true if it was a vGIC frame (emulated). */
bool vgic_mmio_access(struct vcpu *v, paddr_t gpa, bool write,
                      unsigned int size, uint64_t *val);
/* Trapped GICv3 system register (ICC_SGI1R_EL1 etc.), ESR ISS encoding. */
bool vgic_sysreg_access(struct vcpu *v, uint32_t iss, uint64_t *val);

/*
 * Make virq pending for vCPU v (SGIs/PPIs) or for the domain (SPIs, v is
 * ignored: the routing decides).  Wakes the target vCPU if it is
 * blocked.  Safe from IRQ context.
 */
void vgic_inject_irq(struct domain *d, struct vcpu *v, unsigned int virq);
/* Link a physical SPI to a guest's virq (dom0 pass-through). */
int vgic_connect_hw_irq(struct domain *d, unsigned int virq,
                        unsigned int hwirq);

/* Guest entry/exit, IRQs off, on the vCPU's own pCPU. */
void vgic_flush_lrs(struct vcpu *v);    /* pending -> list registers */
void vgic_sync_lrs(struct vcpu *v);     /* list registers -> state */
/* Context switch: virtual CPU interface registers. */
void vgic_save(struct vcpu *v);
void vgic_restore(struct vcpu *v);
/* Anything pending and enabled for v (ends WFI)? */
bool vgic_vcpu_pending_irq(struct vcpu *v);

#endif /* ASM_VGIC_H */
