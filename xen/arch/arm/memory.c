// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm memory_op back end: guests are auto-translated, so frames are named
 * by guest frame number and mapped through the p2m.  add_to_physmap
 * places the shared_info page and grant-table frames; remove_from_physmap
 * undoes a mapping.  Ballooning and the PV-only sub-ops are refused.
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

/* Ballooning is not offered yet: the reservation stays as built. */
long arch_remove_page(struct domain *d, unsigned long gmfn,
                      unsigned int order)
{
    return -EOPNOTSUPP;
}

long arch_populate_page(struct domain *d, bool populate, unsigned long *frame,
                        unsigned int order)
{
    return -EOPNOTSUPP;
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
    if ( host_addr & ~PAGE_MASK )
        return -EINVAL;
    return p2m_map(d, host_addr, (paddr_t)mfn << PAGE_SHIFT, 1,
                   ro ? p2m_grant_ro : p2m_grant_rw);
}

int arch_grant_unmap(struct domain *d, uint64_t host_addr, uint32_t flags,
                     unsigned long mfn)
{
    p2m_type_t t;
    paddr_t ma = p2m_lookup(d, host_addr & PAGE_MASK, &t);

    if ( ma == INVALID_PADDR || (ma >> PAGE_SHIFT) != mfn ||
         (t != p2m_grant_rw && t != p2m_grant_ro) )
        return -EINVAL;
    return p2m_unmap(d, host_addr & PAGE_MASK, 1);
}
