/* SPDX-License-Identifier: GPL-2.0-only */
/* What domctl and sysctl share, and what the architecture adds to them. */
#ifndef XEN_CONTROL_H
#define XEN_CONTROL_H

#include <xen/types.h>
#include <public/domctl.h>
#include <public/sysctl.h>

struct domain;

/* getdomaininfo for d (domctl, and each element of sysctl's list). */
void get_domain_info(const struct domain *d,
                     struct xen_domctl_getdomaininfo *info);
/* The live domain with the lowest ID >= id, or NULL. */
struct domain *domain_next_by_id(domid_t id);

/*
 * Writes a CPU bitmap of map->nr_bits bits for the guest: every online
 * CPU (CPUMAP_ALL), none (CPUMAP_NONE) or just CPU `which`.
 */
#define CPUMAP_ALL  (-1)
#define CPUMAP_NONE (-2)
long put_cpumap(struct xenctl_bitmap *map, int which);

/* Arch: capabilities, hw_cap, arch_capabilities of physinfo. */
void arch_physinfo(struct xen_sysctl_physinfo *pi);
/* Arch: flags (hvm_guest, hap), gpaddr_bits and arch_config of d. */
void arch_get_domain_info(const struct domain *d,
                          struct xen_domctl_getdomaininfo *info);

#endif /* XEN_CONTROL_H */
