/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xmalloc: small power-of-two objects carved from xen-heap pages (slabs),
 * larger requests served as whole pages.
 */

#include <xen/lib.h>
#include <xen/list.h>
#include <xen/mm.h>
#include <xen/spinlock.h>
#include <xen/string.h>
#include <xen/xmalloc.h>

#define MIN_SHIFT  4                /* smallest object: 16 bytes */
#define MAX_SHIFT  (PAGE_SHIFT - 2) /* largest object: a quarter page */
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define SLAB_MAGIC 0x51ab51abU

/*
 * Header at the start of every slab page.  Objects follow it at multiples
 * of their size, so each is aligned to its size and never starts at
 * offset 0 of a page: that is how xfree() tells slab objects from
 * whole-page allocations.
 */
struct slab
{
    uint32_t magic;
    uint16_t size; /* object size in bytes */
    uint16_t nr_free;
    uint16_t nr_total;
    void *free;            /* free objects, linked via their first word */
    struct list_head list; /* on its class's list while nr_free > 0 */
};

static DEFINE_SPINLOCK(xmalloc_lock);
/* Per size class: slabs that have free objects (set up on first use). */
static struct list_head partial[NR_CLASSES];

static struct list_head *class_list(unsigned int cls)
{
    if ( !partial[cls].next )
        INIT_LIST_HEAD(&partial[cls]);
    return &partial[cls];
}

static unsigned int size_class(unsigned int size)
{
    return __builtin_ctz(size) - MIN_SHIFT;
}

static unsigned int first_offset(unsigned int size)
{
    return ROUNDUP((unsigned int)sizeof(struct slab), size);
}

/* A fresh slab for one class, with every object on its free list. */
static struct slab *new_slab(unsigned int cls)
{
    unsigned int size = 1U << (cls + MIN_SHIFT), off;
    struct slab *s = alloc_xenheap_pages(0, 0);
    void **prev;

    if ( !s )
        return NULL;

    s->magic = SLAB_MAGIC;
    s->size = size;
    s->nr_total = 0;
    prev = &s->free;
    for ( off = first_offset(size); off + size <= PAGE_SIZE; off += size )
    {
        void *obj = (char *)s + off;

        *prev = obj;
        prev = obj;
        s->nr_total++;
    }
    *prev = NULL;
    s->nr_free = s->nr_total;
    list_add(&s->list, class_list(cls));

    return s;
}

static void *slab_alloc(unsigned int cls)
{
    struct slab *s;
    void *obj;
    unsigned long flags;

    spin_lock_irqsave(&xmalloc_lock, flags);

    if ( list_empty(class_list(cls)) && !new_slab(cls) )
    {
        spin_unlock_irqrestore(&xmalloc_lock, flags);
        return NULL;
    }

    s = list_first_entry(&partial[cls], struct slab, list);
    obj = s->free;
    s->free = *(void **)obj;
    if ( --s->nr_free == 0 )
        list_del(&s->list);

    spin_unlock_irqrestore(&xmalloc_lock, flags);

    return obj;
}

static void slab_free(void *p)
{
    struct slab *s = (struct slab *)((unsigned long)p & PAGE_MASK);
    unsigned long off = (unsigned long)p & ~PAGE_MASK;
    unsigned long flags;

    spin_lock_irqsave(&xmalloc_lock, flags);

    /* Not a pointer xmalloc handed out: a hypervisor bug. */
    BUG_ON(s->magic != SLAB_MAGIC);
    BUG_ON(off < first_offset(s->size) || (off & (s->size - 1)));

#ifdef CONFIG_DEBUG
    {
        void *f;

        for ( f = s->free; f; f = *(void **)f )
            BUG_ON(f == p); /* double free */
    }
#endif

    *(void **)p = s->free;
    s->free = p;
    if ( s->nr_free++ == 0 )
        list_add(&s->list, class_list(size_class(s->size)));

    if ( s->nr_free == s->nr_total )
    {
        /* Empty: give the page back to the xen heap. */
        list_del(&s->list);
        s->magic = 0;
        spin_unlock_irqrestore(&xmalloc_lock, flags);
        free_xenheap_pages(s, 0);
        return;
    }

    spin_unlock_irqrestore(&xmalloc_lock, flags);
}

/*
 * Whole pages: the order is kept in the head page's frame-table entry
 * (v.free.order is otherwise unused while a xen-heap page is allocated).
 */
static void *pages_alloc(size_t size)
{
    unsigned int order = get_order_from_bytes(size);
    void *p;

    if ( order > MAX_ORDER )
        return NULL;
    p = alloc_xenheap_pages(order, 0);
    if ( p )
        virt_to_page(p)->v.free.order = order;

    return p;
}

void *_xmalloc(size_t size, size_t align)
{
    size_t csize = 1UL << MIN_SHIFT;
    unsigned int cls = 0;

    if ( !align )
        align = 1;
    /* Alignment must be a power of two, at most a page. */
    if ( (align & (align - 1)) || align > PAGE_SIZE )
        return NULL;

    while ( csize < size || csize < align )
    {
        if ( cls == NR_CLASSES - 1 )
            return pages_alloc(size);
        csize <<= 1;
        cls++;
    }

    return slab_alloc(cls);
}

void *_xzalloc(size_t size, size_t align)
{
    void *p = _xmalloc(size, align);

    if ( p )
        memset(p, 0, size);

    return p;
}

void xfree(void *p)
{
    if ( !p )
        return;

    if ( (unsigned long)p & ~PAGE_MASK )
        slab_free(p);
    else
        free_xenheap_pages(p, virt_to_page(p)->v.free.order);
}
