/* SPDX-License-Identifier: GPL-2.0-only */
/* printk, panic, assertions and arithmetic helpers used everywhere. */
#ifndef XEN_LIB_H
#define XEN_LIB_H

#include <stdarg.h>
#include <xen/compiler.h>
#include <xen/types.h>
#include <xen/string.h>

/*
 * Log levels, written as a prefix of the format string as in Xen:
 * printk(XENLOG_INFO "...").  A message without a prefix is logged at
 * XENLOG_WARNING, so it shows with the default loglvl.
 */
#define XENLOG_ERR      "<0>"
#define XENLOG_WARNING  "<1>"
#define XENLOG_INFO     "<2>"
#define XENLOG_DEBUG    "<3>"
/* Guest-triggerable messages: rate limited, filtered by guest_loglvl. */
#define XENLOG_GUEST    "<G>"
#define XENLOG_G_ERR     XENLOG_GUEST XENLOG_ERR
#define XENLOG_G_WARNING XENLOG_GUEST XENLOG_WARNING
#define XENLOG_G_INFO    XENLOG_GUEST XENLOG_INFO
#define XENLOG_G_DEBUG   XENLOG_GUEST XENLOG_DEBUG

void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list args);
void __noreturn panic(const char *fmt, ...) __printf(1, 2);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#define gprintk(lvl, fmt, ...) printk(XENLOG_GUEST lvl fmt, ##__VA_ARGS__)

void __noreturn __bug(const char *file, int line);
void __noreturn __assert_failed(const char *expr, const char *file,
                                int line);

#define BUG() __bug(__FILE__, __LINE__)
#define BUG_ON(cond) do { if ( unlikely(cond) ) BUG(); } while ( 0 )

#ifdef CONFIG_DEBUG
#define ASSERT(p) \
    do { if ( unlikely(!(p)) ) __assert_failed(#p, __FILE__, __LINE__); \
    } while ( 0 )
#else
#define ASSERT(p) do { if ( 0 && (p) ) {} } while ( 0 )
#endif

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
                     _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
                     _a > _b ? _a : _b; })
#define min_t(t, a, b) min((t)(a), (t)(b))
#define max_t(t, a, b) max((t)(a), (t)(b))

#define ROUNDUP(x, a)   (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define ROUNDDOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)

#define BITS_PER_LONG 64

#define KB(x) ((unsigned long)(x) << 10)
#define MB(x) ((unsigned long)(x) << 20)
#define GB(x) ((unsigned long)(x) << 30)

#endif /* XEN_LIB_H */
