/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for common/unxz.c against the host's xz, and crafted input. */

#include "harness.h"
#include "../../xen/common/inflate.c"
#include "../../xen/common/unxz.c"
#include "tool_data.h"

#define KERNEL_XZ "xz --check=crc32 --x86 --lzma2=dict=32MiB -c"

/* Compress data with cmd, decode, compare; returns the .xz length. */
static size_t roundtrip(const char *cmd, const uint8_t *data, size_t len)
{
    size_t xlen, out_len = 12345, sz;
    uint8_t *xz = tool_filter(cmd, data, len, &xlen);
    uint8_t *out = malloc(len + 1);

    assert_int_equal(unxz(xz, xlen, out, len, &out_len), 0);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, data, len);
    assert_int_equal(unxz_out_size(xz, xlen, &sz), 0);
    assert_int_equal(sz, len);
    if ( len )
        assert_int_equal(unxz(xz, xlen, out, len - 1, &out_len), -ENOSPC);
    free(out);
    free(xz);
    return xlen;
}

static void test_sizes_and_options(void **state)
{
    static const size_t sizes[] = { 0, 1, 64 << 10, 2 << 20 };
    static const char *const cmds[] = {
        KERNEL_XZ, "xz -c", "xz -0 --check=crc64 -c",
        "xz -1 --check=none -c",
    };
    unsigned int s, k, c;

    for ( s = 0; s < ARRAY_SIZE(sizes); s++ )
        for ( k = DATA_RANDOM; k <= DATA_ZERO; k++ )
            for ( c = 0; c < ARRAY_SIZE(cmds); c++ )
            {
                uint8_t *d;

                /* The big ones only through the kernel's options. */
                if ( sizes[s] > (64 << 10) && c )
                    continue;
                d = make_data(k, sizes[s], s * 10 + k);
                roundtrip(cmds[c], d, sizes[s]);
                free(d);
            }
}

static void test_bcj_real_code(void **state)
{
    size_t len;
    uint8_t *self = tool_read("/proc/self/exe", &len);

    assert_non_null(self);
    if ( len > (1 << 20) )
        len = 1 << 20;
    roundtrip(KERNEL_XZ, self, len);
    roundtrip("xz --x86=start=4096 --lzma2=preset=1 -c", self, len);
    free(self);
}

static void test_multi_block_and_streams(void **state)
{
    size_t len = 300 << 10, xlen, out_len;
    uint8_t *d = make_data(DATA_TEXT, len, 7);
    uint8_t *xz = tool_filter("xz -1 --block-size=65536 -c", d, len, &xlen);
    uint8_t *two = malloc(2 * xlen + 16), *out = malloc(2 * len);
    static const uint8_t pad[8] = { 0 };
    static const uint8_t linux_size[4] = { 0x00, 0xb0, 0x04, 0x00 };

    assert_int_equal(unxz(xz, xlen, out, len, &out_len), 0);
    assert_memory_equal(out, d, len);

    /* Two streams with padding between, then Linux's appended size. */
    memcpy(two, xz, xlen);
    memcpy(two + xlen, pad, 8);
    memcpy(two + xlen + 8, xz, xlen);
    memcpy(two + 2 * xlen + 8, linux_size, 4);
    assert_int_equal(unxz(two, 2 * xlen + 12, out, 2 * len, &out_len), 0);
    assert_int_equal(out_len, 2 * len);
    assert_memory_equal(out, d, len);
    assert_memory_equal(out + len, d, len);
    assert_int_equal(unxz_out_size(two, 2 * xlen + 12, &out_len), 0);
    assert_int_equal(out_len, len);
    assert_int_equal(unxz(two, 2 * xlen + 8, out, 2 * len - 1, &out_len),
                     -ENOSPC);

    free(out);
    free(two);
    free(xz);
    free(d);
}

