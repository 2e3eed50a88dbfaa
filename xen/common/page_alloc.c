/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine memory allocators: the boot allocator (free ranges, used before
 * the frame table exists) and the buddy heaps over the frame table.
 */

#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/spinlock.h>
#include <xen/string.h>

/* ---- Boot allocator ---------------------------------------------------- */

#define NR_BOOT_RANGES 128

/* Free frames [s, e), kept sorted by address, never touching each other. */
struct boot_range
{
    unsigned long s, e;
};

static struct boot_range boot_ranges[NR_BOOT_RANGES];
static unsigned int nr_boot_ranges;
static bool boot_allocator_done;

unsigned long bootmem_limit_mfn = ~0UL;

/* Pages the xen heap gets at end_boot_allocator(); 0 means "work it out". */
unsigned long xenheap_pages_target;

#ifndef PFN_UP
#define PFN_UP(x)   ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#endif

static void boot_range_delete(unsigned int i)
{
    memmove(&boot_ranges[i], &boot_ranges[i + 1],
            (nr_boot_ranges - i - 1) * sizeof(boot_ranges[0]));
    nr_boot_ranges--;
}

/* Open a hole at index i; false if the table is full. */
static bool boot_range_make_room(unsigned int i)
{
    if ( nr_boot_ranges == NR_BOOT_RANGES )
        return false;
    memmove(&boot_ranges[i + 1], &boot_ranges[i],
            (nr_boot_ranges - i) * sizeof(boot_ranges[0]));
    nr_boot_ranges++;
    return true;
}

/* Take frames [s, e) out of the free ranges, splitting one if needed. */
static void boot_remove(unsigned long s, unsigned long e)
{
    unsigned int i = 0;

    while ( i < nr_boot_ranges )
    {
        struct boot_range *r = &boot_ranges[i];

        if ( r->e <= s || r->s >= e )
        {
            i++;
            continue;
        }

        if ( r->s >= s && r->e <= e )
        {
            boot_range_delete(i);
            continue;
        }

        if ( r->s < s && r->e > e )
        {
            unsigned long tail = r->e;

            r->e = s;
            if ( !boot_range_make_room(i + 1) )
            {
                printk(XENLOG_WARNING
                       "boot allocator: too many ranges, dropping "
                       "%#lx-%#lx\n",
                       e, tail);
                return;
            }
            boot_ranges[i + 1].s = e;
            boot_ranges[i + 1].e = tail;
            return;
        }

        if ( r->s < s )
            r->e = s;
        else
            r->s = e;
        i++;
    }
}

void init_boot_pages(paddr_t ps, paddr_t pe)
{
    unsigned long s = PFN_UP(ps), e = PFN_DOWN(pe);
    unsigned int i;

    BUG_ON(boot_allocator_done);
    if ( pe <= ps || s >= e )
        return;

    /* Overlap with what is already free must not be counted twice. */
    boot_remove(s, e);

    for ( i = 0; i < nr_boot_ranges && boot_ranges[i].e < s; i++ )
        ;

    if ( i < nr_boot_ranges && boot_ranges[i].e == s )
    {
        boot_ranges[i].e = e;
        if ( i + 1 < nr_boot_ranges && boot_ranges[i + 1].s == e )
        {
            boot_ranges[i].e = boot_ranges[i + 1].e;
            boot_range_delete(i + 1);
        }
        return;
    }

    if ( i < nr_boot_ranges && boot_ranges[i].s == e )
    {
        boot_ranges[i].s = s;
        return;
    }

    if ( !boot_range_make_room(i) )
    {
        printk(XENLOG_WARNING
               "boot allocator: too many ranges, ignoring %#lx-%#lx\n",
               s, e);
        return;
    }
    boot_ranges[i].s = s;
    boot_ranges[i].e = e;
}

void reserve_boot_pages(paddr_t ps, paddr_t pe)
{
    /* Round outward: a partly reserved page is not free. */
    if ( pe <= ps )
        return;
    boot_remove(PFN_DOWN(ps), PFN_UP(pe));
}

