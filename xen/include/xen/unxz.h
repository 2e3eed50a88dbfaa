/* SPDX-License-Identifier: GPL-2.0-only */
/* .xz (LZMA2, optional x86 BCJ) one-shot decoder for whole buffers. */
#ifndef XEN_UNXZ_H
#define XEN_UNXZ_H

#include <xen/types.h>

/*
 * Decode the .xz stream(s) at 'in' into 'out'.  Concatenated streams
 * and stream padding are accepted; any other bytes after the last
 * stream are ignored (Linux appends the uncompressed size there).
 * Filter chains: LZMA2 alone, or x86 BCJ then LZMA2.  Integrity
 * checks: CRC32 and CRC64 are verified, NONE is accepted, anything
 * else gives -EOPNOTSUPP.  The index is checked against the blocks.
 *
 * Returns 0, -EINVAL (malformed, truncated, corrupt or check mismatch),
 * -ENOSPC (output larger than out_max), -EOPNOTSUPP (unsupported
 * filter or check), -EOVERFLOW (sizes past 2^63) or -EBUSY (called
 * while another call runs: the decoder state is static, as it is too
 * big for a hypervisor stack).
 */
int unxz(const void *in, size_t in_len, void *out, size_t out_max,
         size_t *out_len);

/*
 * The uncompressed size of the last stream, from its index, for sizing
 * the output of unxz().  The footer may be followed by the 4-byte size
 * Linux appends.  Validates the footer and index CRCs only.
 */
int unxz_out_size(const void *in, size_t in_len, size_t *size);

/* CRC-64 as .xz uses it (ECMA-182, reflected), chained like crc32(). */
u64 crc64(u64 crc, const void *buf, size_t len);

#endif /* XEN_UNXZ_H */
