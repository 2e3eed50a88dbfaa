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

#define VGIC_MAX_LRS    16
#define VGIC_MAX_VCPUS  128         /* v2: 8 */
#define VGIC_NO_VCPU    0xffff      /* an SPI routed nowhere */
#define VGIC_MAINT_IRQ  25          /* the virtual interface's PPI */

/*
 * One virtual interrupt's state.  While the vCPU runs, the list
 * registers hold what was flushed into them (in_lr); the exit folds them
 * back, so in the hypervisor this is the whole truth.  pending is a
 * latch: set by an injection or ISPENDR, cleared when the interrupt is
 * handed to a list register (the guest acknowledges it there).
 */
struct vgic_irq {
    uint8_t priority;
    uint8_t enabled:1, pending:1, active:1, edge:1, hw:1, in_lr:1,
            group1:1, line_level:1;
    uint16_t vcpu;                  /* target vCPU (SPIs: from routing) */
    uint16_t hwirq;                 /* physical INTID when hw */
    uint64_t route;                 /* v3 GICD_IROUTER value */
    uint8_t targets;                /* v2 GICD_ITARGETSR value */
    uint8_t active_source;          /* v2 SGIs: source of the active one */
    uint16_t intid;
    uint32_t sgi_sources;           /* v2 SGI pending sources */
};

struct vgic_cpu {
    struct vgic_irq local[VGIC_NR_LOCAL];
    /* Saved virtual CPU interface state while the vCPU is not running. */
    uint64_t lr[16];
    uint32_t vmcr, hcr, apr[4];     /* apr: group 1 (v2: GICH_APR) */
    uint32_t ap0r[4];               /* v3 group 0 */
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
    const struct vgic_ops *ops;
    /* SPIs that may be pending or active: the only ones guest entry
     * looks at (set with the state, cleared when it is found idle). */
    uint64_t spi_live[(VGIC_MAX_SPIS + 63) / 64];
};

/* Note that irq may now be pending or active (dist lock held). */
static inline void vgic_mark_live(struct vgic_dist *dist,
                                  const struct vgic_irq *irq)
{
    unsigned int n = irq->intid - VGIC_NR_LOCAL;

    if ( irq->intid >= VGIC_NR_LOCAL && n < VGIC_MAX_SPIS )
        dist->spi_live[n / 64] |= 1UL << (n % 64);
}

/*
 * Set up a domain's vGIC: its frames at the given guest-physical
 * addresses (dom0: the host's; for v2, the hardware GICV frame is mapped
 * at cbase by the caller).  nr_spis rounded up to a multiple of 32.
 */
int vgic_domain_init(struct domain *d, unsigned int version,
                     unsigned int nr_spis, paddr_t dbase,
                     paddr_t cbase_or_rbase, paddr_t csize_or_rsize);
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

/* test_vgic (CONFIG_SELFTEST): exercise the vGIC on a fake domain. */
void vgic_selftest(void);

/* The physical IRQ path: is irq passed through to a guest? */
bool vgic_irq_is_hw(unsigned int irq);

/*
 * vGIC internals, shared by vgic.c (state, injection), vgic-mmio.c (the
 * register families both versions share), vgic-lr.c (list registers)
 * and vgic-v2.c/vgic-v3.c (frames and hardware accessors).
 */

/* One list register, version-neutral. */
struct vgic_lr {
    uint32_t virq;
    uint16_t pirq;                  /* hw only */
    uint8_t priority;
    uint8_t source;                 /* v2 SGIs: the requesting vCPU */
    bool pending, active, hw, group1;
    bool eoi;                       /* maintenance IRQ when it completes */
};

struct vgic_ops {
    unsigned int version;
    int (*init)(void);              /* once, before the first domain */
    unsigned int (*nr_lrs)(void);   /* this pCPU's */
    void (*read_lr)(unsigned int n, struct vgic_lr *lr);
    void (*write_lr)(unsigned int n, const struct vgic_lr *lr);
    void (*clear_lr)(unsigned int n);
    void (*set_hcr)(bool enable, bool underflow);
    void (*save)(struct vgic_cpu *c);
    void (*restore)(const struct vgic_cpu *c);
    bool (*mmio)(struct vcpu *v, paddr_t gpa, bool write, unsigned int size,
                 uint64_t *val);
    void (*vcpu_init)(struct vcpu *v);
};

extern const struct vgic_ops vgic_v2_ops, vgic_v3_ops;

/* The register families at the same offsets in GICD, GICR SGI and v2. */
enum vgic_reg {
    VGIC_IGROUPR, VGIC_ISENABLER, VGIC_ICENABLER, VGIC_ISPENDR,
    VGIC_ICPENDR, VGIC_ISACTIVER, VGIC_ICACTIVER, VGIC_IPRIORITYR,
    VGIC_ITARGETSR, VGIC_ICFGR,
};
/* Which family offset (0x080-0xcff) is in, and the first INTID. */
bool vgic_reg_decode(unsigned int offset, enum vgic_reg *reg,
                     unsigned int *intid);
/*
 * Access size bytes of family reg from INTID intid on; local interrupts
 * are v's.  INTIDs outside [lo, hi) are RAZ/WI.  Takes the domain's vGIC
 * lock.
 */
void vgic_reg_access(struct vcpu *v, enum vgic_reg reg, unsigned int intid,
                     unsigned int lo, unsigned int hi, bool write,
                     unsigned int size, uint64_t *val);

/* d's vGIC lock held: the state of intid (locals: v's), or NULL. */
struct vgic_irq *vgic_get_irq(struct domain *d, struct vcpu *v,
                              unsigned int intid);
/* Lock held: the vCPU an interrupt goes to (NULL: none). */
struct vcpu *vgic_irq_target(struct domain *d, struct vcpu *v,
                             const struct vgic_irq *irq);
/* Lock held: could irq be delivered now (pending, enabled, forwarded)? */
bool vgic_irq_deliverable(const struct domain *d, const struct vgic_irq *irq);
/* Lock held: recompute an SPI's target vCPU after its routing changed. */
void vgic_spi_retarget(struct domain *d, struct vgic_irq *irq);
void vgic_route_hw(struct domain *d, struct vgic_irq *irq);
/* Lock held: a v2/v3 SGI from src to the vCPUs in mask. */
void vgic_send_sgi(struct domain *d, struct vcpu *src, unsigned int sgi,
                   const uint64_t *mask, uint64_t *kick);
/* v3: a trapped ICC_SGI1R_EL1 and friends (vgic-v3.c). */
bool vgic_v3_sysreg(struct vcpu *v, uint32_t iss, uint64_t *val);
/* Mirror a guest's ICFGR edge bit for a passed-through SPI. */
void vgic_hw_set_edge(unsigned int hwirq, bool edge);
/* Lock not held: vcpu_kick() every vCPU whose bit is set in kick. */
void vgic_kick_mask(struct domain *d, const uint64_t *kick);
#define VGIC_KICK_WORDS (VGIC_MAX_VCPUS / 64)

#endif /* ASM_VGIC_H */
