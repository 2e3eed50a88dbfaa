/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Physical interrupts owned by the hypervisor and passed to dom0 as PIRQ
 * event channels: IO-APIC pins (GSIs), one vector each.
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#include <xen/irq.h>
#include <xen/sched.h>

#define NR_GSIS         96
#define GSI_VECTOR_BASE 0x30            /* GSI n arrives on vector 0x30 + n */
#define NR_MSIS         96              /* PIRQs NR_GSIS.. are MSIs */
#define MSI_VECTOR_BASE (GSI_VECTOR_BASE + NR_GSIS)

void gsi_init(void);
/* PHYSDEVOP_* back ends; 0 or -errno. */
int gsi_setup(unsigned int gsi, bool level, bool low);
int pirq_map_gsi(struct domain *d, unsigned int gsi, int *pirq);
int pirq_map_msi(struct domain *d, unsigned int bus, unsigned int devfn,
                 unsigned int entry, uint64_t table_base, int *pirq);
int pirq_unmap(struct domain *d, unsigned int pirq);
int pirq_eoi(struct domain *d, unsigned int pirq);
int pirq_needs_eoi(struct domain *d, unsigned int pirq);
int ioapic_guest_read(paddr_t base, unsigned int reg, uint32_t *val);

#endif /* ASM_IRQ_H */
