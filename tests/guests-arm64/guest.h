/* SPDX-License-Identifier: GPL-2.0-only */
/* The arm64 test guests' tiny runtime: hypercalls, console, a PRNG. */
#ifndef GUEST_ARM64_H
#define GUEST_ARM64_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* HVC #0xEA1: number in x16, arguments x0-x4, result in x0. */
static inline long hypercall(unsigned long nr, unsigned long a0,
                             unsigned long a1, unsigned long a2,
                             unsigned long a3, unsigned long a4)
{
    register unsigned long x0 asm("x0") = a0;
    register unsigned long x1 asm("x1") = a1;
    register unsigned long x2 asm("x2") = a2;
    register unsigned long x3 asm("x3") = a3;
    register unsigned long x4 asm("x4") = a4;
    register unsigned long x16 asm("x16") = nr;

    asm volatile("hvc #0xea1"
                 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
                   "+r"(x16)::"memory");
    return x0;
}

void guest_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn)) guest_shutdown(unsigned int reason);
uint64_t rand64(uint64_t *state);
/* The decimal after "name=" in the device tree's strings, or 0. */
unsigned long dt_arg(const void *fdt, const char *name);
void *memset(void *s, int c, size_t n);

#endif
