// SPDX-License-Identifier: GPL-2.0-only
/*
 * dom0's device tree: the host's, copied node by node, minus what the
 * hypervisor keeps (console UART, PMU, memory-mapped timer, modules), with
 * the GIC, timer and /chosen rewritten and /hypervisor, /psci, /cpus and
 * /memory recreated at the end of the root node, as Xen 4.17 does.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <libfdt.h>
#include <asm/dom0_fdt.h>

#ifndef XEN_VERSION_MAJOR
#error "XEN_VERSION_MAJOR/MINOR come from xen/Makefile"
#endif

#define MAX_DEPTH       32
#define GIC_IRQ_CELLS   3
#define PPI_FLAGS       0xf08   /* CPU mask 0xf, level-sensitive low */
#define PSCI_0_1_OFF    1       /* Xen's PSCI 0.1 function ids */
#define PSCI_0_1_ON     2

struct ctx {
    const void *host;
    void *out;
    const struct dom0_fdt_params *p;
    uint32_t root_ac, root_sc;
    int gic;                    /* host offset of the GIC dom0 sees */
    uint32_t gic_phandle;
    bool gic_v3;
    int timer;                  /* first host timer node, or -1 */
    bool timer_done, chosen_seen;
    char memname[32];           /* "memory@<bank 0>" */
};

/* Host nodes dropped with their subtree (Xen's skip list). */
static const char *const skip_compat[] = {
    "xen,xen", "xen,multiboot-module", "multiboot,module", "xen,domain",
    "arm,psci", "arm,psci-0.2", "arm,psci-1.0",
    "arm,cortex-a7-pmu", "arm,cortex-a15-pmu", "arm,armv8-pmuv3",
    "arm,cortex-a53-edac", "arm,armv7-timer-mem",
};

static const char *const gic_v2_compat[] = {
    "arm,cortex-a15-gic", "arm,cortex-a7-gic", "arm,gic-400",
};

/* /chosen properties for the hypervisor or re-made for dom0. */
static const char *const chosen_drop[] = {
    "bootargs", "linux,initrd-start", "linux,initrd-end", "stdout-path",
    "linux,uefi-system-table", "linux,uefi-mmap-start",
    "linux,uefi-mmap-size", "linux,uefi-mmap-desc-size",
    "linux,uefi-mmap-desc-ver",
};

static int err_of(int fdt_err)
{
    if ( fdt_err >= 0 )
        return 0;
    return fdt_err == -FDT_ERR_NOSPACE ? -ENOSPC : -EINVAL;
}

static bool compat_any(const void *fdt, int node, const char *const *list,
                       unsigned int n)
{
    int len;
    const char *c = fdt_getprop(fdt, node, "compatible", &len);
    unsigned int i;

    for ( i = 0; c && i < n; i++ )
        if ( fdt_stringlist_contains(c, len, list[i]) )
            return true;
    return false;
}

static bool str_in(const char *s, const char *const *list, unsigned int n)
{
    unsigned int i;

    for ( i = 0; i < n; i++ )
        if ( !strcmp(s, list[i]) )
            return true;
    return false;
}

static uint32_t get_u32(const void *fdt, int node, const char *name,
                        uint32_t dflt)
{
    int len;
    const fdt32_t *v = fdt_getprop(fdt, node, name, &len);

    return v && len == 4 ? fdt32_to_cpu(*v) : dflt;
}

/* #address-cells / #size-cells that apply to node's reg. */
static void reg_cells(const void *fdt, int node, uint32_t *ac, uint32_t *sc)
{
    int parent = fdt_parent_offset(fdt, node);

    *ac = parent >= 0 ? get_u32(fdt, parent, "#address-cells", 2) : 2;
    *sc = parent >= 0 ? get_u32(fdt, parent, "#size-cells", 1) : 1;
}

static uint64_t read_cells(const fdt32_t *p, uint32_t n)
{
    uint64_t v = 0;

    while ( n-- )
        v = (v << 32) | fdt32_to_cpu(*p++);
    return v;
}

static bool is_gic(const void *fdt, int node)
{
    return compat_any(fdt, node, gic_v2_compat, ARRAY_SIZE(gic_v2_compat)) ||
           !fdt_node_check_compatible(fdt, node, "arm,gic-v3");
}

static bool is_timer(const void *fdt, int node)
{
    return !fdt_node_check_compatible(fdt, node, "arm,armv8-timer") ||
           !fdt_node_check_compatible(fdt, node, "arm,armv7-timer");
}

