/* SPDX-License-Identifier: GPL-2.0-only */
/* Deferred work run on return from interrupts and in the idle loop. */
#ifndef XEN_SOFTIRQ_H
#define XEN_SOFTIRQ_H

enum {
    TIMER_SOFTIRQ = 0,
    SCHEDULE_SOFTIRQ,
    NEW_TLBFLUSH_CLOCK_PERIOD_SOFTIRQ,
    NR_SOFTIRQS
};

typedef void (*softirq_handler)(void);

void open_softirq(int nr, softirq_handler handler);
void raise_softirq(unsigned int nr);
void cpu_raise_softirq(unsigned int cpu, unsigned int nr);
bool softirq_pending(unsigned int cpu);
void do_softirq(void);

#endif /* XEN_SOFTIRQ_H */