unsigned long alloc_boot_pages(unsigned long nr_pfns, unsigned long pfn_align)
{
    unsigned int i;

    BUG_ON(boot_allocator_done);
    if ( nr_pfns == 0 )
        return INVALID_MFN;
    if ( pfn_align == 0 )
        pfn_align = 1;

    for ( i = nr_boot_ranges; i-- > 0; )
    {
        const struct boot_range *r = &boot_ranges[i];
        unsigned long top = min(r->e, bootmem_limit_mfn), start;

        if ( top <= r->s || top - r->s < nr_pfns )
            continue;
        start = (top - nr_pfns) / pfn_align * pfn_align;
        if ( start < r->s )
            continue;

        boot_remove(start, start + nr_pfns);
        return start;
    }

    return INVALID_MFN;
}

unsigned long boot_pages_free(void)
{
    unsigned long total = 0;
    unsigned int i;

    for ( i = 0; i < nr_boot_ranges; i++ )
        total += boot_ranges[i].e - boot_ranges[i].s;

    return total;
}

unsigned long boot_max_mfn(void)
{
    return nr_boot_ranges ? boot_ranges[nr_boot_ranges - 1].e : 0;
}

static unsigned long xenheap_target(unsigned long free)
{
    unsigned long target = xenheap_pages_target;

    if ( !target )
    {
        target = max(free / 16, MB(4) >> PAGE_SHIFT);
        target = min(target, MB(256) >> PAGE_SHIFT);
    }

    return min(target, free);
}

void end_boot_allocator(void)
{
    unsigned long want = xenheap_target(boot_pages_free());
    unsigned long xen = 0, dom = 0;
    unsigned int i;

    BUG_ON(boot_allocator_done);

    /* The top of memory goes to the xen heap, the rest to domains. */
    for ( i = nr_boot_ranges; i-- > 0; )
    {
        unsigned long s = boot_ranges[i].s, e = boot_ranges[i].e;
        unsigned long take = min(e - s, want - xen);

        if ( take )
        {
            init_xenheap_pages((paddr_t)(e - take) << PAGE_SHIFT,
                               (paddr_t)e << PAGE_SHIFT);
            xen += take;
            e -= take;
        }
        if ( e > s )
        {
            init_domheap_pages((paddr_t)s << PAGE_SHIFT,
                               (paddr_t)e << PAGE_SHIFT);
            dom += e - s;
        }
    }

    nr_boot_ranges = 0;
    boot_allocator_done = true;

    printk(XENLOG_INFO "Heaps: xen %lukB, domain %lukB\n",
           xen << (PAGE_SHIFT - 10), dom << (PAGE_SHIFT - 10));
}

/* ---- Buddy heaps ------------------------------------------------------- */

struct page_info *frame_table;
unsigned long max_page;

enum
{
    HEAP_DOM,
    HEAP_XEN,
    NR_HEAPS
};

/* v.free.order of a free page that is not the head of its block. */
#define ORDER_TAIL (~0U)

/* NULL-terminated doubly linked list of free block heads. */
struct free_list
{
    struct page_info *head;
};

static DEFINE_SPINLOCK(heap_lock);
static struct free_list free_lists[NR_HEAPS][MAX_ORDER + 1];
static unsigned long avail_pages[NR_HEAPS];
static unsigned long total_pages;

static unsigned int page_heap(const struct page_info *pg)
{
    return (pg->count_info & PGC_xen_heap) ? HEAP_XEN : HEAP_DOM;
}

static void free_list_add(struct free_list *fl, struct page_info *pg)
{
    pg->list.prev = NULL;
    pg->list.next = fl->head;
    if ( fl->head )
        fl->head->list.prev = pg;
    fl->head = pg;
}

static void free_list_del(struct free_list *fl, struct page_info *pg)
{
    if ( pg->list.prev )
        pg->list.prev->list.next = pg->list.next;
    else
        fl->head = pg->list.next;
    if ( pg->list.next )
        pg->list.next->list.prev = pg->list.prev;
    pg->list.next = pg->list.prev = NULL;
}

