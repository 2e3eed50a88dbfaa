/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU numbering and cross-CPU calls. */
#ifndef XEN_SMP_H
#define XEN_SMP_H

#include <xen/types.h>
#include <asm/smp.h>

extern unsigned int nr_cpu_ids;        /* CPUs found (possible) */
extern unsigned int num_online_cpus_count;
extern bool cpu_online_map[NR_CPUS];

#define num_online_cpus() (num_online_cpus_count)
#define cpu_online(c) (cpu_online_map[c])
#define for_each_online_cpu(c) \
    for ( (c) = 0; (c) < nr_cpu_ids; (c)++ ) if ( cpu_online(c) )

/* common/smp.c, and the arch IPI it sends to every other online CPU. */
void smp_call_function_interrupt(void);
void arch_send_call_function_ipi(void);

#endif /* XEN_SMP_H */
