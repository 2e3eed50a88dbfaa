/* SPDX-License-Identifier: GPL-2.0-only */
/* Saved register frames and per-CPU stack info (arm64). */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <xen/types.h>
#include <asm/layout.h>
#include <asm/sysregs.h>
#include <public/xen.h>

/*
 * The frame the exception entry code saves, lowest address first.
 * Offsets are used by arm64/entry.S (checked by BUILD_BUG_ON in traps.c).
 */
struct cpu_user_regs {
    uint64_t x[31];         /* x0..x30 (x30 = lr) */
    uint64_t sp;            /* interrupted SP (SP_EL1/SP_EL0 or SP_EL2) */
    uint64_t pc;            /* ELR_EL2 */
    uint64_t cpsr;          /* SPSR_EL2 */
    uint64_t esr;           /* ESR_EL2 at entry */
    uint64_t pad;
};
#define UREGS_SIZE 288

static inline bool regs_from_guest(const struct cpu_user_regs *r)
{
    return (r->cpsr & 0xf) < PSR_MODE_EL2t;
}

/* At the top of every CPU's stack. */
struct cpu_info {
    struct cpu_user_regs guest_cpu_user_regs;
    unsigned int processor_id;
    unsigned int pad;
    unsigned long per_cpu_offset;
    void *current_vcpu;
    unsigned long pad2;
};

static inline struct cpu_info *get_cpu_info(void)
{
    unsigned long sp;

    __asm__ ("mov %0, sp" : "=r"(sp));
    return (struct cpu_info *)((sp | (STACK_SIZE - 1)) + 1) - 1;
}

/* Boot CPU identification, printed at boot. */
struct cpuinfo_arm {
    uint64_t midr, mpidr, pfr0, mmfr0, mmfr1, isar0;
    unsigned int pa_bits;
};
extern struct cpuinfo_arm boot_cpu_data;

void identify_boot_cpu(void);
void print_cpu_info(void);

#endif /* ASM_PROCESSOR_H */
