/* SPDX-License-Identifier: GPL-2.0-only */
/* Interrupt flag, barriers, control registers and other CPU primitives. */
#ifndef ASM_SYSTEM_H
#define ASM_SYSTEM_H

#include <xen/types.h>

#define X86_EFLAGS_IF 0x200

#define local_irq_disable() __asm__ __volatile__("cli" ::: "memory")
#define local_irq_enable()  __asm__ __volatile__("sti" ::: "memory")

#define local_save_flags(f) \
    __asm__ __volatile__("pushfq; popq %0" : "=g"(f) :: "memory")
#define local_irq_save(f) \
    do { local_save_flags(f); local_irq_disable(); } while ( 0 )
#define local_irq_restore(f) \
    __asm__ __volatile__("pushq %0; popfq" :: "g"(f) : "memory", "cc")

static inline bool local_irq_is_enabled(void)
{
    unsigned long f;

    local_save_flags(f);
    return f & X86_EFLAGS_IF;
}

static inline void cpu_relax(void)
{
    __asm__ __volatile__("pause" ::: "memory");
}

#define mb()  __asm__ __volatile__("mfence" ::: "memory")
#define rmb() __asm__ __volatile__("lfence" ::: "memory")
#define wmb() __asm__ __volatile__("sfence" ::: "memory")
#define smp_mb()  mb()
#define smp_rmb() barrier()
#define smp_wmb() barrier()

static inline void halt(void)
{
    __asm__ __volatile__("hlt" ::: "memory");
}

/* Enable interrupts and halt, with no window for a lost wakeup. */
static inline void safe_halt(void)
{
    __asm__ __volatile__("sti; hlt" ::: "memory");
}

#define DEFINE_CR_ACCESS(n)                                             \
static inline unsigned long read_cr##n(void)                            \
{                                                                       \
    unsigned long v;                                                    \
    __asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));               \
    return v;                                                           \
}                                                                       \
static inline void write_cr##n(unsigned long v)                         \
{                                                                       \
    __asm__ __volatile__("mov %0, %%cr" #n :: "r"(v) : "memory");       \
}
DEFINE_CR_ACCESS(0)
DEFINE_CR_ACCESS(2)
DEFINE_CR_ACCESS(3)
DEFINE_CR_ACCESS(4)
#undef DEFINE_CR_ACCESS

#define X86_CR0_WP   (1UL << 16)
#define X86_CR0_TS   (1UL << 3)
#define X86_CR4_PAE  (1UL << 5)
#define X86_CR4_PGE  (1UL << 7)
#define X86_CR4_OSFXSR (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define X86_CR4_FSGSBASE (1UL << 16)
#define X86_CR4_SMEP (1UL << 20)
#define X86_CR4_SMAP (1UL << 21)

static inline void flush_tlb_local(void)
{
    unsigned long cr4 = read_cr4();

    if ( cr4 & X86_CR4_PGE )
    {
        write_cr4(cr4 & ~X86_CR4_PGE);
        write_cr4(cr4);
    }
    else
        write_cr3(read_cr3());
}

static inline void invlpg(const void *va)
{
    __asm__ __volatile__("invlpg (%0)" :: "r"(va) : "memory");
}

#endif /* ASM_SYSTEM_H */
