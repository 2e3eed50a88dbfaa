/* SPDX-License-Identifier: GPL-2.0-only */
/* Multiboot 1 and 2 information structures (as the loader hands them). */
#ifndef ASM_MULTIBOOT_H
#define ASM_MULTIBOOT_H

#define MB1_HEADER_MAGIC        0x1BADB002
#define MB1_BOOTLOADER_MAGIC    0x2BADB002
#define MB2_HEADER_MAGIC        0xE85250D6
#define MB2_BOOTLOADER_MAGIC    0x36D76289

/* Multiboot 1 header flags we set. */
#define MB1_HF_PAGE_ALIGN       (1u << 0)
#define MB1_HF_MEMINFO          (1u << 1)
#define MB1_HF_ADDRESS          (1u << 16)

/* Multiboot 1 info flags. */
#define MB1_INFO_MEM            (1u << 0)
#define MB1_INFO_CMDLINE        (1u << 2)
#define MB1_INFO_MODS           (1u << 3)
#define MB1_INFO_MMAP           (1u << 6)
#define MB1_INFO_LOADER         (1u << 9)

/* Multiboot 2 header tags. */
#define MB2_HT_END              0
#define MB2_HT_INFO_REQ         1
#define MB2_HT_ADDRESS          2
#define MB2_HT_ENTRY            3
#define MB2_HT_MODALIGN         6

/* Multiboot 2 information tags. */
#define MB2_TAG_END             0
#define MB2_TAG_CMDLINE         1
#define MB2_TAG_LOADER          2
#define MB2_TAG_MODULE          3
#define MB2_TAG_BASIC_MEM       4
#define MB2_TAG_MMAP            6
#define MB2_TAG_ACPI_OLD        14
#define MB2_TAG_ACPI_NEW        15
#define MB2_TAG_EFI64           12
#define MB2_TAG_EFI_MMAP        17

#ifndef __ASSEMBLY__
#include <xen/types.h>

struct mb1_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper;
    uint32_t boot_device;
    uint32_t cmdline;
    uint32_t mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
    uint32_t drives_length, drives_addr;
    uint32_t config_table;
    uint32_t boot_loader_name;
};

struct mb1_module {
    uint32_t mod_start, mod_end;
    uint32_t string;
    uint32_t reserved;
};

/* Each entry is preceded by its size (which does not count itself). */
struct mb1_mmap {
    uint32_t size;
    uint64_t base_addr;
    uint64_t length;
    uint32_t type;
} __attribute__((__packed__));

struct mb2_fixed {
    uint32_t total_size;
    uint32_t reserved;
};

struct mb2_tag {
    uint32_t type;
    uint32_t size;
};

struct mb2_tag_string {
    uint32_t type, size;
    char string[];
};

struct mb2_tag_module {
    uint32_t type, size;
    uint32_t mod_start, mod_end;
    char cmdline[];
};

struct mb2_mmap_entry {
    uint64_t addr, len;
    uint32_t type, zero;
};

struct mb2_tag_mmap {
    uint32_t type, size;
    uint32_t entry_size, entry_version;
    struct mb2_mmap_entry entries[];
};

#endif /* !__ASSEMBLY__ */
#endif /* ASM_MULTIBOOT_H */
