// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dom0 boot options shared by every architecture: dom0_mem= (amount,
 * min:, max:) and dom0_max_vcpus= (N or MIN-MAX), and the sizes they give.
 */
#include <xen/dom0.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/param.h>
#include <xen/smp.h>
#include <asm/guest-abi.h>

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

/*
 * Default dom0 size: all free memory less a reserve for the hypervisor,
 * or the architecture's fixed default.
 */
unsigned long dom0_nr_pages(void)
{
    unsigned long avail = avail_domheap_pages() + avail_xenheap_pages();
    unsigned long reserve = min(avail / 16, 128UL << (20 - PAGE_SHIFT));
    unsigned long want = avail - reserve;

#ifdef ARCH_DOM0_DEFAULT_MEM
    if ( !dom0_mem.amount && !dom0_mem.min && !dom0_mem.max )
    {
        static bool warned;

        if ( !warned )
            printk(XENLOG_WARNING "PLEASE SPECIFY dom0_mem PARAMETER - "
                   "USING %luM FOR NOW\n", ARCH_DOM0_DEFAULT_MEM >> 20);
        warned = true;
        want = ARCH_DOM0_DEFAULT_MEM >> PAGE_SHIFT;
    }
#endif
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

/* dom0_max_vcpus= if given (capped by the CPUs online), else one each. */
unsigned int dom0_nr_vcpus(void)
{
    return dom0_vcpus_max ? dom0_vcpus_max : num_online_cpus();
}
