/* SPDX-License-Identifier: GPL-2.0-only */
/* Grant tables: the hypervisor's side, and the arch mapping hooks. */
#ifndef XEN_GRANT_TABLE_H
#define XEN_GRANT_TABLE_H

#include <xen/sched.h>

int grant_table_init(struct domain *d);

/*
 * Arch: install a mapping of frame 'mfn' (owned by 'owner') at host_addr
 * (a VA, or with GNTMAP_contains_pte the machine address of the PTE) in
 * the caller's page tables; the frame reference is taken by the caller.
 */
int arch_grant_map(struct domain *d, struct domain *owner, uint64_t host_addr,
                   uint32_t flags, unsigned long mfn, bool readonly);
int arch_grant_unmap(struct domain *d, uint64_t host_addr, uint32_t flags,
                     unsigned long mfn);

/* Frame idx of d's grant table, grown as needed (auto-translated guests
 * map the frames with XENMEM_add_to_physmap). */
int gnttab_get_frame_mfn(struct domain *d, unsigned int idx,
                         unsigned long *mfn);

#endif /* XEN_GRANT_TABLE_H */
