/* SPDX-License-Identifier: GPL-2.0-only */
/* Fixed-width and hypervisor-wide scalar types. */
#ifndef XEN_TYPES_H
#define XEN_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef uint64_t paddr_t;
#define PRIpaddr "016lx"

/* System time: nanoseconds since boot. */
typedef int64_t s_time_t;

typedef uint16_t domid_t;

#ifndef __ssize_t_defined
typedef long ssize_t;
#endif

#endif /* XEN_TYPES_H */
