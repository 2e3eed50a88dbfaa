/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gzip container (RFC 1952) and DEFLATE decoder (RFC 1951) for whole
 * buffers, plus the CRC-32 that gzip and .xz share.
 */

#include <xen/errno.h>
#include <xen/inflate.h>
#include <xen/lib.h>
#include <xen/string.h>
#include <xen/types.h>

/* ---- CRC-32 ---------------------------------------------------------- */

#define CRC32_POLY 0xedb88320U

/* Eight tables: eight input bytes per step ("slicing by 8"). */
static u32 crc32_tab[8][256];
static bool crc32_ready;

static void crc32_init(void)
{
    unsigned int i, k;

    for ( i = 0; i < 256; i++ )
    {
        u32 c = i;

        for ( k = 0; k < 8; k++ )
            c = (c >> 1) ^ (CRC32_POLY & -(c & 1));
        crc32_tab[0][i] = c;
    }
    for ( i = 0; i < 256; i++ )
        for ( k = 1; k < 8; k++ )
            crc32_tab[k][i] = (crc32_tab[k - 1][i] >> 8) ^
                              crc32_tab[0][crc32_tab[k - 1][i] & 0xff];
    crc32_ready = true;
}

static inline u32 get_le32(const u8 *p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | ((u32)p[3] << 24);
}

u32 crc32(u32 crc, const void *buf, size_t len)
{
    const u8 *p = buf;

    if ( unlikely(!crc32_ready) )
        crc32_init();

    crc = ~crc;
    for ( ; len && ((uintptr_t)p & 7); len-- )
        crc = (crc >> 8) ^ crc32_tab[0][(crc ^ *p++) & 0xff];
    for ( ; len >= 8; len -= 8, p += 8 )
    {
        u32 a = crc ^ get_le32(p), b = get_le32(p + 4);

        crc = crc32_tab[7][a & 0xff] ^ crc32_tab[6][(a >> 8) & 0xff] ^
              crc32_tab[5][(a >> 16) & 0xff] ^ crc32_tab[4][a >> 24] ^
              crc32_tab[3][b & 0xff] ^ crc32_tab[2][(b >> 8) & 0xff] ^
              crc32_tab[1][(b >> 16) & 0xff] ^ crc32_tab[0][b >> 24];
    }
    for ( ; len; len-- )
        crc = (crc >> 8) ^ crc32_tab[0][(crc ^ *p++) & 0xff];

    return ~crc;
}

/* ---- DEFLATE --------------------------------------------------------- */

#define MAX_BITS    15      /* longest Huffman code */
#define FAST_BITS   9       /* codes this short decode by one lookup */
#define NR_LITLEN   288
#define NR_DIST     32
#define NR_CLEN     19

/*
 * A canonical Huffman code.  fast[] is indexed by the next FAST_BITS
 * input bits and holds (symbol << 4) | length, or 0 when the code is
 * longer; count[]/symbol[] drive the bit-at-a-time slow path.
 */
struct huff {
    u16 fast[1 << FAST_BITS];
    u16 count[MAX_BITS + 1];
    u16 symbol[NR_LITLEN];
};

struct inflate {
    const u8 *in, *in_end;
    u64 bits;               /* unread input bits, LSB first */
    unsigned int nbits;
    u8 *out;
    size_t pos, max;
    struct huff lit, dist;
};

static const u16 len_base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const u8 len_extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const u16 dist_base[30] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
};
static const u8 dist_extra[30] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};
/* Order in which code length code lengths are sent. */
static const u8 clen_order[NR_CLEN] = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/* Top up the bit buffer to at least 57 bits, or to the end of input. */
static inline void refill(struct inflate *s)
{
    while ( s->nbits <= 56 && s->in < s->in_end )
    {
        s->bits |= (u64)*s->in++ << s->nbits;
        s->nbits += 8;
    }
}

/* Take n (<= 32) bits; false if the input ran out. */
static inline bool getbits(struct inflate *s, unsigned int n, u32 *v)
{
    if ( unlikely(s->nbits < n) )
    {
        refill(s);
        if ( s->nbits < n )
            return false;
    }
    *v = s->bits & ((1ULL << n) - 1);
    s->bits >>= n;
    s->nbits -= n;
    return true;
}

