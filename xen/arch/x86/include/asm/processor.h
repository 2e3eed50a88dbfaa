/* SPDX-License-Identifier: GPL-2.0-only */
/* Saved register frames, per-CPU stack info and CPUID. */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <xen/types.h>
#include <asm/layout.h>

/*
 * The entry code's register frame is the public ABI's struct cpu_user_regs
 * (x86_64 layout), so a guest frame can be handed over as it is.
 */
#include <public/xen.h>

/* At the top of every primary stack. */
struct cpu_info {
    struct cpu_user_regs guest_cpu_user_regs;
    unsigned int processor_id;
    unsigned int pad;
    unsigned long per_cpu_offset;
    void *current_vcpu;
    /* Keeps guest_cpu_user_regs.es 16-byte aligned (TSS rsp0). */
    unsigned long pad2;
};

static inline struct cpu_info *get_cpu_info(void)
{
    unsigned long sp;

    __asm__ ("mov %%rsp, %0" : "=r"(sp));
    return (struct cpu_info *)((sp | (STACK_SIZE - 1)) + 1) - 1;
}

struct cpuid_leaf {
    uint32_t a, b, c, d;
};

static inline void cpuid_count(uint32_t leaf, uint32_t sub,
                               struct cpuid_leaf *r)
{
    __asm__ __volatile__("cpuid"
                         : "=a"(r->a), "=b"(r->b), "=c"(r->c), "=d"(r->d)
                         : "0"(leaf), "2"(sub));
}

static inline void cpuid(uint32_t leaf, struct cpuid_leaf *r)
{
    cpuid_count(leaf, 0, r);
}

/* Boot CPU feature words (cpu.c). */
struct cpuinfo_x86 {
    char vendor[13];
    char model_id[49];
    unsigned int family, model, stepping;
    uint32_t max_leaf, max_ext_leaf;
    uint32_t leaf1_c, leaf1_d, leaf7_b, leaf7_c, ext1_c, ext1_d;
    unsigned int phys_bits, virt_bits;
};
extern struct cpuinfo_x86 boot_cpu_data;

#define X86_FEATURE_X2APIC(c)       ((c)->leaf1_c & (1u << 21))
#define X86_FEATURE_TSC_DEADLINE(c) ((c)->leaf1_c & (1u << 24))
#define X86_FEATURE_HYPERVISOR(c)   ((c)->leaf1_c & (1u << 31))
#define X86_FEATURE_APIC(c)         ((c)->leaf1_d & (1u << 9))
#define X86_FEATURE_PGE(c)          ((c)->leaf1_d & (1u << 13))
#define X86_FEATURE_FSGSBASE(c)     ((c)->leaf7_b & (1u << 0))
#define X86_FEATURE_SMEP(c)         ((c)->leaf7_b & (1u << 7))
#define X86_FEATURE_SMAP(c)         ((c)->leaf7_b & (1u << 20))
#define X86_FEATURE_NX(c)           ((c)->ext1_d & (1u << 20))
#define X86_FEATURE_PAGE1GB(c)      ((c)->ext1_d & (1u << 26))
#define X86_FEATURE_SVM(c)          ((c)->ext1_c & (1u << 2))

void identify_boot_cpu(void);
void print_cpu_info(void);
void cpu_init_features(void);   /* CR4 bits etc., on every CPU */

#endif /* ASM_PROCESSOR_H */
