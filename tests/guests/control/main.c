/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * control: the toolstack's queries, from dom0.  sysctl physinfo (2 CPUs
 * from guest.conf, RAM near QEMU's 512 MiB, free below total, the PV
 * capability), sched_id, getdomaininfolist and domctl getdomaininfo
 * (dom0 alone, running, its page counts equal to memory_op's; getdomaininfo
 * of a missing ID gives the next domain or -ESRCH, as Xen 4.17's
 * libxenctrl expects), getvcpuinfo, getvcpuaffinity, readconsole (the hypervisor's banner,
 * then incrementally nothing new), and the refusals: a wrong interface
 * version (-EACCES), reserved IDs, pausing ourselves, unpausing an
 * unpaused domain, unknown sub-ops (-ENOSYS) and bad buffers (-EFAULT).
 */
#include "guest.h"
#include <public/sysctl.h>
#include <public/domctl.h>
#include <public/vcpu.h>

GUEST_NAME("control");

static struct xen_sysctl sc;
static struct xen_domctl dc;
static struct xen_domctl_getdomaininfo list[4];
static char ring[16384];

static long sysctl(unsigned int cmd)
{
    sc.cmd = cmd;
    sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    return HC(__HYPERVISOR_sysctl, &sc, 0, 0, 0, 0);
}

static long domctl(unsigned int cmd, domid_t dom)
{
    dc.cmd = cmd;
    dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    dc.domain = dom;
    return HC(__HYPERVISOR_domctl, &dc, 0, 0, 0, 0);
}

static void check_physinfo(void)
{
    const struct xen_sysctl_physinfo *pi = &sc.u.physinfo;
    uint64_t mib;

    memset(&sc, 0, sizeof(sc));
    CHECK_RC(sysctl(XEN_SYSCTL_physinfo), 0);
    mib = pi->total_pages >> 8;
    info("physinfo: %u CPUs (max id %u), %u kHz, %lu MiB total, "
         "%lu MiB free, caps %#x",
         pi->nr_cpus, pi->max_cpu_id, pi->cpu_khz, (unsigned long)mib,
         (unsigned long)(pi->free_pages >> 8), pi->capabilities);
    CHECK(pi->nr_cpus == 2, "nr_cpus %u, QEMU has 2", pi->nr_cpus);
    CHECK(pi->max_cpu_id >= pi->nr_cpus - 1, "max_cpu_id %u", pi->max_cpu_id);
    CHECK(pi->nr_nodes >= 1, "nr_nodes %u", pi->nr_nodes);
    CHECK(pi->cpu_khz > 100000, "cpu_khz %u", pi->cpu_khz);
    CHECK(mib >= 400 && mib <= 512, "total_pages %lu MiB, QEMU has 512",
          (unsigned long)mib);
    CHECK(pi->free_pages < pi->total_pages, "free %lu not below total %lu",
          (unsigned long)pi->free_pages, (unsigned long)pi->total_pages);
    CHECK(pi->capabilities & XEN_SYSCTL_PHYSCAP_pv, "no PV capability");
    CHECK(pi->hw_cap[0] & 1, "hw_cap[0] %#x lacks FPU", pi->hw_cap[0]);

    /* QEMU's -smp 2 is one socket of two cores. */
    CHECK(pi->cores_per_socket * pi->threads_per_core == 2,
          "%u cores per socket, %u threads per core", pi->cores_per_socket,
          pi->threads_per_core);

    CHECK_RC(sysctl(XEN_SYSCTL_sched_id), 0);
    CHECK(sc.u.sched_id.sched_id >= XEN_SCHEDULER_CREDIT &&
              sc.u.sched_id.sched_id <= XEN_SCHEDULER_NULL,
          "sched_id %u", sc.u.sched_id.sched_id);
}

