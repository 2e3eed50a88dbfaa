/* SPDX-License-Identifier: GPL-2.0-only */
/* The architecture's side of memory_op (common/memory.c calls it). */
#ifndef XEN_ARCH_MEMORY_H
#define XEN_ARCH_MEMORY_H

#include <xen/sched.h>

/* Give back an extent the guest owns (decrease_reservation). */
long arch_remove_page(struct domain *d, unsigned long gmfn,
                      unsigned int order);
/* New extent; *frame: IN gpfn (populate), OUT the frame the guest uses. */
long arch_populate_page(struct domain *d, bool populate, unsigned long *frame,
                        unsigned int order);
long arch_memory_map(struct domain *d, bool machine, unsigned long buf,
                     unsigned int room, unsigned int *nr);
long arch_max_gpfn(struct domain *d);
long arch_machphys_mfn_list(unsigned long arg);
long arch_memory_exchange(unsigned long arg);
/* Sub-ops common code does not know (-ENOSYS if the arch does not). */
long arch_memory_op(unsigned long cmd, unsigned long arg);

#endif /* XEN_ARCH_MEMORY_H */