/*
 * Address of node's first reg entry as the CPU sees it, following the
 * parents' ranges.  False if it has none or cannot be translated.
 */
static bool cpu_address(const void *fdt, int node, uint64_t *out)
{
    uint32_t ac, sc, pac, psc;
    const fdt32_t *r;
    int len, parent = fdt_parent_offset(fdt, node);
    uint64_t a;

    reg_cells(fdt, node, &ac, &sc);
    r = fdt_getprop(fdt, node, "reg", &len);
    if ( !r || parent < 0 || ac < 1 || ac > 2 ||
         len < (int)(4 * (ac + sc)) )
        return false;
    a = read_cells(r, ac);

    for ( node = parent; node > 0; node = parent )
    {
        unsigned int i, entry;
        bool hit = false;

        parent = fdt_parent_offset(fdt, node);
        if ( parent < 0 )
            return false;
        ac = get_u32(fdt, node, "#address-cells", 2);
        sc = get_u32(fdt, node, "#size-cells", 1);
        reg_cells(fdt, node, &pac, &psc);
        r = fdt_getprop(fdt, node, "ranges", &len);
        if ( !r )
            return false;
        if ( !len )
            continue;               /* identity */
        if ( ac < 1 || ac > 2 || pac < 1 || pac > 2 || sc > 2 )
            return false;
        entry = ac + pac + sc;
        for ( i = 0; !hit && (i + 1) * entry * 4 <= (unsigned int)len; i++ )
        {
            const fdt32_t *e = r + i * entry;
            uint64_t c = read_cells(e, ac), s = read_cells(e + ac + pac, sc);

            if ( a >= c && a - c < s )
            {
                a = a - c + read_cells(e + ac, pac);
                hit = true;
            }
        }
        if ( !hit )
            return false;
    }
    *out = a;
    return true;
}

/* The interrupt parent's phandle, inherited from the nearest ancestor. */
static uint32_t irq_parent(const void *fdt, int node)
{
    for ( ; node >= 0; node = fdt_parent_offset(fdt, node) )
    {
        uint32_t ph = get_u32(fdt, node, "interrupt-parent", 0);

        if ( ph )
            return ph;
        if ( !node )
            break;
    }
    return 0;
}

/* The vGIC cannot route physical PPIs, so Xen hides nodes using them. */
static bool uses_ppi(const struct ctx *c, int node)
{
    int len, i;
    const fdt32_t *irq = fdt_getprop(c->host, node, "interrupts", &len);

    if ( !irq || irq_parent(c->host, node) != c->gic_phandle )
        return false;
    for ( i = 0; (i + 1) * GIC_IRQ_CELLS * 4 <= len; i++ )
        if ( fdt32_to_cpu(irq[i * GIC_IRQ_CELLS]) == 1 )
            return true;
    return false;
}

static bool hidden(const struct ctx *c, int node, int depth)
{
    const char *name = fdt_get_name(c->host, node, NULL);
    const char *type = fdt_getprop(c->host, node, "device_type", NULL);
    uint64_t addr;
    unsigned int i;

    if ( compat_any(c->host, node, skip_compat, ARRAY_SIZE(skip_compat)) ||
         (type && !strcmp(type, "memory")) )
        return true;
    /* Names this builder writes itself at the end of the root node. */
    if ( depth == 1 && name &&
         (!strcmp(name, "cpus") || !strcmp(name, "psci") ||
          !strcmp(name, "hypervisor") || !strcmp(name, c->memname)) )
        return true;
    for ( i = 0; i < c->p->nr_hide; i++ )
        if ( c->p->hide[i] == node )
            return true;
    return c->p->uart_base && cpu_address(c->host, node, &addr) &&
           addr == c->p->uart_base;
}

static int put_cells(fdt32_t **pos, uint32_t n, uint64_t v)
{
    if ( n < 1 || n > 2 || (n == 1 && v >> 32) )
        return -EINVAL;
    if ( n == 2 )
        *(*pos)++ = cpu_to_fdt32(v >> 32);
    *(*pos)++ = cpu_to_fdt32((uint32_t)v);
    return 0;
}

