/* SPDX-License-Identifier: GPL-2.0-only */
/* gzip (RFC 1952) / DEFLATE (RFC 1951) one-shot decoder and CRC-32. */
#ifndef XEN_INFLATE_H
#define XEN_INFLATE_H

#include <xen/types.h>

/*
 * All decoders here work on whole buffers: the input is complete and
 * the output is one flat buffer that is also the LZ77 window.  They
 * return 0 or a negative errno:
 *   -EINVAL      malformed, truncated or corrupt input (bad CRC too)
 *   -ENOSPC      the output does not fit in out_max bytes
 *   -EOPNOTSUPP  a well-formed stream using a feature we lack
 * *out_len is written only on success.
 */

/* CRC-32 (IEEE 802.3, reflected), chained: crc32(crc32(0, a), b). */
u32 crc32(u32 crc, const void *buf, size_t len);

/*
 * Raw DEFLATE stream at 'in'; *in_used (optional) gets the number of
 * input bytes the stream occupied, rounded up to a whole byte.
 */
int inflate_raw(const void *in, size_t in_len, size_t *in_used,
                void *out, size_t out_max, size_t *out_len);

/*
 * One gzip member: header, DEFLATE data, CRC32 and ISIZE trailer, both
 * verified.  Bytes after the member are ignored.
 */
int gunzip(const void *in, size_t in_len, void *out, size_t out_max,
           size_t *out_len);

/*
 * The uncompressed size recorded in the ISIZE trailer (modulo 2^32, as
 * gzip stores it), for sizing the output of gunzip().  Checks the
 * magic only; the stream itself is verified by gunzip().
 */
int gzip_isize(const void *in, size_t in_len, size_t *size);

#endif /* XEN_INFLATE_H */
