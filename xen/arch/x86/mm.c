/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's page tables.  head.S starts with 2 MiB mappings of the
 * low 4 GiB (1:1 and direct map) and of the image; here we extend the
 * direct map over all memory, map the frame table, and remap the image
 * with 4 KiB pages: text read-only and executable, everything else NX,
 * and a hole under the boot CPU's stack.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/spinlock.h>
#include <asm/mm.h>
#include <asm/setup.h>
#include <asm/system.h>

uint64_t _page_nx;
static bool heap_ready;

extern char _start[], _stext[], _etext[], _srodata[], _erodata[];
extern char _sdata[], _end[], cpu0_stack[];

void mm_heap_ready(void)
{
    heap_ready = true;
}

static pte_t *alloc_pt(void)
{
    pte_t *pt;

    if ( heap_ready )
        pt = alloc_xenheap_page();
    else
    {
        unsigned long mfn = alloc_boot_pages(1, 1);

        pt = mfn == INVALID_MFN ? NULL : mfn_to_virt(mfn);
    }
    if ( pt )
        memset(pt, 0, PAGE_SIZE);
    return pt;
}

static pte_t *pt_of(pte_t e)
{
    return __va(e & PADDR_MASK);
}

/* The next-level table under *e, created (or split from a 2M page). */
static pte_t *next_table(pte_t *e, bool split_2m)
{
    pte_t *t;
    unsigned int i;

    if ( (*e & _PAGE_PRESENT) && !(*e & _PAGE_PSE) )
        return pt_of(*e);
    t = alloc_pt();
    if ( !t )
        return NULL;
    if ( (*e & _PAGE_PRESENT) && split_2m )
    {
        pte_t base = *e & ~_PAGE_PSE;

        for ( i = 0; i < PTES_PER_TABLE; i++ )
            t[i] = base + ((pte_t)i << PAGE_SHIFT);
    }
    *e = __pa(t) | PAGE_TABLE_FLAGS;
    return t;
}

int map_pages_to_xen(unsigned long virt, unsigned long mfn, unsigned long nr,
                     unsigned long flags)
{
    while ( nr )
    {
        pte_t *l3, *l2, *l1;
        bool big = (flags & _PAGE_PSE) && !(virt & (L2_PAGE_SIZE - 1)) &&
                   !(mfn & 511) && nr >= 512;

        l3 = next_table(&idle_pg_table[l4_index(virt)], false);
        if ( !l3 )
            return -ENOMEM;
        /* Guest-visible mappings (the RO M2P) need U at every level. */
        if ( flags & _PAGE_USER )
            idle_pg_table[l4_index(virt)] |= _PAGE_USER;
        if ( l3[l3_index(virt)] & _PAGE_PSE )
            return -EBUSY;              /* we never create 1G pages */
        l2 = next_table(&l3[l3_index(virt)], false);
        if ( !l2 )
            return -ENOMEM;
        if ( flags & _PAGE_USER )
            l3[l3_index(virt)] |= _PAGE_USER;
        if ( big )
        {
            l2[l2_index(virt)] = flags ? ((pte_t)mfn << PAGE_SHIFT) | flags
                                       : 0;
            invlpg((void *)virt);
            virt += L2_PAGE_SIZE;
            mfn += 512;
            nr -= 512;
            continue;
        }
        l1 = next_table(&l2[l2_index(virt)], true);
        if ( !l1 )
            return -ENOMEM;
        if ( flags & _PAGE_USER )
            l2[l2_index(virt)] |= _PAGE_USER;
        l1[l1_index(virt)] = flags ? ((pte_t)mfn << PAGE_SHIFT) |
                                     (flags & ~_PAGE_PSE)
                                   : 0;
        invlpg((void *)virt);
        virt += PAGE_SIZE;
        mfn++;
        nr--;
    }
    return 0;
}

void setup_directmap(void)
{
    unsigned int i;

    for ( i = 0; i < e820.nr_map; i++ )
    {
        uint64_t s = e820.map[i].addr, e = s + e820.map[i].size;

        if ( e <= GB(4) )
            continue;
        s = ROUNDDOWN(max(s, (uint64_t)GB(4)), L2_PAGE_SIZE);
        e = ROUNDUP(e, L2_PAGE_SIZE);
        if ( e > DIRECTMAP_VIRT_END - DIRECTMAP_VIRT_START )
            e = DIRECTMAP_VIRT_END - DIRECTMAP_VIRT_START;
        if ( s >= e )
            continue;
        if ( map_pages_to_xen((unsigned long)__va(s), s >> PAGE_SHIFT,
                              (e - s) >> PAGE_SHIFT,
                              PAGE_HYPERVISOR_RW | _PAGE_PSE) )
            panic("Not enough memory to map RAM above 4GiB\n");
    }
    flush_tlb_local();
}