/* A reg property of root-level (start, size) ranges. */
static int put_ranges(struct ctx *c, const char *name,
                      const struct dom0_fdt_range *r, unsigned int nr,
                      const struct dom0_fdt_range *first)
{
    fdt32_t cells[(DOM0_FDT_MAX_EXT_REGIONS + 1) * 4], *pos = cells;
    unsigned int i;

    for ( i = first ? 0 : 1; i <= nr; i++ )
    {
        const struct dom0_fdt_range *e = i ? &r[i - 1] : first;

        if ( put_cells(&pos, c->root_ac, e->start) ||
             put_cells(&pos, c->root_sc, e->size) )
            return -EINVAL;
    }
    return err_of(fdt_property(c->out, name, cells,
                               (pos - cells) * sizeof(*pos)));
}

static void ppi_cells(fdt32_t *cell, unsigned int ppi)
{
    cell[0] = cpu_to_fdt32(1);
    cell[1] = cpu_to_fdt32(ppi);
    cell[2] = cpu_to_fdt32(PPI_FLAGS);
}

static int interrupts_prop(struct ctx *c, const fdt32_t *cells,
                           unsigned int nr)
{
    int rc = fdt_property(c->out, "interrupts", cells,
                          nr * GIC_IRQ_CELLS * sizeof(*cells));

    if ( !rc )
        rc = fdt_property_cell(c->out, "interrupt-parent", c->gic_phandle);
    return err_of(rc);
}

/* The first n entries of node's reg; entry 0's size replaced if size0. */
static int copy_reg(struct ctx *c, int node, unsigned int n, uint64_t size0)
{
    fdt32_t cells[(1 + 16) * 4], *pos;
    uint32_t ac, sc;
    int len;
    const fdt32_t *r = fdt_getprop(c->host, node, "reg", &len);

    reg_cells(c->host, node, &ac, &sc);
    if ( !r || ac + sc > 4 || n > ARRAY_SIZE(cells) / 4 ||
         len < (int)(n * (ac + sc) * 4) )
        return -EINVAL;
    memcpy(cells, r, n * (ac + sc) * 4);
    pos = cells + ac;
    if ( size0 && put_cells(&pos, sc, size0) )
        return -EINVAL;
    return err_of(fdt_property(c->out, "reg", cells, n * (ac + sc) * 4));
}

static int copy_prop(struct ctx *c, int node, const char *name)
{
    int len;
    const void *v = fdt_getprop(c->host, node, name, &len);

    return v ? err_of(fdt_property(c->out, name, v, len)) : 0;
}

/* GICv2m frames: Xen rebuilds them (named without unit address). */
static int make_v2m_nodes(struct ctx *c)
{
    unsigned int i = 0;
    int frame, rc;

    fdt_for_each_subnode(frame, c->host, c->gic)
    {
        const struct dom0_fdt_v2m *v = i < DOM0_FDT_MAX_V2M ? &c->p->v2m[i]
                                                            : NULL;
        const char *host_name = fdt_get_name(c->host, frame, NULL);
        const char *at = host_name ? strchr(host_name, '@') : NULL;
        size_t len = at ? (size_t)(at - host_name) : 0;
        char name[64];
        uint32_t ph;

        if ( fdt_node_check_compatible(c->host, frame, "arm,gic-v2m-frame") )
            continue;
        if ( i++ == 0 )
        {
            /* The frames' reg is in the GIC's address space. */
            if ( !fdt_getprop(c->host, c->gic, "ranges", NULL) )
                return -EINVAL;
            if ( (rc = copy_prop(c, c->gic, "ranges")) )
                return rc;
        }
        if ( !host_name || (!at && (len = strlen(host_name)) == 0) ||
             len >= sizeof(name) )
            return -EINVAL;
        memcpy(name, host_name, len);
        name[len] = '\0';
        if ( (rc = err_of(fdt_begin_node(c->out, name))) ||
             (rc = err_of(fdt_property_string(c->out, "compatible",
                                              "arm,gic-v2m-frame"))) ||
             (rc = err_of(fdt_property(c->out, "msi-controller", NULL, 0))) )
            return rc;
        ph = fdt_get_phandle(c->host, frame);
        if ( ph && (rc = err_of(fdt_property_cell(c->out, "phandle", ph))) )
            return rc;
        if ( (rc = copy_reg(c, frame, 1, 0)) )
            return rc;
        if ( v && v->nr_spis )
            rc = err_of(fdt_property_cell(c->out, "arm,msi-base-spi",
                                          v->spi_base) ?:
                        fdt_property_cell(c->out, "arm,msi-num-spis",
                                          v->nr_spis));
        else
            rc = copy_prop(c, frame, "arm,msi-base-spi") ?:
                 copy_prop(c, frame, "arm,msi-num-spis");
        if ( rc || (rc = err_of(fdt_end_node(c->out))) )
            return rc;
    }
    return 0;
}

