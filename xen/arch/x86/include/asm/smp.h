/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU identity and inter-processor interrupts. */
#ifndef ASM_SMP_H
#define ASM_SMP_H

#include <asm/processor.h>

#define smp_processor_id() (get_cpu_info()->processor_id)

extern uint32_t x86_cpu_to_apicid[NR_CPUS];

void smp_prepare_cpus(unsigned int max_cpus);
void smp_boot_cpus(void);
void smp_send_event_check_cpu(unsigned int cpu);
void smp_send_stop(void);
void smp_call_function(void (*fn)(void *), void *info, bool wait);

#endif /* ASM_SMP_H */