static void test_unsupported_check(void **state)
{
    size_t xlen, out_len;
    uint8_t *d = make_data(DATA_TEXT, 1000, 3), out[1000];
    uint8_t *xz = tool_filter("xz --check=sha256 -c", d, 1000, &xlen);

    assert_int_equal(unxz(xz, xlen, out, sizeof(out), &out_len),
                     -EOPNOTSUPP);
    free(xz);
    xz = tool_filter("xz --delta=dist=4 --lzma2 -c", d, 1000, &xlen);
    assert_int_equal(unxz(xz, xlen, out, sizeof(out), &out_len),
                     -EOPNOTSUPP);
    free(xz);
    free(d);
}

/* Every proper prefix of a stream is an error, never a crash. */
static void test_truncated(void **state)
{
    size_t len = 4000, xlen, out_len, n;
    uint8_t *d = make_data(DATA_CODE, len, 11), *out = malloc(len);
    uint8_t *xz = tool_filter(KERNEL_XZ, d, len, &xlen);

    for ( n = 0; n < xlen; n++ )
    {
        /* An exact-size copy so ASan sees any read past the end. */
        uint8_t *cut = malloc(n ? n : 1);

        memcpy(cut, xz, n);
        assert_true(unxz(cut, n, out, len, &out_len) < 0);
        free(cut);
    }
    free(xz);
    free(out);
    free(d);
}

static void check_corrupt(const uint8_t *xz, size_t xlen, const uint8_t *d,
                          size_t len, uint64_t seed, unsigned int rounds)
{
    uint8_t *bad = malloc(xlen), *out = malloc(len);
    unsigned int i, ok = 0;
    size_t out_len;

    rng_seed(seed);
    for ( i = 0; i < rounds; i++ )
    {
        unsigned int flips = 1 + rng_below(3), f;
        int rc;

        memcpy(bad, xz, xlen);
        for ( f = 0; f < flips; f++ )
            bad[rng_below(xlen)] ^= 1 << rng_below(8);
        rc = unxz(bad, xlen, out, len, &out_len);
        if ( !rc )
        {
            /* Only if the flips missed everything checked. */
            assert_int_equal(out_len, len);
            assert_memory_equal(out, d, len);
            ok++;
        }
        else
            assert_true(rc == -EINVAL || rc == -ENOSPC ||
                        rc == -EOPNOTSUPP || rc == -EOVERFLOW);
    }
    print_message("%u/%u corrupted streams still decoded right\n", ok,
                  rounds);
    free(out);
    free(bad);
}

static void test_bit_flips(void **state)
{
    size_t len = 20000, xlen;
    uint8_t *d = make_data(DATA_TEXT, len, 5);
    uint8_t *xz = tool_filter(KERNEL_XZ, d, len, &xlen);

    check_corrupt(xz, xlen, d, len, 99, 3000);
    free(xz);
    xz = tool_filter("xz --check=none -c", d, len, &xlen);
    check_corrupt(xz, xlen, d, len, 98, 2000);
    free(xz);
    free(d);
}

static void test_wrong_check(void **state)
{
    static const char *const cmds[] = {
        "xz --check=crc32 -c", "xz --check=crc64 -c",
    };
    size_t len = 5000, xlen, out_len;
    uint8_t *d = make_data(DATA_TEXT, len, 6), *out = malloc(len);
    unsigned int c;

    for ( c = 0; c < ARRAY_SIZE(cmds); c++ )
    {
        uint8_t *xz = tool_filter(cmds[c], d, len, &xlen);
        /* Check field: just before the index (which starts 0x00). */
        size_t isize = (le32(xz + xlen - 8) + 1) * 4;
        size_t chk = xlen - 12 - isize - 1;

        xz[chk] ^= 0x40;
        assert_int_equal(unxz(xz, xlen, out, len, &out_len), -EINVAL);
        xz[chk] ^= 0x40;
        assert_int_equal(unxz(xz, xlen, out, len, &out_len), 0);
        /* Stream flags CRC, index CRC, footer CRC. */
        xz[8] ^= 1;
        assert_int_equal(unxz(xz, xlen, out, len, &out_len), -EINVAL);
        xz[8] ^= 1;
        xz[xlen - 13] ^= 1;
        assert_int_equal(unxz(xz, xlen, out, len, &out_len), -EINVAL);
        xz[xlen - 13] ^= 1;
        xz[xlen - 12] ^= 1;
        assert_int_equal(unxz(xz, xlen, out, len, &out_len), -EINVAL);
        free(xz);
    }
    free(out);
    free(d);
}

