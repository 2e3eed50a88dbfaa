/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU variables: defined into .bss.percpu, which CPU 0 uses in place;
 * every other CPU gets a zeroed copy.  They must not have initialisers.
 * Each CPU finds its offset in the struct cpu_info on top of its stack.
 * A build with its own model (the host unit tests' fake arch) supplies
 * asm/percpu.h instead.
 */
#ifndef XEN_PERCPU_H
#define XEN_PERCPU_H

#if __has_include(<asm/percpu.h>)
#include <asm/percpu.h>
#else
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

#endif /* own asm/percpu.h */

#endif /* XEN_PERCPU_H */
