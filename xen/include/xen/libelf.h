/* SPDX-License-Identifier: GPL-2.0-only */
/* ELF64 kernel image parser: headers, PT_LOADs and the "Xen" notes. */
#ifndef XEN_LIBELF_H
#define XEN_LIBELF_H

#include <xen/types.h>
#include <public/features.h>

/* The ELF64 structures, little-endian (x86_64 and aarch64 only). */
struct elf64_ehdr {
    u8  e_ident[16];
    u16 e_type;
    u16 e_machine;
    u32 e_version;
    u64 e_entry;
    u64 e_phoff;
    u64 e_shoff;
    u32 e_flags;
    u16 e_ehsize;
    u16 e_phentsize;
    u16 e_phnum;
    u16 e_shentsize;
    u16 e_shnum;
    u16 e_shstrndx;
};

struct elf64_phdr {
    u32 p_type;
    u32 p_flags;
    u64 p_offset;
    u64 p_vaddr;
    u64 p_paddr;
    u64 p_filesz;
    u64 p_memsz;
    u64 p_align;
};

struct elf64_shdr {
    u32 sh_name;
    u32 sh_type;
    u64 sh_flags;
    u64 sh_addr;
    u64 sh_offset;
    u64 sh_size;
    u32 sh_link;
    u32 sh_info;
    u64 sh_addralign;
    u64 sh_entsize;
};

#define ELF_ET_EXEC     2
#define ELF_ET_DYN      3
#define ELF_EM_X86_64   62
#define ELF_EM_AARCH64  183
#define ELF_PT_LOAD     1
#define ELF_PT_NOTE     4
#define ELF_SHT_NOTE    7
#define ELF_SHT_NOBITS  8

/* Limits that no real kernel comes near. */
#define ELF_MAX_LOADS   64
#define ELF_MAX_SPAN    (1ULL << 30)    /* lowest to highest PT_LOAD byte */

/* A validated image; filled by elf_init(). */
struct elf_binary {
    const u8 *image;
    size_t size;
    struct elf64_ehdr ehdr;
    unsigned int nr_loads;
    u64 pstart, pend;       /* PT_LOAD physical extent [pstart, pend) */
};

/*
 * Check the ELF header and every program and section header against
 * the buffer: -ENOEXEC if it is not an ELF64 LE x86_64/aarch64 image,
 * -EINVAL for anything out of bounds, misaligned, overlapping or
 * absurdly large.
 */
int elf_init(struct elf_binary *elf, const void *image, size_t size);

/* One PT_LOAD segment. */
struct elf_segment {
    u64 vaddr, paddr;
    u64 offset, filesz, memsz;
    u32 flags;
};

/* Call fn for each non-empty PT_LOAD in order; stops at a non-zero rc. */
int elf_for_each_load(const struct elf_binary *elf,
                      int (*fn)(void *ctx, const struct elf_segment *seg),
                      void *ctx);

#define ELF_UNSET_ADDR  (~0ULL)

enum elf_pae_mode {
    ELF_PAE_NO,
    ELF_PAE_YES,
    ELF_PAE_EXTCR3,
    ELF_PAE_BIMODAL,
};

/* What the "Xen" notes say, plus the addresses derived from them. */
struct elf_dom_parms {
    u32 notes_seen;         /* bit n: a note of type n was present */

    /* Numeric notes; ELF_UNSET_ADDR when absent. */
    u64 virt_entry;
    u64 virt_hypercall;
    u64 virt_base;
    u64 elf_paddr_offset;
    u64 virt_hv_start_low;
    u64 p2m_base;
    u64 phys_entry;
    u64 l1_mfn_valid_mask, l1_mfn_valid_value;
    bool suspend_cancel;
    bool mod_start_pfn;
    bool bsd_symtab;

    /* String notes (truncated to fit). */
    char guest_os[16];
    char guest_ver[16];
    char xen_ver[16];
    char loader[16];
    enum elf_pae_mode pae;

    /* XENFEAT_* bits from FEATURES and SUPPORTED_FEATURES. */
    u32 f_supported[XENFEAT_NR_SUBMAPS];
    u32 f_required[XENFEAT_NR_SUBMAPS];

    /*
     * Derived: the image is loaded at paddr + virt_offset, where
     * virt_offset = virt_base - elf_paddr_offset.
     */
    u64 virt_offset;
    u64 virt_kstart, virt_kend;
};

/*
 * Decode the "Xen" notes of PT_NOTE segments (or of SHT_NOTE sections
 * when no segment has any) and compute the load addresses.  -ENOENT if
 * there is no Xen note, -EINVAL for a malformed note or inconsistent
 * addresses, -EOPNOTSUPP for a required feature we do not know.
 */
int elf_xen_parse(const struct elf_binary *elf, struct elf_dom_parms *parms);

static inline bool elf_note_seen(const struct elf_dom_parms *parms,
                                 unsigned int type)
{
    return type < 32 && (parms->notes_seen & (1U << type));
}

/*
 * Write callback for elf_load_image(): copy len bytes from src to the
 * guest at virtual address dest, or zero them if src is NULL.
 */
typedef int (*elf_write_fn)(void *ctx, u64 dest, const void *src,
                            size_t len);

/*
 * Copy every PT_LOAD to paddr + parms->virt_offset through fn and zero
 * its tail (bss).  Returns 0 or the first non-zero rc from fn.
 */
int elf_load_image(const struct elf_binary *elf,
                   const struct elf_dom_parms *parms, elf_write_fn fn,
                   void *ctx);

#endif /* XEN_LIBELF_H */
