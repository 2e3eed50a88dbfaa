/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ELF64 parsing for the domain builder: header validation, PT_LOAD
 * iteration and loading, and decoding of the "Xen" ELF notes.
 */

#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/libelf.h>
#include <xen/string.h>
#include <xen/types.h>
#include <public/elfnote.h>
#include <public/features.h>

/*
 * Headers are copied out with memcpy: the image may sit at any
 * alignment in memory even though offsets inside it are aligned.
 */
static void elf_phdr(const struct elf_binary *elf, unsigned int i,
                     struct elf64_phdr *ph)
{
    memcpy(ph, elf->image + elf->ehdr.e_phoff + (size_t)i * sizeof(*ph),
           sizeof(*ph));
}

static void elf_shdr(const struct elf_binary *elf, unsigned int i,
                     struct elf64_shdr *sh)
{
    memcpy(sh, elf->image + elf->ehdr.e_shoff + (size_t)i * sizeof(*sh),
           sizeof(*sh));
}

/* [off, off + len) inside the image, without overflow. */
static bool in_image(const struct elf_binary *elf, u64 off, u64 len)
{
    return off <= elf->size && len <= elf->size - off;
}

static bool pow2_or_zero(u64 x)
{
    return !(x & (x - 1));
}

static int check_loads(struct elf_binary *elf)
{
    struct elf64_phdr ph, other;
    unsigned int i, j;

    elf->nr_loads = 0;
    elf->pstart = ~0ULL;
    elf->pend = 0;

    for ( i = 0; i < elf->ehdr.e_phnum; i++ )
    {
        elf_phdr(elf, i, &ph);
        if ( !pow2_or_zero(ph.p_align) )
            return -EINVAL;
        if ( ph.p_type == ELF_PT_NOTE )
        {
            if ( !in_image(elf, ph.p_offset, ph.p_filesz) )
                return -EINVAL;
            continue;
        }
        if ( ph.p_type != ELF_PT_LOAD )
            continue;

        if ( ph.p_filesz > ph.p_memsz ||
             !in_image(elf, ph.p_offset, ph.p_filesz) ||
             ph.p_memsz > ELF_MAX_SPAN ||
             ph.p_paddr + ph.p_memsz < ph.p_paddr ||
             ph.p_vaddr + ph.p_memsz < ph.p_vaddr )
            return -EINVAL;
        if ( !ph.p_memsz )
            continue;
        if ( ++elf->nr_loads > ELF_MAX_LOADS )
            return -EINVAL;

        /* Loaded by physical address: those ranges must not overlap. */
        for ( j = 0; j < i; j++ )
        {
            elf_phdr(elf, j, &other);
            if ( other.p_type != ELF_PT_LOAD || !other.p_memsz )
                continue;
            if ( ph.p_paddr < other.p_paddr + other.p_memsz &&
                 other.p_paddr < ph.p_paddr + ph.p_memsz )
                return -EINVAL;
        }

        elf->pstart = min(elf->pstart, ph.p_paddr);
        elf->pend = max(elf->pend, ph.p_paddr + ph.p_memsz);
    }

    if ( !elf->nr_loads || elf->pend - elf->pstart > ELF_MAX_SPAN )
        return -EINVAL;

    return 0;
}

int elf_init(struct elf_binary *elf, const void *image, size_t size)
{
    struct elf64_ehdr *eh = &elf->ehdr;
    unsigned int i;

    elf->image = image;
    elf->size = size;
    if ( size < sizeof(*eh) )
        return -ENOEXEC;
    memcpy(eh, image, sizeof(*eh));

    if ( memcmp(eh->e_ident, "\177ELF", 4) ||
         eh->e_ident[4] != 2 ||                 /* ELFCLASS64 */
         eh->e_ident[5] != 1 ||                 /* ELFDATA2LSB */
         eh->e_ident[6] != 1 ||                 /* EV_CURRENT */
         eh->e_version != 1 ||
         (eh->e_type != ELF_ET_EXEC && eh->e_type != ELF_ET_DYN) ||
         (eh->e_machine != ELF_EM_X86_64 &&
          eh->e_machine != ELF_EM_AARCH64) )
        return -ENOEXEC;

    if ( eh->e_ehsize < sizeof(*eh) ||
         eh->e_phentsize != sizeof(struct elf64_phdr) ||
         !eh->e_phnum || (eh->e_phoff & 7) ||
         !in_image(elf, eh->e_phoff,
                   (u64)eh->e_phnum * sizeof(struct elf64_phdr)) )
        return -EINVAL;

    if ( eh->e_shnum )
    {
        if ( eh->e_shentsize != sizeof(struct elf64_shdr) ||
             (eh->e_shoff & 7) || eh->e_shstrndx >= eh->e_shnum ||
             !in_image(elf, eh->e_shoff,
                       (u64)eh->e_shnum * sizeof(struct elf64_shdr)) )
            return -EINVAL;
        for ( i = 0; i < eh->e_shnum; i++ )
        {
            struct elf64_shdr sh;

            elf_shdr(elf, i, &sh);
            if ( !pow2_or_zero(sh.sh_addralign) ||
                 (sh.sh_type != ELF_SHT_NOBITS && sh.sh_type != 0 &&
                  !in_image(elf, sh.sh_offset, sh.sh_size)) )
                return -EINVAL;
        }
    }

    return check_loads(elf);
}

