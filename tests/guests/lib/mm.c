/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page-table helpers over the builder's tables: walks, validated
 * updates, pinning, a page pool and scratch mappings.
 */
#include "guest.h"

#define POOL_PAGES 48
#define MAP_SLOTS  32

static char pool[POOL_PAGES][PAGE_SIZE] aligned_page;
static char map_area[MAP_SLOTS][PAGE_SIZE] aligned_page;
static unsigned int pool_used, map_used;
unsigned long boot_v_end;

unsigned long current_l4_mfn(void)
{
    return virt_to_mfn((void *)start_info->pt_base);
}

uint64_t *table_va(unsigned long mfn)
{
    unsigned long pfn;

    if ( m2p_max_mfn && mfn > m2p_max_mfn )
        return NULL;
    pfn = mfn_to_pfn(mfn);
    if ( pfn >= start_info->nr_pages )
        return NULL;
    if ( boot_v_end && VIRT_BASE + (pfn << PAGE_SHIFT) >= boot_v_end )
        return NULL;
    return pfn_to_virt(pfn);
}

/* Walks to `level`; returns the table's MFN and the entry index. */
static uint64_t *walk(unsigned long va, int level, unsigned long *mfn_out)
{
    unsigned long mfn = current_l4_mfn();
    uint64_t *t = table_va(mfn);
    int lvl;

    for ( lvl = 4; t; lvl-- )
    {
        uint64_t *e = &t[(va >> (PAGE_SHIFT + 9 * (lvl - 1))) & 511];

        if ( lvl == level )
        {
            if ( mfn_out )
                *mfn_out = mfn;
            return e;
        }
        if ( !(*e & _PAGE_PRESENT) || (*e & _PAGE_PSE) )
            return NULL;
        mfn = (*e & PTE_ADDR_MASK) >> PAGE_SHIFT;
        t = table_va(mfn);
    }
    return NULL;
}

uint64_t *pt_entry(unsigned long va, int level)
{
    return walk(va, level, NULL);
}

uint64_t pt_entry_maddr(unsigned long va, int level)
{
    unsigned long mfn;
    uint64_t *e = walk(va, level, &mfn);

    if ( !e )
        return 0;
    return (mfn << PAGE_SHIFT) | ((unsigned long)e & (PAGE_SIZE - 1));
}

void mm_init(void)
{
    unsigned long va = VIRT_BASE;
    uint64_t *e;

    /* The builder maps [VIRT_BASE, v_end) without holes. */
    while ( (e = pt_entry(va, 1)) && (*e & _PAGE_PRESENT) )
        va += PAGE_SIZE;
    boot_v_end = va;
}

void *alloc_page(void)
{
    void *p;

    if ( pool_used >= POOL_PAGES )
        guest_fail("page pool exhausted");
    p = pool[pool_used++];
    memset(p, 0, PAGE_SIZE);
    return p;
}

long remap(void *va, unsigned long mfn, unsigned long flags)
{
    return hc_update_va_mapping((unsigned long)va,
                                ((uint64_t)mfn << PAGE_SHIFT) | flags,
                                UVMF_INVLPG);
}

void *map_mfn(unsigned long mfn, unsigned long flags)
{
    void *va;

    if ( map_used >= MAP_SLOTS )
        guest_fail("out of scratch mapping slots");
    va = map_area[map_used];
    if ( remap(va, mfn, flags) )
        return NULL;
    map_used++;
    return va;
}

long set_page_ro(void *va)
{
    return remap(va, virt_to_mfn(va), PTE_KERNEL_RO);
}

long set_page_rw(void *va)
{
    return remap(va, virt_to_mfn(va), PTE_KERNEL_RW);
}

long pin_table(unsigned int level, unsigned long mfn)
{
    mmuext_op_t op = {
        .cmd = MMUEXT_PIN_L1_TABLE + level - 1,
        .arg1.mfn = mfn,
    };

    return hc_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

long unpin_table(unsigned long mfn)
{
    mmuext_op_t op = { .cmd = MMUEXT_UNPIN_TABLE, .arg1.mfn = mfn };

    return hc_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

bool in_map_area(unsigned long va)
{
    return va >= (unsigned long)map_area &&
           va < (unsigned long)map_area + sizeof(map_area);
}
