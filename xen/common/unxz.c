/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * .xz container, LZMA2 decoder and x86 BCJ filter, decoding a whole
 * buffer at once: the output buffer is the LZMA dictionary.
 */

#include <xen/errno.h>
#include <xen/inflate.h>
#include <xen/lib.h>
#include <xen/string.h>
#include <xen/types.h>
#include <xen/unxz.h>

/* ---- CRC-64 ---------------------------------------------------------- */

#define CRC64_POLY 0xc96c5795d7870f42ULL

static u64 crc64_tab[256];
static bool crc64_ready;

u64 crc64(u64 crc, const void *buf, size_t len)
{
    const u8 *p = buf;

    if ( unlikely(!crc64_ready) )
    {
        unsigned int i, k;

        for ( i = 0; i < 256; i++ )
        {
            u64 c = i;

            for ( k = 0; k < 8; k++ )
                c = (c >> 1) ^ (CRC64_POLY & -(c & 1));
            crc64_tab[i] = c;
        }
        crc64_ready = true;
    }

    crc = ~crc;
    while ( len-- )
        crc = (crc >> 8) ^ crc64_tab[(crc ^ *p++) & 0xff];

    return ~crc;
}

/* ---- LZMA ------------------------------------------------------------ */

#define NR_STATES       12
#define LIT_STATES      7       /* states below this follow a literal */
#define POS_STATES_MAX  16
#define LEN_LOW_BITS    3
#define LEN_MID_BITS    3
#define LEN_HIGH_BITS   8
#define DIST_STATES     4
#define DIST_SLOT_BITS  6
#define DIST_MODEL_END  14      /* slots from here use direct bits */
#define FULL_DISTANCES  128
#define ALIGN_BITS      4
#define LIT_CODER_SIZE  0x300
#define LC_LP_MAX       4       /* LZMA2 limits lc + lp */

#define PROB_BITS       11
#define PROB_INIT       (1U << (PROB_BITS - 1))
#define MOVE_BITS       5
#define RC_TOP          (1U << 24)

struct len_probs {
    u16 choice;
    u16 choice2;
    u16 low[POS_STATES_MAX][1 << LEN_LOW_BITS];
    u16 mid[POS_STATES_MAX][1 << LEN_MID_BITS];
    u16 high[1 << LEN_HIGH_BITS];
};

/* Only u16 members: reset treats it as an array. Literals last. */
struct lzma_probs {
    u16 is_match[NR_STATES][POS_STATES_MAX];
    u16 is_rep[NR_STATES];
    u16 is_rep0[NR_STATES];
    u16 is_rep1[NR_STATES];
    u16 is_rep2[NR_STATES];
    u16 is_rep0_long[NR_STATES][POS_STATES_MAX];
    u16 dist_slot[DIST_STATES][1 << DIST_SLOT_BITS];
    u16 dist_special[FULL_DISTANCES - DIST_MODEL_END];
    u16 dist_align[1 << ALIGN_BITS];
    struct len_probs match_len;
    struct len_probs rep_len;
    u16 literal[LIT_CODER_SIZE << LC_LP_MAX];
};

struct lzma {
    struct lzma_probs probs;
    unsigned int state;
    u32 rep0, rep1, rep2, rep3;
    unsigned int lc, lp_mask, pb_mask;
    u32 dict_size;
    size_t base;            /* output offset of the last dict reset */
};

/* The decoder state is ~29 KiB: too big for a stack, so static. */
static struct lzma lzma_state;
static int unxz_busy;

static void lzma_reset(struct lzma *l)
{
    u16 *p = (u16 *)&l->probs;
    size_t n = offsetof(struct lzma_probs, literal) / sizeof(u16) +
               (LIT_CODER_SIZE << (l->lc + __builtin_ctz(l->lp_mask + 1)));

    while ( n-- )
        *p++ = PROB_INIT;
    l->state = 0;
    l->rep0 = l->rep1 = l->rep2 = l->rep3 = 0;
}

/* lc/lp/pb from an LZMA2 properties byte; false if invalid. */
static bool lzma_props(struct lzma *l, u8 props)
{
    unsigned int lc, lp, pb;

    if ( props >= 9 * 5 * 5 )
        return false;
    lc = props % 9;
    props /= 9;
    lp = props % 5;
    pb = props / 5;
    if ( lc + lp > LC_LP_MAX )
        return false;
    l->lc = lc;
    l->lp_mask = (1U << lp) - 1;
    l->pb_mask = (1U << pb) - 1;

    return true;
}

