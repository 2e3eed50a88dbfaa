// SPDX-License-Identifier: GPL-2.0-only
/*
 * Early device-tree reading (libfdt): RAM banks, reserved ranges, boot
 * modules (multiboot,module nodes under /chosen) and the command lines,
 * with the precedence rules of docs/misc/arm/device-tree/booting.txt.
 * Runs on the boot CPU before any guest exists (libfdt uses FP/SIMD).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <libfdt.h>
#include <asm/page.h>
#include <asm/setup.h>

struct bootinfo bootinfo;
paddr_t boot_fdt_paddr;
size_t boot_fdt_size;
const void *device_tree_flattened;

static size_t strcspn_colon(const char *s)
{
    const char *c = strchr(s, ':');

    return c ? (size_t)(c - s) : strlen(s);
}

/* Cells of a node's "reg", from its parent (defaults 2 and 1). */
static uint32_t cells_of(const void *fdt, int parent, const char *name,
                         uint32_t dflt)
{
    int len;
    const fdt32_t *p = fdt_getprop(fdt, parent, name, &len);

    return p && len == 4 ? fdt32_to_cpu(*p) : dflt;
}

static uint64_t read_cells(const fdt32_t **p, uint32_t n)
{
    uint64_t v = 0;

    while ( n-- )
        v = (v << 32) | fdt32_to_cpu(*(*p)++);
    return v;
}

/* Append every (address, size) of node's reg to m. */
static void add_reg_banks(const void *fdt, int node, uint32_t ac,
                          uint32_t sc, struct meminfo *m, const char *what)
{
    int len;
    const fdt32_t *p = fdt_getprop(fdt, node, "reg", &len);
    unsigned int n;

    if ( !p || !ac || ac > 2 || sc > 2 || len < 0 )
        return;
    for ( n = len / (4 * (ac + sc)); n; n-- )
    {
        uint64_t s = read_cells(&p, ac), sz = read_cells(&p, sc);

        if ( !sz )
            continue;
        if ( m->nr == NR_MEM_BANKS )
        {
            printk(XENLOG_WARNING "Too many %s ranges; ignoring %#lx+%#lx\n",
                   what, (unsigned long)s, (unsigned long)sz);
            continue;
        }
        m->bank[m->nr].start = s;
        m->bank[m->nr].size = sz;
        m->nr++;
    }
}

static bool is_memory_node(const void *fdt, int node)
{
    const char *t = fdt_getprop(fdt, node, "device_type", NULL);

    return t && !strcmp(t, "memory");
}

static void read_module(const void *fdt, int node, uint32_t ac, uint32_t sc)
{
    struct bootmodule *mod;
    const fdt32_t *p;
    const char *args;
    int len;

    if ( bootinfo.nr_mods == NR_BOOT_MODULES )
    {
        printk(XENLOG_WARNING "Too many boot modules; ignoring %s\n",
               fdt_get_name(fdt, node, NULL));
        return;
    }
    p = fdt_getprop(fdt, node, "reg", &len);
    if ( !p || len < (int)(4 * (ac + sc)) || ac > 2 || sc > 2 )
        return;
    mod = &bootinfo.mods[bootinfo.nr_mods];
    mod->start = read_cells(&p, ac);
    mod->size = read_cells(&p, sc);

    if ( !fdt_node_check_compatible(fdt, node, "multiboot,kernel") ||
         !fdt_node_check_compatible(fdt, node, "xen,linux-zimage") )
        mod->kind = BOOTMOD_KERNEL;
    else if ( !fdt_node_check_compatible(fdt, node, "multiboot,ramdisk") ||
              !fdt_node_check_compatible(fdt, node, "xen,linux-initrd") )
        mod->kind = BOOTMOD_RAMDISK;
    else if ( !fdt_node_check_compatible(fdt, node,
                                         "multiboot,device-tree") )
        mod->kind = BOOTMOD_FDT;
    else
        mod->kind = BOOTMOD_UNKNOWN;

    args = fdt_getprop(fdt, node, "bootargs", &len);
    if ( args && len > 0 )
        strlcpy(mod->cmdline, args, sizeof(mod->cmdline));
    bootinfo.nr_mods++;
}

