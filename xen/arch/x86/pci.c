/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI configuration space through the type 1 mechanism.  The hypervisor
 * and dom0 share ports 0xCF8/0xCFC, so dom0's accesses are emulated: each
 * domain has its own CF8 latch and every data access is done under one
 * lock together with the address write.  Writes that would change MSI
 * registers the hypervisor programmed are dropped (msi.c).
 */
#include <xen/lib.h>
#include <xen/spinlock.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/pci.h>

static DEFINE_SPINLOCK(pci_lock);

static uint32_t addr_of(unsigned int bus, unsigned int devfn,
                        unsigned int reg)
{
    return 0x80000000u | (bus << 16) | (devfn << 8) | (reg & 0xfc);
}

uint32_t pci_conf_read(unsigned int bus, unsigned int devfn,
                       unsigned int reg, unsigned int size)
{
    unsigned long flags;
    uint32_t v;

    spin_lock_irqsave(&pci_lock, flags);
    outl(addr_of(bus, devfn, reg), 0xcf8);
    switch ( size )
    {
    case 1: v = inb(0xcfc + (reg & 3)); break;
    case 2: v = inw(0xcfc + (reg & 2)); break;
    default: v = inl(0xcfc); break;
    }
    spin_unlock_irqrestore(&pci_lock, flags);
    return v;
}

void pci_conf_write(unsigned int bus, unsigned int devfn, unsigned int reg,
                    unsigned int size, uint32_t val)
{
    unsigned long flags;

    spin_lock_irqsave(&pci_lock, flags);
    outl(addr_of(bus, devfn, reg), 0xcf8);
    switch ( size )
    {
    case 1: outb(val, 0xcfc + (reg & 3)); break;
    case 2: outw(val, 0xcfc + (reg & 2)); break;
    default: outl(val, 0xcfc); break;
    }
    spin_unlock_irqrestore(&pci_lock, flags);
}

unsigned int pci_find_cap(unsigned int bus, unsigned int devfn,
                          unsigned int id)
{
    unsigned int pos, guard;

    if ( !(pci_conf_read(bus, devfn, 0x06, 2) & 0x10) )
        return 0;                       /* no capability list */
    pos = pci_conf_read(bus, devfn, 0x34, 1) & 0xfc;
    for ( guard = 0; pos && guard < 48; guard++ )
    {
        if ( pci_conf_read(bus, devfn, pos, 1) == id )
            return pos;
        pos = pci_conf_read(bus, devfn, pos + 1, 1) & 0xfc;
    }
    return 0;
}

uint32_t pci_guest_cfg_in(uint32_t *latch, unsigned int port,
                          unsigned int bytes)
{
    unsigned long flags;
    uint32_t v;

    if ( port == 0xcf8 && bytes == 4 )
        return *latch;
    if ( port < 0xcfc )
        return ~0u;
    spin_lock_irqsave(&pci_lock, flags);
    outl(*latch, 0xcf8);
    switch ( bytes )
    {
    case 1: v = inb(port); break;
    case 2: v = inw(port); break;
    default: v = inl(port); break;
    }
    spin_unlock_irqrestore(&pci_lock, flags);
    return v;
}

void pci_guest_cfg_out(uint32_t *latch, unsigned int port,
                       unsigned int bytes, uint32_t val)
{
    unsigned long flags;

    if ( port == 0xcf8 && bytes == 4 )
    {
        *latch = val;
        return;
    }
    if ( port < 0xcfc )
        return;
    /* Enabled, no extended register bits (AMD's CF8[27:24]). */
    if ( (*latch & 0x8f000000u) == 0x80000000u &&
         !msi_guest_cfg_write((*latch >> 16) & 0xff, (*latch >> 8) & 0xff,
                              (*latch & 0xfc) + (port & 3), bytes, &val) )
        return;
    spin_lock_irqsave(&pci_lock, flags);
    outl(*latch, 0xcf8);
    switch ( bytes )
    {
    case 1: outb(val, port); break;
    case 2: outw(val, port); break;
    default: outl(val, port); break;
    }
    spin_unlock_irqrestore(&pci_lock, flags);
}