void init_frametable(void)
{
    unsigned long bytes = ROUNDUP(max_page * sizeof(struct page_info),
                                  L2_PAGE_SIZE);
    unsigned long va = FRAMETABLE_VIRT_START, done;

    if ( bytes > FRAMETABLE_VIRT_END - FRAMETABLE_VIRT_START )
        panic("Frame table for %lu frames does not fit\n", max_page);

    for ( done = 0; done < bytes; done += L2_PAGE_SIZE )
    {
        unsigned long mfn = alloc_boot_pages(512, 512);

        if ( mfn != INVALID_MFN )
        {
            if ( map_pages_to_xen(va + done, mfn, 512,
                                  PAGE_HYPERVISOR_RW | _PAGE_PSE) )
                panic("Cannot map the frame table\n");
        }
        else
        {
            unsigned long i;

            /* Fragmented memory: fall back to single pages. */
            for ( i = 0; i < 512; i++ )
            {
                mfn = alloc_boot_pages(1, 1);
                if ( mfn == INVALID_MFN ||
                     map_pages_to_xen(va + done + i * PAGE_SIZE, mfn, 1,
                                      PAGE_HYPERVISOR_RW) )
                    panic("Not enough memory for the frame table\n");
            }
        }
    }
    frame_table = (struct page_info *)FRAMETABLE_VIRT_START;
    memset(frame_table, 0, bytes);
}

void protect_image(void)
{
    unsigned long va, guard = (unsigned long)cpu0_stack +
                              STACK_GUARD_PAGE * PAGE_SIZE;
    unsigned long start = ROUNDDOWN((unsigned long)_start, L2_PAGE_SIZE);
    unsigned long end = ROUNDUP((unsigned long)_end, L2_PAGE_SIZE);
    pte_t *l2 = pt_of(pt_of(idle_pg_table[l4_index(XEN_VIRT_START)])
                      [l3_index(XEN_VIRT_START)]);
    unsigned int i;

    for ( va = start; va < end; va += PAGE_SIZE )
    {
        unsigned long flags;

        if ( va < (unsigned long)_start || va >= (unsigned long)_end ||
             va == guard )
            flags = 0;
        else if ( va < (unsigned long)_etext )
            flags = PAGE_HYPERVISOR_RX;
        else if ( va < (unsigned long)_sdata )
            flags = PAGE_HYPERVISOR_RO;
        else
            flags = PAGE_HYPERVISOR_RW;
        if ( map_pages_to_xen(va, __pa((void *)va) >> PAGE_SHIFT, 1, flags) )
            panic("Cannot remap the hypervisor image\n");
    }

    /* Nothing else of the boot mapping of the first GiB stays. */
    for ( i = 0; i < PTES_PER_TABLE; i++ )
    {
        unsigned long v = XEN_VIRT_START + ((unsigned long)i << L2_PAGE_SHIFT);

        if ( v < start || v >= end )
            l2[i] = 0;
    }
    flush_tlb_local();
}

/*
 * Runs after boot too (dom0's MSI-X set-up, from any vCPU): the lock
 * covers the bump pointer and the page-table updates it makes.
 */
void *ioremap(paddr_t pa, size_t size)
{
    static DEFINE_SPINLOCK(vmap_lock);
    static unsigned long next = VMAP_VIRT_START;
    unsigned long off = pa & ~PAGE_MASK, va;
    unsigned long nr = PFN_UP(off + size);
    void *ret = NULL;

    spin_lock(&vmap_lock);
    va = next;
    if ( va + (nr + 1) * PAGE_SIZE <= VMAP_VIRT_END &&
         !map_pages_to_xen(va, pa >> PAGE_SHIFT, nr, PAGE_HYPERVISOR_UC) )
    {
        next += (nr + 1) * PAGE_SIZE;       /* one unmapped page between */
        ret = (void *)(va + off);
    }
    spin_unlock(&vmap_lock);
    return ret;
}
