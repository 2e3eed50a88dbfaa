// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest memory access.  Hypercall arguments on arm are guest virtual
 * addresses of the calling vCPU: each page is translated through the
 * guest's stage 1 and stage 2 by the AT S12E1{R,W} instruction (so a
 * read-only mapping cannot be written), and only RAM frames the heaps
 * manage are touched, through the direct map.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <asm/p2m.h>
#include <asm/system.h>
#include <asm/uaccess.h>

/* Guest VA -> machine address of a heap frame, or INVALID_PADDR. */
static paddr_t translate(unsigned long va, bool write)
{
    unsigned long flags;
    uint64_t par, saved;
    paddr_t ma;

    local_irq_save(flags);
    saved = READ_SYSREG(par_el1);
    if ( write )
        __asm__ __volatile__("at s12e1w, %0" :: "r"(va) : "memory");
    else
        __asm__ __volatile__("at s12e1r, %0" :: "r"(va) : "memory");
    isb();
    par = READ_SYSREG(par_el1);
    WRITE_SYSREG(saved, par_el1);
    local_irq_restore(flags);

    if ( par & 1 )
        return INVALID_PADDR;
    ma = (par & 0x0000fffffffff000UL) | (va & ~PAGE_MASK);
    if ( !mfn_valid(ma >> PAGE_SHIFT) ||
         !(mfn_to_page(ma >> PAGE_SHIFT)->count_info & PGC_heap) ||
         page_state_is(mfn_to_page(ma >> PAGE_SHIFT), free) )
        return INVALID_PADDR;
    return ma;
}

static int copy_guest(void *buf, unsigned long va, size_t n, bool to_guest,
                      bool zero)
{
    struct vcpu *v = current;

    if ( is_idle_vcpu(v) || !guest_range_ok(va, n) )
        return -EFAULT;
    while ( n )
    {
        size_t chunk = min(n, (size_t)(PAGE_SIZE - (va & ~PAGE_MASK)));
        paddr_t ma = translate(va, to_guest);

        if ( ma == INVALID_PADDR )
            return -EFAULT;
        if ( zero )
            memset(maddr_to_virt(ma), 0, chunk);
        else if ( to_guest )
            memcpy(maddr_to_virt(ma), buf, chunk);
        else
            memcpy(buf, maddr_to_virt(ma), chunk);
        va += chunk;
        n -= chunk;
        if ( buf )
            buf = (char *)buf + chunk;
    }
    return 0;
}

int copy_from_guest_va(void *to, unsigned long va, size_t n)
{
    return copy_guest(to, va, n, false, false);
}

int copy_to_guest_va(unsigned long va, const void *from, size_t n)
{
    return copy_guest((void *)from, va, n, true, false);
}

int clear_guest_va(unsigned long va, size_t n)
{
    return copy_guest(NULL, va, n, true, true);
}

/*
 * A guest frame (by guest frame number) the hypervisor writes into: RAM
 * of the domain, mapped read-write in its stage 2.  The reference keeps
 * it from being freed while it is held.
 */
void *get_guest_frame_writable(struct domain *d, unsigned long gfn)
{
    p2m_type_t t;
    paddr_t ma = p2m_lookup(d, (paddr_t)gfn << PAGE_SHIFT, &t);
    struct page_info *pg;

    if ( ma == INVALID_PADDR || t != p2m_ram_rw )
        return NULL;
    pg = maddr_to_page(ma);
    if ( !mfn_valid(ma >> PAGE_SHIFT) || page_owner_of(ma >> PAGE_SHIFT) != d )
        return NULL;
    __atomic_fetch_add(&pg->count_info, 1, __ATOMIC_SEQ_CST);
    return maddr_to_virt(ma);
}

void put_guest_frame_writable(struct domain *d, unsigned long gfn)
{
    paddr_t ma = p2m_lookup(d, (paddr_t)gfn << PAGE_SHIFT, NULL);

    if ( ma != INVALID_PADDR && mfn_valid(ma >> PAGE_SHIFT) )
        __atomic_fetch_sub(&maddr_to_page(ma)->count_info, 1,
                           __ATOMIC_SEQ_CST);
}

struct domain *page_owner_of(unsigned long mfn)
{
    struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return NULL;
    pg = mfn_to_page(mfn);
    if ( !(pg->count_info & PGC_heap) || page_state_is(pg, free) ||
         (pg->count_info & PGC_xen_heap) )
        return NULL;
    return pg->v.owner;
}
