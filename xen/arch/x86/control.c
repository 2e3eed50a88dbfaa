// SPDX-License-Identifier: GPL-2.0-only
/* x86's part of sysctl physinfo and domctl getdomaininfo. */
#include <xen/control.h>
#include <xen/sched.h>
#include <xen/string.h>
#include <asm/processor.h>
#include <asm/setup.h>

/* Cores per package and threads per core, from CPUID as far as it says. */
static void topology(struct xen_sysctl_physinfo *pi)
{
    struct cpuid_leaf l;
    unsigned int logical = 1, cores = 1;

    cpuid(1, &l);
    if ( l.d & (1u << 28) ) /* HTT: the count is valid */
        logical = (l.b >> 16) & 0xff ?: 1;
    if ( !strcmp(boot_cpu_data.vendor, "AuthenticAMD") )
    {
        cpuid(0x80000000, &l);
        if ( l.a >= 0x80000008 )
        {
            cpuid(0x80000008, &l);
            cores = (l.c & 0xff) + 1;
        }
    }
    else
    {
        cpuid(0, &l);
        if ( l.a >= 4 )
        {
            cpuid_count(4, 0, &l);
            cores = ((l.a >> 26) & 0x3f) + 1;
        }
    }
    if ( cores > logical )
        cores = logical;
    pi->cores_per_socket = cores;
    pi->threads_per_core = logical / cores ?: 1;
}

void arch_physinfo(struct xen_sysctl_physinfo *pi)
{
    struct cpuid_leaf l;

    unsigned int i;

    pi->capabilities |= XEN_SYSCTL_PHYSCAP_pv;
    topology(pi);
    /* All RAM, the hypervisor's own included, as Xen counts it. */
    pi->total_pages = 0;
    for ( i = 0; i < e820.nr_map; i++ )
        if ( e820.map[i].type == E820_RAM )
            pi->total_pages += e820.map[i].size >> PAGE_SHIFT;
    /* Feature words in Xen's featureset order: 1d 1c e1d e1c Da1 7b0 e7d e8b. */
    cpuid(1, &l);
    pi->hw_cap[0] = l.d;
    pi->hw_cap[1] = l.c;
    cpuid(0x80000000, &l);
    if ( l.a >= 0x80000001 )
    {
        uint32_t max_ext = l.a;

        cpuid(0x80000001, &l);
        pi->hw_cap[2] = l.d;
        pi->hw_cap[3] = l.c;
        if ( max_ext >= 0x80000007 )
        {
            cpuid(0x80000007, &l);
            pi->hw_cap[6] = l.d;
        }
        if ( max_ext >= 0x80000008 )
        {
            cpuid(0x80000008, &l);
            pi->hw_cap[7] = l.b;
        }
    }
    cpuid(0, &l);
    if ( l.a >= 0xd )
    {
        cpuid_count(0xd, 1, &l);
        pi->hw_cap[4] = l.a;
    }
    cpuid(0, &l);
    if ( l.a >= 7 )
    {
        cpuid_count(7, 0, &l);
        pi->hw_cap[5] = l.b;
    }
}

void arch_get_domain_info(const struct domain *d,
                          struct xen_domctl_getdomaininfo *info)
{
    /* PV guests only: no HVM flag, no HAP, no emulated devices. */
}
