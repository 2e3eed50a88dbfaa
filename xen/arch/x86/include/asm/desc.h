/* SPDX-License-Identifier: GPL-2.0-only */
/* GDT, IDT and TSS for each CPU. */
#ifndef ASM_DESC_H
#define ASM_DESC_H

#include <xen/types.h>
#include <asm/layout.h>

struct tss64 {
    uint32_t reserved0;
    uint64_t rsp0, rsp1, rsp2;
    uint64_t reserved1;
    uint64_t ist[7];               /* ist[0] is IST1 */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
} __attribute__((__packed__, __aligned__(16)));

#define IST_DF   1
#define IST_NMI  2
#define IST_MCE  3

/* Vectors used by the hypervisor. */
#define FIRST_IRQ_VECTOR        0x20
#define EVENT_CHECK_VECTOR      0xf9
#define CALL_FUNCTION_VECTOR    0xfa
#define INVALIDATE_TLB_VECTOR   0xfb
#define LOCAL_TIMER_VECTOR      0xfc
#define ERROR_APIC_VECTOR       0xfd
#define SPURIOUS_APIC_VECTOR    0xff

void idt_init(void);
/* Load GDT, TSS and IDT on this CPU; 'stack' is its stack block. */
void load_system_tables(unsigned int cpu, unsigned long stack);
void set_irq_handler(unsigned int vector, void (*fn)(void));
uint64_t *this_cpu_gdt_page(void);
void load_gdt_base(unsigned long base);

#endif /* ASM_DESC_H */
