// SPDX-License-Identifier: GPL-2.0-only
/* x86's part of sysctl physinfo and domctl getdomaininfo. */
#include <xen/control.h>
#include <xen/sched.h>
#include <asm/processor.h>

void arch_physinfo(struct xen_sysctl_physinfo *pi)
{
    struct cpuid_leaf l;

    pi->capabilities |= XEN_SYSCTL_PHYSCAP_pv;
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
