/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The mca hypercall for dom0: physical CPU information for its mcelog
 * driver.  No machine-check telemetry is collected yet.
 */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/xmalloc.h>
#include <public/arch-x86/xen-mca.h>
#include <asm/processor.h>

static void describe_cpu(unsigned int cpu, struct mcinfo_logical_cpu *c)
{
    const struct cpuinfo_x86 *b = &boot_cpu_data;

    memset(c, 0, sizeof(*c));
    c->mc_cpunr = cpu;
    c->mc_apicid = x86_cpu_to_apicid[cpu];
    c->mc_coreid = cpu;
    c->mc_ncores = nr_cpu_ids;
    c->mc_ncores_active = num_online_cpus();
    c->mc_nthreads = 1;
    c->mc_cpuid_level = b->max_leaf;
    c->mc_family = b->family;
    c->mc_model = b->model;
    c->mc_step = b->stepping;
    memcpy(c->mc_vendorid, b->vendor, sizeof(b->vendor));
    memcpy(c->mc_brandid, b->model_id, sizeof(b->model_id) - 1);
    c->mc_cpu_caps[0] = b->leaf1_d;
    c->mc_cpu_caps[1] = b->ext1_d;
    c->mc_cpu_caps[4] = b->leaf1_c;
    c->mc_cpu_caps[6] = b->ext1_c;
}

long do_mca(unsigned long arg)
{
    struct xen_mc mc;
    struct mcinfo_logical_cpu info;
    unsigned int cpu, n;

    if ( copy_from_guest(&mc, arg) )
        return -EFAULT;
    if ( mc.interface_version != XEN_MCA_INTERFACE_VERSION )
        return -EACCES;

    switch ( mc.cmd )
    {
    case XEN_MC_physcpuinfo:
        n = mc.u.mc_physcpuinfo.ncpus;
        if ( mc.u.mc_physcpuinfo.info.p )
        {
            for ( cpu = 0; cpu < n && cpu < nr_cpu_ids; cpu++ )
            {
                describe_cpu(cpu, &info);
                if ( copy_to_guest_va((unsigned long)mc.u.mc_physcpuinfo.info.p +
                                      cpu * sizeof(info), &info,
                                      sizeof(info)) )
                    return -EFAULT;
            }
        }
        mc.u.mc_physcpuinfo.ncpus = nr_cpu_ids;
        return copy_to_guest(arg, &mc) ? -EFAULT : 0;
    }
    return -ENOSYS;
}
