/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software timers: one min-heap of timers per CPU, ordered by expiry,
 * run from TIMER_SOFTIRQ; the arch timer is programmed for the earliest.
 */
#ifndef XEN_TIMER_H
#define XEN_TIMER_H

#include <xen/time.h>
#include <xen/types.h>

struct timer {
    s_time_t expires;
    unsigned int heap_offset;       /* index in the CPU's heap, 0 = not in it */
    void (*function)(void *data);
    void *data;
    uint16_t cpu;
    uint8_t status;                 /* TIMER_STATUS_* */
    struct timer *list_next;        /* overflow list, if the heap is full */
};

#define TIMER_STATUS_invalid  0     /* not initialised, or killed */
#define TIMER_STATUS_inactive 1     /* initialised, not pending */
#define TIMER_STATUS_in_heap  2     /* pending */
#define TIMER_STATUS_in_list  3     /* pending, heap could not grow */

void init_timer(struct timer *t, void (*fn)(void *), void *data,
                unsigned int cpu);
/* (Re)arm; a deadline in the past fires on the next softirq run. */
void set_timer(struct timer *t, s_time_t expires);
void stop_timer(struct timer *t);
void migrate_timer(struct timer *t, unsigned int new_cpu);
/* Stop for good; the timer may not be set again until re-initialised. */
void kill_timer(struct timer *t);
bool timer_is_active(const struct timer *t);

/* Set up the per-CPU heaps and TIMER_SOFTIRQ (BSP), or one CPU's heap. */
void timer_init(void);
int timer_cpu_init(unsigned int cpu);

#endif /* XEN_TIMER_H */
