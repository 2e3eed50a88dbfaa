// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dom0 on arm64, as Xen builds it: RAM mapped 1:1 (IPA == PA) in up to
 * eight banks, the kernel Image at the start of the first bank, its
 * device tree 128 MiB above (or just after a small kernel), the initrd
 * after that; every host device's MMIO mapped and its SPIs routed to
 * dom0; a vGIC like the host's; the event-channel PPI 16.
 */
#include <xen/console.h>
#include <xen/dom0.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <libfdt.h>
#include <public/hvm/params.h>
#include <asm/dom0_fdt.h>
#include <asm/domain.h>
#include <asm/gic.h>
#include <asm/p2m.h>
#include <asm/setup.h>
#include <asm/vgic.h>

#define DOM0_EVTCHN_PPI     16
#define DOM0_MAX_BANKS      8
#define GNTTAB_SIZE         0x40000     /* 64 grant frames */

extern char _start[];

struct dom0_layout {
    unsigned int nr_banks;
    struct membank bank[DOM0_MAX_BANKS];
    paddr_t kernel, kernel_size, entry;
    paddr_t dtb, initrd, initrd_size;
};

static void add_bank(struct dom0_layout *l, paddr_t s, paddr_t size)
{
    unsigned int i;

    /* Merge with a neighbour, else insert keeping address order. */
    for ( i = 0; i < l->nr_banks; i++ )
    {
        if ( l->bank[i].start + l->bank[i].size == s )
        {
            l->bank[i].size += size;
            return;
        }
        if ( s + size == l->bank[i].start )
        {
            l->bank[i].start = s;
            l->bank[i].size += size;
            return;
        }
    }
    for ( i = l->nr_banks; i > 0 && l->bank[i - 1].start > s; i-- )
        l->bank[i] = l->bank[i - 1];
    l->bank[i].start = s;
    l->bank[i].size = size;
    l->nr_banks++;
}

/* RAM in the largest blocks the heap has, each mapped 1:1. */
static int allocate_ram(struct domain *d, struct dom0_layout *l,
                        unsigned long nr_pages)
{
    unsigned int order = MAX_ORDER;

    while ( nr_pages )
    {
        struct page_info *pg;
        paddr_t pa;

        while ( order > 9 && (1UL << order) > nr_pages )
            order--;
        pg = alloc_domheap_pages(d, order, MEMF_no_scrub);
        if ( !pg )
        {
            if ( order == 9 )
                return -ENOMEM;
            order--;
            continue;
        }
        if ( l->nr_banks == DOM0_MAX_BANKS )
        {
            free_domheap_pages(pg, order);
            return -ENOSPC;
        }
        pa = page_to_maddr(pg);
        if ( domain_assign_page(d, pg, order, false) ||
             p2m_map(d, pa, pa, 1UL << order, p2m_ram_rw) )
            return -ENOMEM;
        add_bank(l, pa, (paddr_t)PAGE_SIZE << order);
        nr_pages -= min(nr_pages, 1UL << order);
    }
    return 0;
}

/* Map a host range into dom0 1:1 as device memory. */
static int map_mmio(struct domain *d, paddr_t s, paddr_t size)
{
    paddr_t e = PAGE_ALIGN(s + size);

    s &= PAGE_MASK;
    if ( !size || e <= s )
        return 0;
    return p2m_map(d, s, s, (e - s) >> PAGE_SHIFT, p2m_mmio_direct);
}

static bool is_gic_node(const void *fdt, int node)
{
    return !fdt_node_check_compatible(fdt, node, "arm,gic-v3") ||
           !fdt_node_check_compatible(fdt, node, "arm,gic-400") ||
           !fdt_node_check_compatible(fdt, node, "arm,cortex-a15-gic") ||
           !fdt_node_check_compatible(fdt, node, "arm,cortex-a9-gic") ||
           !fdt_node_check_compatible(fdt, node, "arm,cortex-a7-gic");
}

/*
 * Every device the host tree describes, except RAM, the GIC (emulated)
 * and our UART: its reg ranges, and a PCI host bridge's windows.
 */
