// SPDX-License-Identifier: GPL-2.0-only
/*
 * control (arm64): the toolstack's queries from dom0 - sysctl physinfo
 * (the CPUs QEMU was given, RAM, the HVM capability of the Xen-on-ARM
 * model), getdomaininfolist and domctl getdomaininfo (dom0 alone,
 * running, an "HVM" guest, its pages equal to memory_op's), readconsole
 * (the banner), and a wrong interface version (-EACCES).
 */
#include "guest.h"
#include <public/xen.h>
#include <public/sched.h>
#include <public/memory.h>
#include <public/sysctl.h>
#include <public/domctl.h>

static struct xen_sysctl sc;
static struct xen_domctl dc;
static struct xen_domctl_getdomaininfo list[4];
static char ring[8192];

static long sysctl(unsigned int cmd, uint32_t version)
{
    sc.cmd = cmd;
    sc.interface_version = version;
    return hypercall(__HYPERVISOR_sysctl, (unsigned long)&sc, 0, 0, 0, 0);
}

static bool fail(const char *what, unsigned long a, unsigned long b)
{
    guest_printf("guest-arm64: FAIL control: %s (%lx, %lx)\n", what, a, b);
    return false;
}

static bool has_xen(const char *s, unsigned long n)
{
    unsigned long i;

    for ( i = 0; i + 3 <= n; i++ )
        if ( s[i] == 'X' && s[i + 1] == 'e' && s[i + 2] == 'n' )
            return true;
    return false;
}

static bool run(void)
{
    static domid_t self = DOMID_SELF;
    const struct xen_sysctl_physinfo *pi = &sc.u.physinfo;
    long pages = hypercall(__HYPERVISOR_memory_op, XENMEM_current_reservation,
                           (unsigned long)&self, 0, 0, 0);
    long rc;

    if ( (rc = sysctl(XEN_SYSCTL_physinfo, XEN_SYSCTL_INTERFACE_VERSION)) )
        return fail("physinfo", rc, 0);
    if ( pi->nr_cpus != 2 || !(pi->capabilities & XEN_SYSCTL_PHYSCAP_hvm) )
        return fail("physinfo CPUs / capabilities", pi->nr_cpus,
                    pi->capabilities);
    if ( (pi->total_pages >> 8) < 1800 || (pi->total_pages >> 8) > 2048 )
        return fail("physinfo total MiB (QEMU has 2048)", pi->total_pages >> 8,
                    0);
    guest_printf("guest-arm64: control: %u CPUs, %lu MiB, caps %x\n",
                 pi->nr_cpus, (unsigned long)(pi->total_pages >> 8),
                 pi->capabilities);

    memset(&sc, 0, sizeof(sc));
    sc.u.getdomaininfolist.max_domains = 4;
    sc.u.getdomaininfolist.buffer.p = list;
    if ( (rc = sysctl(XEN_SYSCTL_getdomaininfolist,
                      XEN_SYSCTL_INTERFACE_VERSION)) )
        return fail("getdomaininfolist", rc, 0);
    if ( sc.u.getdomaininfolist.num_domains != 1 || list[0].domain != 0 ||
         (long)list[0].tot_pages != pages )
        return fail("domain list (count, pages)",
                    sc.u.getdomaininfolist.num_domains, list[0].tot_pages);
    if ( !(list[0].flags & XEN_DOMINF_running) ||
         !(list[0].flags & XEN_DOMINF_hvm_guest) )
        return fail("dom0 flags", list[0].flags, 0);

    dc.cmd = XEN_DOMCTL_getdomaininfo;
    dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    dc.domain = 0;
    if ( (rc =
              hypercall(__HYPERVISOR_domctl, (unsigned long)&dc, 0, 0, 0, 0)) ||
         dc.u.getdomaininfo.tot_pages != list[0].tot_pages )
        return fail("getdomaininfo", rc, dc.u.getdomaininfo.tot_pages);

    memset(&sc, 0, sizeof(sc));
    sc.u.readconsole.buffer.p = ring;
    sc.u.readconsole.count = sizeof(ring);
    if ( (rc = sysctl(XEN_SYSCTL_readconsole, XEN_SYSCTL_INTERFACE_VERSION)) ||
         !has_xen(ring, sc.u.readconsole.count) )
        return fail("readconsole", rc, sc.u.readconsole.count);

    if ( (rc = sysctl(XEN_SYSCTL_physinfo, 0x1234)) != -13 )
        return fail("wrong interface version not refused", rc, 0);
    return true;
}

void guest_main(const void *fdt);
void guest_main(const void *fdt)
{
    if ( run() )
        guest_printf("guest-arm64: PASS control\n");
    guest_shutdown(SHUTDOWN_poweroff);
}
