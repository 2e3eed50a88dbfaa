// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm memory_op back end: guests are auto-translated, so frames are named
 * by guest frame number and mapped through the p2m.  add_to_physmap
 * places the shared_info page and grant-table frames; remove_from_physmap
 * undoes a mapping; dom0 balloons by taking its 1:1 frames out of the p2m
 * and back.  The PV-only sub-ops are refused.
 */
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <public/memory.h>
#include <xen/arch-memory.h>
#include <asm/p2m.h>

/* The domain named by a memory_op: itself, or any for dom0. */
static struct domain *target_domain(domid_t domid)
{
    struct domain *cur = current->domain;

    if ( domid == DOMID_SELF || domid == cur->domain_id )
        return cur;
    if ( !cur->is_privileged )
        return NULL;
    return rcu_lock_domain_by_id(domid);
}

static long add_to_physmap(struct domain *d, unsigned int space,
                           unsigned long idx, unsigned long gpfn)
{
    unsigned long mfn;
    int rc;

    if ( gpfn >> (p2m_ipa_bits - PAGE_SHIFT) )
        return -EINVAL;
    switch ( space )
    {
    case XENMAPSPACE_shared_info:
        if ( idx != 0 )
            return -EINVAL;
        mfn = virt_to_mfn(d->shared_info);
        break;
    case XENMAPSPACE_grant_table:
        if ( idx & XENMAPIDX_grant_table_status )
            return -EINVAL;             /* v1 only: no status frames */
        rc = gnttab_get_frame_mfn(d, idx, &mfn);
        if ( rc )
            return rc;
        break;
    default:
        gprintk(XENLOG_DEBUG, "d%u: add_to_physmap space %u unsupported\n",
                d->domain_id, space);
        return -EOPNOTSUPP;
    }
    return p2m_map(d, (paddr_t)gpfn << PAGE_SHIFT, (paddr_t)mfn << PAGE_SHIFT,
                   1, p2m_ram_rw);
}

long arch_memory_op(unsigned long cmd, unsigned long arg)
{
    switch ( cmd )
    {
    case XENMEM_add_to_physmap:
    {
        struct xen_add_to_physmap x;
        struct domain *d;

        if ( copy_from_guest(&x, arg) )
            return -EFAULT;
        d = target_domain(x.domid);
        if ( !d )
            return -ESRCH;
        return add_to_physmap(d, x.space, x.idx, x.gpfn);
    }
    case XENMEM_add_to_physmap_batch:
    {
        /*
         * privcmd's foreign mappings: frames of another domain placed in
         * the caller's p2m.  Naming oneself (or a missing domain) gives
         * -ESRCH per entry, as on Xen; only dom0 exists so far, so
         * mapping a real foreign domain's frames is not implemented yet.
         */
        struct xen_add_to_physmap_batch x;
        struct domain *d;
        unsigned int i;

        if ( copy_from_guest(&x, arg) )
            return -EFAULT;
        d = target_domain(x.domid);
        if ( !d )
            return -ESRCH;
        if ( x.space != XENMAPSPACE_gmfn_foreign )
            return -EOPNOTSUPP;
        if ( !current->domain->is_privileged )
            return -EPERM;
        for ( i = 0; i < x.size; i++ )
        {
            domid_t fd = x.u.foreign_domid;
            int err = fd == DOMID_SELF || fd == d->domain_id ||
                      !rcu_lock_domain_by_id(fd) ? -ESRCH : -EOPNOTSUPP;

            if ( copy_to_guest_va((unsigned long)x.errs.p + i * sizeof(err),
                                  &err, sizeof(err)) )
                return -EFAULT;
        }
        return 0;
    }
    case XENMEM_remove_from_physmap:
    {
        struct xen_remove_from_physmap x;
        struct domain *d;

        if ( copy_from_guest(&x, arg) )
            return -EFAULT;
        d = target_domain(x.domid);
        if ( !d )
            return -ESRCH;
        if ( x.gpfn >> (p2m_ipa_bits - PAGE_SHIFT) )
            return -EINVAL;
        return p2m_unmap(d, (paddr_t)x.gpfn << PAGE_SHIFT, 1);
    }
    }
    return -ENOSYS;
}

/*
 * A frame of a direct-mapped (1:1) domain that may leave or rejoin its
 * p2m: its own RAM at IPA == PA, held by nobody else (no vcpu_info, event
 * control block or grant mapping keeps a reference).  With `mapped`, it
 * must be in the p2m now; without, it must be out of it.
 */
