/* SPDX-License-Identifier: GPL-2.0-only */
/* The generic timer: system counter, hypervisor timer, delays. */
#ifndef ASM_TIME_H
#define ASM_TIME_H

#include <xen/types.h>

extern unsigned long cpu_khz;          /* counter frequency in kHz */

void preinit_time(void);               /* counter frequency (boot CPU) */
void time_cpu_init(void);              /* this CPU's hypervisor timer */
void udelay(unsigned long us);
s_time_t counter_to_stime(uint64_t cnt);
void mdelay(unsigned long ms);

/* PPIs of the generic timer, from the device tree (defaults: QEMU virt). */
extern unsigned int timer_irq_hyp, timer_irq_virt, timer_irq_phys;

#endif /* ASM_TIME_H */