/* Unnamed modules: the first is the kernel, the next the ramdisk. */
static void name_modules(void)
{
    bool have_kernel = false, have_ramdisk = false;
    unsigned int i;

    for ( i = 0; i < bootinfo.nr_mods; i++ )
    {
        have_kernel |= bootinfo.mods[i].kind == BOOTMOD_KERNEL;
        have_ramdisk |= bootinfo.mods[i].kind == BOOTMOD_RAMDISK;
    }
    for ( i = 0; i < bootinfo.nr_mods; i++ )
    {
        struct bootmodule *m = &bootinfo.mods[i];

        if ( m->kind != BOOTMOD_UNKNOWN )
            continue;
        if ( !have_kernel )
        {
            m->kind = BOOTMOD_KERNEL;
            have_kernel = true;
        }
        else if ( !have_ramdisk )
        {
            m->kind = BOOTMOD_RAMDISK;
            have_ramdisk = true;
        }
    }
}

static void read_chosen(const void *fdt, int chosen, uint32_t root_ac,
                        uint32_t root_sc)
{
    /* QEMU's guest-loader sizes module regs by the root's cells. */
    uint32_t ac = cells_of(fdt, chosen, "#address-cells", root_ac);
    uint32_t sc = cells_of(fdt, chosen, "#size-cells", root_sc);
    const struct bootmodule *kernel = NULL;
    const char *xen_args, *args;
    unsigned int i;
    int node;

    fdt_for_each_subnode(node, fdt, chosen)
        if ( !fdt_node_check_compatible(fdt, node, "multiboot,module") ||
             !fdt_node_check_compatible(fdt, node, "xen,multiboot-module") )
            read_module(fdt, node, ac, sc);
    name_modules();

    for ( i = 0; i < bootinfo.nr_mods; i++ )
        if ( bootinfo.mods[i].kind == BOOTMOD_KERNEL )
            kernel = &bootinfo.mods[i];

    /*
     * The hypervisor's line: xen,xen-bootargs; failing that, plain
     * bootargs when dom0 has its own line elsewhere, or when there is no
     * dom0 kernel at all (Xen would leave the line unused then).
     */
    xen_args = fdt_getprop(fdt, chosen, "xen,xen-bootargs", NULL);
    args = fdt_getprop(fdt, chosen, "bootargs", NULL);
    if ( !xen_args && args &&
         (fdt_getprop(fdt, chosen, "xen,dom0-bootargs", NULL) ||
          !kernel || kernel->cmdline[0]) )
        xen_args = args;
    bootinfo.xen_cmdline = xen_args ? xen_args : "";

    /* dom0's line: its module's own, else xen,dom0-bootargs, else bootargs. */
    if ( kernel && !kernel->cmdline[0] )
    {
        const char *d = fdt_getprop(fdt, chosen, "xen,dom0-bootargs", NULL);

        if ( !d && !fdt_getprop(fdt, chosen, "xen,xen-bootargs", NULL) &&
             xen_args != args )
            d = args;
        if ( d )
            strlcpy(((struct bootmodule *)kernel)->cmdline, d,
                    sizeof(kernel->cmdline));
    }
}