static int map_devices(struct domain *d)
{
    const void *fdt = device_tree_flattened;
    int node, depth = -1, rc;

    for ( node = fdt_next_node(fdt, -1, &depth); node >= 0 && depth >= 0;
          node = fdt_next_node(fdt, node, &depth) )
    {
        const char *type = fdt_getprop(fdt, node, "device_type", NULL);
        paddr_t addr, size;
        unsigned int i;
        const fdt32_t *r;
        int len;

        /* GICv2m MSI frames under the GIC are dom0's (as on Xen). */
        if ( depth == 2 &&
             !fdt_node_check_compatible(fdt, node, "arm,gic-v2m-frame") &&
             is_gic_node(fdt, fdt_parent_offset(fdt, node)) )
        {
            for ( i = 0; !dt_get_reg(node, i, &addr, &size); i++ )
                if ( (rc = map_mmio(d, addr, size)) )
                    return rc;
            continue;
        }
        if ( depth != 1 || (type && !strcmp(type, "memory")) ||
             is_gic_node(fdt, node) )
            continue;
        for ( i = 0; !dt_get_reg(node, i, &addr, &size); i++ )
        {
            if ( addr == pl011_paddr )
                continue;
            rc = map_mmio(d, addr, size);
            if ( rc )
                return rc;
        }
        if ( !type || strcmp(type, "pci") )
            continue;
        /* ranges: <child (3 cells) parent (2) size (2)> entries. */
        r = fdt_getprop(fdt, node, "ranges", &len);
        for ( ; r && len >= 7 * 4; r += 7, len -= 7 * 4 )
        {
            addr = ((uint64_t)fdt32_to_cpu(r[3]) << 32) | fdt32_to_cpu(r[4]);
            size = ((uint64_t)fdt32_to_cpu(r[5]) << 32) | fdt32_to_cpu(r[6]);
            rc = map_mmio(d, addr, size);
            if ( rc )
                return rc;
        }
    }
    return 0;
}

static int setup_vgic(struct domain *d)
{
    if ( gic_ops == &gicv3_ops )
    {
        const void *fdt = device_tree_flattened;
        int node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
        paddr_t rbase, rsize;

        if ( node < 0 || dt_get_reg(node, 1, &rbase, &rsize) )
            return -ENODEV;
        return vgic_domain_init(d, 3, gic_nr_lines - 32, gicv3_dbase, rbase,
                                rsize);
    }
    if ( !gicv2_vbase )
        return -ENODEV;
    /* The hardware's virtual CPU interface, where dom0 expects GICC. */
    return vgic_domain_init(d, 2, gic_nr_lines - 32, gicv2_dbase,
                            gicv2_cbase, 0x2000) ?:
           p2m_map(d, gicv2_cbase, gicv2_vbase, 2, p2m_mmio_direct);
}

/* The SPI of the hypervisor's UART (0 if none): it stays ours. */
static unsigned int uart_spi(void)
{
    const void *fdt = device_tree_flattened;
    int node, depth = -1, len;

    for ( node = fdt_next_node(fdt, -1, &depth); node >= 0 && depth >= 0;
          node = fdt_next_node(fdt, node, &depth) )
    {
        paddr_t addr, size;
        const fdt32_t *p;

        if ( dt_get_reg(node, 0, &addr, &size) || addr != pl011_paddr )
            continue;
        p = fdt_getprop(fdt, node, "interrupts", &len);
        if ( p && len >= 12 && fdt32_to_cpu(p[0]) == 0 )
            return fdt32_to_cpu(p[1]) + 32;
    }
    return 0;
}

/* SPIs of every device go to dom0, except the ones the hypervisor uses. */
static int route_spis(struct domain *d)
{
    unsigned int irq, mine = pl011_paddr ? uart_spi() : 0;
    int rc;

    for ( irq = 32; irq < gic_nr_lines; irq++ )
    {
        if ( irq == mine )
            continue;
        rc = vgic_connect_hw_irq(d, irq, irq);
        if ( rc )
            return rc;
    }
    return 0;
}

static const struct bootmodule *find_module(enum bootmod_kind kind)
{
    unsigned int i;

    for ( i = 0; i < bootinfo.nr_mods; i++ )
        if ( bootinfo.mods[i].kind == kind )
            return &bootinfo.mods[i];
    return NULL;
}

