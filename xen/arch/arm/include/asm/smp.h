/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU identity and inter-processor interrupts (arm64). */
#ifndef ASM_SMP_H
#define ASM_SMP_H

#include <asm/processor.h>

#define smp_processor_id() (get_cpu_info()->processor_id)

/* MPIDR affinity of each logical CPU (from the device tree). */
extern uint64_t cpu_logical_map[NR_CPUS];

void smp_init_cpus(void);
void smp_boot_cpus(void);
void smp_send_event_check_cpu(unsigned int cpu);
void smp_send_stop(void);
void smp_call_function(void (*fn)(void *), void *info, bool wait);

#endif /* ASM_SMP_H */
