// SPDX-License-Identifier: GPL-2.0-only
/*
 * The EFI stub's configuration file, as Xen's EFI loader reads it, for
 * booting straight from the firmware (no GRUB): next to the image, named
 * like it with .cfg for .efi (dropping trailing name parts at '.', '-'
 * and '_' until a file exists), or given by -cfg=<file>.  Sections:
 *
 *   [global]
 *   default=<section>
 *   [<section>]
 *   options=<hypervisor command line>
 *   kernel=<file> [dom0 command line]
 *   ramdisk=<file>
 *
 * Without default=, section headers are ignored and each key's first
 * value counts.  The load options are "[-cfg=<file>] [<section>]
 * [-- <more hypervisor options>]".  The kernel and ramdisk become boot
 * modules in /chosen, as GRUB's xen_module would have added them.
 *
 * Like efi-boot.c, this runs before the hypervisor's mappings: only
 * PC-relative addressing, no globals written.
 */
#include <xen/lib.h>
#include <xen/string.h>
#include <asm/efi.h>
#include <asm/layout.h>
#include <asm/page.h>
#include <libfdt.h>

#define PATH_MAX_CHARS 256
#define CFG_MAX        (64UL << 10)
#define NAME_MAX_CHARS 64

struct cfg_files {
    struct efi_file *root;
    efi_char16_t dir[PATH_MAX_CHARS];  /* the image's directory */
    efi_char16_t base[NAME_MAX_CHARS]; /* the image's file name */
};

/* The image's own path from its device path's file-path nodes. */
static bool image_path(const void *dp, efi_char16_t *out, size_t room)
{
    const uint8_t *p = dp;
    size_t n = 0, i;

    while ( p && p[0] != EFI_DEV_END )
    {
        size_t len = p[2] | (p[3] << 8);

        if ( len < 4 )
            return false;
        if ( p[0] == EFI_DEV_MEDIA && p[1] == EFI_DEV_MEDIA_FILEPATH )
            for ( i = 4; i + 1 < len; i += 2 )
            {
                efi_char16_t c = p[i] | (p[i + 1] << 8);

                if ( !c )
                    break;
                if ( n + 1 >= room )
                    return false;
                out[n++] = c == '/' ? '\\' : c;
            }
        p += len;
    }
    out[n] = 0;
    return n > 0;
}

static efi_status_t open_file(struct cfg_files *f, const char *name,
                              struct efi_file **file)
{
    efi_char16_t path[PATH_MAX_CHARS];
    size_t n = 0, i;

    for ( i = 0; f->dir[i] && n + 1 < ARRAY_SIZE(path); i++ )
        path[n++] = f->dir[i];
    for ( i = 0; name[i] && n + 1 < ARRAY_SIZE(path); i++ )
        path[n++] = name[i] == '/' ? '\\' : (unsigned char)name[i];
    if ( name[i] )
        return EFI_INVALID_PARAMETER;
    path[n] = 0;
    return f->root->open(f->root, file, path, EFI_FILE_MODE_READ, 0);
}

/* Reads a whole file into pages of its own; *size is its length. */
static efi_status_t load_file(struct efi_system_table *st, struct cfg_files *f,
                              const char *name, uint64_t max, uint64_t *addr,
                              uint64_t *size)
{
    struct efi_file *file;
    efi_status_t status = open_file(f, name, &file);
    uint64_t len;

    if ( status )
        return status;
    status = file->set_position(file, ~0UL);
    if ( !status )
        status = file->get_position(file, size);
    if ( !status )
        status = file->set_position(file, 0);
    if ( !status && (!*size || *size > max) )
        status = EFI_BUFFER_TOO_SMALL;
    if ( !status )
    {
        *addr = IDMAP_VIRT_END - 1;
        status =
            st->boot->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
                                     PAGE_ALIGN(*size) >> EFI_PAGE_SHIFT, addr);
    }
    if ( !status )
    {
        len = *size;
        status = file->read(file, &len, (void *)*addr);
        if ( !status && len != *size )
            status = EFI_LOAD_ERROR;
    }
    file->close(file);
    return status;
}

