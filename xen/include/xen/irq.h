/* SPDX-License-Identifier: GPL-2.0-only */
/* Physical IRQs as seen by common code (PIRQ event channels). */
#ifndef XEN_IRQ_H
#define XEN_IRQ_H

#include <xen/types.h>

struct domain;

#define NR_DOMAIN_PIRQS 256

/* Arch: d may bind pirq (it was mapped to it), and (un)binding it. */
bool pirq_mapped(const struct domain *d, unsigned int pirq);
void pirq_set_bound(struct domain *d, unsigned int pirq, bool bound);

/* Raise the event channel bound to a PIRQ of d (from interrupt context). */
void send_guest_pirq(struct domain *d, unsigned int pirq);

#endif /* XEN_IRQ_H */
