/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for the buddy heaps of common/page_alloc.c. */

#include "harness.h"
#include "../../xen/common/page_alloc.c"
#include "page_alloc_harness.h"

#define NR_FRAMES 4096UL

static struct domain *const dom_a = (struct domain *)0x1000;

static int setup(void **state)
{
    pa_reset(NR_FRAMES);
    return 0;
}

static int teardown(void **state)
{
    pa_release();
    return 0;
}

static paddr_t pa(unsigned long mfn)
{
    return (paddr_t)mfn << PAGE_SHIFT;
}

static void test_init_maximal_blocks(void **state)
{
    /* [3, 37): 3, 4-7, 8-15, 16-31, 32-35, 36 */
    init_domheap_pages(pa(3), pa(37));

    assert_int_equal(avail_domheap_pages(), 34);
    assert_int_equal(total_heap_pages(), 34);
    assert_int_equal(pa_check(HEAP_DOM, 0), 2);
    assert_int_equal(pa_check(HEAP_DOM, 2), 2);
    assert_int_equal(pa_check(HEAP_DOM, 3), 1);
    assert_int_equal(pa_check(HEAP_DOM, 4), 1);
    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER + 1), 6);
    assert_true(page_state_is(mfn_to_page(3), free));
    assert_false(page_state_is(mfn_to_page(2), free));
    assert_false(page_state_is(mfn_to_page(37), free));
}

static void test_init_rounds_inward(void **state)
{
    init_domheap_pages(pa(10) + 1, pa(20) - 1);

    assert_int_equal(avail_domheap_pages(), 8);
    assert_false(mfn_to_page(10)->count_info & PGC_heap);
    assert_true(mfn_to_page(11)->count_info & PGC_heap);
    assert_true(mfn_to_page(18)->count_info & PGC_heap);
    assert_false(mfn_to_page(19)->count_info & PGC_heap);
    pa_check(HEAP_DOM, 0);
}

static void test_init_beyond_frame_table(void **state)
{
    init_domheap_pages(pa(NR_FRAMES - 4), pa(NR_FRAMES + 100));

    assert_int_equal(avail_domheap_pages(), 4);
    assert_true(fake_log_contains("beyond the frame table"));
    pa_check(HEAP_DOM, 0);
}

static void test_alloc_free_every_order(void **state)
{
    unsigned int order;

    init_domheap_pages(0, pa(NR_FRAMES / 2));
    init_xenheap_pages(pa(NR_FRAMES / 2), pa(NR_FRAMES));

    for ( order = 0; order <= 11; order++ )
    {
        struct page_info *pg = alloc_domheap_pages(dom_a, order,
                                                   MEMF_no_scrub);
        void *v = alloc_xenheap_pages(order, 0);
        unsigned long mfn, i;

        assert_non_null(pg);
        assert_non_null(v);
        mfn = page_to_mfn(pg);
        assert_int_equal(mfn & ((1UL << order) - 1), 0);
        assert_true(mfn + (1UL << order) <= NR_FRAMES / 2);
        for ( i = 0; i < (1UL << order); i++ )
        {
            assert_true(page_state_is(pg + i, inuse));
            assert_int_equal(pg[i].count_info, PGC_heap);
            assert_ptr_equal(pg[i].v.owner, dom_a);
        }
        assert_int_equal(avail_domheap_pages(),
                         NR_FRAMES / 2 - (1UL << order));

        mfn = __pa(v) >> PAGE_SHIFT;
        assert_int_equal(__pa(v) & ~PAGE_MASK, 0);
        assert_int_equal(mfn & ((1UL << order) - 1), 0);
        assert_true(mfn >= NR_FRAMES / 2);
        assert_int_equal(mfn_to_page(mfn)->count_info,
                         PGC_heap | PGC_xen_heap);
        assert_int_equal(avail_xenheap_pages(),
                         NR_FRAMES / 2 - (1UL << order));
        pa_check(HEAP_DOM, 0);

        free_domheap_pages(pg, order);
        free_xenheap_pages(v, order);
        assert_int_equal(pa_check(HEAP_DOM, 11), 1);
        assert_int_equal(pa_check(HEAP_XEN, 11), 1);
    }

    /* Too big for what is there, and beyond MAX_ORDER. */
    assert_null(alloc_domheap_pages(dom_a, 12, MEMF_no_scrub));
    assert_null(alloc_xenheap_pages(MAX_ORDER + 1, 0));
}

