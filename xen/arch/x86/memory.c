/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 PV memory_op back end: extents by MFN, the host e820, the M2P. */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <public/memory.h>
#include <xen/arch-memory.h>
#include <asm/pv_mm.h>
#include <asm/setup.h>

long arch_remove_page(struct domain *d, unsigned long gmfn,
                      unsigned int order)
{
    unsigned long i;

    for ( i = 0; i < (1UL << order); i++ )
    {
        unsigned long mfn = gmfn + i;
        struct page_info *pg;

        if ( !mfn_valid(mfn) )
            return -EINVAL;
        pg = mfn_to_page(mfn);
        if ( page_get_owner(pg) != d || (pg->count_info & PGC_xen_heap) )
            return -EINVAL;
        /* A frame still in use as a table or pinned cannot go. */
        if ( (pg->type_info & PGT_count_mask) &&
             (pg->type_info & PGT_type_mask) != PGT_writable_page )
            return -EBUSY;
        set_gpfn_from_mfn(mfn, INVALID_M2P_ENTRY);
        /* Drop the allocation reference; mappings keep theirs. */
        put_page(pg);
    }
    return 0;
}

long arch_populate_page(struct domain *d, bool populate, unsigned long *frame,
                        unsigned int order)
{
    struct page_info *pg;
    unsigned long i, mfn;

    if ( d->tot_pages + (1UL << order) > d->max_pages )
        return -ENOMEM;
    pg = alloc_domheap_pages(d, order, 0);
    if ( !pg )
        return -ENOMEM;
    if ( domain_assign_page(d, pg, order, false) )
    {
        free_domheap_pages(pg, order);
        return -ENOMEM;
    }
    mfn = page_to_mfn(pg);
    for ( i = 0; i < (1UL << order); i++ )
        set_gpfn_from_mfn(mfn + i, populate ? *frame + i : INVALID_M2P_ENTRY);
    *frame = mfn;
    return 0;
}

long arch_memory_map(struct domain *d, bool machine, unsigned long buf,
                     unsigned int room, unsigned int *nr)
{
    unsigned int i;

    if ( !machine )
    {
        /* A PV guest's pseudo-physical map: its pages from frame 0. */
        struct { uint64_t addr, size; uint32_t type; } __packed e = {
            0, (uint64_t)d->max_pages << PAGE_SHIFT, E820_RAM };

        if ( room < 1 )
            return -EINVAL;
        if ( copy_to_guest_va(buf, &e, sizeof(e)) )
            return -EFAULT;
        *nr = 1;
        return 0;
    }
    if ( room < e820.nr_map )
        return -EINVAL;
    for ( i = 0; i < e820.nr_map; i++ )
    {
        struct { uint64_t addr, size; uint32_t type; } __packed e = {
            e820.map[i].addr, e820.map[i].size, e820.map[i].type };

        if ( copy_to_guest_va(buf + i * sizeof(e), &e, sizeof(e)) )
            return -EFAULT;
    }
    *nr = e820.nr_map;
    return 0;
}

long arch_max_gpfn(struct domain *d)
{
    unsigned long m = d->shared_info->arch.max_pfn;

    return m ? m - 1 : d->tot_pages - 1;
}

long arch_machphys_mfn_list(unsigned long arg)
{
    struct xen_machphys_mfn_list l;
    unsigned int i, nr;

    if ( copy_from_guest(&l, arg) )
        return -EFAULT;
    m2p_chunk_mfn(0, &nr);
    for ( i = 0; i < nr && i < l.max_extents; i++ )
    {
        xen_pfn_t mfn = m2p_chunk_mfn(i, &nr);

        if ( copy_to_guest_va((unsigned long)l.extent_start.p +
                              i * sizeof(mfn), &mfn, sizeof(mfn)) )
            return -EFAULT;
    }
    l.nr_extents = i;
    return copy_to_guest(arg, &l) ? -EFAULT : 0;
}

/*
 * XENMEM_exchange for PV guests: give back frames the guest holds no
 * mappings of, get new (possibly contiguous, address-limited) ones, which
 * take over the given pseudo-physical frame numbers.  Done chunk by chunk;
 * nr_exchanged counts input extents done, also when a later chunk fails.
 */