/* The value of key in the chosen section (or anywhere), or NULL. */
static const char *cfg_value(const char *cfg, const char *section,
                             const char *key, size_t *len)
{
    const char *p = cfg, *eol;
    size_t klen = strlen(key), slen = section ? strlen(section) : 0;
    bool in = !section;

    for ( ; *p; p = *eol ? eol + 1 : eol )
    {
        for ( eol = p; *eol && *eol != '\n'; eol++ )
            ;
        while ( p < eol && (*p == ' ' || *p == '\t') )
            p++;
        if ( p == eol || *p == '#' )
            continue;
        if ( *p == '[' )
        {
            if ( section )
                in = (size_t)(eol - p) > slen + 1 && p[slen + 1] == ']' &&
                     !strncmp(p + 1, section, slen);
            continue;
        }
        if ( !in || (size_t)(eol - p) <= klen || p[klen] != '=' ||
             strncmp(p, key, klen) )
            continue;
        p += klen + 1;
        *len = eol - p;
        while ( *len && (p[*len - 1] == '\r' || p[*len - 1] == ' ') )
            (*len)--;
        return p;
    }
    return NULL;
}

static void copy_str(char *dst, size_t room, const char *src, size_t len)
{
    if ( len >= room )
        len = room - 1;
    memcpy(dst, src, len);
    dst[len] = 0;
}

/* A boot module under /chosen: the reg cells follow /chosen's. */
static int add_module(void *fdt, int chosen, bool kernel, uint64_t addr,
                      uint64_t size, const char *args)
{
    static const char kcompat[] = "multiboot,kernel\0multiboot,module";
    static const char rcompat[] = "multiboot,ramdisk\0multiboot,module";
    char name[sizeof("module@") + 16];
    fdt32_t reg[4];
    int node, i;

    memcpy(name, "module@", 7);
    for ( i = 0; i < 16; i++ )
        name[7 + i] = "0123456789abcdef"[(addr >> (60 - 4 * i)) & 0xf];
    name[23] = 0;
    reg[0] = cpu_to_fdt32(addr >> 32);
    reg[1] = cpu_to_fdt32(addr);
    reg[2] = cpu_to_fdt32(size >> 32);
    reg[3] = cpu_to_fdt32(size);
    node = fdt_add_subnode(fdt, chosen, name);
    if ( node < 0 )
        return node;
    if ( fdt_setprop(fdt, node, "compatible", kernel ? kcompat : rcompat,
                     kernel ? sizeof(kcompat) : sizeof(rcompat)) ||
         fdt_setprop(fdt, node, "reg", reg, sizeof(reg)) ||
         (args && args[0] && fdt_setprop_string(fdt, node, "bootargs", args)) )
        return -1;
    return 0;
}

/* Finds the configuration file; on success cfg holds it, NUL-ended. */
static efi_status_t find_cfg(struct efi_system_table *st, struct cfg_files *f,
                             const char *given, char *cfg, size_t room)
{
    char name[NAME_MAX_CHARS];
    struct efi_file *file;
    uint64_t len;
    efi_status_t status;
    size_t n;

    if ( given )
        copy_str(name, sizeof(name), given, strlen(given));
    else
    {
        /* The image's file name, its extension replaced by .cfg. */
        const efi_char16_t *base = f->base;
        size_t i;

        for ( n = 0; base[n] && n + 5 < sizeof(name); n++ )
            name[n] = base[n] < 0x80 ? base[n] : '_';
        name[n] = 0;
        for ( i = n; i > 0 && name[i - 1] != '.'; i-- )
            ;
        if ( i )
            n = i - 1;
    }

    for ( ;; )
    {
        if ( !given )
            memcpy(name + n, ".cfg", 5);
        status = open_file(f, name, &file);
        if ( !status )
            break;
        if ( given )
            return status;
        /* xen-4.2-unstable.cfg, then xen-4.2.cfg, xen-4.cfg, xen.cfg. */
        while ( n && name[n - 1] != '.' && name[n - 1] != '-' &&
                name[n - 1] != '_' )
            n--;
        if ( !n )
            return EFI_NOT_FOUND;
        n--;
    }
    len = room - 1;
    status = file->read(file, &len, cfg);
    file->close(file);
    if ( status )
        return status;
    cfg[len] = 0;
    efi_puts(st, "Using configuration file '");
    efi_puts(st, name);
    efi_puts(st, "'\n");
    return 0;
}

