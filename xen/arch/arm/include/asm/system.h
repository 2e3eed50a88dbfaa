/* SPDX-License-Identifier: GPL-2.0-only */
/* Interrupt masking, barriers and other CPU primitives (arm64). */
#ifndef ASM_SYSTEM_H
#define ASM_SYSTEM_H

#include <xen/types.h>
#include <asm/sysregs.h>

/* Only IRQs are masked and unmasked here; SError and debug stay as set. */
#define local_irq_disable() __asm__ __volatile__("msr daifset, #2" ::: "memory")
#define local_irq_enable()  __asm__ __volatile__("msr daifclr, #2" ::: "memory")

#define local_save_flags(f) \
    __asm__ __volatile__("mrs %0, daif" : "=r"(f) :: "memory")
#define local_irq_save(f) \
    do { local_save_flags(f); local_irq_disable(); } while ( 0 )
#define local_irq_restore(f) \
    __asm__ __volatile__("msr daif, %0" :: "r"(f) : "memory")

static inline bool local_irq_is_enabled(void)
{
    unsigned long f;

    local_save_flags(f);
    return !(f & DAIF_I);
}

static inline void cpu_relax(void)
{
    __asm__ __volatile__("yield" ::: "memory");
}

#define mb()      dsb(sy)
#define rmb()     dsb(ld)
#define wmb()     dsb(st)
#define smp_mb()  dmb(ish)
#define smp_rmb() dmb(ishld)
#define smp_wmb() dmb(ishst)

static inline void halt(void)
{
    __asm__ __volatile__("dsb sy; wfi" ::: "memory");
}

/*
 * Wait for an interrupt with IRQs masked, then unmask: a pending IRQ
 * still ends WFI, so no wakeup is lost between the check and the wait.
 */
static inline void safe_halt(void)
{
    __asm__ __volatile__("dsb sy; wfi; msr daifclr, #2" ::: "memory");
}

static inline void flush_tlb_local(void)
{
    __asm__ __volatile__("dsb ishst; tlbi alle2; dsb ish; isb" ::: "memory");
}

/* This hypervisor's own mappings, on every CPU (inner shareable). */
static inline void flush_xen_tlb_all(void)
{
    __asm__ __volatile__("dsb ishst; tlbi alle2is; dsb ish; isb" ::: "memory");
}

static inline void flush_xen_tlb_va(unsigned long va)
{
    __asm__ __volatile__("dsb ishst; tlbi vae2is, %0; dsb ish; isb"
                         :: "r"(va >> 12) : "memory");
}

#endif /* ASM_SYSTEM_H */
