/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for the boot allocator of common/page_alloc.c. */

#include "harness.h"
#include "../../xen/common/page_alloc.c"
#include "page_alloc_harness.h"

static int setup(void **state)
{
    pa_reset(0);
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

/* The free ranges as a string "s-e s-e ..." (mfns, hex), for asserts. */
static const char *ranges(void)
{
    static char buf[4096];
    size_t n = 0;
    unsigned int i;

    buf[0] = '\0';
    for ( i = 0; i < nr_boot_ranges; i++ )
        n += snprintf(buf + n, sizeof(buf) - n, "%s%lx-%lx", i ? " " : "",
                      boot_ranges[i].s, boot_ranges[i].e);

    return buf;
}

static void test_ranges_round_inward(void **state)
{
    init_boot_pages(pa(0x10) + 1, pa(0x20) - 1);
    assert_string_equal(ranges(), "11-1f");
    assert_int_equal(boot_pages_free(), 0xe);

    /* Less than a page: nothing. */
    init_boot_pages(pa(0x40) + 1, pa(0x41) + 5);
    init_boot_pages(pa(0x50), pa(0x50));
    assert_string_equal(ranges(), "11-1f");
}

static void test_ranges_sorted_merged(void **state)
{
    init_boot_pages(pa(0x100), pa(0x200));
    init_boot_pages(pa(0x10), pa(0x20));
    init_boot_pages(pa(0x300), pa(0x400));
    assert_string_equal(ranges(), "10-20 100-200 300-400");

    /* Touching ranges merge, on either side and both. */
    init_boot_pages(pa(0x20), pa(0x30));
    init_boot_pages(pa(0x80), pa(0x100));
    init_boot_pages(pa(0x200), pa(0x300));
    assert_string_equal(ranges(), "10-30 80-400");

    /* Overlap is not counted twice. */
    init_boot_pages(pa(0x0), pa(0x50));
    assert_string_equal(ranges(), "0-50 80-400");
    assert_int_equal(boot_pages_free(), 0x50 + 0x380);
    init_boot_pages(pa(0x4f), pa(0x81));
    assert_string_equal(ranges(), "0-400");
    assert_int_equal(boot_pages_free(), 0x400);
    assert_int_equal(boot_max_mfn(), 0x400);
}

static void test_reserve_splits(void **state)
{
    init_boot_pages(pa(0x100), pa(0x200));
    init_boot_pages(pa(0x300), pa(0x400));

    reserve_boot_pages(pa(0x140), pa(0x150));
    assert_string_equal(ranges(), "100-140 150-200 300-400");
    assert_int_equal(boot_pages_free(), 0x1f0);

    /* Partial pages are reserved whole (rounded outward). */
    reserve_boot_pages(pa(0x160) + 0x800, pa(0x161) + 1);
    assert_string_equal(ranges(), "100-140 150-160 162-200 300-400");

    /* Across several ranges, trimming both ends. */
    reserve_boot_pages(pa(0x130), pa(0x310));
    assert_string_equal(ranges(), "100-130 310-400");

    /* A whole range, and something not free at all. */
    reserve_boot_pages(pa(0x100), pa(0x130));
    reserve_boot_pages(pa(0x1000), pa(0x2000));
    assert_string_equal(ranges(), "310-400");
    assert_int_equal(boot_pages_free(), 0xf0);
}

static void test_alloc_highest_first(void **state)
{
    init_boot_pages(pa(0x100), pa(0x200));
    init_boot_pages(pa(0x300), pa(0x310));

    assert_int_equal(alloc_boot_pages(8, 1), 0x308);
    assert_int_equal(alloc_boot_pages(8, 1), 0x300);
    /* That range is used up: next from the lower one, at its top. */
    assert_int_equal(alloc_boot_pages(1, 1), 0x1ff);
    assert_string_equal(ranges(), "100-1ff");
    assert_int_equal(boot_pages_free(), 0xff);
    assert_int_equal(boot_max_mfn(), 0x1ff);
}

static void test_alloc_too_big_skips_range(void **state)
{
    init_boot_pages(pa(0x100), pa(0x200));
    init_boot_pages(pa(0x300), pa(0x310));

    assert_int_equal(alloc_boot_pages(0x20, 1), 0x1e0);
    assert_string_equal(ranges(), "100-1e0 300-310");
}

static void test_alloc_aligned(void **state)
{
    unsigned long align, mfn;

    init_boot_pages(pa(0x1003), pa(0x1fff));
    for ( align = 1; align <= 0x200; align <<= 1 )
    {
        unsigned long before = boot_pages_free();

        mfn = alloc_boot_pages(3, align);
        assert_int_not_equal(mfn, INVALID_MFN);
        assert_int_equal(mfn % align, 0);
        assert_true(mfn >= 0x1003 && mfn + 3 <= 0x1fff);
        assert_int_equal(boot_pages_free(), before - 3);
    }

    /* No aligned spot fits: nothing is taken. */
    assert_int_equal(alloc_boot_pages(1, 0x2000), INVALID_MFN);
    /* Zero alignment means none. */
    mfn = alloc_boot_pages(1, 0);
    assert_int_not_equal(mfn, INVALID_MFN);
}

static void test_alloc_below_limit(void **state)
{
    unsigned long mfn;

    init_boot_pages(pa(0x100), pa(0x200));
    init_boot_pages(pa(0x1000), pa(0x2000));

    bootmem_limit_mfn = 0x180;
    mfn = alloc_boot_pages(0x10, 1);
    assert_int_equal(mfn, 0x170);
    assert_string_equal(ranges(), "100-170 180-200 1000-2000");

    /* Only 0x70 frames fit below the limit. */
    assert_int_equal(alloc_boot_pages(0x71, 1), INVALID_MFN);
    assert_int_equal(alloc_boot_pages(0x70, 1), 0x100);

    bootmem_limit_mfn = 0x100;
    assert_int_equal(alloc_boot_pages(1, 1), INVALID_MFN);
    bootmem_limit_mfn = ~0UL;
    assert_int_equal(alloc_boot_pages(1, 1), 0x1fff);
}

static void test_alloc_when_full(void **state)
{
    assert_int_equal(alloc_boot_pages(1, 1), INVALID_MFN);
    init_boot_pages(pa(0x10), pa(0x14));
    assert_int_equal(alloc_boot_pages(5, 1), INVALID_MFN);
    assert_int_equal(alloc_boot_pages(0, 1), INVALID_MFN);
    assert_int_equal(alloc_boot_pages(4, 1), 0x10);
    assert_int_equal(alloc_boot_pages(1, 1), INVALID_MFN);
    assert_int_equal(boot_pages_free(), 0);
    assert_int_equal(boot_max_mfn(), 0);
}

static void test_too_many_ranges(void **state)
{
    unsigned long i;

    for ( i = 0; i < NR_BOOT_RANGES + 5; i++ )
        init_boot_pages(pa(i * 4), pa(i * 4 + 2));
    assert_int_equal(nr_boot_ranges, NR_BOOT_RANGES);
    assert_int_equal(boot_pages_free(), NR_BOOT_RANGES * 2);
    assert_true(fake_log_contains("too many ranges"));

    /* A reserve that would split a full table drops the top part. */
    fake_log_reset();
    init_boot_pages(pa(0), pa(4 * NR_BOOT_RANGES));
    assert_int_equal(nr_boot_ranges, 1);
    for ( i = 1; i < NR_BOOT_RANGES; i++ )
        reserve_boot_pages(pa(i * 4), pa(i * 4 + 1));
    assert_int_equal(nr_boot_ranges, NR_BOOT_RANGES);
    reserve_boot_pages(pa(1), pa(2));
    assert_int_equal(nr_boot_ranges, NR_BOOT_RANGES);
    assert_true(fake_log_contains("too many ranges"));
}

static void test_end_boot_allocator_split(void **state)
{
    /* About 512 MiB: the xen heap gets a sixteenth (over 4 MiB). */
    unsigned long n = MB(512) >> PAGE_SHIFT, top = n + 0x1000;
    unsigned long free, want;
    char line[80];
    void *v;

    pa_reset(top);
    init_boot_pages(0, pa(0x1000));
    init_boot_pages(pa(0x2000), pa(top));
    reserve_boot_pages(pa(0x800), pa(0x900));
    free = boot_pages_free();
    assert_int_equal(free, n - 0x100);
    want = free / 16;

    end_boot_allocator();

    assert_int_equal(boot_pages_free(), 0);
    assert_int_equal(nr_boot_ranges, 0);
    assert_int_equal(avail_xenheap_pages(), want);
    assert_int_equal(avail_domheap_pages(), free - want);
    assert_int_equal(total_heap_pages(), free);
    pa_check(HEAP_DOM, 0);
    snprintf(line, sizeof(line), "<2>Heaps: xen %lukB, domain %lukB\n",
             want * 4, (free - want) * 4);
    assert_string_equal(fake_log_last(), line);

    /* The xen heap is the top of memory. */
    assert_true(mfn_to_page(top - 1)->count_info & PGC_xen_heap);
    assert_true(mfn_to_page(top - want)->count_info & PGC_xen_heap);
    assert_false(mfn_to_page(top - want - 1)->count_info & PGC_xen_heap);
    assert_true(mfn_to_page(top - want - 1)->count_info & PGC_heap);
    /* Holes went to nobody. */
    assert_false(mfn_to_page(0x850)->count_info & PGC_heap);
    assert_false(mfn_to_page(0x1800)->count_info & PGC_heap);
    v = alloc_xenheap_page();
    assert_non_null(v);
    assert_true(__pa(v) >> PAGE_SHIFT >= top - want);
}

static void test_end_boot_allocator_limits(void **state)
{
    unsigned long small = MB(16) >> PAGE_SHIFT;

    /* Small machine: the 4 MiB floor. */
    pa_reset(small);
    init_boot_pages(0, pa(small));
    end_boot_allocator();
    assert_int_equal(avail_xenheap_pages(), MB(4) >> PAGE_SHIFT);
    assert_int_equal(avail_domheap_pages(), small - (MB(4) >> PAGE_SHIFT));
    assert_true(fake_log_contains("Heaps: xen 4096kB, domain 12288kB"));

    /* Tiny machine: everything to the xen heap. */
    pa_reset(256);
    init_boot_pages(0, pa(256));
    end_boot_allocator();
    assert_int_equal(avail_xenheap_pages(), 256);
    assert_int_equal(avail_domheap_pages(), 0);

    /* An explicit target wins. */
    pa_reset(small);
    xenheap_pages_target = 100;
    init_boot_pages(0, pa(small));
    end_boot_allocator();
    assert_int_equal(avail_xenheap_pages(), 100);
    assert_int_equal(avail_domheap_pages(), small - 100);
}

static void test_end_boot_allocator_cap(void **state)
{
    unsigned long big = GB(8) >> PAGE_SHIFT;

    /* 8 GiB / 16 = 512 MiB, capped at 256 MiB. */
    pa_reset(big);
    init_boot_pages(0, pa(big));
    end_boot_allocator();
    assert_int_equal(avail_xenheap_pages(), MB(256) >> PAGE_SHIFT);
    assert_int_equal(avail_domheap_pages(), big - (MB(256) >> PAGE_SHIFT));
    assert_int_equal(pa_check(HEAP_DOM, MAX_ORDER), 1);

    /* Closed afterwards. */
    expect_assert_failure(alloc_boot_pages(1, 1));
}

int main(void)
{
#define T(name) UNIT_TEST(bootmem, name, setup, teardown)
    static const struct CMUnitTest tests[] = {
        T(ranges_round_inward),
        T(ranges_sorted_merged),
        T(reserve_splits),
        T(alloc_highest_first),
        T(alloc_too_big_skips_range),
        T(alloc_aligned),
        T(alloc_below_limit),
        T(alloc_when_full),
        T(too_many_ranges),
        T(end_boot_allocator_split),
        T(end_boot_allocator_limits),
        T(end_boot_allocator_cap),
    };
#undef T

    return cmocka_run_group_tests_name("bootmem", tests, NULL, NULL);
}