/*
 * A minimal LZMA range encoder, enough to write chosen decisions when
 * every probability used is a fresh one (1024).
 */
struct renc {
    uint8_t buf[256];
    size_t len;
    uint64_t low;
    uint32_t range;
    uint8_t cache;
    size_t cache_size;
};

static void renc_shift(struct renc *e)
{
    if ( (uint32_t)e->low < 0xff000000U || (e->low >> 32) )
    {
        uint8_t carry = e->low >> 32, c = e->cache;

        do {
            e->buf[e->len++] = c + carry;
            c = 0xff;
        } while ( --e->cache_size );
        e->cache = (uint32_t)e->low >> 24;
    }
    e->cache_size++;
    e->low = (uint32_t)e->low << 8;
}

static void renc_bits(struct renc *e, const char *bits)
{
    for ( ; *bits; bits++ )
    {
        uint32_t bound = (e->range >> 11) * 1024;

        if ( *bits == '0' )
            e->range = bound;
        else
        {
            e->low += bound;
            e->range -= bound;
        }
        while ( e->range < (1U << 24) )
        {
            e->range <<= 8;
            renc_shift(e);
        }
    }
}

/* Wrap one LZMA chunk (lc=3 lp=0 pb=2) in LZMA2 and a CRC32 .xz stream. */
static size_t make_xz(uint8_t *xz, const char *bits, size_t unpacked,
                      const uint8_t *expect)
{
    struct renc e = { .range = 0xffffffffU, .cache_size = 1 };
    size_t n = 0, blk, idx, i;
    uint32_t v;

    renc_bits(&e, bits);
    for ( i = 0; i < 5; i++ )
        renc_shift(&e);

    memcpy(xz, "\xfd" "7zXZ\0\0\x01", 8);
    v = crc32(0, xz + 6, 2);
    memcpy(xz + 8, &v, 4);
    n = 12;
    blk = n;
    /* Block header: 12 bytes, one filter: LZMA2, dict 4 KiB. */
    memcpy(xz + n, "\x02\x00\x21\x01\x00\x00\x00\x00", 8);
    v = crc32(0, xz + n, 8);
    memcpy(xz + n + 8, &v, 4);
    n += 12;
    xz[n++] = 0xe0;
    xz[n++] = (unpacked - 1) >> 8;
    xz[n++] = unpacked - 1;
    xz[n++] = (e.len - 1) >> 8;
    xz[n++] = e.len - 1;
    xz[n++] = 0x5d;
    memcpy(xz + n, e.buf, e.len);
    n += e.len;
    xz[n++] = 0x00;
    i = n - blk;                            /* unpadded, less the check */
    while ( n & 3 )
        xz[n++] = 0;
    v = crc32(0, expect, unpacked);
    memcpy(xz + n, &v, 4);
    n += 4;
    idx = n;
    xz[n++] = 0;
    xz[n++] = 1;
    xz[n++] = i + 4;                        /* < 128 here */
    xz[n++] = unpacked;
    while ( n & 3 )
        xz[n++] = 0;
    v = crc32(0, xz + idx, n - idx);
    memcpy(xz + n, &v, 4);
    n += 4;
    v = (n - idx) / 4 - 1;
    memcpy(xz + n + 4, &v, 4);
    memcpy(xz + n + 8, "\x00\x01YZ", 4);
    v = crc32(0, xz + n + 4, 6);
    memcpy(xz + n, &v, 4);
    return n + 12;
}