static bool balloonable(struct domain *d, unsigned long gfn, bool mapped)
{
    paddr_t gpa = (paddr_t)gfn << PAGE_SHIFT;
    p2m_type_t t;
    paddr_t ma = p2m_lookup(d, gpa, &t);

    if ( !mfn_valid(gfn) || page_owner_of(gfn) != d ||
         (mfn_to_page(gfn)->count_info & PGC_count_mask) != 1 )
        return false;
    return mapped ? ma == gpa && t == p2m_ram_rw : ma == INVALID_PADDR;
}

/*
 * Ballooning for direct-mapped domains (dom0), as Xen does it on arm: a
 * frame given back only leaves the p2m and stays the domain's, so that
 * populate_physmap can put the same frame back at the same address (the
 * 1:1 layout is what devices DMA to).  Frames are checked first, so a
 * refused extent changes nothing.
 */
long arch_remove_page(struct domain *d, unsigned long gmfn,
                      unsigned int order)
{
    unsigned long i, n = 1UL << order;

    if ( !d->arch.direct_map )
        return -EOPNOTSUPP;
    if ( gmfn + n < gmfn || (gmfn + n) > (1UL << (p2m_ipa_bits - PAGE_SHIFT)) )
        return -EINVAL;
    for ( i = 0; i < n; i++ )
        if ( !balloonable(d, gmfn + i, true) )
        {
            gprintk(XENLOG_DEBUG, "d%u: gfn %#lx cannot be ballooned out\n",
                    d->domain_id, gmfn + i);
            return -EINVAL;
        }
    return p2m_unmap(d, (paddr_t)gmfn << PAGE_SHIFT, n);
}

long arch_populate_page(struct domain *d, bool populate, unsigned long *frame,
                        unsigned int order)
{
    unsigned long i, n = 1UL << order, gfn = *frame;

    /* increase_reservation hands out frames by MFN: PV only. */
    if ( !populate || !d->arch.direct_map )
        return -EOPNOTSUPP;
    if ( gfn + n < gfn || (gfn + n) > (1UL << (p2m_ipa_bits - PAGE_SHIFT)) )
        return -EINVAL;
    for ( i = 0; i < n; i++ )
        if ( !balloonable(d, gfn + i, false) )
        {
            gprintk(XENLOG_DEBUG, "d%u: gfn %#lx cannot be populated\n",
                    d->domain_id, gfn + i);
            return -EINVAL;
        }
    return p2m_map(d, (paddr_t)gfn << PAGE_SHIFT, (paddr_t)gfn << PAGE_SHIFT,
                   n, p2m_ram_rw);
}

long arch_memory_map(struct domain *d, bool machine, unsigned long buf,
                     unsigned int room, unsigned int *nr)
{
    return -ENOSYS;
}

long arch_max_gpfn(struct domain *d)
{
    return (1L << (p2m_ipa_bits - PAGE_SHIFT)) - 1;
}

long arch_machphys_mfn_list(unsigned long arg)
{
    return -ENOSYS;
}

long arch_memory_exchange(unsigned long arg)
{
    return -ENOSYS;
}

/* Grant mappings on arm go through the p2m (GNTMAP_host_map at an IPA). */
int arch_grant_map(struct domain *d, struct domain *owner, uint64_t host_addr,
                   uint32_t flags, unsigned long mfn, bool ro)
{
    struct page_info *pg = mfn_to_page(mfn);
    unsigned long x;
    int rc;

    if ( host_addr & ~PAGE_MASK )
        return -EINVAL;
    /* A reference for the mapping, unless the frame is being freed. */
    x = __atomic_load_n(&pg->count_info, __ATOMIC_SEQ_CST);
    do {
        if ( !(x & PGC_count_mask) || (x & PGC_count_mask) == PGC_count_mask )
            return -EINVAL;
    } while ( !__atomic_compare_exchange_n(&pg->count_info, &x, x + 1, false,
                                           __ATOMIC_SEQ_CST,
                                           __ATOMIC_SEQ_CST) );
    rc = p2m_map(d, host_addr, (paddr_t)mfn << PAGE_SHIFT, 1,
                 ro ? p2m_grant_ro : p2m_grant_rw);
    if ( rc )
        __atomic_fetch_sub(&pg->count_info, 1, __ATOMIC_SEQ_CST);
    return rc;
}

int arch_grant_unmap(struct domain *d, uint64_t host_addr, uint32_t flags,
                     unsigned long mfn)
{
    p2m_type_t t;
    paddr_t ma = p2m_lookup(d, host_addr & PAGE_MASK, &t);

    int rc;

    if ( ma == INVALID_PADDR || (ma >> PAGE_SHIFT) != mfn ||
         (t != p2m_grant_rw && t != p2m_grant_ro) )
        return -EINVAL;
    rc = p2m_unmap(d, host_addr & PAGE_MASK, 1);
    if ( !rc )
        __atomic_fetch_sub(&mfn_to_page(mfn)->count_info, 1,
                           __ATOMIC_SEQ_CST);
    return rc;
}
