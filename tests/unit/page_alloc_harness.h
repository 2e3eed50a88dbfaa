/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reset and consistency checks for common/page_alloc.c; included after
 * the source itself so that its static state is in scope.
 */
#ifndef UNIT_PAGE_ALLOC_HARNESS_H
#define UNIT_PAGE_ALLOC_HARNESS_H

/* Forget everything and give the heaps a blank frame table of n frames. */
static inline void pa_reset(unsigned long nr_frames)
{
    free(frame_table);
    frame_table = calloc(nr_frames ? nr_frames : 1, sizeof(*frame_table));
    assert_non_null(frame_table);
    max_page = nr_frames;

    memset(free_lists, 0, sizeof(free_lists));
    memset(avail_pages, 0, sizeof(avail_pages));
    total_pages = 0;
    spin_lock_init(&heap_lock);

    memset(boot_ranges, 0, sizeof(boot_ranges));
    nr_boot_ranges = 0;
    boot_allocator_done = false;
    bootmem_limit_mfn = ~0UL;
    xenheap_pages_target = 0;

    fake_irq_enabled = true;
    fake_log_reset();
}

static inline void pa_release(void)
{
    free(frame_table);
    frame_table = NULL;
    max_page = 0;
}

/*
 * Walk every free list and check the buddy invariants: heads aligned and
 * marked with their order, tails marked as tails, every page in the
 * right heap, counts matching, and no two free buddies left unmerged.
 * Returns the number of free blocks of 'heap' with order 'order' (or of
 * any order if order > MAX_ORDER).
 */
static inline unsigned long pa_check(unsigned int heap, unsigned int order)
{
    unsigned long counted[NR_HEAPS] = { 0, 0 }, blocks = 0;
    unsigned int h, o;

    assert_false(spin_is_locked(&heap_lock));
    assert_true(fake_irq_enabled);

    for ( h = 0; h < NR_HEAPS; h++ )
        for ( o = 0; o <= MAX_ORDER; o++ )
        {
            struct page_info *pg, *prev = NULL;

            for ( pg = free_lists[h][o].head; pg; pg = pg->list.next )
            {
                unsigned long mfn = page_to_mfn(pg), i, b;

                assert_ptr_equal(pg->list.prev, prev);
                prev = pg;
                assert_int_equal(mfn & ((1UL << o) - 1), 0);
                assert_true(mfn + (1UL << o) <= max_page);
                assert_int_equal(pg->v.free.order, o);
                for ( i = 0; i < (1UL << o); i++ )
                {
                    assert_true(page_state_is(pg + i, free));
                    assert_true(pg[i].count_info & PGC_heap);
                    assert_int_equal(page_heap(pg + i), h);
                    if ( i )
                        assert_int_equal(pg[i].v.free.order, ORDER_TAIL);
                }
                counted[h] += 1UL << o;

                /* Fully coalesced: the buddy is not a free peer. */
                b = mfn ^ (1UL << o);
                if ( o < MAX_ORDER && b < max_page )
                {
                    struct page_info *bp = mfn_to_page(b);

                    assert_false(page_state_is(bp, free) &&
                                 bp->v.free.order == o &&
                                 page_heap(bp) == h);
                }

                if ( h == heap && (order > MAX_ORDER || o == order) )
                    blocks++;
            }
        }

    assert_int_equal(counted[HEAP_DOM], avail_domheap_pages());
    assert_int_equal(counted[HEAP_XEN], avail_xenheap_pages());

    return blocks;
}

#endif /* UNIT_PAGE_ALLOC_HARNESS_H */
