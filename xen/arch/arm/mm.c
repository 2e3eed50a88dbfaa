// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's stage-1 page tables at EL2.  head.S maps the image with
 * 2 MiB blocks and an identity GiB; here the device tree gets a window,
 * all RAM is mapped at DIRECTMAP_VIRT_START, the frame table is built, and
 * ioremap hands out device mappings.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/spinlock.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/system.h>

extern pte_t boot_pgtable[], boot_second[];
extern char _start[], _end[];

/* Tables needed before the direct map exists come from here. */
#define EARLY_PT_PAGES 16
static pte_t early_pt[EARLY_PT_PAGES][PTES_PER_TABLE]
    __aligned(PAGE_SIZE) __section(".bss.page_aligned");
static unsigned int early_pt_used;
static bool directmap_ready, heap_ready;

static DEFINE_SPINLOCK(map_lock);

void setup_pagetables(void)
{
    /* Nothing yet: the boot tables stay the tables of every CPU. */
}

static paddr_t image_pa(const void *p)
{
    return (unsigned long)p - xen_phys_offset;
}

/* Virtual address of a table given its physical address. */
static pte_t *pt_va(paddr_t pa)
{
    paddr_t img = image_pa(_start);

    if ( pa >= img && pa < img + (_end - _start) )
        return (pte_t *)(pa + xen_phys_offset);
    ASSERT(directmap_ready);
    return __va(pa);
}

static pte_t *alloc_pt(void)
{
    pte_t *pt = NULL;

    if ( heap_ready )
        pt = alloc_xenheap_page();
    else if ( directmap_ready )
    {
        unsigned long mfn = alloc_boot_pages(1, 1);

        if ( mfn != INVALID_MFN )
            pt = mfn_to_virt(mfn);
    }
    else if ( early_pt_used < EARLY_PT_PAGES )
        pt = early_pt[early_pt_used++];
    if ( pt )
        memset(pt, 0, PAGE_SIZE);
    return pt;
}

static paddr_t pt_pa(const pte_t *pt)
{
    return __pa(pt);
}

/* The next table under *e, created if absent, split if a block. */
static pte_t *next_table(pte_t *e, unsigned int level)
{
    pte_t *t;
    unsigned int i;
    unsigned long step;

    if ( (*e & 3) == PTE_TABLE )
        return pt_va(*e & PTE_ADDR_MASK);
    t = alloc_pt();
    if ( !t )
        return NULL;
    if ( *e & PTE_VALID )
    {
        /* A block: the new table maps the same range in smaller pieces. */
        step = level == 1 ? L2_PAGE_SIZE : PAGE_SIZE;
        for ( i = 0; i < PTES_PER_TABLE; i++ )
            t[i] = (*e + i * step) | (level == 2 ? PTE_TABLE : PTE_BLOCK);
    }
    dsb(ishst);
    *e = pt_pa(t) | PTE_TABLE;
    dsb(ishst);
    return t;
}

/*
 * Map [va, va + nr pages) to [mfn...]; 2 MiB and 1 GiB blocks are used
 * where both sides are aligned.  Existing mappings are replaced.
 */
static int map_range(unsigned long va, paddr_t pa, unsigned long nr,
                     unsigned long flags)
{
    while ( nr )
    {
        pte_t *l0e = &boot_pgtable[l0_index(va)];
        pte_t *l1, *l2, *l3;

        l1 = next_table(l0e, 0);
        if ( !l1 )
            return -ENOMEM;
        if ( !((va | pa) & (L1_PAGE_SIZE - 1)) &&
             nr >= (L1_PAGE_SIZE >> PAGE_SHIFT) )
        {
            l1[l1_index(va)] = pa | flags | PTE_BLOCK;
            va += L1_PAGE_SIZE;
            pa += L1_PAGE_SIZE;
            nr -= L1_PAGE_SIZE >> PAGE_SHIFT;
            continue;
        }
        l2 = next_table(&l1[l1_index(va)], 1);
        if ( !l2 )
            return -ENOMEM;
        if ( !((va | pa) & (L2_PAGE_SIZE - 1)) &&
             nr >= (L2_PAGE_SIZE >> PAGE_SHIFT) )
        {
            l2[l2_index(va)] = pa | flags | PTE_BLOCK;
            va += L2_PAGE_SIZE;
            pa += L2_PAGE_SIZE;
            nr -= L2_PAGE_SIZE >> PAGE_SHIFT;
            continue;
        }
        l3 = next_table(&l2[l2_index(va)], 2);
        if ( !l3 )
            return -ENOMEM;
        l3[l3_index(va)] = pa | flags | PTE_TABLE;
        va += PAGE_SIZE;
        pa += PAGE_SIZE;
        nr--;
    }
    return 0;
}

