/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for common/inflate.c against the host's gzip, and crafted. */

#include "harness.h"
#include "../../xen/common/inflate.c"
#include "tool_data.h"

static void roundtrip(const char *cmd, const uint8_t *data, size_t len)
{
    size_t glen, out_len = 777, sz;
    uint8_t *gz = tool_filter(cmd, data, len, &glen);
    uint8_t *out = malloc(len + 1);

    assert_int_equal(gunzip(gz, glen, out, len, &out_len), 0);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, data, len);
    assert_int_equal(gzip_isize(gz, glen, &sz), 0);
    assert_int_equal(sz, len);
    if ( len )
        assert_int_equal(gunzip(gz, glen, out, len - 1, &out_len), -ENOSPC);
    free(out);
    free(gz);
}

static void test_crc32(void **state)
{
    assert_int_equal(crc32(0, "123456789", 9), 0xcbf43926);
    assert_int_equal(crc32(crc32(0, "1234", 4), "56789", 5), 0xcbf43926);
    assert_int_equal(crc32(0, "", 0), 0);
}

static void test_sizes_and_levels(void **state)
{
    static const size_t sizes[] = { 0, 1, 64 << 10, 3 << 20 };
    static const char *const cmds[] = {
        "gzip -n -c", "gzip -1 -n -c", "gzip -9 -n -c",
    };
    unsigned int s, k, c;

    for ( s = 0; s < ARRAY_SIZE(sizes); s++ )
        for ( k = DATA_RANDOM; k <= DATA_ZERO; k++ )
            for ( c = 0; c < ARRAY_SIZE(cmds); c++ )
            {
                uint8_t *d = make_data(k, sizes[s], s * 10 + k);

                roundtrip(cmds[c], d, sizes[s]);
                free(d);
            }
}

/* Every optional header field, with a valid header CRC. */
static void test_header_fields(void **state)
{
    size_t len = 10000, glen, out_len, n;
    uint8_t *d = make_data(DATA_TEXT, len, 2), *out = malloc(len);
    uint8_t *gz = tool_filter("gzip -n -c", d, len, &glen);
    uint8_t *big = malloc(glen + 64);
    uint32_t crc;

    memcpy(big, gz, 10);
    big[3] = GZ_FTEXT | GZ_FEXTRA | GZ_FNAME | GZ_FCOMMENT | GZ_FHCRC;
    n = 10;
    memcpy(big + n, "\x04\x00" "AB\x00\x00" "name\0" "comment\0", 19);
    n += 19;
    crc = crc32(0, big, n);
    big[n++] = crc;
    big[n++] = crc >> 8;
    memcpy(big + n, gz + 10, glen - 10);
    n += glen - 10;
    assert_int_equal(gunzip(big, n, out, len, &out_len), 0);
    assert_memory_equal(out, d, len);

    big[28] ^= 1;           /* header CRC no longer matches */
    assert_int_equal(gunzip(big, n, out, len, &out_len), -EINVAL);
    big[28] ^= 1;
    big[3] |= 0x20;         /* reserved flag */
    assert_int_equal(gunzip(big, n, out, len, &out_len), -EINVAL);
    big[3] &= ~0x20;
    big[2] = 7;             /* not deflate */
    assert_int_equal(gunzip(big, n, out, len, &out_len), -EOPNOTSUPP);

    /* Unterminated name. */
    memcpy(big, gz, 10);
    big[3] = GZ_FNAME;
    memset(big + 10, 'x', 20);
    assert_int_equal(gunzip(big, 30, out, len, &out_len), -EINVAL);

    free(big);
    free(gz);
    free(out);
    free(d);
}

static void test_truncated(void **state)
{
    size_t len = 3000, glen, out_len, n;
    uint8_t *d = make_data(DATA_TEXT, len, 3), *out = malloc(len);
    uint8_t *gz = tool_filter("gzip -n -c", d, len, &glen);

    for ( n = 0; n < glen; n++ )
    {
        uint8_t *cut = malloc(n ? n : 1);

        memcpy(cut, gz, n);
        assert_true(gunzip(cut, n, out, len, &out_len) < 0);
        free(cut);
    }
    free(gz);
    free(out);
    free(d);
}

static void test_bit_flips(void **state)
{
    size_t len = 20000, glen, out_len;
    uint8_t *d = make_data(DATA_TEXT, len, 4), *out = malloc(len);
    uint8_t *gz = tool_filter("gzip -n -c", d, len, &glen);
    uint8_t *bad = malloc(glen);
    unsigned int i, ok = 0;

    rng_seed(1234);
    for ( i = 0; i < 4000; i++ )
    {
        int rc;

        memcpy(bad, gz, glen);
        bad[10 + rng_below(glen - 10)] ^= 1 << rng_below(8);
        if ( rng_below(2) )
            bad[10 + rng_below(glen - 10)] ^= 1 << rng_below(8);
        rc = gunzip(bad, glen, out, len, &out_len);
        if ( !rc )
        {
            assert_int_equal(out_len, len);
            assert_memory_equal(out, d, len);
            ok++;
        }
        else
            assert_true(rc == -EINVAL || rc == -ENOSPC);
    }
    print_message("%u/4000 corrupted streams still decoded right\n", ok);
    free(bad);
    free(gz);
    free(out);
    free(d);
}

