/* SPDX-License-Identifier: GPL-2.0-only */
/* Pick a decoder by magic number; find the payload inside a bzImage. */

#include <xen/decompress.h>
#include <xen/errno.h>
#include <xen/inflate.h>
#include <xen/lib.h>
#include <xen/string.h>
#include <xen/types.h>
#include <xen/unxz.h>

static const u8 gzip_sig[2] = { 0x1f, 0x8b };
static const u8 xz_sig[6] = { 0xfd, '7', 'z', 'X', 'Z', 0x00 };

static bool has_magic(const void *in, size_t len, const u8 *magic,
                      size_t mlen)
{
    return len >= mlen && !memcmp(in, magic, mlen);
}

bool decompress_known(const void *in, size_t len)
{
    return has_magic(in, len, gzip_sig, sizeof(gzip_sig)) ||
           has_magic(in, len, xz_sig, sizeof(xz_sig));
}

int decompress(const void *in, size_t len, void *out, size_t out_max,
               size_t *out_len)
{
    if ( has_magic(in, len, gzip_sig, sizeof(gzip_sig)) )
        return gunzip(in, len, out, out_max, out_len);
    if ( has_magic(in, len, xz_sig, sizeof(xz_sig)) )
        return unxz(in, len, out, out_max, out_len);

    return -EOPNOTSUPP;
}

int decompress_out_size(const void *in, size_t len, size_t *size)
{
    if ( has_magic(in, len, gzip_sig, sizeof(gzip_sig)) )
        return gzip_isize(in, len, size);
    if ( has_magic(in, len, xz_sig, sizeof(xz_sig)) )
        return unxz_out_size(in, len, size);

    return -EOPNOTSUPP;
}

/* Linux boot protocol header fields (Documentation/x86/boot). */
#define BZ_SETUP_SECTS      0x1f1
#define BZ_HEADER_MAGIC     0x202       /* "HdrS" */
#define BZ_VERSION          0x206
#define BZ_PAYLOAD_OFFSET   0x248
#define BZ_PAYLOAD_LENGTH   0x24c
#define BZ_HEADER_END       0x250
#define BZ_MIN_VERSION      0x0208      /* first with payload fields */

static u32 get_le(const u8 *p, unsigned int bytes)
{
    u32 v = 0;

    while ( bytes-- )
        v = (v << 8) | p[bytes];

    return v;
}

int bzimage_payload(const void *image, size_t len, const void **payload,
                    size_t *payload_len)
{
    const u8 *p = image;
    unsigned int sects;
    u64 start, plen;

    if ( len < BZ_HEADER_END || memcmp(p + BZ_HEADER_MAGIC, "HdrS", 4) ||
         get_le(p + BZ_VERSION, 2) < BZ_MIN_VERSION )
        return -EINVAL;

    /* Real-mode setup code: setup_sects sectors after the boot sector. */
    sects = p[BZ_SETUP_SECTS] ?: 4;
    start = (u64)(sects + 1) * 512 + get_le(p + BZ_PAYLOAD_OFFSET, 4);
    plen = get_le(p + BZ_PAYLOAD_LENGTH, 4);
    if ( !plen || start > len || plen > len - start )
        return -EINVAL;

    *payload = p + start;
    *payload_len = plen;

    return 0;
}