int elf_for_each_load(const struct elf_binary *elf,
                      int (*fn)(void *ctx, const struct elf_segment *seg),
                      void *ctx)
{
    struct elf64_phdr ph;
    unsigned int i;
    int rc;

    for ( i = 0; i < elf->ehdr.e_phnum; i++ )
    {
        struct elf_segment seg;

        elf_phdr(elf, i, &ph);
        if ( ph.p_type != ELF_PT_LOAD || !ph.p_memsz )
            continue;
        seg.vaddr = ph.p_vaddr;
        seg.paddr = ph.p_paddr;
        seg.offset = ph.p_offset;
        seg.filesz = ph.p_filesz;
        seg.memsz = ph.p_memsz;
        seg.flags = ph.p_flags;
        rc = fn(ctx, &seg);
        if ( rc )
            return rc;
    }

    return 0;
}

/* ---- Xen notes ------------------------------------------------------- */

/* Indexed by XENFEAT_* number. */
static const char *const feature_names[] = {
    [XENFEAT_writable_page_tables]       = "writable_page_tables",
    [XENFEAT_writable_descriptor_tables] = "writable_descriptor_tables",
    [XENFEAT_auto_translated_physmap]    = "auto_translated_physmap",
    [XENFEAT_supervisor_mode_kernel]     = "supervisor_mode_kernel",
    [XENFEAT_pae_pgdir_above_4gb]        = "pae_pgdir_above_4gb",
    [XENFEAT_mmu_pt_update_preserve_ad]  = "mmu_pt_update_preserve_ad",
    [XENFEAT_highmem_assist]             = "highmem_assist",
    [XENFEAT_gnttab_map_avail_bits]      = "gnttab_map_avail_bits",
    [XENFEAT_hvm_callback_vector]        = "hvm_callback_vector",
    [XENFEAT_hvm_safe_pvclock]           = "hvm_safe_pvclock",
    [XENFEAT_hvm_pirqs]                  = "hvm_pirqs",
    [XENFEAT_dom0]                       = "dom0",
    [XENFEAT_grant_map_identity]         = "grant_map_identity",
    [XENFEAT_memory_op_vnode_supported]  = "memory_op_vnode_supported",
    [XENFEAT_ARM_SMCCC_supported]        = "ARM_SMCCC_supported",
    [XENFEAT_linux_rsdp_unrestricted]    = "linux_rsdp_unrestricted",
    [XENFEAT_not_direct_mapped]          = "not_direct_mapped",
    [XENFEAT_direct_mapped]              = "direct_mapped",
};

/* "a|!b|c": '!' marks a feature the kernel cannot run without. */
static int parse_features(struct elf_dom_parms *parms, const char *s)
{
    while ( *s )
    {
        const char *end = strchr(s, '|');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        bool required = len && *s == '!';
        unsigned int i;

        if ( required )
        {
            s++;
            len--;
        }
        for ( i = 0; len && i < ARRAY_SIZE(feature_names); i++ )
        {
            if ( !feature_names[i] || strlen(feature_names[i]) != len ||
                 memcmp(feature_names[i], s, len) )
                continue;
            parms->f_supported[i / 32] |= 1U << (i % 32);
            if ( required )
                parms->f_required[i / 32] |= 1U << (i % 32);
            break;
        }
        /* Unknown optional features are fine; required ones are not. */
        if ( required && i == ARRAY_SIZE(feature_names) )
            return -EOPNOTSUPP;

        s += len;
        if ( *s == '|' )
            s++;
    }

    return 0;
}

static u64 get_num(const u8 *p, u32 size)
{
    u64 v = 0;

    memcpy(&v, p, size);            /* little-endian hosts only */

    return v;
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);

    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* One "Xen" note of 'type' with descriptor desc[0..size). */