/* Only what the vGIC provides: v3 GICD + GICRs (no ITS), v2 GICD + GICC. */
static int make_gic_node(struct ctx *c)
{
    uint32_t nr = get_u32(c->host, c->gic, "#redistributor-regions", 1);
    int rc;

    if ( (rc = err_of(fdt_begin_node(c->out, "interrupt-controller"))) ||
         (rc = err_of(fdt_property_cell(c->out, "phandle",
                                        c->gic_phandle))) ||
         (rc = copy_prop(c, c->gic, "#address-cells")) ||
         (rc = copy_prop(c, c->gic, "#size-cells")) ||
         (rc = err_of(fdt_property_cell(c->out, "#interrupt-cells",
                                        GIC_IRQ_CELLS))) ||
         (rc = err_of(fdt_property(c->out, "interrupt-controller",
                                   NULL, 0))) ||
         (rc = copy_prop(c, c->gic, "compatible")) )
        return rc;
    if ( c->gic_v3 )
    {
        if ( nr < 1 || nr > 16 )
            return -EINVAL;
        if ( (rc = copy_prop(c, c->gic, "redistributor-stride")) ||
             (rc = err_of(fdt_property_cell(c->out, "#redistributor-regions",
                                            nr))) ||
             (rc = copy_reg(c, c->gic, 1 + nr, 0x10000)) )
            return rc;
    }
    else if ( (rc = copy_reg(c, c->gic, 2, 0)) || (rc = make_v2m_nodes(c)) )
        return rc;
    return err_of(fdt_end_node(c->out));
}

/* The guest timer PPIs (phys secure, phys non-secure, virt), level low. */
static int make_timer_node(struct ctx *c)
{
    fdt32_t cells[3 * GIC_IRQ_CELLS];
    int len, rc;
    unsigned int i;
    const fdt32_t *irq = fdt_getprop(c->host, c->timer, "interrupts", &len);

    if ( !irq || len < (int)sizeof(cells) )
        return -EINVAL;
    for ( i = 0; i < 3; i++ )
    {
        const fdt32_t *h = irq + i * GIC_IRQ_CELLS;

        if ( fdt32_to_cpu(h[0]) != 1 || fdt32_to_cpu(h[1]) > 15 )
            return -EINVAL;
        ppi_cells(cells + i * GIC_IRQ_CELLS, fdt32_to_cpu(h[1]));
    }
    if ( (rc = err_of(fdt_begin_node(c->out, "timer"))) ||
         (rc = err_of(fdt_property_string(c->out, "compatible",
                                          "arm,armv8-timer"))) ||
         (rc = interrupts_prop(c, cells, 3)) )
        return rc;
    if ( fdt_getprop(c->host, c->timer, "clock-frequency", &len) &&
         len == 4 &&
         (rc = copy_prop(c, c->timer, "clock-frequency")) )
        return rc;
    return err_of(fdt_end_node(c->out));
}

static int chosen_extras(struct ctx *c)
{
    const struct dom0_fdt_params *p = c->p;
    int rc = 0;

    if ( p->bootargs && p->bootargs[0] )
        rc = fdt_property_string(c->out, "bootargs", p->bootargs);
    if ( !rc && p->initrd_end > p->initrd_start )
        rc = fdt_property_u64(c->out, "linux,initrd-start", p->initrd_start) ?:
             fdt_property_u64(c->out, "linux,initrd-end", p->initrd_end);
    return err_of(rc);
}

/*
 * Properties in host order, except: xen,passthrough hides the device
 * (status "disabled"), status goes last, and /chosen loses what was
 * meant for the hypervisor or is rewritten for dom0.
 */
static int copy_props(struct ctx *c, int node, bool chosen)
{
    const void *status = NULL;
    int off, slen = 0, rc = 0;
    bool passthrough = false;

    fdt_for_each_property_offset(off, c->host, node)
    {
        const char *name;
        int len;
        const void *v = fdt_getprop_by_offset(c->host, off, &name, &len);

        if ( !v || !name )
            return -EINVAL;
        if ( chosen && (!strncmp(name, "xen,", 4) ||
                        str_in(name, chosen_drop, ARRAY_SIZE(chosen_drop))) )
            continue;
        if ( !strcmp(name, "xen,passthrough") )
            passthrough = true;
        else if ( !strcmp(name, "status") )
        {
            status = v;
            slen = len;
        }
        else if ( (rc = err_of(fdt_property(c->out, name, v, len))) )
            return rc;
    }
    if ( off != -FDT_ERR_NOTFOUND )
        return -EINVAL;
    if ( passthrough )
        rc = fdt_property_string(c->out, "status", "disabled");
    else if ( status )
        rc = fdt_property(c->out, "status", status, slen);
    if ( (rc = err_of(rc)) )
        return rc;
    return chosen ? chosen_extras(c) : 0;
}

