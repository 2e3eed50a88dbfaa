/* SPDX-License-Identifier: GPL-2.0-only */
/* TSC-based system time, calibration, delays and the APIC timer. */
#ifndef ASM_TIME_H
#define ASM_TIME_H

#include <xen/types.h>

extern unsigned long cpu_khz;

void early_time_init(void);     /* calibrate TSC and APIC timer (BSP) */
void time_cpu_init(void);       /* per-CPU timer interrupt setup */
void udelay(unsigned long us);
void mdelay(unsigned long ms);
uint64_t read_rtc_seconds(void);

#endif /* ASM_TIME_H */