/*
 * Decisions, each on a fresh probability: literal 'A' (is_match 0, then
 * 01000001 in the literal tree), then a match (is_match 1, is_rep 0) of
 * length 2 (choice 0, low tree 000) at distance slot 'slot'.
 */
#define LIT_A       "0" "01000001"
#define MATCH_LEN2  "1" "0" "0" "000"

static void test_crafted(void **state)
{
    uint8_t xz[512], out[16];
    size_t n, out_len;

    /* Slot 0 = distance 1: "AAA". */
    n = make_xz(xz, LIT_A MATCH_LEN2 "000000", 3, (const uint8_t *)"AAA");
    assert_int_equal(unxz(xz, n, out, sizeof(out), &out_len), 0);
    assert_int_equal(out_len, 3);
    assert_memory_equal(out, "AAA", 3);

    /* Slot 3 = distance 4, with one byte decoded: before the start. */
    n = make_xz(xz, LIT_A MATCH_LEN2 "000011", 3, (const uint8_t *)"AAA");
    assert_int_equal(unxz(xz, n, out, sizeof(out), &out_len), -EINVAL);

    /* A match first of all (is_match 1, is_rep 0): nothing behind it. */
    n = make_xz(xz, MATCH_LEN2 "000000", 2, (const uint8_t *)"AA");
    assert_int_equal(unxz(xz, n, out, sizeof(out), &out_len), -EINVAL);

    /* Short rep (1 1 0 0) at position 0. */
    n = make_xz(xz, "1100", 1, (const uint8_t *)"A");
    assert_int_equal(unxz(xz, n, out, sizeof(out), &out_len), -EINVAL);

    /* Match longer than the chunk: 'A' + len 2 in a 2-byte chunk. */
    n = make_xz(xz, LIT_A MATCH_LEN2 "000000", 2, (const uint8_t *)"AA");
    assert_int_equal(unxz(xz, n, out, sizeof(out), &out_len), -EINVAL);

    /* Output buffer of 2 for 3 bytes. */
    n = make_xz(xz, LIT_A MATCH_LEN2 "000000", 3, (const uint8_t *)"AAA");
    assert_int_equal(unxz(xz, n, out, 2, &out_len), -ENOSPC);
}

static void test_garbage(void **state)
{
    uint8_t buf[4096], out[65536];
    size_t out_len;
    unsigned int i, j;

    assert_int_equal(unxz("", 0, out, sizeof(out), &out_len), -EINVAL);
    assert_int_equal(unxz_out_size("", 0, &out_len), -EINVAL);

    /* A valid stream header followed by random bytes. */
    rng_seed(42);
    for ( i = 0; i < 500; i++ )
    {
        size_t n = 12 + rng_below(sizeof(buf) - 12);
        uint32_t v = crc32(0, "\0\x01", 2);

        for ( j = 12; j < n; j++ )
            buf[j] = rng_next() >> 24;

        memcpy(buf, "\xfd" "7zXZ\0\0\x01", 8);
        memcpy(buf + 8, &v, 4);
        assert_true(unxz(buf, n, out, sizeof(out), &out_len) < 0);
    }
}

static void test_crc64(void **state)
{
    /* The CRC-64/XZ check value. */
    assert_true(crc64(0, "123456789", 9) == 0x995dc9bbdf1939faULL);
    assert_true(crc64(crc64(0, "1234", 4), "56789", 5) ==
                0x995dc9bbdf1939faULL);
}

int main(void)
{
#define T(name) UNIT_TEST(unxz, name, NULL, NULL)
    static const struct CMUnitTest tests[] = {
        T(crc64),
        T(sizes_and_options),
        T(bcj_real_code),
        T(multi_block_and_streams),
        T(unsupported_check),
        T(truncated),
        T(bit_flips),
        T(wrong_check),
        T(crafted),
        T(garbage),
    };
#undef T

    return cmocka_run_group_tests_name("unxz", tests, tool_setup,
                                       tool_teardown);
}