static void check_domaininfo(void)
{
    static domid_t self = DOMID_SELF;
    long pages = hc_memory_op(XENMEM_current_reservation, &self);
    const struct xen_domctl_getdomaininfo *di = &dc.u.getdomaininfo;

    memset(&sc, 0, sizeof(sc));
    sc.u.getdomaininfolist.first_domain = 0;
    sc.u.getdomaininfolist.max_domains = ARRAY_SIZE(list);
    set_xen_guest_handle(sc.u.getdomaininfolist.buffer, list);
    CHECK_RC(sysctl(XEN_SYSCTL_getdomaininfolist), 0);
    CHECK(sc.u.getdomaininfolist.num_domains == 1,
          "%u domains listed, only dom0 exists",
          sc.u.getdomaininfolist.num_domains);
    CHECK(list[0].domain == 0, "first listed is d%u", list[0].domain);
    CHECK((long)list[0].tot_pages == pages, "tot_pages %lu, memory_op %ld",
          (unsigned long)list[0].tot_pages, pages);
    CHECK(list[0].flags & XEN_DOMINF_running, "dom0 not running: %#x",
          list[0].flags);
    CHECK(!(list[0].flags &
            (XEN_DOMINF_dying | XEN_DOMINF_shutdown | XEN_DOMINF_paused)),
          "dom0 flags %#x", list[0].flags);
    /* dom0 has a vCPU per CPU; we never brought up the second. */
    CHECK(list[0].max_vcpu_id == 1 && list[0].nr_online_vcpus == 1,
          "max_vcpu_id %u, %u online", list[0].max_vcpu_id,
          list[0].nr_online_vcpus);
    CHECK(list[0].max_pages >= list[0].tot_pages, "max_pages %lu",
          (unsigned long)list[0].max_pages);

    memset(&dc, 0, sizeof(dc));
    CHECK_RC(domctl(XEN_DOMCTL_getdomaininfo, 0), 0);
    CHECK(dc.domain == 0 && di->domain == 0 &&
              di->tot_pages == list[0].tot_pages,
          "getdomaininfo(0): d%u, %lu pages", di->domain,
          (unsigned long)di->tot_pages);
    CHECK(di->shared_info_frame == list[0].shared_info_frame,
          "shared_info_frame %#lx vs %#lx",
          (unsigned long)di->shared_info_frame,
          (unsigned long)list[0].shared_info_frame);
    /* No domain at or above 1: -ESRCH; reserved IDs: -EINVAL. */
    CHECK_RC(domctl(XEN_DOMCTL_getdomaininfo, 1), -XEN_ESRCH);
    CHECK_RC(domctl(XEN_DOMCTL_getdomaininfo, DOMID_SELF), -XEN_EINVAL);
    sc.u.getdomaininfolist.first_domain = 1;
    CHECK_RC(sysctl(XEN_SYSCTL_getdomaininfolist), 0);
    CHECK(sc.u.getdomaininfolist.num_domains == 0, "%u domains from ID 1",
          sc.u.getdomaininfolist.num_domains);

    memset(&dc, 0, sizeof(dc));
    dc.u.getvcpuinfo.vcpu = 0;
    CHECK_RC(domctl(XEN_DOMCTL_getvcpuinfo, 0), 0);
    CHECK(dc.u.getvcpuinfo.online && dc.u.getvcpuinfo.running &&
              !dc.u.getvcpuinfo.blocked,
          "vcpu0 online %u running %u blocked %u", dc.u.getvcpuinfo.online,
          dc.u.getvcpuinfo.running, dc.u.getvcpuinfo.blocked);
    dc.u.getvcpuinfo.vcpu = 1000;
    CHECK_RC(domctl(XEN_DOMCTL_getvcpuinfo, 0), -XEN_EINVAL);

    /* Affinity: hard some of the 2 CPUs (ours: the vCPU's), soft all. */
    {
        static uint8_t hard[4], soft[4];
        struct xen_domctl_vcpuaffinity *va = &dc.u.vcpuaffinity;

        memset(&dc, 0, sizeof(dc));
        memset(hard, 0xa5, sizeof(hard));
        memset(soft, 0xa5, sizeof(soft));
        va->vcpu = 0;
        va->flags = XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT;
        va->cpumap_hard.nr_bits = va->cpumap_soft.nr_bits = 32;
        set_xen_guest_handle(va->cpumap_hard.bitmap, hard);
        set_xen_guest_handle(va->cpumap_soft.bitmap, soft);
        CHECK_RC(domctl(XEN_DOMCTL_getvcpuaffinity, 0), 0);
        CHECK(hard[0] && !(hard[0] & ~3) && !hard[1] && soft[0] == 3 &&
              !soft[3], "affinity hard %#x soft %#x", hard[0], soft[0]);
        va->flags = 0;
        CHECK_RC(domctl(XEN_DOMCTL_getvcpuaffinity, 0), -XEN_EINVAL);
        va->vcpu = 1000;
        va->flags = XEN_VCPUAFFINITY_HARD;
        CHECK_RC(domctl(XEN_DOMCTL_getvcpuaffinity, 0), -XEN_EINVAL);
    }
}