/* Remove [va, va + nr pages), splitting blocks that are partly covered. */
static int unmap_range(unsigned long va, unsigned long nr)
{
    while ( nr )
    {
        pte_t *l0e = &boot_pgtable[l0_index(va)], *l1, *l2, *l3;

        if ( !(*l0e & PTE_VALID) )
            return -ENOENT;
        l1 = next_table(l0e, 0);
        if ( !l1 )
            return -ENOMEM;
        if ( !(va & (L2_PAGE_SIZE - 1)) && nr >= (L2_PAGE_SIZE >> PAGE_SHIFT) &&
             (l1[l1_index(va)] & 3) == PTE_TABLE )
        {
            l2 = pt_va(l1[l1_index(va)] & PTE_ADDR_MASK);
            if ( (l2[l2_index(va)] & 3) == PTE_BLOCK )
            {
                l2[l2_index(va)] = 0;
                va += L2_PAGE_SIZE;
                nr -= L2_PAGE_SIZE >> PAGE_SHIFT;
                continue;
            }
        }
        l2 = next_table(&l1[l1_index(va)], 1);
        if ( !l2 )
            return -ENOMEM;
        l3 = next_table(&l2[l2_index(va)], 2);
        if ( !l3 )
            return -ENOMEM;
        l3[l3_index(va)] = 0;
        va += PAGE_SIZE;
        nr--;
    }
    return 0;
}

int unmap_xen_pages(unsigned long va, unsigned long nr)
{
    int rc;

    spin_lock(&map_lock);
    rc = unmap_range(va, nr);
    spin_unlock(&map_lock);
    flush_xen_tlb_all();
    return rc;
}

int map_pages_to_xen(unsigned long va, unsigned long mfn, unsigned long nr,
                     unsigned long flags)
{
    int rc;

    spin_lock(&map_lock);
    rc = map_range(va, (paddr_t)mfn << PAGE_SHIFT, nr, flags);
    spin_unlock(&map_lock);
    flush_xen_tlb_all();
    return rc;
}

/*
 * The image with 4 KiB pages: text read-only and executable, read-only
 * data read-only, the rest NX; nothing mapped after it in its window,
 * and a hole under the boot CPU's stack.
 */
static void protect_image(void)
{
    extern char _srodata[], _sdata[], cpu0_stack[];
    unsigned long s = (unsigned long)_start, ro = (unsigned long)_srodata;
    unsigned long rw = (unsigned long)_sdata;
    unsigned long end = PAGE_ALIGN((unsigned long)_end);
    int rc;

    rc = map_range(s, image_pa(_start), (ro - s) >> PAGE_SHIFT,
                   PAGE_HYPERVISOR_RX);
    rc = rc ?: map_range(ro, image_pa(_srodata), (rw - ro) >> PAGE_SHIFT,
                         PAGE_HYPERVISOR_RO);
    rc = rc ?: map_range(rw, image_pa(_sdata), (end - rw) >> PAGE_SHIFT,
                         PAGE_HYPERVISOR_RW);
    rc = rc ?: unmap_range(end, (XEN_VIRT_END - end) >> PAGE_SHIFT);
    rc = rc ?: unmap_range((unsigned long)cpu0_stack,
                           STACK_GUARD_SIZE >> PAGE_SHIFT);
    if ( rc )
        panic("Cannot protect the image's mappings (%d)\n", rc);
    flush_xen_tlb_all();
}

/* Two 2 MiB blocks at BOOT_FDT_VIRT_START over the FDT (read-only). */
void *boot_fdt_map(paddr_t fdt_pa)
{
    paddr_t base = fdt_pa & ~(L2_PAGE_SIZE - 1);
    unsigned int slot = l2_index(BOOT_FDT_VIRT_START);

    boot_second[slot] = base | PAGE_HYPERVISOR_RO | PTE_BLOCK;
    boot_second[slot + 1] = (base + L2_PAGE_SIZE) | PAGE_HYPERVISOR_RO |
                            PTE_BLOCK;
    flush_xen_tlb_all();
    return (void *)(BOOT_FDT_VIRT_START + (fdt_pa - base));
}

/* Frame-table pages for frames [s, e), zeroed. */
static void map_frametable(unsigned long s, unsigned long e)
{
    unsigned long va = (unsigned long)(frame_table + s) & PAGE_MASK;
    unsigned long end = PAGE_ALIGN((unsigned long)(frame_table + e));

    for ( ; va < end; va += PAGE_SIZE )
    {
        unsigned long mfn = alloc_boot_pages(1, 1);

        if ( mfn == INVALID_MFN )
            panic("Out of memory for the frame table\n");
        memset(mfn_to_virt(mfn), 0, PAGE_SIZE);
        if ( map_range(va, (paddr_t)mfn << PAGE_SHIFT, 1,
                       PAGE_HYPERVISOR_RW) )
            panic("Cannot map the frame table\n");
    }
}