static void test_max_order(void **state)
{
    unsigned long n = 2UL << MAX_ORDER;
    struct page_info *a, *b;

    pa_reset(n + 1);
    init_domheap_pages(0, pa(n + 1));
    /* Two blocks of MAX_ORDER, one page; never one of MAX_ORDER + 1. */
    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER), 2);
    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER + 1), 3);

    a = alloc_domheap_pages(NULL, MAX_ORDER, MEMF_no_scrub);
    b = alloc_domheap_pages(NULL, MAX_ORDER, MEMF_no_scrub);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_null(alloc_domheap_pages(NULL, MAX_ORDER, MEMF_no_scrub));
    assert_null(alloc_domheap_pages(NULL, MAX_ORDER + 1, MEMF_no_scrub));
    assert_int_equal(avail_domheap_pages(), 1);

    free_domheap_pages(a, MAX_ORDER);
    free_domheap_pages(b, MAX_ORDER);
    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER), 2);
}

/* Allocate everything page by page, free in random order: same blocks. */
static void test_coalesce(void **state)
{
    static struct page_info *pages[NR_FRAMES];
    unsigned long n = 0, i, blocks;
    unsigned int o, before[MAX_ORDER + 1];

    /* Odd bounds so that the maximal blocks are of mixed orders. */
    init_domheap_pages(pa(5), pa(NR_FRAMES - 3));
    blocks = pa_check(HEAP_DOM, MAX_ORDER + 1);
    for ( o = 0; o <= MAX_ORDER; o++ )
        before[o] = pa_check(HEAP_DOM, o);

    while ( (pages[n] = alloc_domheap_pages(dom_a, 0, MEMF_no_scrub)) )
        n++;
    assert_int_equal(n, NR_FRAMES - 8);
    assert_int_equal(avail_domheap_pages(), 0);

    rng_seed(42);
    for ( i = n; i > 1; i-- )
    {
        unsigned long j = rng_below(i);
        struct page_info *t = pages[i - 1];

        pages[i - 1] = pages[j];
        pages[j] = t;
    }
    for ( i = 0; i < n; i++ )
    {
        free_domheap_pages(pages[i], 0);
        if ( !(i % 97) )
            pa_check(HEAP_DOM, 0);
    }

    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER + 1), blocks);
    for ( o = 0; o <= MAX_ORDER; o++ )
        assert_int_equal(pa_check(HEAP_DOM, o), before[o]);
    assert_int_equal(avail_domheap_pages(), NR_FRAMES - 8);
}

/* Mixed-order allocations: aligned, disjoint, and all memory comes back. */
static void test_random_orders_aligned_disjoint(void **state)
{
    static struct {
        struct page_info *pg;
        unsigned int order;
    } live[2048];
    static bool used[NR_FRAMES];
    unsigned int n = 0, round;

    memset(used, 0, sizeof(used));
    init_domheap_pages(0, pa(NR_FRAMES));
    rng_seed(7);

    for ( round = 0; round < 20000; round++ )
    {
        if ( n < ARRAY_SIZE(live) && rng_below(3) )
        {
            unsigned int order = rng_below(6);
            struct page_info *pg = alloc_domheap_pages(dom_a, order,
                                                       MEMF_no_scrub);
            unsigned long mfn, i;

            if ( !pg )
                continue;
            mfn = page_to_mfn(pg);
            assert_int_equal(mfn & ((1UL << order) - 1), 0);
            for ( i = 0; i < (1UL << order); i++ )
            {
                assert_false(used[mfn + i]);
                used[mfn + i] = true;
            }
            live[n].pg = pg;
            live[n].order = order;
            n++;
        }
        else if ( n )
        {
            unsigned int k = rng_below(n);
            unsigned long mfn = page_to_mfn(live[k].pg), i;

            for ( i = 0; i < (1UL << live[k].order); i++ )
                used[mfn + i] = false;
            free_domheap_pages(live[k].pg, live[k].order);
            live[k] = live[--n];
        }
        if ( !(round % 1000) )
            pa_check(HEAP_DOM, 0);
    }

    while ( n )
    {
        n--;
        free_domheap_pages(live[n].pg, live[n].order);
    }
    assert_int_equal(pa_check(HEAP_DOM, 12), 1);
}

static void test_exhaustion(void **state)
{
    struct page_info *pg[8];
    unsigned int i;

    init_domheap_pages(pa(64), pa(72));
    for ( i = 0; i < 8; i++ )
        assert_non_null(pg[i] = alloc_domheap_page(dom_a, MEMF_no_scrub));
    assert_null(alloc_domheap_page(dom_a, MEMF_no_scrub));
    assert_int_equal(avail_domheap_pages(), 0);
    /* The xen heap is empty too and must not borrow from domains. */
    assert_null(alloc_xenheap_page());

    free_domheap_page(pg[3]);
    pg[3] = alloc_domheap_page(dom_a, MEMF_no_scrub);
    assert_non_null(pg[3]);
    assert_int_equal(page_to_mfn(pg[3]), 67);
    assert_null(alloc_domheap_pages(dom_a, 1, MEMF_no_scrub));

    free_domheap_page(pg[2]);
    free_domheap_page(pg[3]);
    assert_ptr_equal(alloc_domheap_pages(dom_a, 1, MEMF_no_scrub), pg[2]);
}