/* One pool, 0, with both CPUs; no free CPUs; no pool 1. */
static void check_cpupools(void)
{
    struct xen_sysctl_cpupool_op *op = &sc.u.cpupool_op;
    static uint8_t map[4];

    memset(&sc, 0, sizeof(sc));
    memset(map, 0xa5, sizeof(map));
    op->op = XEN_SYSCTL_CPUPOOL_OP_INFO;
    op->cpumap.nr_bits = 8 * sizeof(map);
    set_xen_guest_handle(op->cpumap.bitmap, map);
    CHECK_RC(sysctl(XEN_SYSCTL_cpupool_op), 0);
    CHECK(op->cpupool_id == 0 && op->n_dom == 1 && map[0] == 3 && !map[1],
          "pool %u, %u domains, cpumap %#x %#x", op->cpupool_id, op->n_dom,
          map[0], map[1]);
    memset(map, 0xa5, sizeof(map));
    op->op = XEN_SYSCTL_CPUPOOL_OP_FREEINFO;
    CHECK_RC(sysctl(XEN_SYSCTL_cpupool_op), 0);
    CHECK(!map[0] && !map[3], "free cpumap %#x", map[0]);
    op->op = XEN_SYSCTL_CPUPOOL_OP_INFO;
    op->cpupool_id = 1;
    CHECK_RC(sysctl(XEN_SYSCTL_cpupool_op), -XEN_ENOENT);
}

static void check_readconsole(void)
{
    struct xen_sysctl_readconsole *rc = &sc.u.readconsole;
    uint32_t end;

    memset(&sc, 0, sizeof(sc));
    set_xen_guest_handle(rc->buffer, ring);
    rc->count = sizeof(ring) - 1;
    CHECK_RC(sysctl(XEN_SYSCTL_readconsole), 0);
    CHECK(rc->count > 0 && rc->count < sizeof(ring), "read %u bytes",
          rc->count);
    ring[rc->count] = 0;
    CHECK(strstr(ring, "Xen"), "no 'Xen' in the %u bytes read", rc->count);
    /* From where that read ended: nothing new unless we print. */
    end = rc->index;
    rc->incremental = 1;
    rc->index = end;
    rc->count = sizeof(ring) - 1;
    CHECK_RC(sysctl(XEN_SYSCTL_readconsole), 0);
    CHECK(rc->count == 0, "%u new bytes with nothing printed", rc->count);
    info("readconsole: banner read, incremental read empty");
}

static void check_refusals(void)
{
    memset(&sc, 0, sizeof(sc));
    sc.cmd = XEN_SYSCTL_physinfo;
    sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION - 1;
    CHECK_RC(HC(__HYPERVISOR_sysctl, &sc, 0, 0, 0, 0), -XEN_EACCES);
    memset(&dc, 0, sizeof(dc));
    dc.cmd = XEN_DOMCTL_getdomaininfo;
    dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
    CHECK_RC(HC(__HYPERVISOR_domctl, &dc, 0, 0, 0, 0), -XEN_EACCES);
    CHECK_RC(HC(__HYPERVISOR_sysctl, 8, 0, 0, 0, 0), -XEN_EFAULT);
    CHECK_RC(HC(__HYPERVISOR_domctl, 8, 0, 0, 0, 0), -XEN_EFAULT);

    CHECK_RC(sysctl(1000), -XEN_ENOSYS);
    CHECK_RC(domctl(999, 0), -XEN_ENOSYS);
    CHECK_RC(domctl(XEN_DOMCTL_pausedomain, 0), -XEN_EINVAL);
    CHECK_RC(domctl(XEN_DOMCTL_unpausedomain, 0), -XEN_EINVAL);
    CHECK_RC(domctl(XEN_DOMCTL_pausedomain, 7), -XEN_ESRCH);
    CHECK_RC(domctl(XEN_DOMCTL_pausedomain, DOMID_IO), -XEN_ESRCH);

    /* A readconsole buffer we do not own. */
    memset(&sc, 0, sizeof(sc));
    set_xen_guest_handle(sc.u.readconsole.buffer, (char *)8);
    sc.u.readconsole.count = 64;
    CHECK_RC(sysctl(XEN_SYSCTL_readconsole), -XEN_EFAULT);
}

void guest_main(void)
{
    check_physinfo();
    check_domaininfo();
    check_cpupools();
    check_readconsole();
    check_refusals();
}
