/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU variables: section .bss.percpu plus a per-CPU offset. */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include <asm/processor.h>

extern char __per_cpu_start[], __per_cpu_end[];
extern unsigned long __per_cpu_offset[NR_CPUS];

#define DEFINE_PER_CPU(type, name) \
    __section(".bss.percpu") __typeof__(type) per_cpu__##name
#define DECLARE_PER_CPU(type, name) \
    extern __typeof__(type) per_cpu__##name

#define per_cpu(name, cpu) \
    (*(__typeof__(&per_cpu__##name)) \
     ((char *)&per_cpu__##name + __per_cpu_offset[cpu]))
#define this_cpu(name) \
    (*(__typeof__(&per_cpu__##name)) \
     ((char *)&per_cpu__##name + get_cpu_info()->per_cpu_offset))

#endif /* ASM_PERCPU_H */
