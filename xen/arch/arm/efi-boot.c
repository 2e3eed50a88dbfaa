// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arm64 EFI stub: the same image, started as a UEFI application (by
 * the firmware's boot manager, the UEFI shell, or GRUB's xen_hypervisor),
 * turns the firmware's state into what the Linux arm64 boot protocol
 * entry (head.S real_start) expects, then takes that path:
 *
 *  - the device tree comes from the firmware's configuration table (GRUB
 *    has already added the boot modules and bootargs to it when it loaded
 *    us with xen_hypervisor/xen_module); it is copied with room to spare;
 *  - RAM comes from the UEFI memory map, not the tree's memory nodes,
 *    which are replaced: only conventional, boot services and loader
 *    memory counts, so firmware runtime regions and reserved memory stay
 *    out of the hypervisor's heap and out of dom0;
 *  - when nothing has supplied boot modules, the load options (the shell
 *    or boot entry's command line) become /chosen/xen,xen-bootargs;
 *  - the image is copied to a 2 MiB-aligned block, as head.S requires;
 *  - after ExitBootServices the copy and the tree are cleaned to the
 *    point of coherency, the MMU is switched off and real_start entered.
 *
 * This code runs at whatever address the firmware loaded the file, before
 * the hypervisor's own mappings exist: it must only address memory
 * PC-relatively (no pointers in initialised data, no console, no
 * globals written) and calls the firmware through its tables.  Debian's
 * libfdt.a is position-independent code that reaches its one global, the
 * stack protector's guard, through the GOT: the stub first points the GOT
 * entries at the running copy (after taking the pristine copy for the
 * hypervisor).
 */
#include <xen/lib.h>
#include <xen/string.h>
#include <asm/efi.h>
#include <asm/layout.h>
#include <asm/page.h>
#include <libfdt.h>

#define SZ_2M          (2UL << 20)
/* Room for the hypervisor's command line and the new memory node. */
#define FDT_SLACK      (64UL << 10)
#define MAX_RAM_RANGES 128
#define CMDLINE_MAX    1024
#define EFI_MEMORY_WB  0x8UL

extern char start[], real_start[], _edata[], _end[];
extern uint64_t __got_start[], __got_end[];
void __noreturn efi_enter_xen(void *fdt, void *entry);
efi_status_t efi_boot(efi_handle_t image, struct efi_system_table *st,
                      char *self);

struct ram_range {
    uint64_t start, end;
};

void efi_puts(struct efi_system_table *st, const char *s)
{
    efi_char16_t buf[64];
    unsigned int n = 0;

    if ( !st->con_out )
        return;
    while ( *s )
    {
        if ( *s == '\n' )
            buf[n++] = '\r';
        buf[n++] = (unsigned char)*s++;
        if ( n >= ARRAY_SIZE(buf) - 2 || !*s )
        {
            buf[n] = 0;
            st->con_out->output_string(st->con_out, buf);
            n = 0;
        }
    }
}

static void efi_put_hex(struct efi_system_table *st, uint64_t v)
{
    char buf[19];
    int i;

    buf[0] = '0';
    buf[1] = 'x';
    for ( i = 0; i < 16; i++ )
        buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
    buf[18] = 0;
    efi_puts(st, buf);
}

efi_status_t efi_fail(struct efi_system_table *st, const char *what,
                             efi_status_t status)
{
    efi_puts(st, "EFI loader: ");
    efi_puts(st, what);
    efi_puts(st, " (status ");
    efi_put_hex(st, status);
    efi_puts(st, "); not starting the hypervisor\n");
    return status;
}

/* GOT entries hold link-time addresses; make them runtime ones. */
static void relocate_got(const char *self)
{
    uint64_t *g, size = _end - start;

    for ( g = __got_start; g < __got_end; g++ )
        if ( *g >= XEN_VIRT_START && *g < XEN_VIRT_START + size )
            *g += (uint64_t)self - XEN_VIRT_START;
}

static bool guid_eq(const efi_guid_t *a, const efi_guid_t *b)
{
    return !memcmp(a, b, sizeof(*a));
}

/*
 * The load options as ASCII: UCS-2 from the shell or a boot entry, cut at
 * the first NUL; anything else becomes '?'.  A leading word naming an
 * .efi file (the shell passes the command itself) is dropped.
 */
static void get_cmdline(const struct efi_loaded_image *li, char *out,
                        size_t size)
{
    const efi_char16_t *w = li->load_options;
    size_t n = li->load_options_size / 2, i, o = 0;
    const char *p;

    out[0] = 0;
    if ( !w )
        return;
    for ( i = 0; i < n && w[i] && o + 1 < size; i++ )
        out[o++] = (w[i] >= 0x20 && w[i] < 0x7f) ? (char)w[i] : '?';
    out[o] = 0;

    for ( p = out; *p == ' '; p++ )
        ;
    for ( i = 0; p[i] && p[i] != ' '; i++ )
        ;
    if ( i >= 4 &&
         (!strncmp(p + i - 4, ".efi", 4) || !strncmp(p + i - 4, ".EFI", 4)) )
    {
        p += i;
        while ( *p == ' ' )
            p++;
    }
    memmove(out, p, strlen(p) + 1);
}

static bool usable_ram(const struct efi_memory_desc *d)
{
    if ( !(d->attribute & EFI_MEMORY_WB) )
        return false;
    switch ( d->type )
    {
    case EFI_LOADER_CODE:
    case EFI_LOADER_DATA:
    case EFI_BOOT_SERVICES_CODE:
    case EFI_BOOT_SERVICES_DATA:
    case EFI_CONVENTIONAL_MEMORY:
        return true;
    default:
        return false;
    }
}

/* Adds [s, e) to the sorted, disjoint list r[0..*n), merging neighbours. */
static bool add_range(struct ram_range *r, unsigned int *n, uint64_t s,
                      uint64_t e)
{
    unsigned int i = 0, j;

    while ( i < *n && r[i].end < s )
        i++;
    if ( i < *n && r[i].start <= e )
    {
        r[i].start = min(r[i].start, s);
        r[i].end = max(r[i].end, e);
        while ( i + 1 < *n && r[i + 1].start <= r[i].end )
        {
            r[i].end = max(r[i].end, r[i + 1].end);
            for ( j = i + 1; j + 1 < *n; j++ )
                r[j] = r[j + 1];
            (*n)--;
        }
        return true;
    }
    if ( *n == MAX_RAM_RANGES )
        return false;
    for ( j = *n; j > i; j-- )
        r[j] = r[j - 1];
    r[i].start = s;
    r[i].end = e;
    (*n)++;
    return true;
}

static void put_cells(fdt32_t **p, uint64_t v, int cells)
{
    if ( cells == 2 )
        *(*p)++ = cpu_to_fdt32(v >> 32);
    *(*p)++ = cpu_to_fdt32(v);
}

/* Replaces the tree's memory nodes by one built from the memory map. */
static const char *set_memory_node(void *fdt, const void *map,
                                   uint64_t map_size, uint64_t desc_size)
{
    struct ram_range r[MAX_RAM_RANGES];
    fdt32_t reg[MAX_RAM_RANGES * 4], *p = reg;
    char name[sizeof("memory@") + 16];
    unsigned int n = 0, i;
    uint64_t off, base;
    int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0);
    int node;

    if ( ac < 1 || ac > 2 || sc < 1 || sc > 2 )
        return "unsupported #address-cells/#size-cells in the device tree";

    for ( off = 0; off + desc_size <= map_size; off += desc_size )
    {
        const struct efi_memory_desc *d = map + off;
        uint64_t s = d->phys_start, e = s + (d->nr_pages << EFI_PAGE_SHIFT);

        if ( !usable_ram(d) || e <= s )
            continue;
        if ( ac == 1 && e > (1UL << 32) )
            e = 1UL << 32;
        if ( e > s && !add_range(r, &n, s, e) )
            return "too many RAM ranges in the memory map";
    }
    if ( !n )
        return "no RAM in the memory map";

    for ( i = 0; i < n; i++ )
    {
        uint64_t size = r[i].end - r[i].start;

        if ( sc == 1 && size >= (1UL << 32) )
            size = (1UL << 32) - (1UL << EFI_PAGE_SHIFT);
        put_cells(&p, r[i].start, ac);
        put_cells(&p, size, sc);
    }

    while ( (node = fdt_node_offset_by_prop_value(
                 fdt, -1, "device_type", "memory", sizeof("memory"))) >= 0 )
        if ( fdt_del_node(fdt, node) )
            return "cannot remove the firmware's memory nodes";

    memcpy(name, "memory@", 7);
    base = r[0].start;
    for ( i = 0; i == 0 || base >> (4 * i); i++ )
        ;
    name[7 + i] = 0;
    while ( i-- )
    {
        name[7 + i] = "0123456789abcdef"[base & 0xf];
        base >>= 4;
    }
    node = fdt_add_subnode(fdt, 0, name);
    if ( node < 0 || fdt_setprop_string(fdt, node, "device_type", "memory") ||
         fdt_setprop(fdt, node, "reg", reg, (char *)p - (char *)reg) )
        return "no room for the memory node in the device tree";
    return NULL;
}

