/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turn the Multiboot 1 or 2 information block into struct boot_info and the
 * raw memory map.  Everything the loader gave is below 4 GiB, reachable
 * through the boot direct map; nothing is trusted to be well formed.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <asm/multiboot.h>
#include <asm/page.h>
#include <asm/setup.h>

struct boot_info boot_info;

/*
 * Strings are copied out: the loader's memory is not reserved for long
 * (QEMU puts them just past the image), and a missing NUL must not matter.
 */
static char string_pool[4096];
static size_t pool_used;

static const char *keep_str(const char *s)
{
    size_t room = sizeof(string_pool) - pool_used, n;
    char *d = &string_pool[pool_used];

    if ( !s || room < 2 )
        return "";
    n = strnlen(s, room - 1);
    memcpy(d, s, n);
    d[n] = '\0';
    pool_used += n + 1;
    return d;
}

static const char *phys_str(uint32_t pa)
{
    return pa ? keep_str(__va(pa)) : "";
}

static void add_module(paddr_t start, paddr_t end, const char *cmdline)
{
    struct boot_module *m;

    if ( boot_info.nr_modules >= BOOT_MAX_MODULES || end < start )
        return;
    m = &boot_info.mods[boot_info.nr_modules++];
    m->start = start;
    m->size = end - start;
    m->cmdline = cmdline;
}

static int parse_mb1(paddr_t info)
{
    const struct mb1_info *mbi = __va(info);
    unsigned int i;

    boot_info.info_start = info;
    boot_info.info_end = info + sizeof(*mbi);
    if ( mbi->flags & MB1_INFO_CMDLINE )
        boot_info.cmdline = phys_str(mbi->cmdline);
    if ( mbi->flags & MB1_INFO_LOADER )
        boot_info.loader = phys_str(mbi->boot_loader_name);

    if ( mbi->flags & MB1_INFO_MODS )
    {
        const struct mb1_module *mods = __va(mbi->mods_addr);

        for ( i = 0; i < mbi->mods_count && i < BOOT_MAX_MODULES; i++ )
            add_module(mods[i].mod_start, mods[i].mod_end,
                       phys_str(mods[i].string));
    }

    if ( mbi->flags & MB1_INFO_MMAP )
    {
        uint32_t off = 0;

        while ( off + sizeof(struct mb1_mmap) <= mbi->mmap_length )
        {
            const struct mb1_mmap *e = __va(mbi->mmap_addr + off);

            e820_add(e->base_addr, e->length, e->type);
            off += e->size + sizeof(e->size);
        }
    }
    else if ( mbi->flags & MB1_INFO_MEM )
    {
        e820_add(0, (uint64_t)mbi->mem_lower << 10, E820_RAM);
        e820_add(MB(1), (uint64_t)mbi->mem_upper << 10, E820_RAM);
    }
    else
        return -ENODEV;
    return 0;
}

static int parse_mb2(paddr_t info)
{
    const struct mb2_fixed *fixed = __va(info);
    uint32_t total = fixed->total_size, off = sizeof(*fixed);
    bool have_mmap = false;

    if ( total < sizeof(*fixed) + 8 || total > MB(16) )
        return -EINVAL;
    boot_info.info_start = info;
    boot_info.info_end = info + total;
    boot_info.multiboot2 = true;

    while ( off + sizeof(struct mb2_tag) <= total )
    {
        const struct mb2_tag *tag = __va(info + off);

        if ( tag->type == MB2_TAG_END || tag->size < 8 ||
             tag->size > total - off )
            break;

        switch ( tag->type )
        {
        case MB2_TAG_CMDLINE:
            boot_info.cmdline =
                keep_str(((const struct mb2_tag_string *)tag)->string);
            break;
        case MB2_TAG_LOADER:
            boot_info.loader =
                keep_str(((const struct mb2_tag_string *)tag)->string);
            break;
        case MB2_TAG_MODULE:
        {
            const struct mb2_tag_module *m = (const void *)tag;

            add_module(m->mod_start, m->mod_end, keep_str(m->cmdline));
            break;
        }
        case MB2_TAG_MMAP:
        {
            const struct mb2_tag_mmap *m = (const void *)tag;
            uint32_t e;

            if ( m->entry_size < sizeof(struct mb2_mmap_entry) )
                break;
            for ( e = 16; e + m->entry_size <= tag->size; e += m->entry_size )
            {
                const struct mb2_mmap_entry *ent =
                    (const void *)((const char *)tag + e);

                e820_add(ent->addr, ent->len, ent->type);
            }
            have_mmap = true;
            break;
        }
        case MB2_TAG_ACPI_OLD:
        case MB2_TAG_ACPI_NEW:
            /* The tag carries a copy of the RSDP; find it in place. */
            if ( !boot_info.rsdp || tag->type == MB2_TAG_ACPI_NEW )
                boot_info.rsdp = info + off + 8;
            break;
        }
        off += ROUNDUP(tag->size, 8);
    }
    return have_mmap ? 0 : -ENODEV;
}

/*
 * GRUB and QEMU put the image's path first on the command line
 * ("/boot/xen.gz console=com1"): drop a first word that is a path.
 */
static const char *skip_image_name(const char *c)
{
    const char *p = c;

    while ( *p == ' ' )
        p++;
    while ( *p && *p != ' ' && *p != '=' && *p != '/' )
        p++;
    if ( *p != '/' )
        return c;
    while ( *p && *p != ' ' )
        p++;
    while ( *p == ' ' )
        p++;
    return p;
}

int multiboot_parse(uint32_t magic, paddr_t info)
{
    int rc = -EINVAL;
    unsigned int i;

    boot_info.loader = "unknown";
    boot_info.cmdline = "";
    if ( magic == MB1_BOOTLOADER_MAGIC )
        rc = parse_mb1(info);
    else if ( magic == MB2_BOOTLOADER_MAGIC )
        rc = parse_mb2(info);
    boot_info.cmdline = skip_image_name(boot_info.cmdline);
    for ( i = 0; i < boot_info.nr_modules; i++ )
        boot_info.mods[i].cmdline = skip_image_name(boot_info.mods[i].cmdline);
    return rc;
}