/* Put a block of in-use heap pages on the free lists, merging buddies. */
static void free_heap_pages(struct page_info *pg, unsigned int order,
                            unsigned int heap)
{
    unsigned long mfn = page_to_mfn(pg), n = 1UL << order, i;
    unsigned long flags;

    BUG_ON(order > MAX_ORDER);
    BUG_ON(mfn & (n - 1));
    BUG_ON(!mfn_valid(mfn) || !mfn_valid(mfn + n - 1));

    spin_lock_irqsave(&heap_lock, flags);

    /* Freeing a non-heap frame, a free frame or across heaps. */
    for ( i = 0; i < n; i++ )
    {
        BUG_ON(!(pg[i].count_info & PGC_heap));
        BUG_ON(page_state_is(&pg[i], free));
        BUG_ON(page_heap(&pg[i]) != heap);
    }

    for ( i = 0; i < n; i++ )
    {
        struct page_info *p = pg + i;

        p->count_info =
            (p->count_info & (PGC_heap | PGC_xen_heap)) | PGC_state_free;
        p->type_info = 0;
        p->v.free.order = ORDER_TAIL;
    }
    avail_pages[heap] += n;

    while ( order < MAX_ORDER )
    {
        unsigned long mask = 1UL << order;
        unsigned long bmfn = (mfn & mask) ? mfn - mask : mfn + mask;
        struct page_info *buddy;

        if ( !mfn_valid(bmfn) )
            break;
        buddy = mfn_to_page(bmfn);
        if ( !(buddy->count_info & PGC_heap) || !page_state_is(buddy, free) ||
             buddy->v.free.order != order || page_heap(buddy) != heap )
            break;

        free_list_del(&free_lists[heap][order], buddy);
        if ( bmfn < mfn )
        {
            pg->v.free.order = ORDER_TAIL;
            pg = buddy;
            mfn = bmfn;
        }
        else
            buddy->v.free.order = ORDER_TAIL;
        order++;
    }

    pg->v.free.order = order;
    free_list_add(&free_lists[heap][order], pg);

    spin_unlock_irqrestore(&heap_lock, flags);
}

/*
 * Take a block of 2^order pages from a heap, splitting a larger one; the
 * block must end at or below frame max_mfn (for DMA-limited requests).
 */
static struct page_info *heap_take(unsigned int order, unsigned int heap,
                                   unsigned long max_mfn)
{
    struct page_info *pg = NULL;
    unsigned long i;
    unsigned long flags;
    unsigned int j;

    if ( order > MAX_ORDER )
        return NULL;

    spin_lock_irqsave(&heap_lock, flags);

    for ( j = order; j <= MAX_ORDER && !pg; j++ )
        for ( pg = free_lists[heap][j].head; pg; pg = pg->list.next )
            if ( page_to_mfn(pg) + (1UL << order) <= max_mfn )
                break;
    if ( !pg )
    {
        spin_unlock_irqrestore(&heap_lock, flags);
        return NULL;
    }
    j--;
    free_list_del(&free_lists[heap][j], pg);

    /* Split: the upper halves go back on the lower free lists. */
    while ( j > order )
    {
        struct page_info *upper;

        j--;
        upper = pg + (1UL << j);
        upper->v.free.order = j;
        free_list_add(&free_lists[heap][j], upper);
    }

    for ( i = 0; i < (1UL << order); i++ )
    {
        struct page_info *p = pg + i;

        ASSERT(page_state_is(p, free));
        p->count_info &= PGC_heap | PGC_xen_heap;
        p->count_info |= PGC_state_inuse;
        p->type_info = 0;
        p->v.owner = NULL;
    }
    avail_pages[heap] -= 1UL << order;

    spin_unlock_irqrestore(&heap_lock, flags);

    return pg;
}

