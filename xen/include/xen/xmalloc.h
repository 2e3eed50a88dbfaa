/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypervisor heap allocations of arbitrary size (common/xmalloc.c). */
#ifndef XEN_XMALLOC_H
#define XEN_XMALLOC_H

#include <xen/types.h>

void *_xmalloc(size_t size, size_t align);
void *_xzalloc(size_t size, size_t align);
void xfree(void *p);

#define xmalloc(type) ((type *)_xmalloc(sizeof(type), __alignof__(type)))
#define xzalloc(type) ((type *)_xzalloc(sizeof(type), __alignof__(type)))
#define xmalloc_array(type, n) \
    ((type *)_xmalloc_array(sizeof(type), __alignof__(type), (n)))
#define xzalloc_array(type, n) \
    ((type *)_xzalloc_array(sizeof(type), __alignof__(type), (n)))
#define xmalloc_bytes(n) _xmalloc((n), sizeof(long))
#define xzalloc_bytes(n) _xzalloc((n), sizeof(long))

static inline void *_xmalloc_array(size_t size, size_t align, size_t n)
{
    if ( size && n > ~(size_t)0 / size )
        return NULL;
    return _xmalloc(size * n, align);
}

static inline void *_xzalloc_array(size_t size, size_t align, size_t n)
{
    if ( size && n > ~(size_t)0 / size )
        return NULL;
    return _xzalloc(size * n, align);
}

#endif /* XEN_XMALLOC_H */