static int make_hypervisor_node(struct ctx *c)
{
    static const char compat[] =
        "xen,xen-" __stringify(XEN_VERSION_MAJOR) "."
        __stringify(XEN_VERSION_MINOR) "\0xen,xen";
    fdt32_t irq[GIC_IRQ_CELLS];
    int rc;

    ppi_cells(irq, c->p->evtchn_irq - 16);
    if ( (rc = err_of(fdt_begin_node(c->out, "hypervisor"))) ||
         (rc = err_of(fdt_property(c->out, "compatible", compat,
                                   sizeof(compat)))) ||
         (rc = put_ranges(c, "reg", c->p->ext_region, c->p->nr_ext_regions,
                          &c->p->gnttab)) ||
         (rc = interrupts_prop(c, irq, 1)) )
        return rc;
    return err_of(fdt_end_node(c->out));
}

static int make_psci_node(struct ctx *c)
{
    static const char compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
    int rc = fdt_begin_node(c->out, "psci") ?:
             fdt_property(c->out, "compatible", compat, sizeof(compat)) ?:
             fdt_property_string(c->out, "method", "hvc") ?:
             fdt_property_cell(c->out, "cpu_off", PSCI_0_1_OFF) ?:
             fdt_property_cell(c->out, "cpu_on", PSCI_0_1_ON) ?:
             fdt_end_node(c->out);

    return err_of(rc);
}

/* vMPIDR affinity as the vCPU code sets it: 16 vCPUs per Aff1 cluster. */
static uint32_t vcpu_affinity(unsigned int n)
{
    return (n & 0xf) | ((n >> 4) << 8);
}

static int make_cpus_node(struct ctx *c)
{
    const void *compat = NULL;
    int cpus = fdt_path_offset(c->host, "/cpus"), cpu, clen = 0, flen = 0;
    const fdt32_t *freq = NULL;
    unsigned int n;
    int rc;

    if ( cpus < 0 )
        return -EINVAL;
    fdt_for_each_subnode(cpu, c->host, cpus)
    {
        const char *t = fdt_getprop(c->host, cpu, "device_type", NULL);

        if ( t && !strcmp(t, "cpu") )
        {
            compat = fdt_getprop(c->host, cpu, "compatible", &clen);
            freq = fdt_getprop(c->host, cpu, "clock-frequency", &flen);
            break;
        }
    }
    if ( !compat )
        return -EINVAL;
    if ( (rc = err_of(fdt_begin_node(c->out, "cpus") ?:
                      fdt_property_cell(c->out, "#address-cells", 1) ?:
                      fdt_property_cell(c->out, "#size-cells", 0))) )
        return rc;
    for ( n = 0; n < c->p->nr_vcpus; n++ )
    {
        char name[16];

        snprintf(name, sizeof(name), "cpu@%x", vcpu_affinity(n));
        rc = fdt_begin_node(c->out, name) ?:
             fdt_property(c->out, "compatible", compat, clen) ?:
             fdt_property_string(c->out, "device_type", "cpu") ?:
             fdt_property_cell(c->out, "reg", vcpu_affinity(n));
        if ( !rc && freq && flen == 4 )
            rc = fdt_property(c->out, "clock-frequency", freq, 4);
        if ( (rc = err_of(rc ?:
                          fdt_property_string(c->out, "enable-method",
                                              "psci") ?:
                          fdt_end_node(c->out))) )
            return rc;
    }
    return err_of(fdt_end_node(c->out));
}

static int make_memory_node(struct ctx *c)
{
    int rc;

    if ( (rc = err_of(fdt_begin_node(c->out, c->memname) ?:
                      fdt_property_string(c->out, "device_type", "memory"))) ||
         (rc = put_ranges(c, "reg", c->p->bank, c->p->nr_banks, NULL)) )
        return rc;
    return err_of(fdt_end_node(c->out));
}

