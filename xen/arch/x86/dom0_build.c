/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Dom0 boot options (dom0_mem=, dom0_max_vcpus=) and the start of dom0
 * construction from the first Multiboot module.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>
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

/* Returns true when a dom0 was started. */
bool construct_dom0(void);
bool construct_dom0(void)
{
    const struct boot_module *k = &boot_info.mods[0];

    if ( !boot_info.nr_modules )
    {
        printk(XENLOG_WARNING
               "No dom0 kernel given: nothing to start (add a Multiboot module)\n");
        return false;
    }
    printk("Dom0 kernel: %#lx-%#lx (%lu KiB) \"%s\"\n",
           (unsigned long)k->start, (unsigned long)(k->start + k->size),
           (unsigned long)(k->size >> 10), k->cmdline);
    if ( dom0_mem.amount || dom0_mem.max )
        printk("Dom0 memory: %lu MiB (min %lu, max %lu MiB)\n",
               (unsigned long)(dom0_mem.amount >> 20),
               (unsigned long)(dom0_mem.min >> 20),
               (unsigned long)(dom0_mem.max >> 20));
    if ( dom0_vcpus_max )
        printk("Dom0 vCPUs: %u-%u\n", dom0_vcpus_min, dom0_vcpus_max);
    printk(XENLOG_WARNING
           "PV dom0 construction is not implemented yet: dom0 not started\n");
    return false;
}