/* Hand frames [ps, pe) (rounded inward) to a heap in maximal blocks. */
static void init_heap_pages(paddr_t ps, paddr_t pe, unsigned int heap)
{
    unsigned long s = PFN_UP(ps), e = PFN_DOWN(pe), i;
    unsigned long flags;

    if ( pe <= ps || s >= e )
        return;
    if ( e > max_page )
    {
        printk(XENLOG_WARNING
               "heap: frames %#lx-%#lx beyond the frame table, not used\n",
               max(s, max_page), e);
        e = max_page;
        if ( s >= e )
            return;
    }

    for ( i = s; i < e; i++ )
    {
        struct page_info *pg = mfn_to_page(i);

        /* Giving a frame to the heaps twice is a bug. */
        BUG_ON(pg->count_info & PGC_heap);
        memset(pg, 0, sizeof(*pg));
        pg->count_info =
            PGC_heap | PGC_state_inuse | (heap == HEAP_XEN ? PGC_xen_heap : 0);
    }

    spin_lock_irqsave(&heap_lock, flags);
    total_pages += e - s;
    spin_unlock_irqrestore(&heap_lock, flags);

    while ( s < e )
    {
        unsigned int order = 0;

        while ( order < MAX_ORDER && !(s & (1UL << order)) &&
                s + (2UL << order) <= e )
            order++;
        free_heap_pages(mfn_to_page(s), order, heap);
        s += 1UL << order;
    }
}

void init_xenheap_pages(paddr_t ps, paddr_t pe)
{
    init_heap_pages(ps, pe, HEAP_XEN);
}

void init_domheap_pages(paddr_t ps, paddr_t pe)
{
    init_heap_pages(ps, pe, HEAP_DOM);
}

/* Xen heap memory is returned as found: callers zero it if they need to. */
void *alloc_xenheap_pages(unsigned int order, unsigned int memflags)
{
    struct page_info *pg = heap_take(order, HEAP_XEN, ~0UL);

    return pg ? page_to_virt(pg) : NULL;
}

void free_xenheap_pages(void *v, unsigned int order)
{
    if ( !v )
        return;
    BUG_ON((unsigned long)__pa(v) & ~PAGE_MASK);
    free_heap_pages(virt_to_page(v), order, HEAP_XEN);
}

/*
 * Domain pages may hold a previous owner's data, so they are zeroed here
 * (through the direct map) unless the caller passes MEMF_no_scrub because
 * it overwrites every byte itself.
 */
struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order,
                                      unsigned int memflags)
{
    unsigned int bits = (memflags >> _MEMF_bits) & 0xff;
    struct page_info *pg = heap_take(order, HEAP_DOM,
                                     bits && bits < 64 ? 1UL << (bits - PAGE_SHIFT)
                                                       : ~0UL);
    unsigned long i;

    if ( !pg )
        return NULL;

    for ( i = 0; i < (1UL << order); i++ )
    {
        pg[i].v.owner = d;
        if ( !(memflags & MEMF_no_scrub) )
            memset(page_to_virt(pg + i), 0, PAGE_SIZE);
    }

    return pg;
}

void free_domheap_pages(struct page_info *pg, unsigned int order)
{
    BUG_ON(!pg);
    free_heap_pages(pg, order, HEAP_DOM);
}

unsigned long avail_xenheap_pages(void)
{
    return READ_ONCE(avail_pages[HEAP_XEN]);
}

unsigned long avail_domheap_pages(void)
{
    return READ_ONCE(avail_pages[HEAP_DOM]);
}

unsigned long total_heap_pages(void)
{
    return READ_ONCE(total_pages);
}

unsigned int get_order_from_bytes(paddr_t size)
{
    unsigned int order = 0;

    while ( ((paddr_t)PAGE_SIZE << order) < size && order < 63 - PAGE_SHIFT )
        order++;

    return order;
}

unsigned int get_order_from_pages(unsigned long nr_pages)
{
    unsigned int order = 0;

    while ( (1UL << order) < nr_pages && order < 63 )
        order++;

    return order;
}
