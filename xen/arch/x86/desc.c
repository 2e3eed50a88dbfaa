/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU GDT and TSS and the shared IDT.  The GDT uses Xen's layout: the
 * hypervisor's descriptors sit at FIRST_RESERVED_GDT_BYTE and the
 * descriptor base is offset so those selectors (0xe008...) resolve there.
 */
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/smp.h>
#include <asm/desc.h>
#include <asm/page.h>

struct idt_entry {
    uint16_t off0, sel;
    uint8_t ist, type;
    uint16_t off1;
    uint32_t off2, reserved;
};

static struct idt_entry idt_table[256] __aligned(4096);
static struct tss64 per_cpu_tss[NR_CPUS];
static uint64_t cpu0_gdt[PAGE_SIZE / 8] __aligned(PAGE_SIZE);
static uint64_t *cpu_gdt[NR_CPUS];

extern char trap_stubs[];
void reload_cs(void);

static void set_gate(unsigned int vec, unsigned int ist, unsigned int dpl)
{
    unsigned long a = (unsigned long)trap_stubs + vec * 16;
    struct idt_entry *e = &idt_table[vec];

    e->off0 = a & 0xffff;
    e->sel = __HYPERVISOR_CS;
    e->ist = ist;
    e->type = 0x8e | (dpl << 5);            /* present, 64-bit intr gate */
    e->off1 = (a >> 16) & 0xffff;
    e->off2 = a >> 32;
    e->reserved = 0;
}

void idt_init(void)
{
    unsigned int v;

    for ( v = 0; v < 256; v++ )
        set_gate(v, 0, 0);
    set_gate(2, IST_NMI, 0);
    set_gate(8, IST_DF, 0);
    set_gate(18, IST_MCE, 0);
    set_gate(3, 0, 3);                      /* int3 from any ring */
}

static void fill_gdt(uint64_t *page, unsigned int cpu)
{
    uint64_t *g = page;
    const struct tss64 *tss = &per_cpu_tss[cpu];
    unsigned long base = (unsigned long)tss;
    unsigned long limit = sizeof(*tss) - 1;

#define GDT(sel) g[((sel) - FIRST_RESERVED_GDT_BYTE) / 8]
    memset(page, 0, PAGE_SIZE);
    GDT(__HYPERVISOR_CS)   = 0x00af9b000000ffffUL;  /* ring 0 code, 64-bit */
    GDT(__HYPERVISOR_DS32) = 0x00cf93000000ffffUL;  /* ring 0 data */
    GDT(GDT_RING3_CS32)   = 0x00cffb000000ffffUL;  /* ring 3 code, compat */
    GDT(GDT_RING3_DS32)   = 0x00cff3000000ffffUL;  /* ring 3 data */
    GDT(GDT_RING3_CS64)   = 0x00affb000000ffffUL;  /* ring 3 code, 64-bit */
    GDT(__HYPERVISOR_CS32) = 0x00cf9b000000ffffUL;  /* ring 0 code, compat */
    /* 64-bit available TSS, 16 bytes. */
    GDT(TSS_SELECTOR) = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                        (0x89UL << 40) | (((limit >> 16) & 0xf) << 48) |
                        (((base >> 24) & 0xff) << 56);
    GDT(TSS_SELECTOR + 8) = base >> 32;
    /* Per-CPU marker: limit holds the CPU number (read with lsl). */
    GDT(PER_CPU_SELECTOR) = (0x00c0f3UL << 40) | (cpu & 0xffff) |
                            ((unsigned long)((cpu >> 16) & 0xf) << 48);
#undef GDT
}

/* This CPU's page of hypervisor descriptors (selectors 0xe000 up). */
uint64_t *this_cpu_gdt_page(void)
{
    unsigned int cpu = smp_processor_id();

    return cpu ? cpu_gdt[cpu] : cpu0_gdt;
}

/* Load a GDT whose hypervisor page is at base + FIRST_RESERVED_GDT_BYTE. */
void load_gdt_base(unsigned long base)
{
    struct __packed { uint16_t limit; unsigned long base; } gdtr = {
        FIRST_RESERVED_GDT_BYTE + PAGE_SIZE - 1, base };

    __asm__ __volatile__("lgdt %0" :: "m"(gdtr) : "memory");
}

void load_system_tables(unsigned int cpu, unsigned long stack)
{
    struct tss64 *tss = &per_cpu_tss[cpu];
    uint64_t *gdt = cpu ? cpu_gdt[cpu] : cpu0_gdt;
    struct __packed { uint16_t limit; unsigned long base; } gdtr, idtr;

    if ( !gdt )
    {
        gdt = alloc_xenheap_page();
        BUG_ON(!gdt);
        cpu_gdt[cpu] = gdt;
    }

    memset(tss, 0, sizeof(*tss));
    tss->rsp0 = stack + STACK_SIZE - CPUINFO_SIZE + UREGS_es;
    tss->ist[IST_DF - 1] = stack + (IST_DF_PAGE + 1) * PAGE_SIZE;
    tss->ist[IST_NMI - 1] = stack + (IST_NMI_PAGE + 1) * PAGE_SIZE;
    tss->ist[IST_MCE - 1] = stack + (IST_MCE_PAGE + 1) * PAGE_SIZE;
    tss->iomap_base = sizeof(*tss);         /* no I/O bitmap */
    fill_gdt(gdt, cpu);

    gdtr.limit = FIRST_RESERVED_GDT_BYTE + PAGE_SIZE - 1;
    gdtr.base = (unsigned long)gdt - FIRST_RESERVED_GDT_BYTE;
    idtr.limit = sizeof(idt_table) - 1;
    idtr.base = (unsigned long)idt_table;

    __asm__ __volatile__("lgdt %0" :: "m"(gdtr) : "memory");
    reload_cs();
    __asm__ __volatile__("mov %0, %%ss; mov %0, %%ds; mov %0, %%es;"
                         "mov %0, %%fs; mov %0, %%gs"
                         :: "r"(0) : "memory");
    __asm__ __volatile__("ltr %w0" :: "r"(TSS_SELECTOR) : "memory");
    __asm__ __volatile__("lidt %0" :: "m"(idtr) : "memory");
}
