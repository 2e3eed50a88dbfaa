// SPDX-License-Identifier: GPL-2.0-only
/*
 * sysctl (privileged): host-wide queries for the toolstack - the console
 * ring (xl dmesg), physical facts (xl info), the scheduler, and the list
 * of domains (xl list).
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/time.h>
#include <xen/control.h>
#include <public/sysctl.h>

static DEFINE_SPINLOCK(sysctl_lock);

/* The console ring from op->index (or the oldest byte kept) on. */
static long readconsole(struct xen_sysctl_readconsole *op)
{
    char chunk[256];
    size_t idx = op->incremental ? op->index : console_ring_oldest();
    uint32_t done = 0;

    while ( done < op->count )
    {
        size_t n = console_ring_read(
            chunk, min_t(size_t, sizeof(chunk), op->count - done), &idx);

        if ( !n )
            break;
        if ( copy_to_guest_va((unsigned long)op->buffer.p + done, chunk, n) )
            return -EFAULT;
        done += n;
    }
    op->count = done;
    op->index = idx;
    if ( op->clear )
        console_ring_clear();
    return 0;
}

static void physinfo(struct xen_sysctl_physinfo *pi)
{
    memset(pi, 0, sizeof(*pi));
    pi->threads_per_core = 1;
    pi->cores_per_socket = 1;
    pi->nr_cpus = num_online_cpus();
    pi->max_cpu_id = num_online_cpus() - 1;
    pi->nr_nodes = 1;
    pi->max_node_id = 0;
    pi->cpu_khz = cpu_khz;
    pi->capabilities = XEN_SYSCTL_PHYSCAP_gnttab_v1;
    pi->total_pages = total_heap_pages();
    pi->free_pages = avail_domheap_pages() + avail_xenheap_pages();
    pi->max_mfn = max_page - 1;
    arch_physinfo(pi);
}

/* Domains with an ID of at least op->first_domain, in ID order. */
static long getdomaininfolist(struct xen_sysctl_getdomaininfolist *op)
{
    unsigned int n = 0;
    domid_t id = op->first_domain;
    struct xen_domctl_getdomaininfo info;

    while ( n < op->max_domains )
    {
        struct domain *d = domain_next_by_id(id);

        if ( !d )
            break;
        get_domain_info(d, &info);
        if ( copy_to_guest_va((unsigned long)op->buffer.p + n * sizeof(info),
                              &info, sizeof(info)) )
            return -EFAULT;
        n++;
        if ( d->domain_id == DOMID_FIRST_RESERVED - 1 )
            break;
        id = d->domain_id + 1;
    }
    op->num_domains = n;
    return 0;
}

long put_cpumap(struct xenctl_bitmap *map, int which)
{
    static const uint8_t zeros[256];
    uint8_t bits[(NR_CPUS + 7) / 8] = { 0 };
    uint64_t nbytes = ((uint64_t)map->nr_bits + 7) / 8, done, n;
    unsigned int cpu;

    for ( cpu = 0; cpu < num_online_cpus() && cpu < map->nr_bits; cpu++ )
        if ( which == CPUMAP_ALL || which == (int)cpu )
            bits[cpu / 8] |= 1u << (cpu % 8);
    /* Our CPUs' bytes, then zeros for the rest of the caller's map. */
    done = min_t(uint64_t, nbytes, sizeof(bits));
    if ( done && copy_to_guest_va((unsigned long)map->bitmap.p, bits, done) )
        return -EFAULT;
    for ( ; done < nbytes; done += n )
    {
        n = min_t(uint64_t, nbytes - done, sizeof(zeros));
        if ( copy_to_guest_va((unsigned long)map->bitmap.p + done, zeros, n) )
            return -EFAULT;
    }
    return 0;
}

/*
 * One CPU pool, 0, holds every CPU and domain; none are free.  INFO gives
 * the first pool with an ID >= the one asked for.
 */
static long cpupool_op(struct xen_sysctl_cpupool_op *op)
{
    struct domain *d;
    domid_t id = 0;

    switch ( op->op )
    {
    case XEN_SYSCTL_CPUPOOL_OP_INFO:
        if ( op->cpupool_id > 0 )
            return -ENOENT;
        op->cpupool_id = 0;
        op->sched_id = XEN_SCHEDULER_CREDIT;
        op->n_dom = 0;
        while ( (d = domain_next_by_id(id)) )
        {
            op->n_dom++;
            if ( d->domain_id >= DOMID_FIRST_RESERVED - 1 )
                break;
            id = d->domain_id + 1;
        }
        return put_cpumap(&op->cpumap, CPUMAP_ALL);
    case XEN_SYSCTL_CPUPOOL_OP_FREEINFO:
        return put_cpumap(&op->cpumap, CPUMAP_NONE);
    default:
        return -EOPNOTSUPP;
    }
}

long do_sysctl(unsigned long arg)
{
    struct xen_sysctl op;
    long rc;

    if ( copy_from_guest(&op, arg) )
        return -EFAULT;
    if ( op.interface_version != XEN_SYSCTL_INTERFACE_VERSION )
        return -EACCES;

    spin_lock(&sysctl_lock);
    switch ( op.cmd )
    {
    case XEN_SYSCTL_readconsole:
        rc = readconsole(&op.u.readconsole);
        break;
    case XEN_SYSCTL_physinfo:
        physinfo(&op.u.physinfo);
        rc = 0;
        break;
    case XEN_SYSCTL_sched_id:
        /* Round robin with equal 30 ms slices: credit without weights. */
        op.u.sched_id.sched_id = XEN_SCHEDULER_CREDIT;
        rc = 0;
        break;
    case XEN_SYSCTL_getdomaininfolist:
        rc = getdomaininfolist(&op.u.getdomaininfolist);
        break;
    case XEN_SYSCTL_cpupool_op:
        rc = cpupool_op(&op.u.cpupool_op);
        break;
    default:
        gprintk(XENLOG_DEBUG, "d%u: sysctl %u not implemented\n",
                current->domain->domain_id, op.cmd);
        rc = -ENOSYS;
        break;
    }
    spin_unlock(&sysctl_lock);

    if ( !rc && copy_to_guest(arg, &op) )
        rc = -EFAULT;
    return rc;
}
