/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI configuration space access (type 1, ports 0xCF8/0xCFC). */
#ifndef ASM_PCI_H
#define ASM_PCI_H

#include <xen/types.h>

uint32_t pci_conf_read(unsigned int bus, unsigned int devfn,
                       unsigned int reg, unsigned int size);
void pci_conf_write(unsigned int bus, unsigned int devfn, unsigned int reg,
                    unsigned int size, uint32_t val);
/* Offset of capability 'id' in the device's list, or 0. */
unsigned int pci_find_cap(unsigned int bus, unsigned int devfn,
                          unsigned int id);
/* dom0's port I/O to 0xCF8-0xCFF, with its own CF8 latch. */
uint32_t pci_guest_cfg_in(uint32_t *latch, unsigned int port,
                          unsigned int bytes);
void pci_guest_cfg_out(uint32_t *latch, unsigned int port,
                       unsigned int bytes, uint32_t val);

#endif /* ASM_PCI_H */
