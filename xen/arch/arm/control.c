// SPDX-License-Identifier: GPL-2.0-only
/* arm64's part of sysctl physinfo and domctl getdomaininfo. */
#include <xen/control.h>
#include <xen/sched.h>
#include <asm/p2m.h>
#include <asm/setup.h>

void arch_physinfo(struct xen_sysctl_physinfo *pi)
{
    unsigned int i;

    /* Guests run in the Xen-on-ARM model: "HVM" with stage-2 paging. */
    pi->capabilities |= XEN_SYSCTL_PHYSCAP_hvm | XEN_SYSCTL_PHYSCAP_hap;
    /* All RAM banks, the hypervisor's own memory included. */
    pi->total_pages = 0;
    for ( i = 0; i < bootinfo.mem.nr; i++ )
        pi->total_pages += bootinfo.mem.bank[i].size >> PAGE_SHIFT;
}

void arch_get_domain_info(const struct domain *d,
                          struct xen_domctl_getdomaininfo *info)
{
    info->flags |= XEN_DOMINF_hvm_guest | XEN_DOMINF_hap;
    info->gpaddr_bits = p2m_ipa_bits;
}
