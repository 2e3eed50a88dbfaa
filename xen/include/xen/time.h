/* SPDX-License-Identifier: GPL-2.0-only */
/* System time in nanoseconds since boot. */
#ifndef XEN_TIME_H
#define XEN_TIME_H

#include <xen/types.h>

#define NSEC_PER_SEC  1000000000LL
#define MILLISECS(ms) ((s_time_t)(ms) * 1000000LL)
#define MICROSECS(us) ((s_time_t)(us) * 1000LL)
#define SECONDS(s)    ((s_time_t)(s) * NSEC_PER_SEC)
#define STIME_MAX     ((s_time_t)((uint64_t)~0ULL >> 1))

/* Current system time (arch: TSC scaled). */
s_time_t get_s_time(void);
#define NOW() get_s_time()

/*
 * Arch hook: program this CPU's timer interrupt for 'timeout' (0 means
 * disarm).  Returns 0 if the deadline has already passed, 1 otherwise.
 */
int reprogram_timer(s_time_t timeout);

/* Arch: refresh the vcpu_time_info a vCPU's guest reads. */
struct vcpu;
void update_vcpu_system_time(struct vcpu *v);

/* Wall clock seconds at boot (from the RTC), or 0 if unknown. */
extern uint64_t boot_wallclock;
extern uint32_t boot_wallclock_nsec;

#endif /* XEN_TIME_H */