/*
 * Build a code from lengths[0..n).  Over-subscribed sets are corrupt;
 * incomplete ones are accepted, their unused codes failing to decode.
 */
static int huff_build(struct huff *h, const u8 *lengths, unsigned int n)
{
    u16 offs[MAX_BITS + 2];
    unsigned int i, len;
    int left = 1;
    u32 code = 0;

    memset(h->count, 0, sizeof(h->count));
    memset(h->fast, 0, sizeof(h->fast));
    for ( i = 0; i < n; i++ )
        h->count[lengths[i]]++;
    h->count[0] = 0;

    for ( len = 1; len <= MAX_BITS; len++ )
    {
        left = (left << 1) - h->count[len];
        if ( left < 0 )
            return -EINVAL;
    }

    offs[1] = 0;
    for ( len = 1; len <= MAX_BITS; len++ )
        offs[len + 1] = offs[len] + h->count[len];
    for ( i = 0; i < n; i++ )
        if ( lengths[i] )
            h->symbol[offs[lengths[i]]++] = i;

    /*
     * Walk the symbols in canonical order: codes of each length are
     * consecutive.  DEFLATE sends codes MSB first, so the table index is
     * the bit-reversed code.
     */
    i = 0;
    for ( len = 1; len <= FAST_BITS; len++ )
    {
        unsigned int k;

        for ( k = 0; k < h->count[len]; k++, i++, code++ )
        {
            unsigned int rev = 0, b, idx;

            for ( b = 0; b < len; b++ )
                rev |= ((code >> b) & 1) << (len - 1 - b);
            for ( idx = rev; idx < (1U << FAST_BITS); idx += 1U << len )
                h->fast[idx] = (h->symbol[i] << 4) | len;
        }
        code <<= 1;
    }

    return 0;
}

/* Next symbol of code h, or -1 for truncated input or an unused code. */
static inline int huff_decode(struct inflate *s, const struct huff *h)
{
    unsigned int e, len, idx = 0, first = 0, code = 0;
    u64 bits;

    if ( s->nbits < MAX_BITS )
        refill(s);

    e = h->fast[s->bits & ((1U << FAST_BITS) - 1)];
    if ( likely(e) )
    {
        len = e & 15;
        if ( unlikely(len > s->nbits) )
            return -1;
        s->bits >>= len;
        s->nbits -= len;
        return e >> 4;
    }

    /* Canonical decode, one bit at a time. */
    bits = s->bits;
    for ( len = 1; len <= MAX_BITS && len <= s->nbits; len++ )
    {
        unsigned int cnt = h->count[len];

        code |= bits & 1;
        bits >>= 1;
        if ( code - first < cnt )
        {
            s->bits = bits;
            s->nbits -= len;
            return h->symbol[idx + code - first];
        }
        idx += cnt;
        first = (first + cnt) << 1;
        code <<= 1;
    }

    return -1;
}

static int build_fixed(struct inflate *s)
{
    u8 lengths[NR_LITLEN];
    unsigned int i;

    for ( i = 0; i < 144; i++ )
        lengths[i] = 8;
    for ( ; i < 256; i++ )
        lengths[i] = 9;
    for ( ; i < 280; i++ )
        lengths[i] = 7;
    for ( ; i < NR_LITLEN; i++ )
        lengths[i] = 8;
    if ( huff_build(&s->lit, lengths, NR_LITLEN) )
        return -EINVAL;

    for ( i = 0; i < NR_DIST; i++ )
        lengths[i] = 5;

    return huff_build(&s->dist, lengths, NR_DIST);
}

