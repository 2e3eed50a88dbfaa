/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Physical interrupts owned by the hypervisor and passed to dom0 as PIRQ
 * event channels: IO-APIC pins (GSIs, irq.c) and MSI/MSI-X vectors
 * (msi.c), one vector each.
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#include <xen/irq.h>
#include <xen/sched.h>

#define NR_GSIS         96
#define GSI_VECTOR_BASE 0x30            /* GSI n arrives on vector 0x30 + n */
#define NR_MSIS         96              /* PIRQs NR_GSIS.. are MSIs */
#define MSI_VECTOR_BASE (GSI_VECTOR_BASE + NR_GSIS)
#define MAX_MULTI_MSI   32              /* vectors of one multi-message MSI */

void gsi_init(void);
void msi_init(void);
/* PHYSDEVOP_* back ends; 0 or -errno. */
int gsi_setup(unsigned int gsi, bool level, bool low);
int pirq_map_gsi(struct domain *d, unsigned int gsi, int *pirq);
int pirq_map_msi(struct domain *d, unsigned int bus, unsigned int devfn,
                 unsigned int entry, uint64_t table_base, int *pirq);
/* nr (a power of 2) vectors of one MSI; *pirq gets the first PIRQ. */
int pirq_map_multi_msi(struct domain *d, unsigned int bus,
                       unsigned int devfn, unsigned int *nr, int *pirq);
int pirq_unmap(struct domain *d, unsigned int pirq);
int pirq_eoi(struct domain *d, unsigned int pirq);
int pirq_needs_eoi(struct domain *d, unsigned int pirq);
int ioapic_guest_read(paddr_t base, unsigned int reg, uint32_t *val);
int ioapic_guest_write(struct domain *d, paddr_t base, unsigned int reg,
                       uint32_t val);
/* Mirror every PIRQ's "needs EOI" into d's freshly registered map. */
void pirq_eoi_map_sync(struct domain *d);

/* msi.c, for irq.c: PIRQs NR_GSIS.. */
bool msi_pirq_mapped(const struct domain *d, unsigned int pirq);
void msi_pirq_set_bound(struct domain *d, unsigned int pirq, bool bound);
int msi_pirq_unmap(struct domain *d, unsigned int pirq);
/* A frame of an MSI-X table or PBA we program: read-only for dom0. */
bool msix_ro_frame(unsigned long mfn);

/*
 * dom0 writes size bytes at reg of a device's configuration space: false
 * if the write must be dropped because it would change MSI or MSI-X
 * registers the hypervisor programmed; *val may be adjusted.
 */
bool msi_guest_cfg_write(unsigned int bus, unsigned int devfn,
                         unsigned int reg, unsigned int size, uint32_t *val);

#endif /* ASM_IRQ_H */
