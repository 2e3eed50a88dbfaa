/* SPDX-License-Identifier: GPL-2.0-only */
/* Compiler attributes and small helper macros. */
#ifndef XEN_COMPILER_H
#define XEN_COMPILER_H

#define likely(x)       __builtin_expect(!!(x), 1)
#define unlikely(x)     __builtin_expect(!!(x), 0)

#define __used          __attribute__((__used__))
#define __maybe_unused  __attribute__((__unused__))
#define __packed        __attribute__((__packed__))
#define __aligned(a)    __attribute__((__aligned__(a)))
#define __section(s)    __attribute__((__section__(s)))
#define __noreturn      __attribute__((__noreturn__))
#define __printf(a, b)  __attribute__((__format__(__printf__, a, b)))
#define noinline        __attribute__((__noinline__))
#define always_inline   inline __attribute__((__always_inline__))

/* Boot-only code and data; kept resident for now (no init freeing). */
#define __init
#define __initdata

#define barrier()       __asm__ __volatile__("" ::: "memory")

#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define ARRAY_SIZE(a)   (sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))

#define __stringify_1(x) #x
#define __stringify(x)   __stringify_1(x)

#endif /* XEN_COMPILER_H */