static void test_heap_separation(void **state)
{
    unsigned long xen = 0, dom = 0;
    void *v;
    struct page_info *pg;

    init_xenheap_pages(0, pa(256));
    init_domheap_pages(pa(256), pa(1024));
    assert_int_equal(avail_xenheap_pages(), 256);
    assert_int_equal(avail_domheap_pages(), 768);
    assert_int_equal(total_heap_pages(), 1024);

    while ( (v = alloc_xenheap_page()) )
    {
        assert_true(__pa(v) >> PAGE_SHIFT < 256);
        xen++;
    }
    while ( (pg = alloc_domheap_page(NULL, MEMF_no_scrub)) )
    {
        assert_true(page_to_mfn(pg) >= 256);
        dom++;
    }
    assert_int_equal(xen, 256);
    assert_int_equal(dom, 768);
    assert_int_equal(total_heap_pages(), 1024);
}

static void test_no_merge_across_heaps(void **state)
{
    void *v;

    /* Buddies 0-7 (xen) and 8-15 (domain) must stay apart. */
    init_xenheap_pages(0, pa(8));
    init_domheap_pages(pa(8), pa(16));
    assert_int_equal(pa_check(HEAP_XEN, 3), 1);
    assert_int_equal(pa_check(HEAP_DOM, 3), 1);
    assert_int_equal(pa_check(HEAP_DOM, 4), 0);

    v = alloc_xenheap_pages(3, 0);
    assert_non_null(v);
    assert_int_equal(__pa(v), 0);
    free_xenheap_pages(v, 3);
    assert_int_equal(pa_check(HEAP_XEN, 4), 0);
    assert_int_equal(pa_check(HEAP_DOM, 4), 0);
    assert_null(alloc_domheap_pages(NULL, 4, MEMF_no_scrub));
}

static void test_no_merge_across_hole(void **state)
{
    struct page_info *pg;
    unsigned int i;

    /* Frame 8 is not heap memory (e.g. firmware). */
    init_domheap_pages(0, pa(8));
    init_domheap_pages(pa(9), pa(16));
    assert_int_equal(avail_domheap_pages(), 15);
    assert_int_equal(pa_check(HEAP_DOM, 4), 0);
    assert_int_equal(pa_check(HEAP_DOM, 3), 1);
    assert_null(alloc_domheap_pages(NULL, 4, MEMF_no_scrub));

    for ( i = 0; i < 15; i++ )
    {
        pg = alloc_domheap_page(NULL, MEMF_no_scrub);
        assert_non_null(pg);
        assert_int_not_equal(page_to_mfn(pg), 8);
    }
    for ( i = 0; i < 16; i++ )
        if ( i != 8 )
            free_domheap_page(mfn_to_page(i));
    assert_int_equal(pa_check(HEAP_DOM, 3), 1);
    assert_int_equal(pa_check(HEAP_DOM, 4), 0);
    assert_false(mfn_to_page(8)->count_info & PGC_heap);
}

static void test_no_merge_with_other_order(void **state)
{
    struct page_info *a, *b;

    init_domheap_pages(0, pa(4));
    a = alloc_domheap_pages(NULL, 1, MEMF_no_scrub);       /* 0-1 */
    b = alloc_domheap_page(NULL, MEMF_no_scrub);           /* 2 */
    assert_int_equal(page_to_mfn(a), 0);
    assert_int_equal(page_to_mfn(b), 2);

    /* 0-1 is free at order 1, 2 in use, 3 free at order 0. */
    free_domheap_pages(a, 1);
    assert_int_equal(pa_check(HEAP_DOM, 1), 1);
    assert_int_equal(pa_check(HEAP_DOM, 0), 1);
    free_domheap_page(b);
    assert_int_equal(pa_check(HEAP_DOM, 2), 1);
    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER + 1), 1);
}

static void test_scrub(void **state)
{
    struct page_info *pg;
    unsigned char *p;
    unsigned long i;

    init_domheap_pages(pa(100), pa(104));
    memset(fake_ram + pa(100), 0xa5, 4 * PAGE_SIZE);

    pg = alloc_domheap_pages(dom_a, 1, MEMF_no_scrub);
    assert_non_null(pg);
    p = page_to_virt(pg);
    assert_ptr_equal(p, fake_ram + page_to_maddr(pg));
    assert_int_equal(p[0], 0xa5);
    assert_int_equal(p[2 * PAGE_SIZE - 1], 0xa5);

    pg = alloc_domheap_pages(dom_a, 1, 0);
    assert_non_null(pg);
    p = page_to_virt(pg);
    for ( i = 0; i < 2 * PAGE_SIZE; i++ )
        assert_int_equal(p[i], 0);
}

