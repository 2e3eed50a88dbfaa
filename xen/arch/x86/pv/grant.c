/* SPDX-License-Identifier: GPL-2.0-only */
/* Grant mappings for PV guests: a validated L1 entry at host_addr. */
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <public/grant_table.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/system.h>

/* The L1 frame and slot that host_addr names (a VA or a PTE address). */
static int find_slot(struct domain *d, uint64_t host_addr, uint32_t flags,
                     unsigned long *l1_mfn, unsigned int *idx)
{
    if ( flags & GNTMAP_contains_pte )
    {
        if ( host_addr & 7 )
            return -EINVAL;
        *l1_mfn = host_addr >> PAGE_SHIFT;
        *idx = (host_addr & ~PAGE_MASK) >> 3;
        return 0;
    }
    else
    {
        uint64_t *pte = guest_l1e_for_va(current->arch.pv.guest_table,
                                         host_addr, l1_mfn);

        if ( !pte )
            return -EINVAL;
        *idx = ((unsigned long)pte & ~PAGE_MASK) >> 3;
        return 0;
    }
}

int arch_grant_map(struct domain *d, struct domain *owner, uint64_t host_addr,
                   uint32_t flags, unsigned long mfn, bool readonly)
{
    unsigned long l1_mfn;
    unsigned int idx;
    uint64_t val = ((uint64_t)mfn << PAGE_SHIFT) | _PAGE_PRESENT |
                   _PAGE_ACCESSED | (readonly ? 0 : _PAGE_RW | _PAGE_DIRTY);
    int rc = find_slot(d, host_addr, flags, &l1_mfn, &idx);

    if ( rc )
        return rc;
    rc = pv_mod_entry(d, owner, l1_mfn, idx, val, false);
    if ( !rc && !(flags & GNTMAP_contains_pte) )
        invlpg((void *)host_addr);
    return rc;
}

int arch_grant_unmap(struct domain *d, uint64_t host_addr, uint32_t flags,
                     unsigned long mfn)
{
    unsigned long l1_mfn;
    unsigned int idx;
    uint64_t *slot;
    int rc = find_slot(d, host_addr, flags, &l1_mfn, &idx);

    if ( rc || !mfn_valid(l1_mfn) )
        return rc ? rc : -EINVAL;
    slot = (uint64_t *)mfn_to_virt(l1_mfn) + idx;
    /* Only take down our own mapping, not whatever replaced it. */
    if ( ((READ_ONCE(*slot) & PADDR_MASK) >> PAGE_SHIFT) != mfn )
        return -EINVAL;
    rc = pv_mod_entry(d, d, l1_mfn, idx, 0, false);
    flush_tlb_all_cpus();
    return rc;
}

struct domain *page_owner_of(unsigned long mfn)
{
    return mfn_valid(mfn) ? page_get_owner(mfn_to_page(mfn)) : NULL;
}
