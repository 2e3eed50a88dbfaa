/* SPDX-License-Identifier: GPL-2.0-only */
/* Stage-2 translation (IPA -> PA) of a domain, with its VMID. */
#ifndef ASM_P2M_H
#define ASM_P2M_H

#include <xen/types.h>

struct domain;

typedef enum {
    p2m_invalid,
    p2m_ram_rw,             /* the domain's RAM */
    p2m_ram_ro,
    p2m_mmio_direct,        /* device memory passed through */
    p2m_grant_rw,           /* a granted foreign frame */
    p2m_grant_ro,
    p2m_foreign_rw,         /* privcmd mapping of another domain's RAM */
} p2m_type_t;

#define INVALID_PADDR (~(paddr_t)0)

int p2m_init(struct domain *d);
void p2m_teardown(struct domain *d);
/* Map [gpa, gpa + nr pages) to [pa, ...) with type t; replaces. */
int p2m_map(struct domain *d, paddr_t gpa, paddr_t pa, unsigned long nr,
            p2m_type_t t);
int p2m_unmap(struct domain *d, paddr_t gpa, unsigned long nr);
/* PA backing gpa (page-aligned part of gpa kept), or INVALID_PADDR. */
paddr_t p2m_lookup(struct domain *d, paddr_t gpa, p2m_type_t *t);
/* Load the domain's VTTBR on this CPU. */
void p2m_load(struct domain *d);
/* Set up VTCR_EL2 on this CPU (all CPUs share the IPA size). */
void p2m_cpu_init(void);
extern unsigned int p2m_ipa_bits;

#endif /* ASM_P2M_H */