/* Returns the FDT's size, or 0 if there is no valid FDT at fdt_pa. */
size_t boot_fdt_init(paddr_t fdt_pa)
{
    const void *fdt;
    uint32_t ac, sc;
    int node, depth = -1, i, n;

    bootinfo.xen_cmdline = "";
    if ( !fdt_pa || (fdt_pa & 7) )
        return 0;
    fdt = boot_fdt_map(fdt_pa);
    if ( fdt_check_header(fdt) || fdt_totalsize(fdt) > L2_PAGE_SIZE )
        return 0;
    boot_fdt_paddr = fdt_pa;
    boot_fdt_size = fdt_totalsize(fdt);
    device_tree_flattened = fdt;

    ac = cells_of(fdt, 0, "#address-cells", 2);
    sc = cells_of(fdt, 0, "#size-cells", 1);

    for ( node = fdt_next_node(fdt, -1, &depth); node >= 0 && depth >= 0;
          node = fdt_next_node(fdt, node, &depth) )
    {
        const char *name = fdt_get_name(fdt, node, NULL);

        if ( depth == 1 && is_memory_node(fdt, node) )
            add_reg_banks(fdt, node, ac, sc, &bootinfo.mem, "memory");
        else if ( depth == 1 && name && !strcmp(name, "reserved-memory") )
        {
            uint32_t rac = cells_of(fdt, node, "#address-cells", ac);
            uint32_t rsc = cells_of(fdt, node, "#size-cells", sc);
            int child;

            fdt_for_each_subnode(child, fdt, node)
                add_reg_banks(fdt, child, rac, rsc, &bootinfo.reserved,
                              "reserved-memory");
        }
        else if ( depth == 1 && name && !strcmp(name, "chosen") )
            read_chosen(fdt, node, ac, sc);
    }

    n = fdt_num_mem_rsv(fdt);
    for ( i = 0; i < n && bootinfo.reserved.nr < NR_MEM_BANKS; i++ )
    {
        uint64_t s, sz;

        if ( fdt_get_mem_rsv(fdt, i, &s, &sz) || !sz )
            continue;
        bootinfo.reserved.bank[bootinfo.reserved.nr].start = s;
        bootinfo.reserved.bank[bootinfo.reserved.nr].size = sz;
        bootinfo.reserved.nr++;
    }
    return boot_fdt_size;
}

/* Entry idx of node's reg, sized by its parent's cells; 0 or -ENOENT. */
int dt_get_reg(int node, unsigned int idx, paddr_t *addr, paddr_t *size)
{
    const void *fdt = device_tree_flattened;
    int parent = fdt_parent_offset(fdt, node), len;
    uint32_t ac, sc;
    const fdt32_t *p;

    if ( parent < 0 )
        return -ENOENT;
    ac = cells_of(fdt, parent, "#address-cells", 2);
    sc = cells_of(fdt, parent, "#size-cells", 1);
    p = fdt_getprop(fdt, node, "reg", &len);
    if ( !p || ac > 2 || sc > 2 || len < (int)((idx + 1) * 4 * (ac + sc)) )
        return -ENOENT;
    p += idx * (ac + sc);
    *addr = read_cells(&p, ac);
    *size = read_cells(&p, sc);
    return 0;
}

/*
 * A node named by a path or an alias (dtuart=), or by /chosen/stdout-path
 * when name is NULL or empty.  Returns its offset or a negative error.
 */
int dt_find_node_by_path_or_alias(const char *name)
{
    const void *fdt = device_tree_flattened;
    char path[128];
    size_t n;

    if ( !name || !*name )
    {
        int chosen = fdt_path_offset(fdt, "/chosen");

        name = chosen < 0 ? NULL : fdt_getprop(fdt, chosen, "stdout-path",
                                               NULL);
        if ( !name )
            return -ENOENT;
    }
    /* "serial0:115200n8": the options after ':' are not part of it. */
    n = strcspn_colon(name);
    if ( n >= sizeof(path) )
        return -ENOENT;
    memcpy(path, name, n);
    path[n] = '\0';
    if ( path[0] != '/' )
    {
        const char *alias = fdt_get_alias(fdt, path);

        if ( !alias )
            return -ENOENT;
        return fdt_path_offset(fdt, alias);
    }
    return fdt_path_offset(fdt, path);
}
