/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test-side view of the fake platform (fake.c): captured log lines, a
 * settable clock, recorded timer programming and softirqs.
 */
#ifndef FAKE_FAKE_H
#define FAKE_FAKE_H

#include <xen/types.h>

/* Log: the last FAKE_LOG_LINES printk() messages, formatted. */
#define FAKE_LOG_LINES 64
void fake_log_reset(void);
unsigned int fake_log_count(void);
/* True if some captured line contains 'needle'. */
bool fake_log_contains(const char *needle);
const char *fake_log_last(void);

/* Clock and arch timer. */
extern s_time_t fake_now;
extern s_time_t fake_last_reprogram;
extern unsigned int fake_reprogram_calls;
/* Called from reprogram_timer() before it decides; may move fake_now. */
extern void (*fake_reprogram_hook)(s_time_t timeout);

/* Softirqs. */
void fake_softirq_reset(void);
bool fake_softirq_is_pending(unsigned int cpu, unsigned int nr);
/* Run pending softirqs as 'cpu' (which becomes the current CPU). */
void fake_run_softirqs(unsigned int cpu);

/* Machine memory for __va/__pa: FAKE_RAM_SIZE bytes, mostly unbacked. */
#define FAKE_RAM_SIZE (8UL << 30)

#endif /* FAKE_FAKE_H */
