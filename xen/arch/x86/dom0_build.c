/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Dom0 boot options (dom0_mem=, dom0_max_vcpus=) and the start of dom0
 * construction from the first Multiboot module.
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <asm/pv_dom0.h>
#include <asm/setup.h>

struct dom0_mem_opt {
    uint64_t min, max, amount;          /* bytes; 0 = not given */
};

static struct dom0_mem_opt dom0_mem;
static unsigned int dom0_vcpus_min = 1, dom0_vcpus_max;

static int parse_dom0_mem(const char *s)
{
    struct dom0_mem_opt v = { 0, 0, 0 };

    do {
        uint64_t *dst = &v.amount;
        const char *e;

        if ( !strncmp(s, "min:", 4) )
        {
            dst = &v.min;
            s += 4;
        }
        else if ( !strncmp(s, "max:", 4) )
        {
            dst = &v.max;
            s += 4;
        }
        if ( *s < '0' || *s > '9' )
            return -EINVAL;
        *dst = parse_size_and_unit(s, &e);
        if ( e == s || (*e && *e != ',') || !*dst )
            return -EINVAL;
        s = e;
    } while ( *s++ == ',' );

    if ( v.min && v.max && v.min > v.max )
        return -EINVAL;
    dom0_mem = v;
    return 0;
}
custom_param("dom0_mem", parse_dom0_mem);

static int parse_dom0_max_vcpus(const char *s)
{
    const char *e;
    unsigned long lo, hi;

    lo = simple_strtoul(s, &e, 10);
    if ( e == s )
        return -EINVAL;
    if ( *e == '-' )
    {
        s = e + 1;
        hi = simple_strtoul(s, &e, 10);
        if ( e == s || *e || hi < lo )
            return -EINVAL;
    }
    else if ( *e )
        return -EINVAL;
    else
    {
        hi = lo;
        lo = 1;
    }
    if ( lo == 0 || hi == 0 || hi > 4096 )
        return -EINVAL;
    dom0_vcpus_min = lo;
    dom0_vcpus_max = hi;
    return 0;
}
custom_param("dom0_max_vcpus", parse_dom0_max_vcpus);

/* Default dom0 size: all free memory less a reserve for the hypervisor. */
static unsigned long dom0_nr_pages(void)
{
    unsigned long avail = avail_domheap_pages() + avail_xenheap_pages();
    unsigned long reserve = min(avail / 16, 128UL << (20 - PAGE_SHIFT));
    unsigned long want = avail - reserve;

    if ( dom0_mem.amount )
        want = dom0_mem.amount >> PAGE_SHIFT;
    if ( dom0_mem.min && want < (dom0_mem.min >> PAGE_SHIFT) )
        want = dom0_mem.min >> PAGE_SHIFT;
    if ( dom0_mem.max && want > (dom0_mem.max >> PAGE_SHIFT) )
        want = dom0_mem.max >> PAGE_SHIFT;
    /* Leave the hypervisor its reserve whatever was asked. */
    if ( want > avail_domheap_pages() - min(avail_domheap_pages() / 64,
                                               4096UL) )
        want = avail_domheap_pages() - min(avail_domheap_pages() / 64,
                                           4096UL);
    return want;
}

/* Returns true when a dom0 was started. */
bool construct_dom0(void);
bool construct_dom0(void)
{
    const struct boot_module *k = &boot_info.mods[0];
    struct dom0_spec spec = { 0 };
    unsigned int nr_vcpus, i;
    struct domain *d;

    if ( !boot_info.nr_modules )
    {
        printk(XENLOG_WARNING
               "No dom0 kernel given: nothing to start (add a Multiboot module)\n");
        return false;
    }
    printk("Dom0 kernel: %#lx-%#lx (%lu KiB) \"%s\"\n",
           (unsigned long)k->start, (unsigned long)(k->start + k->size),
           (unsigned long)(k->size >> 10), k->cmdline);

    nr_vcpus = dom0_vcpus_max ? dom0_vcpus_max : num_online_cpus();
    if ( nr_vcpus > XEN_LEGACY_MAX_VCPUS )
        nr_vcpus = XEN_LEGACY_MAX_VCPUS;
    d = domain_create(0, nr_vcpus, true);
    if ( !d )
        panic("Could not create dom0\n");
    for ( i = 0; i < nr_vcpus; i++ )
        if ( !vcpu_create(d, i, i % num_online_cpus()) )
            panic("Could not create dom0 vCPU%u\n", i);
    hardware_domain = d;

    spec.kernel = __va(k->start);
    spec.kernel_len = k->size;
    if ( boot_info.nr_modules > 1 )
    {
        spec.initrd = __va(boot_info.mods[1].start);
        spec.initrd_len = boot_info.mods[1].size;
    }
    spec.cmdline = k->cmdline;
    spec.nr_pages = dom0_nr_pages();
    printk("Dom0: %lu MiB, %u vCPUs\n", spec.nr_pages >> (20 - PAGE_SHIFT),
           nr_vcpus);

    if ( pv_dom0_construct(d, &spec) )
        panic("Could not set up DOM0 guest OS\n");

    console_input_to_dom0();
    vcpu_clear_pause_flag(d->vcpu[0], VPF_down);
    return true;
}
