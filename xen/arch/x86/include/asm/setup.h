/* SPDX-License-Identifier: GPL-2.0-only */
/* What the boot loader told us, in loader-independent form. */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#include <xen/types.h>

#define E820_RAM        1
#define E820_RESERVED   2
#define E820_ACPI       3
#define E820_NVS        4
#define E820_UNUSABLE   5

#define E820_MAX        128
#define BOOT_MAX_MODULES 16

struct e820entry {
    uint64_t addr, size;
    uint32_t type;
};

struct e820map {
    unsigned int nr_map;
    struct e820entry map[E820_MAX];
};

struct boot_module {
    paddr_t start, size;
    const char *cmdline;          /* directmap pointer, never NULL */
};

struct boot_info {
    const char *loader;           /* never NULL */
    const char *cmdline;          /* never NULL */
    unsigned int nr_modules;
    struct boot_module mods[BOOT_MAX_MODULES];
    paddr_t rsdp;                 /* 0: search the BIOS areas */
    paddr_t info_start, info_end; /* the loader's info block, to reserve */
    bool multiboot2;
};

extern struct boot_info boot_info;
extern struct e820map e820;

/* Fill boot_info and the raw e820 from the loader's information. */
int multiboot_parse(uint32_t magic, paddr_t info);
void e820_add(uint64_t addr, uint64_t size, uint32_t type);
void e820_sanitise(void);
void e820_print(void);
uint64_t e820_ram_total(void);
uint64_t e820_max_ram_addr(void);

void __noreturn __start_xen(uint32_t magic, paddr_t info);
void __noreturn idle_loop(void);

#endif /* ASM_SETUP_H */