/* Kernel, device tree and initrd in the first bank that holds them. */
static int place_images(struct dom0_layout *l, const struct bootmodule *k,
                        const struct bootmodule *rd)
{
    const uint8_t *img = maddr_to_virt(k->start);
    uint64_t text_offset, image_size;
    paddr_t base, end, dtb;
    unsigned int i;

    if ( k->size < 64 || memcmp(img + 56, "ARM\x64", 4) )
    {
        printk(XENLOG_ERR "Dom0 kernel is not an arm64 Image\n");
        return -EINVAL;
    }
    memcpy(&text_offset, img + 8, 8);
    memcpy(&image_size, img + 16, 8);
    if ( !image_size )
        image_size = k->size;
    if ( image_size < k->size )
        image_size = k->size;

    for ( i = 0; i < l->nr_banks; i++ )
    {
        base = ROUNDUP(l->bank[i].start, L2_PAGE_SIZE);
        end = l->bank[i].start + l->bank[i].size;
        dtb = base + MB(128);
        if ( dtb + L2_PAGE_SIZE > end ||
             base + text_offset + image_size > dtb )
            dtb = ROUNDUP(base + text_offset + image_size, L2_PAGE_SIZE);
        if ( dtb + L2_PAGE_SIZE + (rd ? PAGE_ALIGN(rd->size) : 0) <= end )
            break;
    }
    if ( i == l->nr_banks )
    {
        printk(XENLOG_ERR "Dom0 memory too small for its kernel\n");
        return -ENOMEM;
    }
    l->kernel = base + text_offset;
    l->kernel_size = k->size;
    l->entry = l->kernel;
    l->dtb = dtb;
    memcpy(maddr_to_virt(l->kernel), img, k->size);
    if ( rd )
    {
        l->initrd = dtb + L2_PAGE_SIZE;
        l->initrd_size = rd->size;
        memcpy(maddr_to_virt(l->initrd), maddr_to_virt(rd->start), rd->size);
    }
    return 0;
}

/*
 * Extended regions: host RAM dom0 does not have (nor the grant window),
 * in 2 MiB-aligned pieces of at least 64 MiB: IPA space dom0 can use for
 * foreign and grant mappings.
 */
static void add_ext_region(struct dom0_fdt_params *p, paddr_t s, paddr_t e)
{
    s = ROUNDUP(s, L2_PAGE_SIZE);
    e &= ~(L2_PAGE_SIZE - 1);
    if ( e <= s || e - s < MB(64) ||
         p->nr_ext_regions == DOM0_FDT_MAX_EXT_REGIONS )
        return;
    p->ext_region[p->nr_ext_regions].start = s;
    p->ext_region[p->nr_ext_regions].size = e - s;
    p->nr_ext_regions++;
}

static void find_ext_regions(const struct domain *d,
                             const struct dom0_layout *l,
                             struct dom0_fdt_params *p)
{
    struct membank used[DOM0_MAX_BANKS + 1];
    unsigned int i, j, nr_used = l->nr_banks;

    for ( j = 0; j < l->nr_banks; j++ )
        used[j] = l->bank[j];
    used[nr_used].start = d->arch.gnttab_base;
    used[nr_used++].size = GNTTAB_SIZE;

    for ( i = 0; i < bootinfo.mem.nr; i++ )
    {
        paddr_t s = bootinfo.mem.bank[i].start;
        paddr_t e = s + bootinfo.mem.bank[i].size;

        while ( s < e )
        {
            /* The lowest used range that reaches past s. */
            const struct membank *u = NULL;

            for ( j = 0; j < nr_used; j++ )
                if ( used[j].start + used[j].size > s &&
                     used[j].start < e &&
                     (!u || used[j].start < u->start) )
                    u = &used[j];
            if ( !u )
            {
                add_ext_region(p, s, e);
                break;
            }
            if ( u->start > s )
                add_ext_region(p, s, u->start);
            s = u->start + u->size;
        }
    }
}

