/* SPDX-License-Identifier: GPL-2.0-only */
/* What the hypervisor takes from the ACPI tables (MADT, FADT, DSDT _S5). */
#ifndef ASM_ACPI_H
#define ASM_ACPI_H

#include <xen/types.h>

#define MAX_IOAPICS 8

/* ACPI Generic Address Structure. */
struct acpi_gas {
    uint8_t space_id, bit_width, bit_offset, access_size;
    uint64_t address;
} __attribute__((__packed__));

#define ACPI_SPACE_MEM 0
#define ACPI_SPACE_IO  1

struct acpi_info {
    paddr_t rsdp;
    unsigned int nr_cpus;               /* enabled LAPIC/x2APIC entries */
    uint32_t apic_ids[NR_CPUS];
    unsigned int nr_ioapics;
    struct {
        uint8_t id;
        paddr_t addr;
        uint32_t gsi_base;
        unsigned int nr_pins;
    } ioapics[MAX_IOAPICS];
    paddr_t lapic_addr;
    /* ISA IRQ -> GSI overrides (MADT type 2); flags are MPS INTI flags. */
    unsigned int nr_overrides;
    struct { uint8_t irq; uint32_t gsi; uint16_t flags; } overrides[16];
    /* FADT */
    bool have_fadt;
    uint32_t pm1a_cnt, pm1b_cnt;        /* I/O ports, 0 if absent */
    uint32_t smi_cmd;
    uint8_t acpi_enable;
    bool reset_supported;
    struct acpi_gas reset_reg;
    uint8_t reset_value;
    /* DSDT \_S5 sleep types, when found */
    bool have_s5;
    uint8_t s5_typa, s5_typb;
};

extern struct acpi_info acpi_info;

/* Find and parse the tables; 0 or -errno (no RSDP, bad checksums). */
int acpi_boot_init(paddr_t rsdp_hint);

#endif /* ASM_ACPI_H */