static int xen_note(struct elf_dom_parms *parms, u32 type, const u8 *desc,
                    u32 size)
{
    /*
     * String notes need not end in NUL: Linux writes FEATURES with
     * .ascii.  Work on a terminated copy (truncated if absurdly long).
     */
    char str[256];
    u64 num = 0;

    switch ( type )
    {
    case XEN_ELFNOTE_ENTRY:
    case XEN_ELFNOTE_HYPERCALL_PAGE:
    case XEN_ELFNOTE_VIRT_BASE:
    case XEN_ELFNOTE_PADDR_OFFSET:
    case XEN_ELFNOTE_HV_START_LOW:
    case XEN_ELFNOTE_SUSPEND_CANCEL:
    case XEN_ELFNOTE_INIT_P2M:
    case XEN_ELFNOTE_MOD_START_PFN:
    case XEN_ELFNOTE_SUPPORTED_FEATURES:
    case XEN_ELFNOTE_PHYS32_ENTRY:
        if ( size != 4 && size != 8 )
            return -EINVAL;
        num = get_num(desc, size);
        break;

    case XEN_ELFNOTE_XEN_VERSION:
    case XEN_ELFNOTE_GUEST_OS:
    case XEN_ELFNOTE_GUEST_VERSION:
    case XEN_ELFNOTE_LOADER:
    case XEN_ELFNOTE_PAE_MODE:
    case XEN_ELFNOTE_FEATURES:
    case XEN_ELFNOTE_BSD_SYMTAB:
        if ( !size )
            return -EINVAL;
        {
            size_t n = size < sizeof(str) - 1 ? size : sizeof(str) - 1;

            memcpy(str, desc, n);
            str[n] = '\0';
        }
        break;

    case XEN_ELFNOTE_L1_MFN_VALID:
        if ( size != 8 && size != 16 )
            return -EINVAL;
        parms->l1_mfn_valid_mask = get_num(desc, size / 2);
        parms->l1_mfn_valid_value = get_num(desc + size / 2, size / 2);
        break;

    default:
        /* INFO, crash/dump notes and future types: nothing to do. */
        return 0;
    }

    switch ( type )
    {
    case XEN_ELFNOTE_ENTRY:
        parms->virt_entry = num;
        break;
    case XEN_ELFNOTE_HYPERCALL_PAGE:
        parms->virt_hypercall = num;
        break;
    case XEN_ELFNOTE_VIRT_BASE:
        parms->virt_base = num;
        break;
    case XEN_ELFNOTE_PADDR_OFFSET:
        parms->elf_paddr_offset = num;
        break;
    case XEN_ELFNOTE_HV_START_LOW:
        parms->virt_hv_start_low = num;
        break;
    case XEN_ELFNOTE_SUSPEND_CANCEL:
        parms->suspend_cancel = num;
        break;
    case XEN_ELFNOTE_INIT_P2M:
        parms->p2m_base = num;
        break;
    case XEN_ELFNOTE_MOD_START_PFN:
        parms->mod_start_pfn = num;
        break;
    case XEN_ELFNOTE_SUPPORTED_FEATURES:
        parms->f_supported[0] |= num;
        break;
    case XEN_ELFNOTE_PHYS32_ENTRY:
        parms->phys_entry = num;
        break;
    case XEN_ELFNOTE_XEN_VERSION:
        copy_str(parms->xen_ver, sizeof(parms->xen_ver), str);
        break;
    case XEN_ELFNOTE_GUEST_OS:
        copy_str(parms->guest_os, sizeof(parms->guest_os), str);
        break;
    case XEN_ELFNOTE_GUEST_VERSION:
        copy_str(parms->guest_ver, sizeof(parms->guest_ver), str);
        break;
    case XEN_ELFNOTE_LOADER:
        copy_str(parms->loader, sizeof(parms->loader), str);
        break;
    case XEN_ELFNOTE_PAE_MODE:
        if ( !strcmp(str, "yes[extended-cr3]") )
            parms->pae = ELF_PAE_EXTCR3;
        else if ( !strcmp(str, "bimodal") )
            parms->pae = ELF_PAE_BIMODAL;
        else if ( !strcmp(str, "yes") )
            parms->pae = ELF_PAE_YES;
        else
            parms->pae = ELF_PAE_NO;
        break;
    case XEN_ELFNOTE_FEATURES:
        return parse_features(parms, str);
    case XEN_ELFNOTE_BSD_SYMTAB:
        parms->bsd_symtab = !strcmp(str, "yes");
        break;
    }

    return 0;
}

/*
 * Walk the notes in image[off, off + len), 'align' the padding of name
 * and descriptor.  *found counts the Xen notes.
 */
