/* SPDX-License-Identifier: GPL-2.0-only */
/* MMIO accessors and device mappings (arm64). */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <xen/types.h>

/* Width letters: w for 8/16/32-bit registers, x for 64. */
static inline uint8_t readb(const volatile void *a)
{
    uint8_t v;

    __asm__ __volatile__("ldrb %w0, %1" : "=r"(v)
                         : "Q"(*(const volatile uint8_t *)a) : "memory");
    return v;
}
static inline void writeb(uint8_t v, volatile void *a)
{
    __asm__ __volatile__("strb %w0, %1" :: "rZ"(v),
                         "Q"(*(volatile uint8_t *)a) : "memory");
}
static inline uint16_t readw(const volatile void *a)
{
    uint16_t v;

    __asm__ __volatile__("ldrh %w0, %1" : "=r"(v)
                         : "Q"(*(const volatile uint16_t *)a) : "memory");
    return v;
}
static inline void writew(uint16_t v, volatile void *a)
{
    __asm__ __volatile__("strh %w0, %1" :: "rZ"(v),
                         "Q"(*(volatile uint16_t *)a) : "memory");
}
static inline uint32_t readl(const volatile void *a)
{
    uint32_t v;

    __asm__ __volatile__("ldr %w0, %1" : "=r"(v)
                         : "Q"(*(const volatile uint32_t *)a) : "memory");
    return v;
}
static inline void writel(uint32_t v, volatile void *a)
{
    __asm__ __volatile__("str %w0, %1" :: "rZ"(v),
                         "Q"(*(volatile uint32_t *)a) : "memory");
}
static inline uint64_t readq(const volatile void *a)
{
    uint64_t v;

    __asm__ __volatile__("ldr %x0, %1" : "=r"(v)
                         : "Q"(*(const volatile uint64_t *)a) : "memory");
    return v;
}
static inline void writeq(uint64_t v, volatile void *a)
{
    __asm__ __volatile__("str %x0, %1" :: "rZ"(v),
                         "Q"(*(volatile uint64_t *)a) : "memory");
}

/* Map device registers (uncached, never executable); NULL on failure. */
void *ioremap(paddr_t pa, size_t len);

#endif /* ASM_IO_H */