static int build_fdt(struct domain *d, const struct dom0_layout *l,
                     const struct bootmodule *k, unsigned int nr_vcpus)
{
    struct dom0_fdt_params p = { 0 };
    unsigned int i;

    for ( i = 0; i < l->nr_banks && i < DOM0_FDT_MAX_BANKS; i++ )
    {
        p.bank[i].start = l->bank[i].start;
        p.bank[i].size = l->bank[i].size;
    }
    p.nr_banks = i;
    p.nr_vcpus = nr_vcpus;
    p.bootargs = k->cmdline;
    if ( l->initrd_size )
    {
        p.initrd_start = l->initrd;
        p.initrd_end = l->initrd + l->initrd_size;
    }
    p.gnttab.start = d->arch.gnttab_base;
    p.gnttab.size = GNTTAB_SIZE;
    find_ext_regions(d, l, &p);
    p.evtchn_irq = d->arch.evtchn_irq;
    p.uart_base = pl011_paddr;
    return dom0_fdt_build(device_tree_flattened, maddr_to_virt(l->dtb),
                          L2_PAGE_SIZE, &p);
}

/* Returns true when a dom0 was started. */
bool construct_dom0(void)
{
    const struct bootmodule *k = find_module(BOOTMOD_KERNEL);
    const struct bootmodule *rd = find_module(BOOTMOD_RAMDISK);
    struct dom0_layout l = { 0 };
    unsigned int nr_vcpus = dom0_nr_vcpus(), i;
    unsigned long nr_pages = dom0_nr_pages();
    struct domain *d;
    struct vcpu *v;
    int rc;

    if ( !k )
    {
        printk(XENLOG_WARNING
               "No dom0 kernel given: nothing to start (add a boot module)\n");
        return false;
    }
    printk("Dom0 kernel: %#lx-%#lx (%lu KiB) \"%s\"\n",
           (unsigned long)k->start, (unsigned long)(k->start + k->size),
           (unsigned long)(k->size >> 10), k->cmdline);
    if ( nr_vcpus > num_online_cpus() * 4 )
        nr_vcpus = num_online_cpus() * 4;

    d = domain_create(0, nr_vcpus, true);
    if ( !d )
        panic("Could not create dom0\n");
    d->arch.direct_map = true;
    d->arch.evtchn_irq = DOM0_EVTCHN_PPI;
    /* Our own load area: RAM dom0 never gets, so free IPA space for it. */
    d->arch.gnttab_base = __pa(_start);
    d->arch.hvm_params[HVM_PARAM_CALLBACK_IRQ] =
        ((uint64_t)HVM_PARAM_CALLBACK_TYPE_PPI <<
         HVM_PARAM_CALLBACK_IRQ_TYPE_SHIFT) |
        (HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL <<
         HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_SHIFT) | DOM0_EVTCHN_PPI;

    rc = setup_vgic(d);
    if ( rc )
        panic("Dom0: no virtual GIC (%d)\n", rc);
    for ( i = 0; i < nr_vcpus; i++ )
        if ( !vcpu_create(d, i, i % num_online_cpus()) )
            panic("Could not create dom0 vCPU%u\n", i);
    hardware_domain = d;

    d->max_pages = nr_pages;
    rc = allocate_ram(d, &l, nr_pages);
    if ( rc )
        panic("Dom0: cannot allocate %lu MiB (%d)\n",
              nr_pages >> (20 - PAGE_SHIFT), rc);
    for ( i = 0; i < l.nr_banks; i++ )
        printk("Dom0 RAM bank %u: %#lx-%#lx (%lu MiB)\n", i,
               (unsigned long)l.bank[i].start,
               (unsigned long)(l.bank[i].start + l.bank[i].size),
               (unsigned long)(l.bank[i].size >> 20));
    rc = place_images(&l, k, rd);
    rc = rc ?: map_devices(d);
    rc = rc ?: route_spis(d);
    rc = rc ?: build_fdt(d, &l, k, nr_vcpus);
    if ( rc )
        panic("Could not set up DOM0 guest OS (%d)\n", rc);
    printk("Dom0: %u vCPUs, kernel at %#lx, device tree at %#lx, "
           "initrd at %#lx (%lu KiB)\n", nr_vcpus, (unsigned long)l.kernel,
           (unsigned long)l.dtb, (unsigned long)l.initrd,
           (unsigned long)(l.initrd_size >> 10));

    v = d->vcpu[0];
    v->arch.user_regs.pc = l.entry;
    v->arch.user_regs.x[0] = l.dtb;
    v->arch.user_regs.cpsr = PSR_GUEST64_INIT;
    v->is_initialised = true;
    console_input_to_dom0();
    vcpu_clear_pause_flag(v, VPF_down);
    return true;
}
