/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for common/xmalloc.c, over the real xen heap. */

#include "harness.h"
#include "../../xen/common/page_alloc.c"
#include "../../xen/common/xmalloc.c"
#include "page_alloc_harness.h"

#define NR_FRAMES 4096UL

static int setup_frames(unsigned long n)
{
    pa_reset(n);
    init_xenheap_pages(0, (paddr_t)n << PAGE_SHIFT);
    memset(partial, 0, sizeof(partial));
    spin_lock_init(&xmalloc_lock);
    return 0;
}

static int setup(void **state)
{
    return setup_frames(NR_FRAMES);
}

static int teardown(void **state)
{
    pa_release();
    return 0;
}

static bool is_aligned(const void *p, size_t a)
{
    return !((uintptr_t)p & (a - 1));
}

static void check_unlocked(void)
{
    assert_false(spin_is_locked(&xmalloc_lock));
    assert_false(spin_is_locked(&heap_lock));
    assert_true(fake_irq_enabled);
}

static void test_many_sizes(void **state)
{
    static struct {
        unsigned char *p;
        size_t size;
    } live[3000];
    unsigned int i, n;
    size_t j;

    rng_seed(1234);
    for ( n = 0; n < ARRAY_SIZE(live); n++ )
    {
        size_t size = rng_below(4) ? 1 + rng_below(1100)
                                   : 1 + rng_below(3 * PAGE_SIZE);

        live[n].p = _xmalloc(size, 1);
        live[n].size = size;
        assert_non_null(live[n].p);
        /* Naturally aligned to at least the smallest class. */
        assert_true(is_aligned(live[n].p, size >= 16 ? 16 : 1));
        memset(live[n].p, n & 0xff, size);
    }
    check_unlocked();

    /* No two blocks overlap: every pattern survived. */
    for ( i = 0; i < n; i++ )
        for ( j = 0; j < live[i].size; j++ )
            assert_int_equal(live[i].p[j], i & 0xff);

    /* Free in random order; all pages go back to the xen heap. */
    for ( i = n; i > 0; i-- )
    {
        unsigned int k = rng_below(i);

        xfree(live[k].p);
        live[k] = live[i - 1];
    }
    check_unlocked();
    assert_int_equal(avail_xenheap_pages(), NR_FRAMES);
    assert_int_equal(pa_check(HEAP_XEN, 12), 1);
}

static void test_alignment(void **state)
{
    size_t align, size;
    void *p;

    for ( align = 1; align <= PAGE_SIZE; align <<= 1 )
        for ( size = 1; size <= 3 * PAGE_SIZE; size = size * 3 + 1 )
        {
            p = _xmalloc(size, align);
            assert_non_null(p);
            assert_true(is_aligned(p, align));
            memset(p, 0x5a, size);
            xfree(p);
        }

    assert_null(_xmalloc(16, 2 * PAGE_SIZE));
    assert_null(_xmalloc(16, 24));
    p = _xmalloc(16, 0);
    assert_non_null(p);
    xfree(p);

    {
        uint64_t *q = xmalloc(uint64_t);
        long double *ld = xmalloc(long double);

        assert_true(is_aligned(q, __alignof__(uint64_t)));
        assert_true(is_aligned(ld, __alignof__(long double)));
        xfree(q);
        xfree(ld);
    }
    assert_int_equal(avail_xenheap_pages(), NR_FRAMES);
}

static void test_reuse(void **state)
{
    void *a = _xmalloc(100, 8), *b, *c;

    assert_non_null(a);
    b = _xmalloc(100, 8);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    xfree(a);
    c = _xmalloc(120, 8);               /* same 128-byte class */
    assert_ptr_equal(c, a);
    xfree(b);
    xfree(c);

    /* Different classes never share a slot. */
    a = _xmalloc(16, 1);
    b = _xmalloc(32, 1);
    assert_true((uintptr_t)a / PAGE_SIZE != (uintptr_t)b / PAGE_SIZE);
    xfree(a);
    xfree(b);
    assert_int_equal(avail_xenheap_pages(), NR_FRAMES);
}

static void test_slab_pages(void **state)
{
    static void *objs[1000];
    unsigned long before = avail_xenheap_pages();
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(objs); i++ )
    {
        objs[i] = _xmalloc(32, 1);
        assert_non_null(objs[i]);
        assert_int_not_equal((uintptr_t)objs[i] & ~PAGE_MASK, 0);
    }
    /* 32-byte objects: about 126 per page. */
    assert_true(before - avail_xenheap_pages() <= 9);
    assert_true(before - avail_xenheap_pages() >= 8);

    for ( i = 0; i < ARRAY_SIZE(objs); i++ )
        xfree(objs[i]);
    assert_int_equal(avail_xenheap_pages(), before);
}