/*
 * The range decoder lives in locals of lzma_chunk(); these macros
 * work on them.  A read past the chunk's compressed data is corrupt.
 */
#define RC_NORMALIZE()                                              \
    do {                                                            \
        if ( range < RC_TOP )                                       \
        {                                                           \
            if ( unlikely(ip == ip_end) )                           \
                goto corrupt;                                       \
            range <<= 8;                                            \
            code = (code << 8) | *ip++;                             \
        }                                                           \
    } while ( 0 )

/* Decode one bit with adaptive probability *p into b. */
#define RC_BIT(p, b)                                                \
    do {                                                            \
        u16 *p_ = (p);                                              \
        u32 t_ = *p_, bound_;                                       \
                                                                    \
        RC_NORMALIZE();                                             \
        bound_ = (range >> PROB_BITS) * t_;                         \
        if ( code < bound_ )                                        \
        {                                                           \
            range = bound_;                                         \
            *p_ = t_ + (((1U << PROB_BITS) - t_) >> MOVE_BITS);     \
            (b) = 0;                                                \
        }                                                           \
        else                                                        \
        {                                                           \
            range -= bound_;                                        \
            code -= bound_;                                         \
            *p_ = t_ - (t_ >> MOVE_BITS);                           \
            (b) = 1;                                                \
        }                                                           \
    } while ( 0 )

/* n-bit symbol, MSB first, from the tree of probabilities at probs. */
#define RC_TREE(probs, n, sym)                                      \
    do {                                                            \
        u16 *tp_ = (probs);                                         \
        unsigned int i_;                                            \
        u32 b_;                                                     \
                                                                    \
        (sym) = 1;                                                  \
        for ( i_ = 0; i_ < (n); i_++ )                              \
        {                                                           \
            RC_BIT(&tp_[sym], b_);                                  \
            (sym) = ((sym) << 1) + b_;                              \
        }                                                           \
        (sym) -= 1U << (n);                                         \
    } while ( 0 )

/*
 * n-bit value, LSB first, ORed into val; the tree's node i is at
 * probs[off + i] (off may be "-1", hence unsigned arithmetic).
 */
#define RC_REVERSE(probs, off, n, val)                              \
    do {                                                            \
        unsigned int i_, m_ = 1;                                    \
        u16 *rp_ = (probs);                                         \
        u32 b_, o_ = (off);                                         \
                                                                    \
        for ( i_ = 0; i_ < (n); i_++ )                              \
        {                                                           \
            RC_BIT(&rp_[o_ + m_], b_);                              \
            m_ = (m_ << 1) + b_;                                    \
            (val) |= b_ << i_;                                      \
        }                                                           \
    } while ( 0 )

#define RC_LEN(lp, len)                                             \
    do {                                                            \
        struct len_probs *l_ = (lp);                                \
        u32 c_;                                                     \
                                                                    \
        RC_BIT(&l_->choice, c_);                                    \
        if ( !c_ )                                                  \
        {                                                           \
            RC_TREE(l_->low[pos_state], LEN_LOW_BITS, len);         \
            (len) += 2;                                             \
        }                                                           \
        else                                                        \
        {                                                           \
            RC_BIT(&l_->choice2, c_);                               \
            if ( !c_ )                                              \
            {                                                       \
                RC_TREE(l_->mid[pos_state], LEN_MID_BITS, len);     \
                (len) += 2 + (1 << LEN_LOW_BITS);                   \
            }                                                       \
            else                                                    \
            {                                                       \
                RC_TREE(l_->high, LEN_HIGH_BITS, len);              \
                (len) += 2 + (1 << LEN_LOW_BITS) +                  \
                         (1 << LEN_MID_BITS);                       \
            }                                                       \
        }                                                           \
    } while ( 0 )

/* State after a literal, indexed by the current state. */
static const u8 lit_next_state[NR_STATES] = {
    0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 4, 5,
};

/*
 * Decode one LZMA chunk: exactly in_len compressed bytes making out
 * bytes [*pos, end).  The caller checked that end fits the output.
 */
