/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 parts of domains and vCPUs (guests are EL1 VMs under stage 2). */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <xen/types.h>
#include <xen/spinlock.h>
#include <xen/timer.h>
#include <public/xen.h>
#include <asm/processor.h>
#include <asm/vgic.h>

/* EL1 state switched with the vCPU (x0-x30, SP_EL1, PC, PSTATE are in
 * user_regs). */
struct el1_regs {
    uint64_t sctlr, cpacr, ttbr0, ttbr1, tcr, mair, amair, vbar;
    uint64_t contextidr, tpidr_el0, tpidr_el1, tpidrro_el0, sp_el0;
    uint64_t elr, spsr, esr, far, afsr0, afsr1, par, csselr, cntkctl;
    uint64_t mdscr;
};

struct arch_vcpu {
    /* Guest registers while the vCPU is not running. */
    struct cpu_user_regs user_regs;
    struct el1_regs el1;
    uint64_t vmpidr;
    /* FP/SIMD: q0-q31 as pairs of 64-bit halves, FPSR, FPCR. */
    uint64_t fpregs[64] __attribute__((__aligned__(16)));
    uint64_t fpsr, fpcr;
    /* Virtual timer (CNTV) while descheduled, and its wake-up timer. */
    uint64_t cntv_ctl, cntv_cval;
    struct timer vtimer;
    struct vgic_cpu vgic;
    /* PSCI CPU_ON: where a vCPU that is off starts. */
    bool psci_on_pending;
};

struct arch_domain {
    uint16_t vmid;
    uint64_t vttbr;                 /* VMID and root table */
    void *p2m_root;
    spinlock_t p2m_lock;
    struct vgic_dist vgic;
    unsigned int evtchn_irq;        /* the upcall PPI */
    uint64_t hvm_params[64];
    bool direct_map;                /* dom0: IPA == PA for its RAM */
    paddr_t gnttab_base;            /* where grant frames are mapped */
};

struct vcpu;
/* The live frame of the running vCPU, else its saved one. */
struct cpu_user_regs *vcpu_regs(struct vcpu *v);
uint64_t vcpu_vmpidr(unsigned int id);

#endif /* ASM_DOMAIN_H */