static void test_wrong_trailer(void **state)
{
    size_t len = 5000, glen, out_len;
    uint8_t *d = make_data(DATA_CODE, len, 5), *out = malloc(len);
    uint8_t *gz = tool_filter("gzip -n -c", d, len, &glen);

    gz[glen - 8] ^= 1;      /* CRC32 */
    assert_int_equal(gunzip(gz, glen, out, len, &out_len), -EINVAL);
    gz[glen - 8] ^= 1;
    gz[glen - 4] ^= 1;      /* ISIZE */
    assert_int_equal(gunzip(gz, glen, out, len, &out_len), -EINVAL);
    gz[glen - 4] ^= 1;
    assert_int_equal(gunzip(gz, glen, out, len, &out_len), 0);
    free(gz);
    free(out);
    free(d);
}

/* A little LSB-first bit writer for hand-made DEFLATE streams. */
struct bitw {
    uint8_t buf[256];
    size_t bits;
};

static void put(struct bitw *w, uint32_t v, unsigned int n)
{
    while ( n-- )
    {
        if ( v & 1 )
            w->buf[w->bits / 8] |= 1 << (w->bits % 8);
        w->bits++;
        v >>= 1;
    }
}

/* A Huffman code goes MSB first. */
static void put_code(struct bitw *w, uint32_t code, unsigned int n)
{
    while ( n-- )
        put(w, code >> n, 1);
}

static void put_fixed_lit(struct bitw *w, unsigned int sym)
{
    if ( sym < 144 )
        put_code(w, 0x30 + sym, 8);
    else if ( sym < 256 )
        put_code(w, 0x190 + sym - 144, 9);
    else if ( sym < 280 )
        put_code(w, sym - 256, 7);
    else
        put_code(w, 0xc0 + sym - 280, 8);
}

static int raw(struct bitw *w, uint8_t *out, size_t max, size_t *len)
{
    size_t used;

    return inflate_raw(w->buf, (w->bits + 7) / 8, &used, out, max, len);
}

static void test_crafted(void **state)
{
    struct bitw w;
    uint8_t out[600];
    size_t len;

    /* Fixed block: 'a', then length 258 at distance 1, end. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 1, 2);
    put_fixed_lit(&w, 'a');
    put_fixed_lit(&w, 285);
    put_code(&w, 0, 5);
    put_fixed_lit(&w, 256);
    assert_int_equal(raw(&w, out, sizeof(out), &len), 0);
    assert_int_equal(len, 259);
    assert_int_equal(out[0], 'a');
    assert_int_equal(out[258], 'a');
    assert_int_equal(raw(&w, out, 258, &len), -ENOSPC);

    /* Distance 2 with one byte out: before the start. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 1, 2);
    put_fixed_lit(&w, 'a');
    put_fixed_lit(&w, 257);
    put_code(&w, 1, 5);
    put_fixed_lit(&w, 256);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);

    /* Length symbol 286 and distance symbol 30 do not exist. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 1, 2);
    put_fixed_lit(&w, 286);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 1, 2);
    put_fixed_lit(&w, 'a');
    put_fixed_lit(&w, 257);
    put_code(&w, 30, 5);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);

    /* Block type 3. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 3, 2);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);

    /* Stored block with NLEN not the complement of LEN. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 0, 2);
    put(&w, 0, 5);
    put(&w, 3, 16);
    put(&w, 0xfff0, 16);
    put(&w, 0x636261, 24);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 0, 2);
    put(&w, 0, 5);
    put(&w, 3, 16);
    put(&w, 0xfffc, 16);
    put(&w, 0x636261, 24);
    assert_int_equal(raw(&w, out, sizeof(out), &len), 0);
    assert_int_equal(len, 3);
    assert_memory_equal(out, "abc", 3);

    /* Dynamic block: HLIT 287 is out of range. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 2, 2);
    put(&w, 30, 5);
    put(&w, 0, 5);
    put(&w, 0, 4);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);

    /* Over-subscribed code length code: 5 codes of length 1. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 2, 2);
    put(&w, 0, 5);
    put(&w, 0, 5);
    put(&w, 1, 4);
    put(&w, 1, 3);
    put(&w, 1, 3);
    put(&w, 1, 3);
    put(&w, 1, 3);
    put(&w, 1, 3);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);

    /* Repeat code 16 with nothing to repeat. */
    memset(&w, 0, sizeof(w));
    put(&w, 1, 1);
    put(&w, 2, 2);
    put(&w, 0, 5);
    put(&w, 0, 5);
    put(&w, 0, 4);
    put(&w, 1, 3);          /* symbol 16: length 1 */
    put(&w, 1, 3);          /* symbol 17: length 1 */
    put(&w, 0, 3);
    put(&w, 0, 3);
    put_code(&w, 0, 1);     /* first symbol: 16 */
    put(&w, 0, 2);
    assert_int_equal(raw(&w, out, sizeof(out), &len), -EINVAL);
}

static void test_isize(void **state)
{
    size_t sz;

    assert_int_equal(gzip_isize("\x1f\x8b", 2, &sz), -EINVAL);
    assert_int_equal(gzip_isize("\x1f\x8c\x08\0\0\0\0\0\0\x03\x03\0"
                                "\0\0\0\0\0\0\0\0", 20, &sz), -EINVAL);
    assert_int_equal(gzip_isize("\x1f\x8b\x08\0\0\0\0\0\0\x03\x03\0"
                                "\0\0\0\0\x34\x12\0\0", 20, &sz), 0);
    assert_int_equal(sz, 0x1234);
}

int main(void)
{
#define T(name) UNIT_TEST(inflate, name, NULL, NULL)
    static const struct CMUnitTest tests[] = {
        T(crc32),
        T(sizes_and_levels),
        T(header_fields),
        T(truncated),
        T(bit_flips),
        T(wrong_trailer),
        T(crafted),
        T(isize),
    };
#undef T

    return cmocka_run_group_tests_name("inflate", tests, tool_setup,
                                       tool_teardown);
}
