/* SPDX-License-Identifier: GPL-2.0-only */
/* Event channels: the hypervisor's side of event delivery to guests. */
#ifndef XEN_EVENT_H
#define XEN_EVENT_H

#include <xen/sched.h>

int evtchn_init(struct domain *d);
void evtchn_destroy(struct domain *d);

/* Raise a per-vCPU VIRQ (timer, debug) or a global one (console, ...). */
void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq);
void send_guest_global_virq(struct domain *d, unsigned int virq);

/* Mark the upcall pending and kick the vCPU. */
void vcpu_mark_events_pending(struct vcpu *v);
/* True if any of the polled ports is pending. */
bool evtchn_poll_pending(struct vcpu *v);

/* Timer callbacks of every vCPU (schedule.c). */
void vcpu_singleshot_timer_fn(void *data);
void vcpu_periodic_timer_fn(void *data);
void vcpu_poll_timer_fn(void *data);

/* Arch: leave the current stack and continue in fn. */
void __noreturn reset_stack_and_call(void (*fn)(void));
void ret_to_guest(void);

#endif /* XEN_EVENT_H */