static bool has_boot_modules(const void *fdt)
{
    int chosen = fdt_path_offset(fdt, "/chosen"), node;

    if ( chosen < 0 )
        return false;
    fdt_for_each_subnode(
        node, fdt,
        chosen) if ( !fdt_node_check_compatible(fdt, node,
                                                "multiboot,module") ||
                     !fdt_node_check_compatible(
                         fdt, node, "xen,multiboot-module") ) return true;
    return false;
}

static void dcache_clean_inval(const void *p, size_t size)
{
    uint64_t ctr, line, a, end = (uint64_t)p + size;

    asm volatile("mrs %0, ctr_el0" : "=r"(ctr));
    line = 4UL << ((ctr >> 16) & 0xf);
    for ( a = (uint64_t)p & ~(line - 1); a < end; a += line )
        asm volatile("dc civac, %0" ::"r"(a) : "memory");
    asm volatile("dsb sy" ::: "memory");
}

efi_status_t efi_boot(efi_handle_t image, struct efi_system_table *st,
                      char *self)
{
    static const efi_guid_t dt_guid = EFI_DEVICE_TREE_GUID;
    static const efi_guid_t li_guid = EFI_LOADED_IMAGE_GUID;
    struct efi_boot_services *bs = st->boot;
    struct efi_loaded_image *li = NULL;
    const void *fw_fdt = NULL;
    size_t file_size = _edata - start, image_size = _end - start;
    uint64_t addr, fdt_size, map_size, map_alloc, key, desc_size;
    uint32_t desc_ver;
    char cmdline[CMDLINE_MAX];
    const char *err;
    void *fdt, *map = NULL;
    char *dest;
    efi_status_t status;
    unsigned int i, tries;

    efi_puts(st, "Xen (clean-room, Xen ABI) arm64: EFI loader at ");
    efi_put_hex(st, (uint64_t)self);
    efi_puts(st, "\n");

    /* Below the end of the identity map head.S builds (10 TiB). */
    addr = IDMAP_VIRT_END - 1;
    status = bs->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
                                (image_size + SZ_2M) >> EFI_PAGE_SHIFT, &addr);
    if ( status )
        return efi_fail(st, "no memory for the hypervisor image", status);
    dest = (char *)((addr + SZ_2M - 1) & ~(SZ_2M - 1));
    memcpy(dest, self, file_size);
    memset(dest + file_size, 0, image_size - file_size);
    relocate_got(self);

    for ( i = 0; i < st->nr_tables; i++ )
        if ( guid_eq(&st->tables[i].guid, &dt_guid) )
            fw_fdt = st->tables[i].table;
    if ( !fw_fdt || fdt_check_header(fw_fdt) )
        return efi_fail(st,
                        "the firmware gave no device tree (ACPI-only "
                        "boot is not supported)",
                        EFI_UNSUPPORTED);
    fdt_size = fdt_totalsize(fw_fdt) + FDT_SLACK;
    if ( fdt_size > SZ_2M )
        return efi_fail(st, "device tree larger than 2 MiB", EFI_UNSUPPORTED);

    status = bs->handle_protocol(image, &li_guid, (void **)&li);
    if ( status || !li )
        li = NULL;
    if ( li )
        get_cmdline(li, cmdline, sizeof(cmdline));
    else
        cmdline[0] = 0;

    addr = IDMAP_VIRT_END - 1;
    status = bs->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
                                PAGE_ALIGN(fdt_size) >> EFI_PAGE_SHIFT, &addr);
    if ( status )
        return efi_fail(st, "no memory for the device tree", status);
    fdt = (void *)addr;
    if ( fdt_open_into(fw_fdt, fdt, fdt_size) )
        return efi_fail(st, "cannot copy the device tree", EFI_LOAD_ERROR);

    /*
     * Without boot modules from a loader, a configuration file next to
     * the image may name them (efi-cfg.c); either way the load options
     * or the file give the hypervisor's line.
     */
    if ( !has_boot_modules(fdt) )
    {
        bool used;

        status = efi_cfg_boot(st, li, fdt, cmdline, sizeof(cmdline), &used);
        if ( status )
            return status;
    }
    if ( cmdline[0] && !fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"),
                                    "bootargs", NULL) )
    {
        int chosen = fdt_path_offset(fdt, "/chosen");

        if ( chosen < 0 )
            chosen = fdt_add_subnode(fdt, 0, "chosen");
        if ( chosen < 0 ||
             fdt_setprop_string(fdt, chosen, "xen,xen-bootargs", cmdline) )
            return efi_fail(st, "cannot store the command line",
                            EFI_LOAD_ERROR);
    }

    /*
     * The memory map: sized, allocated with room for the descriptors the
     * allocation itself adds, read, turned into the memory node; then
     * ExitBootServices, which fails if the map changed meanwhile (read
     * it again then, without allocating).
     */
    map_size = 0;
    status = bs->get_memory_map(&map_size, NULL, &key, &desc_size, &desc_ver);
    if ( status != EFI_BUFFER_TOO_SMALL )
        return efi_fail(st, "cannot size the memory map", status);
    map_alloc = map_size + 16 * desc_size;
    status = bs->allocate_pool(EFI_LOADER_DATA, map_alloc, &map);
    if ( status )
        return efi_fail(st, "no memory for the memory map", status);

    efi_puts(st, "EFI loader: image at ");
    efi_put_hex(st, (uint64_t)dest);
    efi_puts(st, ", device tree at ");
    efi_put_hex(st, (uint64_t)fdt);
    efi_puts(st, "; exiting boot services\n");

    for ( tries = 0;; tries++ )
    {
        map_size = map_alloc;
        status =
            bs->get_memory_map(&map_size, map, &key, &desc_size, &desc_ver);
        if ( status )
            return efi_fail(st, "cannot read the memory map", status);
        err = set_memory_node(fdt, map, map_size, desc_size);
        if ( err )
            return efi_fail(st, err, EFI_LOAD_ERROR);
        status = bs->exit_boot_services(image, key);
        if ( !status )
            break;
        if ( tries == 3 )
            return efi_fail(st, "ExitBootServices failed", status);
    }

    /* Boot services are gone: no console until the hypervisor's own. */
    dcache_clean_inval(dest, image_size);
    dcache_clean_inval(fdt, fdt_size);
    efi_enter_xen(fdt, dest + (real_start - start));
}