efi_status_t efi_cfg_boot(struct efi_system_table *st,
                          struct efi_loaded_image *li, void *fdt, char *cmdline,
                          size_t size, bool *used)
{
    static const efi_guid_t fs_guid = EFI_SIMPLE_FILE_SYSTEM_GUID;
    struct efi_simple_file_system *fs;
    struct cfg_files f;
    char given[NAME_MAX_CHARS], section[NAME_MAX_CHARS], extra[256];
    char kernel[256], args[1024], *cfg;
    const char *p, *v;
    uint64_t addr, kaddr, ksize, cfg_addr;
    size_t len, i;
    efi_status_t status;
    int chosen;

    *used = false;
    if ( !li || !li->device || !li->file_path ||
         st->boot->handle_protocol(li->device, &fs_guid, (void **)&fs) ||
         fs->open_volume(fs, &f.root) )
        return 0;
    if ( !image_path(li->file_path, f.dir, ARRAY_SIZE(f.dir)) )
        return 0;
    /* Split "\\dir\\name.efi" into the directory (kept) and the name. */
    for ( i = 0, len = 0; f.dir[i]; i++ )
        if ( f.dir[i] == '\\' )
            len = i + 1;
    for ( i = 0; f.dir[len + i] && i + 1 < ARRAY_SIZE(f.base); i++ )
        f.base[i] = f.dir[len + i];
    f.base[i] = 0;
    f.dir[len] = 0;

    /* Load options: [-cfg=<file>] [<section>] [-- <options>]. */
    given[0] = section[0] = extra[0] = 0;
    for ( p = cmdline; *p; )
    {
        while ( *p == ' ' )
            p++;
        for ( len = 0; p[len] && p[len] != ' '; len++ )
            ;
        if ( len == 2 && !strncmp(p, "--", 2) )
        {
            for ( p += 2; *p == ' '; p++ )
                ;
            copy_str(extra, sizeof(extra), p, strlen(p));
            break;
        }
        if ( len > 5 && !strncmp(p, "-cfg=", 5) )
            copy_str(given, sizeof(given), p + 5, len - 5);
        else if ( len && p[0] != '-' && !section[0] )
            copy_str(section, sizeof(section), p, len);
        p += len;
    }

    cfg_addr = IDMAP_VIRT_END - 1;
    if ( st->boot->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
                                  CFG_MAX >> EFI_PAGE_SHIFT, &cfg_addr) )
        return 0;
    cfg = (char *)cfg_addr;
    status = find_cfg(st, &f, given[0] ? given : NULL, cfg, CFG_MAX);
    if ( status == EFI_NOT_FOUND && !given[0] )
    {
        st->boot->free_pages(cfg_addr, CFG_MAX >> EFI_PAGE_SHIFT);
        return 0; /* no file: the load options stand */
    }
    if ( status )
        return efi_fail(st, "cannot read the configuration file", status);
    *used = true;

    if ( !section[0] && (v = cfg_value(cfg, "global", "default", &len)) )
        copy_str(section, sizeof(section), v, len);

    /* The hypervisor's line: options=, then what followed "--". */
    cmdline[0] = 0;
    if ( (v = cfg_value(cfg, section[0] ? section : NULL, "options", &len)) )
        copy_str(cmdline, size, v, len);
    if ( extra[0] )
    {
        i = strlen(cmdline);
        if ( i && i + 1 < size )
            cmdline[i++] = ' ';
        copy_str(cmdline + i, size - i, extra, strlen(extra));
    }

    chosen = fdt_path_offset(fdt, "/chosen");
    if ( chosen < 0 )
        chosen = fdt_add_subnode(fdt, 0, "chosen");
    if ( chosen < 0 || fdt_setprop_u32(fdt, chosen, "#address-cells", 2) ||
         fdt_setprop_u32(fdt, chosen, "#size-cells", 2) )
        return efi_fail(st, "cannot update /chosen", EFI_LOAD_ERROR);

    v = cfg_value(cfg, section[0] ? section : NULL, "kernel", &len);
    if ( !v )
        return 0; /* no dom0: the hypervisor says so */
    for ( i = 0; i < len && v[i] != ' '; i++ )
        ;
    copy_str(kernel, sizeof(kernel), v, i);
    while ( i < len && v[i] == ' ' )
        i++;
    copy_str(args, sizeof(args), v + i, len - i);
    status = load_file(st, &f, kernel, 1UL << 30, &kaddr, &ksize);
    if ( status )
    {
        efi_puts(st, "EFI loader: kernel ");
        efi_puts(st, kernel);
        efi_puts(st, ":\n");
        return efi_fail(st, "cannot load the dom0 kernel", status);
    }
    if ( add_module(fdt, chosen, true, kaddr, ksize, args) )
        return efi_fail(st, "no room for the kernel module node",
                        EFI_LOAD_ERROR);

    v = cfg_value(cfg, section[0] ? section : NULL, "ramdisk", &len);
    if ( v )
    {
        copy_str(kernel, sizeof(kernel), v, len);
        status = load_file(st, &f, kernel, 1UL << 31, &addr, &ksize);
        if ( status )
            return efi_fail(st, "cannot load the ramdisk", status);
        if ( add_module(fdt, chosen, false, addr, ksize, NULL) )
            return efi_fail(st, "no room for the ramdisk module node",
                            EFI_LOAD_ERROR);
    }
    return 0;
}
