/* SPDX-License-Identifier: GPL-2.0-only */
/* Address-to-symbol lookup over the table embedded at link time. */
#ifndef XEN_SYMBOLS_H
#define XEN_SYMBOLS_H

#include <xen/types.h>

/* Name of the function containing addr, its offset and size; NULL if none. */
const char *symbols_lookup(unsigned long addr, unsigned long *offset,
                           unsigned long *size);
/* "name+0xoff/0xsize", or the bare hex address. */
void symbols_describe(unsigned long addr, char *buf, size_t len);

#endif /* XEN_SYMBOLS_H */
