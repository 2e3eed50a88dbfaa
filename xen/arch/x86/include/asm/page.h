/* SPDX-License-Identifier: GPL-2.0-only */
/* Page sizes, page-table entry bits and physical/virtual conversion. */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <asm/layout.h>

#define PAGE_SHIFT      12
#define PAGE_SIZE       (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))
#define L2_PAGE_SHIFT   21
#define L3_PAGE_SHIFT   30
#define L4_PAGE_SHIFT   39
#define L2_PAGE_SIZE    (_AC(1, UL) << L2_PAGE_SHIFT)
#define PTES_PER_TABLE  512

#define _PAGE_PRESENT   _AC(0x001, UL)
#define _PAGE_RW        _AC(0x002, UL)
#define _PAGE_USER      _AC(0x004, UL)
#define _PAGE_PWT       _AC(0x008, UL)
#define _PAGE_PCD       _AC(0x010, UL)
#define _PAGE_ACCESSED  _AC(0x020, UL)
#define _PAGE_DIRTY     _AC(0x040, UL)
#define _PAGE_PSE       _AC(0x080, UL)
#define _PAGE_GLOBAL    _AC(0x100, UL)
#define _PAGE_NX_BIT    (_AC(1, UL) << 63)
#define PADDR_MASK      _AC(0x000FFFFFFFFFF000, UL)

#ifndef __ASSEMBLY__
#include <xen/types.h>

typedef uint64_t pte_t;

/* _PAGE_NX when the CPU supports it (EFER.NXE set), else 0. */
extern uint64_t _page_nx;
#define _PAGE_NX _page_nx

#define PAGE_HYPERVISOR_RW  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
                             _PAGE_DIRTY | _PAGE_NX)
#define PAGE_HYPERVISOR_RO  (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_HYPERVISOR_RX  (_PAGE_PRESENT | _PAGE_ACCESSED)
#define PAGE_HYPERVISOR_UC  (PAGE_HYPERVISOR_RW | _PAGE_PCD | _PAGE_PWT)
#define PAGE_TABLE_FLAGS    (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
                             _PAGE_DIRTY)

#define l4_index(va) (((unsigned long)(va) >> L4_PAGE_SHIFT) & 511)
#define l3_index(va) (((unsigned long)(va) >> L3_PAGE_SHIFT) & 511)
#define l2_index(va) (((unsigned long)(va) >> L2_PAGE_SHIFT) & 511)
#define l1_index(va) (((unsigned long)(va) >> PAGE_SHIFT) & 511)

#define __va(pa) ((void *)((unsigned long)(pa) + DIRECTMAP_VIRT_START))

static inline paddr_t __pa(const void *va)
{
    unsigned long v = (unsigned long)va;

    if ( v >= XEN_VIRT_START && v < XEN_VIRT_END )
        return v - XEN_VIRT_START;
    return v - DIRECTMAP_VIRT_START;
}

#define virt_to_maddr(va) __pa(va)
#define maddr_to_virt(ma) __va(ma)
#define mfn_to_virt(mfn)  __va((paddr_t)(mfn) << PAGE_SHIFT)
#define virt_to_mfn(va)   (__pa(va) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x)   ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))

#endif /* !__ASSEMBLY__ */
#endif /* ASM_PAGE_H */