static bool page_is_stealable(const struct domain *d, unsigned long mfn)
{
    const struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return false;
    pg = mfn_to_page(mfn);
    return page_get_owner(pg) == d && !(pg->count_info & PGC_xen_heap) &&
           (pg->count_info & PGC_count_mask) == 1 &&
           !(pg->type_info & PGT_count_mask);
}

long arch_memory_exchange(unsigned long arg)
{
    struct domain *d = current->domain;
    struct xen_memory_exchange x;
    unsigned int in_o, out_o, chunk_o;
    unsigned long chunks, c, in_per, out_per, k, j;
    unsigned int bits;
    long rc = 0;

    if ( copy_from_guest(&x, arg) )
        return -EFAULT;
    in_o = x.in.extent_order;
    out_o = x.out.extent_order;
    if ( in_o > 9 || out_o > 9 || x.nr_exchanged ||
         (x.in.domid != DOMID_SELF && x.in.domid != d->domain_id) ||
         x.in.nr_extents > (1UL << 20) ||
         (x.in.nr_extents << in_o) != (x.out.nr_extents << out_o) )
        return -EINVAL;
    chunk_o = max(in_o, out_o);
    in_per = 1UL << (chunk_o - in_o);
    out_per = 1UL << (chunk_o - out_o);
    chunks = (x.in.nr_extents << in_o) >> chunk_o;
    bits = x.out.mem_flags & 0xff;

    for ( c = 0; c < chunks && !rc; c++ )
    {
        xen_pfn_t in[512], gpfn;
        struct page_info *out[512];

        /* The frames going back: all must be free of other users. */
        for ( k = 0; k < in_per; k++ )
        {
            unsigned long slot = (unsigned long)x.in.extent_start.p +
                                 (c * in_per + k) * sizeof(xen_pfn_t);

            if ( copy_from_guest_va(&in[k], slot, sizeof(in[k])) )
                return -EFAULT;
            for ( j = 0; j < (1UL << in_o); j++ )
                if ( !page_is_stealable(d, in[k] + j) )
                    rc = -EBUSY;
        }
        if ( rc )
            break;

        /* The new frames, before anything is given up. */
        for ( k = 0; k < out_per; k++ )
        {
            out[k] = alloc_domheap_pages(d, out_o, MEMF_bits(bits));
            if ( !out[k] )
            {
                while ( k-- )
                    free_domheap_pages(out[k], out_o);
                rc = -ENOMEM;
                break;
            }
        }
        if ( rc )
            break;

        {
            unsigned long drop[512];
            unsigned int nd = 0;

            for ( k = 0; k < in_per; k++ )
                for ( j = 0; j < (1UL << in_o); j++ )
                {
                    set_gpfn_from_mfn(in[k] + j, INVALID_M2P_ENTRY);
                    drop[nd++] = in[k] + j;
                }
            put_pages_batch(drop, nd);
        }
        for ( k = 0; k < out_per; k++ )
        {
            unsigned long slot = (unsigned long)x.out.extent_start.p +
                                 (c * out_per + k) * sizeof(xen_pfn_t);
            xen_pfn_t mfn = page_to_mfn(out[k]);

            /* The count was just returned: this cannot exceed the limit. */
            d->max_pages += 1UL << out_o;
            domain_assign_page(d, out[k], out_o, false);
            d->max_pages -= 1UL << out_o;
            if ( copy_from_guest_va(&gpfn, slot, sizeof(gpfn)) )
                gpfn = INVALID_M2P_ENTRY;
            for ( j = 0; j < (1UL << out_o); j++ )
                set_gpfn_from_mfn(mfn + j, gpfn == INVALID_M2P_ENTRY
                                           ? gpfn : gpfn + j);
            if ( copy_to_guest_va(slot, &mfn, sizeof(mfn)) )
                rc = -EFAULT;
        }
        x.nr_exchanged += in_per;
    }
    if ( copy_to_guest_va(arg + offsetof(struct xen_memory_exchange,
                                         nr_exchanged),
                          &x.nr_exchanged, sizeof(x.nr_exchanged)) )
        return -EFAULT;
    return rc;
}

long arch_memory_op(unsigned long cmd, unsigned long arg)
{
    return -ENOSYS;
}
