/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 parts of domains and vCPUs: the 64-bit PV guest state. */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <xen/types.h>
#include <public/xen.h>
#include <asm/processor.h>

/* Callback slots a PV guest registers (callback_op / set_callbacks). */
enum {
    PV_CB_EVENT,
    PV_CB_FAILSAFE,
    PV_CB_SYSCALL,
    PV_CB_SYSCALL32,
    PV_CB_SYSENTER,
    PV_CB_NMI,
    PV_CB_MAX
};

struct pv_callback {
    unsigned long eip;
    bool mask_events;
};

struct pv_vcpu {
    struct trap_info trap_ctxt[256];
    unsigned long kernel_ss, kernel_sp;
    struct pv_callback cb[PV_CB_MAX];

    unsigned long fs_base;
    unsigned long gs_base_kernel;
    unsigned long gs_base_user;

    unsigned long ctrlreg[8];          /* virtual CR0 (TS), CR4 */
    unsigned long debugreg[8];
    unsigned long guest_table;         /* kernel L4 MFN, 0 = none */
    unsigned long guest_table_user;    /* user L4 MFN, 0 = none */
    bool in_kernel;                    /* guest kernel mode */
    unsigned int iopl;                 /* virtual IOPL (0-3) */

    unsigned long gdt_frames[16];
    unsigned int gdt_ents;
    unsigned long gdt_cpu_page_mfn;    /* what area page 14 maps now */
    unsigned long ldt_base;
    unsigned int ldt_ents;
    unsigned long ldt_frames[16];      /* held while the LDT is set */

    bool fpu_initialised;
    uint8_t fpu_ctxt[512] __attribute__((__aligned__(16)));

    unsigned long nmi_pending;
};

struct arch_vcpu {
    /* Guest registers while the vCPU is not running. */
    struct cpu_user_regs user_regs;
    struct pv_vcpu pv;
};

struct arch_domain {
    /* The domain's L3 for PERDOMAIN_L4_SLOT (GDT/LDT areas). */
    uint64_t *perdomain_l3;
    /* Frames below this are the domain's "physical" pages (PV: none). */
    bool io_privileged;                /* dom0: host I/O ports and MMIO */
    uint32_t pci_cf8;                  /* its PCI config address latch */
    /* PHYSDEVOP_pirq_eoi_gmfn: one bit per PIRQ, set if it needs an EOI. */
    unsigned long *pirq_eoi_map;
    unsigned long pirq_eoi_mfn;
    bool pirq_eoi_auto_unmask;         /* v1: EOI also unmasks the port */
    unsigned long hypercall_page_va;
};

#endif /* ASM_DOMAIN_H */
