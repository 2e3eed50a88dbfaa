/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for common/decompress.c: format dispatch and bzImage. */

#include "harness.h"
#include "../../xen/common/inflate.c"
#include "../../xen/common/unxz.c"
#include "../../xen/common/decompress.c"
#include "tool_data.h"

static void test_dispatch(void **state)
{
    static const char *const cmds[] = {
        "gzip -n -c", "xz --check=crc32 --x86 --lzma2=dict=32MiB -c",
    };
    size_t len = 100000, clen, out_len, sz;
    uint8_t *d = make_data(DATA_CODE, len, 1), *out = malloc(len);
    unsigned int c;

    for ( c = 0; c < ARRAY_SIZE(cmds); c++ )
    {
        uint8_t *z = tool_filter(cmds[c], d, len, &clen);

        assert_true(decompress_known(z, clen));
        assert_int_equal(decompress_out_size(z, clen, &sz), 0);
        assert_int_equal(sz, len);
        assert_int_equal(decompress(z, clen, out, len, &out_len), 0);
        assert_int_equal(out_len, len);
        assert_memory_equal(out, d, len);
        assert_int_equal(decompress(z, clen, out, len - 1, &out_len),
                         -ENOSPC);
        z[clen / 2] ^= 0x10;
        assert_true(decompress(z, clen, out, len, &out_len) < 0);
        free(z);
    }

    /* Unknown formats, including bzip2 and empty input. */
    assert_false(decompress_known("BZh91AY", 7));
    assert_int_equal(decompress("BZh91AY", 7, out, len, &out_len),
                     -EOPNOTSUPP);
    assert_int_equal(decompress("", 0, out, len, &out_len), -EOPNOTSUPP);
    assert_int_equal(decompress("\x1f", 1, out, len, &out_len),
                     -EOPNOTSUPP);
    assert_int_equal(decompress_out_size("\x89PNG", 4, &sz), -EOPNOTSUPP);
    free(out);
    free(d);
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

/*
 * A fake bzImage: boot sector and setup_sects sectors of setup code,
 * then a protected-mode part holding the payload at payload_offset.
 */
static uint8_t *make_bzimage(unsigned int sects, uint32_t off,
                             const uint8_t *payload, uint32_t plen,
                             size_t *len)
{
    size_t setup = ((sects ? sects : 4) + 1) * 512;
    uint8_t *img = calloc(1, setup + off + plen + 100);

    img[0x1f1] = sects;
    img[0x1fe] = 0x55;
    img[0x1ff] = 0xaa;
    memcpy(img + 0x202, "HdrS", 4);
    img[0x206] = 0x0f;
    img[0x207] = 0x02;
    put32(img + 0x248, off);
    put32(img + 0x24c, plen);
    memset(img + setup, 0xcc, off);
    memcpy(img + setup + off, payload, plen);
    memset(img + setup + off + plen, 0xdd, 100);
    *len = setup + off + plen + 100;
    return img;
}

static void test_bzimage(void **state)
{
    size_t len = 200000, clen, ilen, out_len, plen;
    uint8_t *d = make_data(DATA_CODE, len, 2), *out = malloc(len);
    uint8_t *z = tool_filter("xz --check=crc32 --x86 --lzma2=dict=32MiB -c",
                             d, len, &clen);
    uint8_t *kern = malloc(clen + 4), *img;
    const void *payload;
    unsigned int sects;

    /* Like Linux: the xz stream, then the size as 4 bytes. */
    memcpy(kern, z, clen);
    put32(kern + clen, len);

    for ( sects = 0; sects < 40; sects += 13 )
    {
        img = make_bzimage(sects, 716, kern, clen + 4, &ilen);
        assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), 0);
        assert_ptr_equal(payload,
                         img + ((sects ? sects : 4) + 1) * 512 + 716);
        assert_int_equal(plen, clen + 4);
        assert_int_equal(decompress_out_size(payload, plen, &out_len), 0);
        assert_int_equal(out_len, len);
        assert_int_equal(decompress(payload, plen, out, len, &out_len), 0);
        assert_memory_equal(out, d, len);
        free(img);
    }

    img = make_bzimage(39, 716, kern, clen + 4, &ilen);

    /* Exactly fits, then one byte short. */
    assert_int_equal(bzimage_payload(img, ilen - 100, &payload, &plen), 0);
    assert_int_equal(bzimage_payload(img, ilen - 101, &payload, &plen),
                     -EINVAL);

    /* Old boot protocol, bad magic. */
    img[0x206] = 0x07;
    assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), -EINVAL);
    img[0x206] = 0x0f;
    img[0x203] = 'x';
    assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), -EINVAL);
    img[0x203] = 'd';

    /* Offset or length past the end, wrapping, or empty. */
    put32(img + 0x248, 0xffffffff);
    assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), -EINVAL);
    put32(img + 0x248, 716);
    put32(img + 0x24c, 0xfffffff0);
    assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), -EINVAL);
    put32(img + 0x24c, 0);
    assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), -EINVAL);
    put32(img + 0x24c, clen + 4);

    /* Header cut short. */
    assert_int_equal(bzimage_payload(img, 0x24f, &payload, &plen), -EINVAL);
    assert_int_equal(bzimage_payload(img, 0, &payload, &plen), -EINVAL);

    /* setup_sects pushing the payload past the end. */
    img[0x1f1] = 255;
    assert_int_equal(bzimage_payload(img, ilen, &payload, &plen), -EINVAL);

    free(img);
    free(kern);
    free(z);
    free(out);
    free(d);
}

int main(void)
{
#define T(name) UNIT_TEST(decompress, name, NULL, NULL)
    static const struct CMUnitTest tests[] = {
        T(dispatch),
        T(bzimage),
    };
#undef T

    return cmocka_run_group_tests_name("decompress", tests, tool_setup,
                                       tool_teardown);
}