static void test_double_free(void **state)
{
    struct page_info *pg;

    init_domheap_pages(0, pa(16));
    pg = alloc_domheap_pages(NULL, 2, MEMF_no_scrub);
    assert_non_null(pg);
    free_domheap_pages(pg, 2);
    expect_assert_failure(free_domheap_pages(pg, 2));
    spin_lock_init(&heap_lock);         /* the BUG left it held */
    expect_assert_failure(free_domheap_page(pg + 1));
    /* Nothing changed by the refused frees. */
    spin_lock_init(&heap_lock);
    fake_irq_enabled = true;
    assert_int_equal(pa_check(HEAP_DOM, 4), 1);
}

static void test_free_bad_frames(void **state)
{
    struct page_info *pg;
    void *v;

    init_domheap_pages(0, pa(16));
    init_xenheap_pages(pa(16), pa(32));

    /* Not heap memory at all. */
    expect_assert_failure(free_domheap_page(mfn_to_page(100)));
    spin_lock_init(&heap_lock);
    /* Misaligned for its order. */
    pg = alloc_domheap_pages(NULL, 1, MEMF_no_scrub);
    assert_non_null(pg);
    expect_assert_failure(free_domheap_pages(pg + 1, 1));
    /* Into the wrong heap, both ways. */
    v = alloc_xenheap_page();
    assert_non_null(v);
    expect_assert_failure(free_domheap_page(virt_to_page(v)));
    spin_lock_init(&heap_lock);
    expect_assert_failure(free_xenheap_page(page_to_virt(pg)));
    spin_lock_init(&heap_lock);
    fake_irq_enabled = true;

    /* The right frees still work. */
    free_xenheap_page(v);
    free_domheap_pages(pg, 1);
    free_xenheap_page(NULL);
    assert_int_equal(pa_check(HEAP_DOM, 4), 1);
    assert_int_equal(pa_check(HEAP_XEN, 4), 1);
}

static void test_double_init(void **state)
{
    init_domheap_pages(0, pa(16));
    expect_assert_failure(init_xenheap_pages(pa(8), pa(9)));
    assert_int_equal(pa_check(HEAP_DOM, 4), 1);
}

static void test_order_helpers(void **state)
{
    assert_int_equal(get_order_from_bytes(0), 0);
    assert_int_equal(get_order_from_bytes(1), 0);
    assert_int_equal(get_order_from_bytes(PAGE_SIZE), 0);
    assert_int_equal(get_order_from_bytes(PAGE_SIZE + 1), 1);
    assert_int_equal(get_order_from_bytes(2 * PAGE_SIZE), 1);
    assert_int_equal(get_order_from_bytes(MB(2)), 9);
    assert_int_equal(get_order_from_bytes(MB(2) + 1), 10);
    assert_int_equal(get_order_from_bytes(GB(1)), 18);
    assert_int_equal(get_order_from_pages(0), 0);
    assert_int_equal(get_order_from_pages(1), 0);
    assert_int_equal(get_order_from_pages(2), 1);
    assert_int_equal(get_order_from_pages(3), 2);
    assert_int_equal(get_order_from_pages(512), 9);
    assert_int_equal(get_order_from_pages(513), 10);
}

static void test_irqs_restored(void **state)
{
    struct page_info *pg;

    init_domheap_pages(0, pa(16));
    fake_irq_enabled = false;
    pg = alloc_domheap_page(NULL, MEMF_no_scrub);
    assert_false(fake_irq_enabled);
    free_domheap_page(pg);
    assert_false(fake_irq_enabled);
    fake_irq_enabled = true;
    pg = alloc_domheap_page(NULL, MEMF_no_scrub);
    assert_true(fake_irq_enabled);
    assert_false(spin_is_locked(&heap_lock));
}

int main(void)
{
#define T(name) UNIT_TEST(buddy, name, setup, teardown)
    static const struct CMUnitTest tests[] = {
        T(init_maximal_blocks),
        T(init_rounds_inward),
        T(init_beyond_frame_table),
        T(alloc_free_every_order),
        T(max_order),
        T(coalesce),
        T(random_orders_aligned_disjoint),
        T(exhaustion),
        T(heap_separation),
        T(no_merge_across_heaps),
        T(no_merge_across_hole),
        T(no_merge_with_other_order),
        T(scrub),
        T(double_free),
        T(free_bad_frames),
        T(double_init),
        T(order_helpers),
        T(irqs_restored),
    };
#undef T

    return cmocka_run_group_tests_name("buddy", tests, NULL, NULL);
}