static int scan_notes(const struct elf_binary *elf,
                      struct elf_dom_parms *parms, u64 off, u64 len,
                      u64 align, unsigned int *found)
{
    const u8 *p = elf->image + off;
    u64 pos = 0;

    align = align == 8 ? 8 : 4;
    while ( len - pos >= 12 )
    {
        u32 hdr[3], namesz, descsz, type;
        u64 name_end, desc_off, desc_end;
        int rc;

        memcpy(hdr, p + pos, sizeof(hdr));
        namesz = hdr[0];
        descsz = hdr[1];
        type = hdr[2];

        /* u64 sums of u32 sizes cannot wrap. */
        name_end = pos + 12 + namesz;
        desc_off = ROUNDUP(name_end, align);
        desc_end = desc_off + descsz;
        if ( desc_end > len )
            return -EINVAL;

        if ( namesz == 4 && !memcmp(p + pos + 12, "Xen", 4) )
        {
            rc = xen_note(parms, type, p + desc_off, descsz);
            if ( rc )
                return rc;
            if ( type < 32 )
                parms->notes_seen |= 1U << type;
            (*found)++;
        }

        pos = ROUNDUP(desc_end, align);
        if ( pos >= len )
            break;
    }

    return 0;
}

static void parms_init(struct elf_dom_parms *parms)
{
    memset(parms, 0, sizeof(*parms));
    parms->virt_entry = ELF_UNSET_ADDR;
    parms->virt_hypercall = ELF_UNSET_ADDR;
    parms->virt_base = ELF_UNSET_ADDR;
    parms->elf_paddr_offset = ELF_UNSET_ADDR;
    parms->virt_hv_start_low = ELF_UNSET_ADDR;
    parms->p2m_base = ELF_UNSET_ADDR;
    parms->phys_entry = ELF_UNSET_ADDR;
}

int elf_xen_parse(const struct elf_binary *elf, struct elf_dom_parms *parms)
{
    unsigned int i, found = 0;
    int rc;

    parms_init(parms);

    for ( i = 0; i < elf->ehdr.e_phnum; i++ )
    {
        struct elf64_phdr ph;

        elf_phdr(elf, i, &ph);
        if ( ph.p_type != ELF_PT_NOTE )
            continue;
        rc = scan_notes(elf, parms, ph.p_offset, ph.p_filesz, ph.p_align,
                        &found);
        if ( rc )
            return rc;
    }

    for ( i = 0; !found && i < elf->ehdr.e_shnum; i++ )
    {
        struct elf64_shdr sh;

        elf_shdr(elf, i, &sh);
        if ( sh.sh_type != ELF_SHT_NOTE )
            continue;
        rc = scan_notes(elf, parms, sh.sh_offset, sh.sh_size,
                        sh.sh_addralign, &found);
        if ( rc )
            return rc;
    }

    if ( !found )
        return -ENOENT;

    /* Defaults for modern (note-carrying) kernels. */
    if ( parms->virt_base == ELF_UNSET_ADDR )
        parms->virt_base = 0;
    if ( parms->elf_paddr_offset == ELF_UNSET_ADDR )
        parms->elf_paddr_offset = 0;
    if ( parms->virt_entry == ELF_UNSET_ADDR )
        parms->virt_entry = elf->ehdr.e_entry;

    parms->virt_offset = parms->virt_base - parms->elf_paddr_offset;
    parms->virt_kstart = elf->pstart + parms->virt_offset;
    parms->virt_kend = elf->pend + parms->virt_offset;

    if ( parms->virt_kstart > parms->virt_kend ||
         parms->virt_base > parms->virt_kstart ||
         parms->virt_entry < parms->virt_kstart ||
         parms->virt_entry >= parms->virt_kend )
        return -EINVAL;
    if ( parms->virt_hypercall != ELF_UNSET_ADDR &&
         (parms->virt_hypercall < parms->virt_kstart ||
          parms->virt_hypercall >= parms->virt_kend ||
          (parms->virt_hypercall & 0xfff)) )
        return -EINVAL;

    return 0;
}

int elf_load_image(const struct elf_binary *elf,
                   const struct elf_dom_parms *parms, elf_write_fn fn,
                   void *ctx)
{
    struct elf64_phdr ph;
    unsigned int i;
    int rc;

    for ( i = 0; i < elf->ehdr.e_phnum; i++ )
    {
        u64 dest;

        elf_phdr(elf, i, &ph);
        if ( ph.p_type != ELF_PT_LOAD || !ph.p_memsz )
            continue;
        dest = ph.p_paddr + parms->virt_offset;
        if ( ph.p_filesz )
        {
            rc = fn(ctx, dest, elf->image + ph.p_offset, ph.p_filesz);
            if ( rc )
                return rc;
        }
        if ( ph.p_memsz > ph.p_filesz )
        {
            rc = fn(ctx, dest + ph.p_filesz, NULL,
                    ph.p_memsz - ph.p_filesz);
            if ( rc )
                return rc;
        }
    }

    return 0;
}
