/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The start of dom0 construction from the first Multiboot module (the
 * dom0_mem= and dom0_max_vcpus= options are in common/dom0.c).
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/dom0.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <asm/pv_dom0.h>
#include <asm/setup.h>

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

    nr_vcpus = dom0_nr_vcpus();
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