static int build_dynamic(struct inflate *s)
{
    u8 lengths[NR_LITLEN + NR_DIST];
    u32 hlit, hdist, hclen, v;
    unsigned int i, n;
    int sym;

    if ( !getbits(s, 5, &hlit) || !getbits(s, 5, &hdist) ||
         !getbits(s, 4, &hclen) )
        return -EINVAL;
    hlit += 257;
    hdist += 1;
    hclen += 4;
    if ( hlit > 286 || hdist > 30 )
        return -EINVAL;

    memset(lengths, 0, NR_CLEN);
    for ( i = 0; i < hclen; i++ )
    {
        if ( !getbits(s, 3, &v) )
            return -EINVAL;
        lengths[clen_order[i]] = v;
    }
    /* The code-length code lives in s->dist until the real one. */
    if ( huff_build(&s->dist, lengths, NR_CLEN) )
        return -EINVAL;

    for ( n = 0; n < hlit + hdist; )
    {
        unsigned int rep, val;

        sym = huff_decode(s, &s->dist);
        if ( sym < 0 )
            return -EINVAL;
        if ( sym < 16 )
        {
            lengths[n++] = sym;
            continue;
        }
        if ( sym == 16 )
        {
            if ( !n || !getbits(s, 2, &v) )
                return -EINVAL;
            val = lengths[n - 1];
            rep = 3 + v;
        }
        else if ( sym == 17 )
        {
            if ( !getbits(s, 3, &v) )
                return -EINVAL;
            val = 0;
            rep = 3 + v;
        }
        else
        {
            if ( !getbits(s, 7, &v) )
                return -EINVAL;
            val = 0;
            rep = 11 + v;
        }
        if ( rep > hlit + hdist - n )
            return -EINVAL;
        while ( rep-- )
            lengths[n++] = val;
    }

    /* A block that cannot end is corrupt. */
    if ( !lengths[256] )
        return -EINVAL;
    if ( huff_build(&s->lit, lengths, hlit) ||
         huff_build(&s->dist, lengths + hlit, hdist) )
        return -EINVAL;

    return 0;
}

static int inflate_codes(struct inflate *s)
{
    u8 *out = s->out;
    size_t pos = s->pos;
    int rc = -EINVAL;

    for ( ;; )
    {
        int sym = huff_decode(s, &s->lit);
        u32 len, dist, v;

        if ( sym < 256 )
        {
            if ( unlikely(sym < 0) )
                goto out;
            if ( unlikely(pos >= s->max) )
            {
                rc = -ENOSPC;
                goto out;
            }
            out[pos++] = sym;
            continue;
        }
        if ( sym == 256 )
            break;

        sym -= 257;
        if ( unlikely(sym >= 29) || !getbits(s, len_extra[sym], &v) )
            goto out;
        len = len_base[sym] + v;

        sym = huff_decode(s, &s->dist);
        if ( unlikely(sym < 0 || sym >= 30) ||
             !getbits(s, dist_extra[sym], &v) )
            goto out;
        dist = dist_base[sym] + v;

        if ( unlikely(dist > pos) )
            goto out;
        if ( unlikely(len > s->max - pos) )
        {
            rc = -ENOSPC;
            goto out;
        }
        if ( dist >= len )
            memcpy(out + pos, out + pos - dist, len);
        else
        {
            /* Overlapping: a byte at a time repeats the pattern. */
            const u8 *from = out + pos - dist;
            u8 *to = out + pos;
            u32 n = len;

            while ( n-- )
                *to++ = *from++;
        }
        pos += len;
    }
    rc = 0;

 out:
    s->pos = pos;
    return rc;
}

static int inflate_stored(struct inflate *s)
{
    size_t len;

    /* Drop the rest of this byte; give back whole buffered bytes. */
    s->bits >>= s->nbits & 7;
    s->nbits &= ~7U;
    s->in -= s->nbits / 8;
    s->bits = 0;
    s->nbits = 0;

    if ( s->in_end - s->in < 4 )
        return -EINVAL;
    len = s->in[0] | (s->in[1] << 8);
    if ( (size_t)(s->in[2] | (s->in[3] << 8)) != (~len & 0xffff) )
        return -EINVAL;
    s->in += 4;
    if ( (size_t)(s->in_end - s->in) < len )
        return -EINVAL;
    if ( len > s->max - s->pos )
        return -ENOSPC;
    memcpy(s->out + s->pos, s->in, len);
    s->in += len;
    s->pos += len;

    return 0;
}