/* Is this frame-table page one that a RAM bank's entries live in? */
static bool ft_page_in_bank(unsigned long va)
{
    const struct meminfo *m = &bootinfo.mem;
    unsigned int i;

    for ( i = 0; i < m->nr; i++ )
    {
        unsigned long s = m->bank[i].start >> PAGE_SHIFT;
        unsigned long e = (m->bank[i].start + m->bank[i].size) >> PAGE_SHIFT;

        if ( va >= ((unsigned long)(frame_table + s) & PAGE_MASK) &&
             va < PAGE_ALIGN((unsigned long)(frame_table + e)) )
            return true;
    }
    return false;
}

/*
 * Entries of frames that are not RAM (below the first bank, between
 * banks) read as zero: the buddy allocator looks at them when it checks
 * whether a neighbour is free.  One read-only zero page backs them all.
 */
static void map_frametable_holes(void)
{
    unsigned long va, end = PAGE_ALIGN((unsigned long)(frame_table + max_page));
    unsigned long zero = alloc_boot_pages(1, 1);

    if ( zero == INVALID_MFN )
        panic("Out of memory for the frame table\n");
    memset(mfn_to_virt(zero), 0, PAGE_SIZE);
    for ( va = FRAMETABLE_VIRT_START; va < end; va += PAGE_SIZE )
        if ( !ft_page_in_bank(va) &&
             map_range(va, (paddr_t)zero << PAGE_SHIFT, 1,
                       PAGE_HYPERVISOR_RO) )
            panic("Cannot map the frame table\n");
}

/*
 * Direct map of every RAM bank, boot allocator over RAM minus the image,
 * the FDT, the boot modules and reserved ranges; then the frame table
 * and the heaps.
 */
void setup_directmap_and_frametable(void)
{
    const struct meminfo *m = &bootinfo.mem;
    unsigned long top = 0;
    unsigned int i;
    paddr_t ram = 0;

    if ( !m->nr )
        panic("The device tree describes no memory\n");
    for ( i = 0; i < m->nr; i++ )
    {
        paddr_t s = m->bank[i].start, e = s + m->bank[i].size;

        printk(" RAM: %016lx - %016lx\n", (unsigned long)s,
               (unsigned long)e);
        if ( e > DIRECTMAP_VIRT_END - DIRECTMAP_VIRT_START )
            panic("RAM above the direct map's reach\n");
        s = ROUNDUP(s, PAGE_SIZE);
        e &= PAGE_MASK;
        if ( e <= s )
            continue;
        if ( map_range(DIRECTMAP_VIRT_START + s, s, (e - s) >> PAGE_SHIFT,
                       PAGE_HYPERVISOR_RW) )
            panic("Cannot map RAM bank %u\n", i);
        init_boot_pages(s, e);
        ram += e - s;
        top = max(top, (unsigned long)(e >> PAGE_SHIFT));
    }
    flush_xen_tlb_all();
    directmap_ready = true;
    printk("Memory: %lu MiB of RAM in %u bank(s)\n",
           (unsigned long)(ram >> 20), m->nr);

    reserve_boot_pages(image_pa(_start), image_pa(_end));
    reserve_boot_pages(boot_fdt_paddr & PAGE_MASK,
                       PAGE_ALIGN(boot_fdt_paddr +
                                  boot_fdt_size));
    for ( i = 0; i < bootinfo.nr_mods; i++ )
        reserve_boot_pages(bootinfo.mods[i].start & PAGE_MASK,
                           PAGE_ALIGN(bootinfo.mods[i].start +
                                      bootinfo.mods[i].size));
    for ( i = 0; i < bootinfo.reserved.nr; i++ )
        reserve_boot_pages(bootinfo.reserved.bank[i].start & PAGE_MASK,
                           PAGE_ALIGN(bootinfo.reserved.bank[i].start +
                                      bootinfo.reserved.bank[i].size));

    max_page = top;
    frame_table = (struct page_info *)FRAMETABLE_VIRT_START;
    for ( i = 0; i < m->nr; i++ )
        map_frametable(m->bank[i].start >> PAGE_SHIFT,
                       (m->bank[i].start + m->bank[i].size) >> PAGE_SHIFT);
    map_frametable_holes();
    flush_xen_tlb_all();
    protect_image();
    end_boot_allocator();
    heap_ready = true;
}

/* Device mappings: a bump allocator in the vmap area, never freed. */
static unsigned long vmap_next = VMAP_VIRT_START;

void *ioremap(paddr_t pa, size_t len)
{
    paddr_t base = pa & PAGE_MASK;
    unsigned long nr = PFN_UP(pa + len) - PFN_DOWN(base), va;
    int rc;

    spin_lock(&map_lock);
    va = vmap_next;
    if ( va + nr * PAGE_SIZE > VMAP_VIRT_END )
        rc = -ENOMEM;
    else
        rc = map_range(va, base, nr, PAGE_HYPERVISOR_DEV);
    if ( !rc )
        vmap_next = va + (nr + 1) * PAGE_SIZE;    /* a guard page after */
    spin_unlock(&map_lock);
    if ( rc )
        return NULL;
    flush_xen_tlb_all();
    return (void *)(va + (pa - base));
}