static void test_large(void **state)
{
    unsigned long before = avail_xenheap_pages();
    void *a, *b, *c;

    a = _xmalloc(PAGE_SIZE / 4 + 1, 8);
    assert_non_null(a);
    assert_true(is_aligned(a, PAGE_SIZE));
    assert_int_equal(avail_xenheap_pages(), before - 1);

    b = _xmalloc(5000, 8);
    assert_non_null(b);
    assert_true(is_aligned(b, PAGE_SIZE));
    assert_int_equal(avail_xenheap_pages(), before - 3);

    c = _xmalloc(MB(1), 8);
    assert_non_null(c);
    memset(c, 1, MB(1));
    assert_int_equal(avail_xenheap_pages(), before - 3 - 256);

    xfree(b);
    assert_int_equal(avail_xenheap_pages(), before - 1 - 256);
    xfree(c);
    xfree(a);
    assert_int_equal(avail_xenheap_pages(), before);

    /* More than the heap has, and more than any order. */
    assert_null(_xmalloc(MB(64), 8));
    assert_null(_xmalloc(~(size_t)0 - 10, 8));
    assert_null(xmalloc_array(uint64_t, ~(size_t)0 / 4));
    check_unlocked();
}

static void test_zalloc(void **state)
{
    unsigned char *p;
    size_t sizes[] = { 1, 40, 1000, 3000, 10000 }, i, j;

    for ( i = 0; i < ARRAY_SIZE(sizes); i++ )
    {
        p = _xmalloc(sizes[i], 8);
        assert_non_null(p);
        memset(p, 0xff, sizes[i]);
        xfree(p);
        p = _xzalloc(sizes[i], 8);
        assert_non_null(p);
        for ( j = 0; j < sizes[i]; j++ )
            assert_int_equal(p[j], 0);
        xfree(p);
    }

    p = (unsigned char *)xzalloc_array(uint32_t, 100);
    assert_non_null(p);
    for ( j = 0; j < 400; j++ )
        assert_int_equal(p[j], 0);
    xfree(p);
}

static void test_free_null_and_zero(void **state)
{
    void *p;

    xfree(NULL);
    p = _xmalloc(0, 1);
    assert_non_null(p);
    xfree(p);
    assert_int_equal(avail_xenheap_pages(), NR_FRAMES);
}

static void test_exhaustion(void **state)
{
    void *pages[8], *small;
    unsigned int i;

    setup_frames(8);
    for ( i = 0; i < 8; i++ )
        assert_non_null(pages[i] = _xmalloc(PAGE_SIZE, 8));
    assert_null(_xmalloc(PAGE_SIZE, 8));
    assert_null(_xmalloc(16, 8));               /* no page for a slab */
    check_unlocked();

    xfree(pages[5]);
    small = _xmalloc(16, 8);
    assert_non_null(small);
    assert_ptr_equal((void *)((uintptr_t)small & PAGE_MASK), pages[5]);
    assert_null(_xmalloc(PAGE_SIZE, 8));
    xfree(small);
    assert_non_null(_xmalloc(PAGE_SIZE, 8));
}

static void test_bad_free(void **state)
{
    void *p = _xmalloc(64, 8), *q = _xmalloc(64, 8);
    unsigned char *page;

    assert_non_null(p);
    assert_non_null(q);
    xfree(p);
    expect_assert_failure(xfree(p));            /* double free */
    spin_lock_init(&xmalloc_lock);
    expect_assert_failure(xfree((char *)q + 8)); /* inside an object */
    spin_lock_init(&xmalloc_lock);

    /* A page that is not a slab. */
    page = alloc_xenheap_page();
    assert_non_null(page);
    memset(page, 0, PAGE_SIZE);
    expect_assert_failure(xfree(page + 64));
    spin_lock_init(&xmalloc_lock);
    fake_irq_enabled = true;

    xfree(q);
    free_xenheap_page(page);
    assert_int_equal(avail_xenheap_pages(), NR_FRAMES);
}

int main(void)
{
#define T(name) UNIT_TEST(xmalloc, name, setup, teardown)
    static const struct CMUnitTest tests[] = {
        T(many_sizes),
        T(alignment),
        T(reuse),
        T(slab_pages),
        T(large),
        T(zalloc),
        T(free_null_and_zero),
        T(exhaustion),
        T(bad_free),
    };
#undef T

    return cmocka_run_group_tests_name("xmalloc", tests, NULL, NULL);
}