static int make_root_extras(struct ctx *c)
{
    int rc = 0;

    /* Xen relies on the host having /chosen; dom0 needs it regardless. */
    if ( !c->chosen_seen )
        rc = err_of(fdt_begin_node(c->out, "chosen")) ?: chosen_extras(c) ?:
             err_of(fdt_end_node(c->out));
    return rc ?: make_hypervisor_node(c) ?: make_psci_node(c) ?:
           make_cpus_node(c) ?: make_memory_node(c);
}

static int copy_node(struct ctx *c, int node, int depth)
{
    const char *name = fdt_get_name(c->host, node, NULL);
    bool chosen = depth == 1 && name && !strcmp(name, "chosen");
    int child, rc;

    if ( !name || depth > MAX_DEPTH )
        return -EINVAL;
    if ( depth )
    {
        if ( node == c->gic )
            return make_gic_node(c);
        if ( is_gic(c->host, node) )
            return 0;               /* Xen supports a single GIC */
        if ( is_timer(c->host, node) )
        {
            if ( c->timer_done )
                return 0;
            c->timer_done = true;
            return make_timer_node(c);
        }
        if ( hidden(c, node, depth) || uses_ppi(c, node) )
            return 0;
    }
    c->chosen_seen |= chosen;

    if ( (rc = err_of(fdt_begin_node(c->out, name))) ||
         (rc = copy_props(c, node, chosen)) )
        return rc;
    fdt_for_each_subnode(child, c->host, node)
        if ( (rc = copy_node(c, child, depth + 1)) )
            return rc;
    if ( child != -FDT_ERR_NOTFOUND )
        return -EINVAL;
    if ( !depth && (rc = make_root_extras(c)) )
        return rc;
    return err_of(fdt_end_node(c->out));
}

/* Xen's interrupt controller: the first GIC node that is a controller. */
static int find_gic(struct ctx *c)
{
    int node;

    for ( node = fdt_next_node(c->host, -1, NULL); node >= 0;
          node = fdt_next_node(c->host, node, NULL) )
        if ( is_gic(c->host, node) &&
             fdt_getprop(c->host, node, "interrupt-controller", NULL) )
        {
            c->gic = node;
            c->gic_v3 = !fdt_node_check_compatible(c->host, node,
                                                   "arm,gic-v3");
            c->gic_phandle = fdt_get_phandle(c->host, node);
            /* Interrupt specifiers elsewhere can only name it by phandle. */
            return c->gic_phandle ? 0 : -EINVAL;
        }
    return node == -FDT_ERR_NOTFOUND ? -EINVAL : err_of(node);
}

static bool params_ok(const struct dom0_fdt_params *p)
{
    return p->nr_banks >= 1 && p->nr_banks <= DOM0_FDT_MAX_BANKS &&
           p->nr_vcpus >= 1 && vcpu_affinity(p->nr_vcpus - 1) <= 0xffff &&
           p->nr_ext_regions <= DOM0_FDT_MAX_EXT_REGIONS &&
           p->nr_hide <= DOM0_FDT_MAX_HIDE &&
           p->evtchn_irq >= 16 && p->evtchn_irq < 32 &&
           p->gnttab.size;
}

int dom0_fdt_build(const void *host_fdt, void *out, size_t out_size,
                   const struct dom0_fdt_params *p)
{
    struct ctx c = { .host = host_fdt, .out = out, .p = p, .timer = -1 };
    int rc;

    if ( !host_fdt || !out || !p || !params_ok(p) ||
         fdt_check_header(host_fdt) ||
         fdt_check_full(host_fdt, fdt_totalsize(host_fdt)) )
        return -EINVAL;
    if ( out_size > 0x7fffffff )
        out_size = 0x7fffffff;   /* libfdt sizes are int */

    c.root_ac = get_u32(host_fdt, 0, "#address-cells", 2);
    c.root_sc = get_u32(host_fdt, 0, "#size-cells", 1);
    snprintf(c.memname, sizeof(c.memname), "memory@%llx",
             (unsigned long long)p->bank[0].start);
    if ( (rc = find_gic(&c)) )
        return rc;
    for ( c.timer = fdt_next_node(host_fdt, -1, NULL); c.timer >= 0;
          c.timer = fdt_next_node(host_fdt, c.timer, NULL) )
        if ( is_timer(host_fdt, c.timer) )
            break;

    /* Xen passes no /memreserve/ entries to dom0. */
    if ( (rc = err_of(fdt_create(out, out_size))) ||
         (rc = err_of(fdt_finish_reservemap(out))) ||
         (rc = copy_node(&c, 0, 0)) )
        return rc;
    return err_of(fdt_finish(out));
}
