/* SPDX-License-Identifier: GPL-2.0-only */
/* Interfaces between the PV guest pieces of arch/x86. */
#ifndef ASM_PV_H
#define ASM_PV_H

#include <xen/sched.h>
#include <asm/processor.h>

#define TRAP_SYSCALL 256

static inline struct cpu_user_regs *guest_cpu_user_regs(void)
{
    return &get_cpu_info()->guest_cpu_user_regs;
}

/* Switch between guest kernel and user mode (page tables, GS bases). */
void toggle_guest_mode(struct vcpu *v);
/* Load the page tables the vCPU's current mode wants. */
void pv_update_cr3(struct vcpu *v);

/* Bounce an exception or callback to the guest's kernel (pv/traps.c). */
int pv_inject_exception(struct cpu_user_regs *regs, unsigned int vector,
                        int error_code);
int pv_inject_callback(struct cpu_user_regs *regs, unsigned long eip,
                       bool mask_events, bool failsafe);
void pv_handle_guest_trap(struct cpu_user_regs *regs, unsigned long cr2);
void pv_deliver_pending(struct cpu_user_regs *regs);

/* pv/emul-priv.c: 1 handled, 0 not an emulated instruction. */
int pv_emulate_privileged(struct cpu_user_regs *regs);
int pv_emulate_forced_cpuid(struct cpu_user_regs *regs);
int pv_emulate_int_n(struct cpu_user_regs *regs);

/* pv/mm.c */
int pv_ptwr_fault(struct cpu_user_regs *regs, unsigned long addr);
void pv_mm_init(void);
int pv_vcpu_set_baseptr(struct vcpu *v, unsigned long mfn, bool user);

/* pv/descriptor.c */
int perdomain_init(struct domain *d);
unsigned long gdt_area(const struct vcpu *v);
void pv_load_gdt(struct vcpu *v);
long pv_set_gdt(struct vcpu *v, const unsigned long *frames,
                unsigned int entries);
int validate_descriptor_page(struct page_info *pg);
void pv_load_ldt(struct vcpu *v);
long pv_set_ldt(struct vcpu *v, unsigned long base, unsigned int ents);

/* pv/syscall.c */
void pv_syscall_cpu_init(unsigned int cpu);

#endif /* ASM_PV_H */
