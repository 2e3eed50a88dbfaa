/* SPDX-License-Identifier: GPL-2.0-only */
/* Page sizes, translation table descriptors, physical/virtual conversion. */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <asm/layout.h>

#define PAGE_SHIFT      12
#define PAGE_SIZE       (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))
#define L2_PAGE_SHIFT   21
#define L1_PAGE_SHIFT   30
#define L0_PAGE_SHIFT   39
#define L2_PAGE_SIZE    (_AC(1, UL) << L2_PAGE_SHIFT)
#define L1_PAGE_SIZE    (_AC(1, UL) << L1_PAGE_SHIFT)
#define PTES_PER_TABLE  512

/* VMSAv8-64 descriptor bits (stage 1, EL2 regime). */
#define PTE_VALID       _AC(0x1, UL)
#define PTE_TABLE       _AC(0x3, UL)     /* table (L0-L2) or page (L3) */
#define PTE_BLOCK       _AC(0x1, UL)     /* block (L1, L2) */
#define PTE_ATTR(i)     ((_AC(i, UL)) << 2)
#define PTE_NS          (_AC(1, UL) << 5)
#define PTE_AP1         (_AC(1, UL) << 6)  /* RES1 in the EL2 regime */
#define PTE_RO          (_AC(1, UL) << 7)
#define PTE_SH_INNER    (_AC(3, UL) << 8)
#define PTE_AF          (_AC(1, UL) << 10)
#define PTE_XN          (_AC(1, UL) << 54)
#define PTE_ADDR_MASK   _AC(0x0000FFFFFFFFF000, UL)

/* Normal write-back memory, inner shareable, read-write. */
#define PTE_MEM_BASE    (PTE_ATTR(2) | PTE_NS | PTE_AP1 | PTE_SH_INNER | \
                         PTE_AF)
#define PTE_DEV_BASE    (PTE_ATTR(0) | PTE_NS | PTE_AP1 | PTE_AF | PTE_XN)

#ifndef __ASSEMBLY__
#include <xen/types.h>

typedef uint64_t pte_t;

#define PAGE_HYPERVISOR_RW   (PTE_MEM_BASE | PTE_XN)
#define PAGE_HYPERVISOR_RO   (PTE_MEM_BASE | PTE_XN | PTE_RO)
#define PAGE_HYPERVISOR_RX   (PTE_MEM_BASE | PTE_RO)
#define PAGE_HYPERVISOR_DEV  PTE_DEV_BASE
#define PAGE_HYPERVISOR_UC   PTE_DEV_BASE

#define l0_index(va) (((unsigned long)(va) >> L0_PAGE_SHIFT) & 511)
#define l1_index(va) (((unsigned long)(va) >> L1_PAGE_SHIFT) & 511)
#define l2_index(va) (((unsigned long)(va) >> L2_PAGE_SHIFT) & 511)
#define l3_index(va) (((unsigned long)(va) >> PAGE_SHIFT) & 511)

/* Image virtual address minus its physical address (set at boot). */
extern unsigned long xen_phys_offset;

#define __va(pa) ((void *)((unsigned long)(pa) + DIRECTMAP_VIRT_START))

static inline paddr_t __pa(const void *va)
{
    unsigned long v = (unsigned long)va;

    if ( v >= XEN_VIRT_START && v < XEN_VIRT_END )
        return v - xen_phys_offset;
    return v - DIRECTMAP_VIRT_START;
}

#define virt_to_maddr(va) __pa(va)
#define maddr_to_virt(ma) __va(ma)
#define mfn_to_virt(mfn)  __va((paddr_t)(mfn) << PAGE_SHIFT)
#define virt_to_mfn(va)   (__pa(va) >> PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PFN_DOWN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x)   ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))

#endif /* !__ASSEMBLY__ */
#endif /* ASM_PAGE_H */