int inflate_raw(const void *in, size_t in_len, size_t *in_used,
                void *out, size_t out_max, size_t *out_len)
{
    struct inflate s;
    u32 last, type;
    int rc;

    s.in = in;
    s.in_end = s.in + in_len;
    s.bits = 0;
    s.nbits = 0;
    s.out = out;
    s.pos = 0;
    s.max = out_max;

    do {
        if ( !getbits(&s, 1, &last) || !getbits(&s, 2, &type) )
            return -EINVAL;
        switch ( type )
        {
        case 0:
            rc = inflate_stored(&s);
            break;
        case 1:
            rc = build_fixed(&s) ?: inflate_codes(&s);
            break;
        case 2:
            rc = build_dynamic(&s) ?: inflate_codes(&s);
            break;
        default:
            rc = -EINVAL;
            break;
        }
        if ( rc )
            return rc;
    } while ( !last );

    /* Whole bytes still buffered were not part of the stream. */
    s.in -= s.nbits / 8;
    if ( in_used )
        *in_used = s.in - (const u8 *)in;
    *out_len = s.pos;

    return 0;
}

/* ---- gzip ------------------------------------------------------------ */

#define GZ_FTEXT     0x01
#define GZ_FHCRC     0x02
#define GZ_FEXTRA    0x04
#define GZ_FNAME     0x08
#define GZ_FCOMMENT  0x10
#define GZ_RESERVED  0xe0

/* Length of the member header at p, or a negative errno. */
static long gzip_header(const u8 *p, size_t len)
{
    size_t off = 10;
    u8 flags;

    if ( len < 10 || p[0] != 0x1f || p[1] != 0x8b )
        return -EINVAL;
    if ( p[2] != 8 )                        /* CM: only "deflate" exists */
        return -EOPNOTSUPP;
    flags = p[3];
    if ( flags & GZ_RESERVED )
        return -EINVAL;

    if ( flags & GZ_FEXTRA )
    {
        size_t xlen;

        if ( len - off < 2 )
            return -EINVAL;
        xlen = p[off] | (p[off + 1] << 8);
        off += 2;
        if ( len - off < xlen )
            return -EINVAL;
        off += xlen;
    }
    if ( flags & GZ_FNAME )
    {
        const u8 *nul = memchr(p + off, 0, len - off);

        if ( !nul )
            return -EINVAL;
        off = nul - p + 1;
    }
    if ( flags & GZ_FCOMMENT )
    {
        const u8 *nul = memchr(p + off, 0, len - off);

        if ( !nul )
            return -EINVAL;
        off = nul - p + 1;
    }
    if ( flags & GZ_FHCRC )
    {
        if ( len - off < 2 )
            return -EINVAL;
        if ( (crc32(0, p, off) & 0xffff) != (u32)(p[off] | (p[off + 1] << 8)) )
            return -EINVAL;
        off += 2;
    }

    return off;
}

int gunzip(const void *in, size_t in_len, void *out, size_t out_max,
           size_t *out_len)
{
    const u8 *p = in;
    long hdr = gzip_header(p, in_len);
    size_t used, len;
    int rc;

    if ( hdr < 0 )
        return hdr;

    rc = inflate_raw(p + hdr, in_len - hdr, &used, out, out_max, &len);
    if ( rc )
        return rc;

    p += hdr + used;
    if ( in_len - hdr - used < 8 )
        return -EINVAL;
    if ( get_le32(p) != crc32(0, out, len) ||
         get_le32(p + 4) != (u32)len )
        return -EINVAL;

    *out_len = len;

    return 0;
}

int gzip_isize(const void *in, size_t in_len, size_t *size)
{
    const u8 *p = in;

    /* Header (10) + an empty final block (2) + trailer (8). */
    if ( in_len < 18 || p[0] != 0x1f || p[1] != 0x8b )
        return -EINVAL;
    *size = get_le32(p + in_len - 4);

    return 0;
}
