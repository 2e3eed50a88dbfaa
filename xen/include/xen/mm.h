/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine memory: the frame table (one page_info per machine frame), the
 * boot allocator and the buddy heaps (hypervisor heap and domain heap).
 */
#ifndef XEN_MM_H
#define XEN_MM_H

#include <xen/types.h>
#include <asm/page.h>

struct domain;
struct page_info;

struct page_list_entry {
    struct page_info *next, *prev;
};

struct page_info {
    /* Free-list linkage while free; owner's page list while allocated. */
    struct page_list_entry list;
    /* PGC_* flags in the top bits, reference count in the rest. */
    unsigned long count_info;
    /* PV page type and type count (used by the PV MMU). */
    unsigned long type_info;
    union {
        /* Head of a free buddy block: its order. */
        struct {
            unsigned int order;
        } free;
        /* Allocated domain page: its owner. */
        struct domain *owner;
    } v;
};

/* count_info flags. */
#define PGC_xen_heap      (1UL << 63)  /* frame belongs to the hypervisor heap */
#define PGC_state_shift   59
#define PGC_state_mask    (3UL << PGC_state_shift)
#define PGC_state_inuse   (0UL << PGC_state_shift)  /* allocated, or not RAM */
#define PGC_state_free    (1UL << PGC_state_shift)  /* in a buddy free list */
#define PGC_heap          (1UL << 58)  /* frame is managed by a heap at all */
#define PGC_count_mask    ((1UL << 32) - 1)

#define page_state_is(pg, st) \
    (((pg)->count_info & PGC_state_mask) == PGC_state_##st)

extern struct page_info *frame_table;
extern unsigned long max_page;          /* frames [0, max_page) have page_info */

#define mfn_valid(mfn)      ((unsigned long)(mfn) < max_page)
#define mfn_to_page(mfn)    (frame_table + (mfn))
#define page_to_mfn(pg)     ((unsigned long)((pg) - frame_table))
#define page_to_maddr(pg)   ((paddr_t)page_to_mfn(pg) << PAGE_SHIFT)
#define maddr_to_page(ma)   mfn_to_page((ma) >> PAGE_SHIFT)
#define page_to_virt(pg)    __va(page_to_maddr(pg))
#define virt_to_page(va)    maddr_to_page(__pa(va))

#define INVALID_MFN         (~0UL)
#define MAX_ORDER           20

/* memflags for the heap allocators. */
#define MEMF_no_scrub       (1U << 0)
/* Frames must lie below 2^n bytes (n in 13..63); 0 means no limit. */
#define _MEMF_bits          8
#define MEMF_bits(n)        ((unsigned int)(n) << _MEMF_bits)

/*
 * Boot allocator: a list of free physical ranges, used before the frame
 * table exists.  Allocations come from the highest-addressed free range
 * that fits below bootmem_limit_mfn (set by the arch, e.g. to keep early
 * page tables reachable through a boot-time mapping).
 */
extern unsigned long bootmem_limit_mfn;
void init_boot_pages(paddr_t ps, paddr_t pe);
void reserve_boot_pages(paddr_t ps, paddr_t pe);
unsigned long alloc_boot_pages(unsigned long nr_pfns, unsigned long pfn_align);
unsigned long boot_pages_free(void);
/* Iterate over the remaining boot ranges (for sizing the frame table). */
unsigned long boot_max_mfn(void);
/* Hand every remaining boot range to the heaps; the boot allocator closes. */
void end_boot_allocator(void);

/* Heaps.  The frame table must be set up (frame_table, max_page). */
void init_xenheap_pages(paddr_t ps, paddr_t pe);
void init_domheap_pages(paddr_t ps, paddr_t pe);
void *alloc_xenheap_pages(unsigned int order, unsigned int memflags);
void free_xenheap_pages(void *v, unsigned int order);
struct page_info *alloc_domheap_pages(struct domain *d, unsigned int order,
                                      unsigned int memflags);
void free_domheap_pages(struct page_info *pg, unsigned int order);
unsigned long avail_xenheap_pages(void);
unsigned long avail_domheap_pages(void);
unsigned long total_heap_pages(void);

#define alloc_xenheap_page() alloc_xenheap_pages(0, 0)
#define free_xenheap_page(v) free_xenheap_pages(v, 0)
#define alloc_domheap_page(d, f) alloc_domheap_pages(d, 0, f)
#define free_domheap_page(pg) free_domheap_pages(pg, 0)

/*
 * Arch: hold a guest frame (by the guest's frame number) for the
 * hypervisor to write into, e.g. an event-channel control block; NULL if
 * the guest may not hand it over.  The put releases that hold.
 */
void *get_guest_frame_writable(struct domain *d, unsigned long gfn);
void put_guest_frame_writable(struct domain *d, unsigned long gfn);

/* Arch: the domain owning a machine frame, or NULL. */
struct domain *page_owner_of(unsigned long mfn);

unsigned int get_order_from_bytes(paddr_t size);
unsigned int get_order_from_pages(unsigned long nr_pages);

#endif /* XEN_MM_H */
