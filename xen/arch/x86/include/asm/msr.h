/* SPDX-License-Identifier: GPL-2.0-only */
/* Model-specific registers and the time-stamp counter. */
#ifndef ASM_MSR_H
#define ASM_MSR_H

#include <xen/types.h>

#define MSR_IA32_APICBASE       0x0000001b
#define  APICBASE_BSP           (1UL << 8)
#define  APICBASE_EXTD          (1UL << 10)
#define  APICBASE_ENABLE        (1UL << 11)
#define MSR_IA32_TSC_DEADLINE   0x000006e0
#define MSR_EFER                0xc0000080
#define  EFER_SCE               (1UL << 0)
#define  EFER_LME               (1UL << 8)
#define  EFER_NXE               (1UL << 11)
#define MSR_STAR                0xc0000081
#define MSR_LSTAR               0xc0000082
#define MSR_CSTAR               0xc0000083
#define MSR_SYSCALL_MASK        0xc0000084
#define MSR_FS_BASE             0xc0000100
#define MSR_GS_BASE             0xc0000101
#define MSR_SHADOW_GS_BASE      0xc0000102
#define MSR_X2APIC_FIRST        0x00000800

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ __volatile__("wrmsr" :: "c"(msr), "a"((uint32_t)v),
                         "d"((uint32_t)(v >> 32)) : "memory");
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* rdtsc ordered against earlier loads (lfence is dispatch-serialising). */
static inline uint64_t rdtsc_ordered(void)
{
    __asm__ __volatile__("lfence" ::: "memory");
    return rdtsc();
}

#endif /* ASM_MSR_H */