static int lzma_chunk(struct lzma *l, const u8 *in, size_t in_len,
                      u8 *out, size_t *pos_p, size_t end)
{
    struct lzma_probs *pr = &l->probs;
    const u8 *ip = in, *ip_end = in + in_len;
    u32 range = 0xffffffffU, code;
    u32 rep0 = l->rep0, rep1 = l->rep1, rep2 = l->rep2, rep3 = l->rep3;
    unsigned int state = l->state;
    const unsigned int lc = l->lc, lp_mask = l->lp_mask;
    const unsigned int pb_mask = l->pb_mask;
    const size_t base = l->base;
    const u32 dict_size = l->dict_size;
    size_t pos = *pos_p;

    /* Five init bytes; the first is always zero. */
    if ( in_len < 5 || in[0] != 0 )
        return -EINVAL;
    code = ((u32)in[1] << 24) | (in[2] << 16) | (in[3] << 8) | in[4];
    ip += 5;

    while ( pos < end )
    {
        size_t rel = pos - base;
        unsigned int pos_state = rel & pb_mask;
        u32 b, len, avail;
        const u8 *src;
        u8 *dst;

        RC_BIT(&pr->is_match[state][pos_state], b);
        if ( !b )
        {
            unsigned int prev = rel ? out[pos - 1] : 0;
            u16 *lp = pr->literal + LIT_CODER_SIZE *
                      (((rel & lp_mask) << lc) + (prev >> (8 - lc)));
            u32 sym = 1;

            if ( state < LIT_STATES )
            {
                do {
                    RC_BIT(&lp[sym], b);
                    sym = (sym << 1) + b;
                } while ( sym < 0x100 );
            }
            else
            {
                /*
                 * Matched literal: while its bits agree with the byte
                 * at rep0 the model uses that byte's bits as context.
                 */
                u32 mbyte, mbit, off = 0x100;

                if ( unlikely(rep0 >= rel) )
                    goto corrupt;
                mbyte = out[pos - rep0 - 1];
                do {
                    mbyte <<= 1;
                    mbit = mbyte & off;
                    RC_BIT(&lp[off + mbit + sym], b);
                    sym = (sym << 1) + b;
                    off &= b ? mbit : ~mbit;
                } while ( sym < 0x100 );
            }
            out[pos++] = sym;
            state = lit_next_state[state];
            continue;
        }

        RC_BIT(&pr->is_rep[state], b);
        if ( !b )
        {
            /* A new match: length, then distance. */
            u32 slot;

            RC_LEN(&pr->match_len, len);
            state = state < LIT_STATES ? 7 : 10;
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;

            RC_TREE(pr->dist_slot[len < DIST_STATES + 2 ? len - 2
                                                          : DIST_STATES - 1],
                    DIST_SLOT_BITS, slot);
            if ( slot < 4 )
                rep0 = slot;
            else
            {
                unsigned int nd = (slot >> 1) - 1;

                rep0 = (2 | (slot & 1)) << nd;
                if ( slot < DIST_MODEL_END )
                    RC_REVERSE(pr->dist_special, rep0 - slot - 1, nd, rep0);
                else
                {
                    u32 direct = 0, t;

                    nd -= ALIGN_BITS;
                    do {
                        RC_NORMALIZE();
                        range >>= 1;
                        code -= range;
                        t = 0 - (code >> 31);
                        code += range & t;
                        direct = (direct << 1) + (t + 1);
                    } while ( --nd );
                    rep0 += direct << ALIGN_BITS;
                    RC_REVERSE(pr->dist_align, 0, ALIGN_BITS, rep0);
                }
            }
        }
        else
        {
            RC_BIT(&pr->is_rep0[state], b);
            if ( !b )
            {
                RC_BIT(&pr->is_rep0_long[state][pos_state], b);
                if ( !b )
                {
                    /* Short rep: one byte from rep0. */
                    state = state < LIT_STATES ? 9 : 11;
                    if ( unlikely(rep0 >= rel || rep0 >= dict_size) )
                        goto corrupt;
                    out[pos] = out[pos - rep0 - 1];
                    pos++;
                    continue;
                }
            }
            else
            {
                u32 dist;

                RC_BIT(&pr->is_rep1[state], b);
                if ( !b )
                    dist = rep1;
                else
                {
                    RC_BIT(&pr->is_rep2[state], b);
                    if ( !b )
                        dist = rep2;
                    else
                    {
                        dist = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = dist;
            }
            RC_LEN(&pr->rep_len, len);
            state = state < LIT_STATES ? 8 : 11;
        }

        /*
         * Every distance must reach into this dictionary's data, and no
         * match may run past the chunk (LZMA2 never splits one).
         */
        avail = rel < dict_size ? rel : dict_size;
        if ( unlikely(rep0 >= avail) || unlikely(len > end - pos) )
            goto corrupt;

        src = out + pos - rep0 - 1;
        dst = out + pos;
        pos += len;
        if ( rep0 >= 7 )
        {
            /* Source at least 8 bytes behind: copy words. */
            for ( ; len >= 8; len -= 8, src += 8, dst += 8 )
            {
                u64 v;

                __builtin_memcpy(&v, src, 8);
                __builtin_memcpy(dst, &v, 8);
            }
        }
        while ( len-- )
            *dst++ = *src++;
    }

    /* The chunk must end exactly with its data, in the final state. */
    RC_NORMALIZE();
    if ( ip != ip_end || code != 0 )
        goto corrupt;

    l->state = state;
    l->rep0 = rep0;
    l->rep1 = rep1;
    l->rep2 = rep2;
    l->rep3 = rep3;
    *pos_p = pos;

    return 0;

 corrupt:
    return -EINVAL;
}

#undef RC_NORMALIZE
#undef RC_BIT
#undef RC_TREE
#undef RC_REVERSE
#undef RC_LEN

/* ---- LZMA2 ----------------------------------------------------------- */

/*
 * An LZMA2 stream at in[0..in_len) producing out[start..) up to out_max;
 * *in_used and *end report what it covered.
 */
static int lzma2_decode(struct lzma *l, const u8 *in, size_t in_len,
                        size_t *in_used, u8 *out, size_t start,
                        size_t out_max, size_t *end)
{
    size_t ip = 0, pos = start;
    bool need_dict_reset = true, need_props = true;

    l->base = start;
    for ( ;; )
    {
        unsigned int ctrl;
        size_t unpacked, packed;
        int rc;

        if ( ip >= in_len )
            return -EINVAL;
        ctrl = in[ip++];
        if ( ctrl == 0x00 )
            break;

        if ( ctrl >= 0xe0 || ctrl == 0x01 )
        {
            need_props = true;
            need_dict_reset = false;
            l->base = pos;
        }
        else if ( need_dict_reset )
            return -EINVAL;

        if ( ctrl < 0x80 )
        {
            /* Stored chunk: 0x01 with dict reset, 0x02 without. */
            if ( ctrl > 0x02 || in_len - ip < 2 )
                return -EINVAL;
            unpacked = ((in[ip] << 8) | in[ip + 1]) + 1;
            ip += 2;
            if ( in_len - ip < unpacked )
                return -EINVAL;
            if ( out_max - pos < unpacked )
                return -ENOSPC;
            memcpy(out + pos, in + ip, unpacked);
            ip += unpacked;
            pos += unpacked;
            continue;
        }

        if ( in_len - ip < 4 )
            return -EINVAL;
        unpacked = ((size_t)(ctrl & 0x1f) << 16) +
                   ((in[ip] << 8) | in[ip + 1]) + 1;
        packed = ((in[ip + 2] << 8) | in[ip + 3]) + 1;
        ip += 4;

        if ( ctrl >= 0xc0 )
        {
            /* New properties (and a state reset). */
            if ( ip >= in_len || !lzma_props(l, in[ip++]) )
                return -EINVAL;
            need_props = false;
            lzma_reset(l);
        }
        else if ( need_props )
            return -EINVAL;
        else if ( ctrl >= 0xa0 )
            lzma_reset(l);

        if ( in_len - ip < packed )
            return -EINVAL;
        if ( out_max - pos < unpacked )
            return -ENOSPC;
        rc = lzma_chunk(l, in + ip, packed, out, &pos, pos + unpacked);
        if ( rc )
            return rc;
        ip += packed;
    }

    *in_used = ip;
    *end = pos;

    return 0;
}

/* ---- x86 BCJ --------------------------------------------------------- */

static inline bool bcj_ms_ok(u8 b)
{
    return b == 0x00 || b == 0xff;
}

/*
 * Undo the x86 branch converter over a whole block: the 32-bit
 * operands of E8 (call) / E9 (jmp) were made absolute by the encoder;
 * make them relative again.  'mask' remembers which of the previous
 * three bytes were E8/E9 opcodes that were left alone, so that bytes
 * that were themselves operands are treated like the encoder did.
 */
static void bcj_x86(u8 *buf, size_t size, u32 start)
{
    static const bool mask_ok[8] = { 1, 1, 1, 0, 1, 0, 0, 0 };
    static const u8 mask_byte[8] = { 0, 1, 2, 2, 3, 3, 3, 3 };
    size_t i, prev = (size_t)-1;
    unsigned int mask = 0;

    if ( size < 5 )
        return;

    for ( i = 0; i < size - 4; i++ )
    {
        u8 *p = buf + i;
        size_t gap;
        u32 src, dst;

        if ( (p[0] & 0xfe) != 0xe8 )
            continue;

        gap = i - prev;
        prev = i;
        if ( gap > 3 )
            mask = 0;
        else
        {
            mask = (mask << (gap - 1)) & 7;
            if ( mask && (!mask_ok[mask] ||
                          bcj_ms_ok(p[4 - mask_byte[mask]])) )
            {
                mask = ((mask << 1) & 7) | 1;
                continue;
            }
        }

        if ( !bcj_ms_ok(p[4]) )
        {
            mask = ((mask << 1) & 7) | 1;
            continue;
        }

        src = p[1] | (p[2] << 8) | (p[3] << 16) | ((u32)p[4] << 24);
        for ( ;; )
        {
            unsigned int sh;

            dst = src - (start + (u32)i + 5);
            if ( !mask )
                break;
            sh = mask_byte[mask] * 8;
            if ( !bcj_ms_ok(dst >> (24 - sh)) )
                break;
            src = dst ^ ((1U << (32 - sh)) - 1);
        }
        /* Bits 24..31 become copies of bit 24. */
        dst &= 0x01ffffff;
        dst |= 0 - (dst & 0x01000000);
        p[1] = dst;
        p[2] = dst >> 8;
        p[3] = dst >> 16;
        p[4] = dst >> 24;
        i += 4;
    }
}

/* ---- .xz container --------------------------------------------------- */

#define XZ_HEADER_SIZE   12
#define XZ_FOOTER_SIZE   12
#define XZ_CHECK_NONE    0
#define XZ_CHECK_CRC32   1
#define XZ_CHECK_CRC64   4
#define XZ_FILTER_X86    0x04
#define XZ_FILTER_LZMA2  0x21
#define VLI_MAX          (~0ULL >> 1)

static const u8 xz_magic[6] = { 0xfd, '7', 'z', 'X', 'Z', 0x00 };

static inline u32 le32(const u8 *p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | ((u32)p[3] << 24);
}

/* Variable-length integer at p[*off..len): 7 bits a byte, minimal. */
static bool get_vli(const u8 *p, size_t len, size_t *off, u64 *v)
{
    unsigned int i;

    *v = 0;
    for ( i = 0; i < 9 && *off < len; i++ )
    {
        u8 b = p[(*off)++];

        *v |= (u64)(b & 0x7f) << (i * 7);
        if ( !(b & 0x80) )
            return !(i && !b);      /* no trailing zero byte */
    }

    return false;
}

/* Per stream: what the blocks were, for checking the index. */
struct xz_sums {
    u64 count;
    u64 unpadded;
    u64 uncompressed;
    u32 hash;
};

static void sums_add(struct xz_sums *s, u64 unpadded, u64 uncompressed)
{
    u8 rec[16];
    unsigned int i;

    for ( i = 0; i < 8; i++ )
    {
        rec[i] = unpadded >> (i * 8);
        rec[8 + i] = uncompressed >> (i * 8);
    }
    s->count++;
    s->unpadded += unpadded;
    s->uncompressed += uncompressed;
    s->hash = crc32(s->hash, rec, sizeof(rec));
}

static unsigned int check_size(unsigned int type)
{
    return type ? 4U << ((type - 1) / 3) : 0;
}

/* Parse the index at p; *size gets its length, sums its records. */
static int xz_index(const u8 *p, size_t len, size_t *size,
                    struct xz_sums *s)
{
    size_t off = 1;
    u64 n, unpadded, uncompressed;

    memset(s, 0, sizeof(*s));
    if ( !len || p[0] != 0x00 || !get_vli(p, len, &off, &n) )
        return -EINVAL;
    while ( n-- )
    {
        if ( !get_vli(p, len, &off, &unpadded) ||
             !get_vli(p, len, &off, &uncompressed) ||
             unpadded == 0 || unpadded > VLI_MAX - s->unpadded ||
             uncompressed > VLI_MAX - s->uncompressed )
            return -EINVAL;
        sums_add(s, unpadded, uncompressed);
    }
    for ( ; off & 3; off++ )
        if ( off >= len || p[off] )
            return -EINVAL;
    if ( len - off < 4 || crc32(0, p, off) != le32(p + off) )
        return -EINVAL;
    *size = off + 4;

    return 0;
}

/* Check a stream footer against the header flags; backward size out. */
static int xz_footer(const u8 *f, const u8 *flags, size_t *index_size)
{
    if ( f[10] != 'Y' || f[11] != 'Z' || crc32(0, f + 4, 6) != le32(f) )
        return -EINVAL;
    if ( flags && (f[8] != flags[0] || f[9] != flags[1]) )
        return -EINVAL;
    *index_size = ((size_t)le32(f + 4) + 1) * 4;

    return 0;
}

struct xz_block {
    u64 comp, uncomp;       /* VLI_MAX + 1 when not recorded */
    bool bcj;
    u32 bcj_start;
    u32 dict_size;
    size_t header_size;
};

static int xz_block_header(const u8 *p, size_t len, struct xz_block *blk)
{
    size_t hsize = (p[0] + 1) * 4, off = 2;
    unsigned int flags, nr, i;

    if ( len < hsize || crc32(0, p, hsize - 4) != le32(p + hsize - 4) )
        return -EINVAL;
    len = hsize - 4;
    flags = p[1];
    if ( flags & 0x3c )
        return -EOPNOTSUPP;
    nr = (flags & 3) + 1;

    /* Optional sizes; a VLI never exceeds VLI_MAX, so that is unset. */
    blk->comp = blk->uncomp = VLI_MAX + 1;
    if ( (flags & 0x40) &&
         (!get_vli(p, len, &off, &blk->comp) || !blk->comp) )
        return -EINVAL;
    if ( (flags & 0x80) && !get_vli(p, len, &off, &blk->uncomp) )
        return -EINVAL;

    blk->bcj = false;
    blk->bcj_start = 0;
    for ( i = 0; i < nr; i++ )
    {
        u64 id, psize;

        if ( !get_vli(p, len, &off, &id) || !get_vli(p, len, &off, &psize) ||
             psize > len - off )
            return -EINVAL;
        if ( i == nr - 1 )
        {
            /* LZMA2 last, with its one-byte dictionary size. */
            if ( id != XZ_FILTER_LZMA2 )
                return -EOPNOTSUPP;
            if ( psize != 1 || p[off] > 40 )
                return -EINVAL;
            blk->dict_size = p[off] == 40 ? 0xffffffffU
                             : (2U | (p[off] & 1)) << (p[off] / 2 + 11);
        }
        else if ( i == 0 && id == XZ_FILTER_X86 && nr == 2 )
        {
            if ( psize == 4 )
                blk->bcj_start = le32(p + off);
            else if ( psize )
                return -EINVAL;
            blk->bcj = true;
        }
        else
            return -EOPNOTSUPP;
        off += psize;
    }

    for ( ; off < len; off++ )
        if ( p[off] )
            return -EINVAL;
    blk->header_size = hsize;

    return 0;
}

/* Verify the block's integrity check against its output. */
static bool xz_check(unsigned int type, const u8 *chk, const u8 *data,
                     size_t len)
{
    switch ( type )
    {
    case XZ_CHECK_CRC32:
        return crc32(0, data, len) == le32(chk);
    case XZ_CHECK_CRC64:
        return crc64(0, data, len) == (le32(chk) |
                                       ((u64)le32(chk + 4) << 32));
    default:
        return true;
    }
}

/*
 * One stream at in[0..len): output appended at out[*pos..out_max).
 * *used gets the stream's length.
 */
static int xz_stream(struct lzma *l, const u8 *in, size_t len,
                     size_t *used, u8 *out, size_t out_max, size_t *pos)
{
    struct xz_sums sums = { 0 }, idx;
    unsigned int check;
    size_t off = XZ_HEADER_SIZE, isize, fsize;
    int rc;

    if ( len < XZ_HEADER_SIZE + XZ_FOOTER_SIZE ||
         memcmp(in, xz_magic, sizeof(xz_magic)) )
        return -EINVAL;
    if ( crc32(0, in + 6, 2) != le32(in + 8) )
        return -EINVAL;
    if ( in[6] || (in[7] & 0xf0) )
        return -EOPNOTSUPP;
    check = in[7];
    if ( check != XZ_CHECK_NONE && check != XZ_CHECK_CRC32 &&
         check != XZ_CHECK_CRC64 )
        return -EOPNOTSUPP;

    /* Blocks until the index indicator. */
    while ( off < len && in[off] )
    {
        struct xz_block blk;
        size_t used2, start = *pos, end, comp, csize = check_size(check);

        rc = xz_block_header(in + off, len - off, &blk);
        if ( rc )
            return rc;
        off += blk.header_size;

        l->dict_size = blk.dict_size;
        rc = lzma2_decode(l, in + off, len - off, &used2, out, start,
                          out_max, &end);
        if ( rc )
            return rc;
        comp = used2;
        if ( (blk.comp <= VLI_MAX && blk.comp != comp) ||
             (blk.uncomp <= VLI_MAX && blk.uncomp != end - start) )
            return -EINVAL;
        off += comp;

        /* Block padding to 4 bytes, then the check. */
        for ( ; (blk.header_size + comp) & 3; comp++, off++ )
            if ( off >= len || in[off] )
                return -EINVAL;
        if ( len - off < csize )
            return -EINVAL;
        if ( blk.bcj )
            bcj_x86(out + start, end - start, blk.bcj_start);
        if ( !xz_check(check, in + off, out + start, end - start) )
            return -EINVAL;
        off += csize;
        sums_add(&sums, blk.header_size + used2 + csize, end - start);
        *pos = end;
    }

    rc = xz_index(in + off, len - off, &isize, &idx);
    if ( rc )
        return rc;
    if ( idx.count != sums.count || idx.unpadded != sums.unpadded ||
         idx.uncompressed != sums.uncompressed || idx.hash != sums.hash )
        return -EINVAL;
    off += isize;

    if ( len - off < XZ_FOOTER_SIZE )
        return -EINVAL;
    rc = xz_footer(in + off, in + 6, &fsize);
    if ( rc )
        return rc;
    if ( fsize != isize )
        return -EINVAL;
    *used = off + XZ_FOOTER_SIZE;

    return 0;
}

int unxz(const void *in, size_t in_len, void *out, size_t out_max,
         size_t *out_len)
{
    const u8 *p = in;
    size_t off = 0, pos = 0, used;
    int rc;

    if ( __atomic_exchange_n(&unxz_busy, 1, __ATOMIC_ACQUIRE) )
        return -EBUSY;

    rc = xz_stream(&lzma_state, p, in_len, &used, out, out_max, &pos);
    while ( !rc )
    {
        off += used;
        /* Stream padding: zero bytes in groups of four. */
        while ( in_len - off >= 4 && !le32(p + off) )
            off += 4;
        if ( in_len - off < XZ_HEADER_SIZE ||
             memcmp(p + off, xz_magic, sizeof(xz_magic)) )
            break;
        rc = xz_stream(&lzma_state, p + off, in_len - off, &used, out,
                       out_max, &pos);
    }
    if ( !rc )
        *out_len = pos;

    __atomic_store_n(&unxz_busy, 0, __ATOMIC_RELEASE);

    return rc;
}

int unxz_out_size(const void *in, size_t in_len, size_t *size)
{
    const u8 *p = in;
    size_t isize, parsed, tail;
    struct xz_sums idx;

    if ( in_len < XZ_HEADER_SIZE + XZ_FOOTER_SIZE ||
         memcmp(p, xz_magic, sizeof(xz_magic)) )
        return -EINVAL;

    /* The footer ends the data, or sits just before Linux's size. */
    for ( tail = 0; tail <= 4; tail += 4 )
    {
        const u8 *f = p + in_len - tail - XZ_FOOTER_SIZE;

        if ( in_len - tail < XZ_HEADER_SIZE + XZ_FOOTER_SIZE ||
             xz_footer(f, NULL, &isize) ||
             isize > in_len - tail - XZ_HEADER_SIZE - XZ_FOOTER_SIZE )
            continue;
        if ( xz_index(f - isize, isize, &parsed, &idx) || parsed != isize )
            continue;
        if ( idx.uncompressed > (size_t)-1 )
            return -EOVERFLOW;
        *size = idx.uncompressed;
        return 0;
    }

    return -EINVAL;
}
