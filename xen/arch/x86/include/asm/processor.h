/* SPDX-License-Identifier: GPL-2.0-only */
/* Saved register frames, per-CPU stack info and CPUID. */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <xen/types.h>
#include <asm/layout.h>

/*
 * Register frame built by the entry code.  The layout is the Xen public
 * ABI's struct cpu_user_regs (x86_64), so a guest frame can be copied as is.
 */
struct cpu_user_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint32_t error_code;
    uint32_t entry_vector;
    /* Pushed by the CPU. */
    uint64_t rip;
    uint16_t cs, _pad0[1];
    uint8_t saved_upcall_mask;
    uint8_t _pad1[3];
    uint64_t rflags;
    uint64_t rsp;
    uint16_t ss, _pad2[3];
    /* Only meaningful for guest frames. */
    uint16_t es, _pad3[3];
    uint16_t ds, _pad4[3];
    uint16_t fs, _pad5[3];
    uint16_t gs, _pad6[3];
};

/* At the top of every primary stack. */
struct cpu_info {
    struct cpu_user_regs guest_cpu_user_regs;
    unsigned int processor_id;
    unsigned int pad;
    unsigned long per_cpu_offset;
    void *current_vcpu;
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
