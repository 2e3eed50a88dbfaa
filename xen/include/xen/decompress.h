/* SPDX-License-Identifier: GPL-2.0-only */
/* Format-sniffing front end to the decoders, and bzImage unwrapping. */
#ifndef XEN_DECOMPRESS_H
#define XEN_DECOMPRESS_H

#include <xen/types.h>

/* True if 'in' starts with the magic of a format decompress() knows. */
bool decompress_known(const void *in, size_t len);

/*
 * Decompress gzip (1f 8b) or .xz (fd 37 7a 58 5a 00) data; see
 * gunzip() and unxz() for the errors.  -EOPNOTSUPP for other data.
 */
int decompress(const void *in, size_t len, void *out, size_t out_max,
               size_t *out_len);

/*
 * The uncompressed size the data records (gzip ISIZE, .xz index), to
 * size the buffer for decompress().  Not verified until decompressing.
 */
int decompress_out_size(const void *in, size_t len, size_t *size);

/*
 * Validate a Linux x86 bzImage header (boot protocol 2.08 or later) and
 * return its compressed payload, bounds-checked against the image.
 * -EINVAL if this is not a bzImage or a field points outside it.
 */
int bzimage_payload(const void *image, size_t len, const void **payload,
                    size_t *payload_len);

#endif /* XEN_DECOMPRESS_H */
