/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest descriptor tables: set_gdt and update_descriptor.  A guest GDT is
 * mapped in the domain's per-domain area (L4 slot 260), followed at page
 * 14 by the hypervisor's descriptors of the pCPU the vCPU runs on, so the
 * hypervisor's selectors (0xe008...) keep working while it is loaded.
 * Frames holding descriptors are typed: never writable by the guest.
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/desc.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/system.h>
#include <asm/uaccess.h>

#define GDT_PAGES           16
#define DESC_P              (1UL << 47)
#define DESC_S              (1UL << 44)
#define DESC_DPL_SHIFT      45
#define DESC_DPL_MASK       (3UL << DESC_DPL_SHIFT)

unsigned long gdt_area(const struct vcpu *v)
{
    return PERDOMAIN_VIRT_START +
           ((unsigned long)v->vcpu_id << GDT_LDT_VCPU_SHIFT);
}

static uint64_t *perdomain_pte(struct domain *d, unsigned long va)
{
    uint64_t *t = d->arch.perdomain_l3, *e;
    unsigned int level;
    unsigned int idx[2] = { l3_index(va), l2_index(va) };

    if ( !t )
        return NULL;
    for ( level = 0; level < 2; level++ )
    {
        e = &t[idx[level]];
        if ( !(*e & _PAGE_PRESENT) )
        {
            uint64_t *nt = alloc_xenheap_page();

            if ( !nt )
                return NULL;
            memset(nt, 0, PAGE_SIZE);
            *e = __pa(nt) | PAGE_TABLE_FLAGS;
        }
        t = __va(*e & PADDR_MASK);
    }
    return &t[l1_index(va)];
}

int perdomain_init(struct domain *d)
{
    d->arch.perdomain_l3 = alloc_xenheap_page();
    if ( !d->arch.perdomain_l3 )
        return -ENOMEM;
    memset(d->arch.perdomain_l3, 0, PAGE_SIZE);
    return 0;
}

/* Keep only what a guest may have: DPL raised to 3, no system entries. */
static bool fix_descriptor(uint64_t *d)
{
    uint64_t x = *d;

    if ( !(x & DESC_P) )
        return true;
    if ( !(x & DESC_S) )
        return false;           /* TSS, LDT, gates: the hypervisor's */
    if ( ((x & DESC_DPL_MASK) >> DESC_DPL_SHIFT) < 3 )
        x |= DESC_DPL_MASK;
    *d = x;
    return true;
}

int validate_descriptor_page(struct page_info *pg)
{
    uint64_t *t = page_to_virt(pg);
    unsigned int i;

    for ( i = 0; i < PAGE_SIZE / 8; i++ )
    {
        uint64_t x = t[i];

        if ( !fix_descriptor(&x) )
            return -EINVAL;
        t[i] = x;
    }
    return 0;
}

/* Map this pCPU's hypervisor descriptors at page 14 and load the GDT. */
void pv_load_gdt(struct vcpu *v)
{
    unsigned long area = gdt_area(v);
    uint64_t *pte;
    unsigned long mfn;

    if ( !v->arch.pv.gdt_ents )
    {
        load_gdt_base((unsigned long)this_cpu_gdt_page() -
                      FIRST_RESERVED_GDT_BYTE);
        return;
    }
    mfn = virt_to_mfn(this_cpu_gdt_page());
    if ( v->arch.pv.gdt_cpu_page_mfn != mfn )
    {
        pte = perdomain_pte(v->domain, area + FIRST_RESERVED_GDT_BYTE);
        if ( !pte )
            return;
        *pte = ((uint64_t)mfn << PAGE_SHIFT) | PAGE_HYPERVISOR_RW;
        invlpg((void *)(area + FIRST_RESERVED_GDT_BYTE));
        v->arch.pv.gdt_cpu_page_mfn = mfn;
    }
    load_gdt_base(area);
}

static void drop_gdt(struct vcpu *v)
{
    unsigned long area = gdt_area(v);
    unsigned int i, n = DIV_ROUND_UP(v->arch.pv.gdt_ents, 512);

    for ( i = 0; i < n; i++ )
    {
        uint64_t *pte = perdomain_pte(v->domain, area + i * PAGE_SIZE);

        if ( pte )
            *pte = 0;
        invlpg((void *)(area + i * PAGE_SIZE));
        put_page_and_type(mfn_to_page(v->arch.pv.gdt_frames[i]));
        v->arch.pv.gdt_frames[i] = 0;
    }
    v->arch.pv.gdt_ents = 0;
}

long pv_set_gdt(struct vcpu *v, const unsigned long *frames,
                unsigned int entries)
{
    struct domain *d = v->domain;
    unsigned int i, n = DIV_ROUND_UP(entries, 512);
    unsigned long area = gdt_area(v);
    int rc;

    if ( entries > FIRST_RESERVED_GDT_ENTRY )
        return -EINVAL;
    for ( i = 0; i < n; i++ )
    {
        rc = mfn_valid(frames[i])
             ? get_page_and_type(mfn_to_page(frames[i]), d,
                                 PGT_seg_desc_page)
             : -EINVAL;
        if ( rc )
        {
            while ( i-- )
                put_page_and_type(mfn_to_page(frames[i]));
            return rc;
        }
    }
    drop_gdt(v);
    for ( i = 0; i < n; i++ )
    {
        uint64_t *pte = perdomain_pte(d, area + i * PAGE_SIZE);

        if ( !pte )
            return -ENOMEM;
        *pte = ((uint64_t)frames[i] << PAGE_SHIFT) | PAGE_HYPERVISOR_RW;
        invlpg((void *)(area + i * PAGE_SIZE));
        v->arch.pv.gdt_frames[i] = frames[i];
    }
    v->arch.pv.gdt_ents = entries;
    v->arch.pv.gdt_cpu_page_mfn = 0;
    if ( v == current )
        pv_load_gdt(v);
    return 0;
}

long do_set_gdt(unsigned long frame_list, unsigned int entries)
{
    unsigned long frames[16];
    unsigned int n = DIV_ROUND_UP(entries, 512);

    if ( entries > FIRST_RESERVED_GDT_ENTRY || n > 16 )
        return -EINVAL;
    if ( copy_from_guest_va(frames, frame_list, n * sizeof(frames[0])) )
        return -EFAULT;
    return pv_set_gdt(current, frames, entries);
}

long do_update_descriptor(uint64_t maddr, uint64_t desc)
{
    struct domain *d = current->domain;
    unsigned long mfn = maddr >> PAGE_SHIFT;
    struct page_info *pg;
    uint64_t *slot;
    long rc = 0;

    if ( (maddr & 7) || !mfn_valid(mfn) || !fix_descriptor(&desc) )
        return -EINVAL;
    pg = mfn_to_page(mfn);
    if ( !get_page(pg, d) )
        return -EINVAL;
    slot = (uint64_t *)((char *)page_to_virt(pg) + (maddr & ~PAGE_MASK));
    if ( (pg->type_info & PGT_count_mask) &&
         (pg->type_info & PGT_type_mask) == PGT_seg_desc_page )
        __atomic_store_n(slot, desc, __ATOMIC_SEQ_CST);
    else if ( get_page_type(pg, PGT_writable_page) == 0 )
    {
        __atomic_store_n(slot, desc, __ATOMIC_SEQ_CST);
        put_page_type(pg);
    }
    else
        rc = -EINVAL;
    put_page(pg);
    return rc;
}

/* ---- LDTs (MMUEXT_SET_LDT) ---- */

#define LDT_AREA_OFFSET (GDT_PAGES * PAGE_SIZE)

static void drop_ldt(struct vcpu *v)
{
    unsigned long area = gdt_area(v) + LDT_AREA_OFFSET;
    unsigned int i, n = DIV_ROUND_UP(v->arch.pv.ldt_ents * 8, PAGE_SIZE);

    for ( i = 0; i < n; i++ )
    {
        uint64_t *pte = perdomain_pte(v->domain, area + i * PAGE_SIZE);

        if ( pte )
            *pte = 0;
        invlpg((void *)(area + i * PAGE_SIZE));
        if ( v->arch.pv.ldt_frames[i] )
            put_page_and_type(mfn_to_page(v->arch.pv.ldt_frames[i]));
        v->arch.pv.ldt_frames[i] = 0;
    }
    v->arch.pv.ldt_ents = 0;
    v->arch.pv.ldt_base = 0;
}

/* Load this vCPU's LDT (or none) on the current pCPU. */
void pv_load_ldt(struct vcpu *v)
{
    uint64_t *g = this_cpu_gdt_page();
    unsigned int ents = v ? v->arch.pv.ldt_ents : 0;

    if ( !ents )
    {
        __asm__ __volatile__("lldt %w0" :: "r"(0) : "memory");
        return;
    }
    {
        unsigned long base = gdt_area(v) + LDT_AREA_OFFSET;
        unsigned long limit = ents * 8 - 1;
        unsigned int slot = (LDT_SELECTOR - FIRST_RESERVED_GDT_BYTE) / 8;

        /* 64-bit LDT system descriptor (type 2), 16 bytes. */
        g[slot] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                  (0x82UL << 40) | (((limit >> 16) & 0xf) << 48) |
                  (((base >> 24) & 0xff) << 56);
        g[slot + 1] = base >> 32;
        __asm__ __volatile__("lldt %w0" :: "r"(LDT_SELECTOR) : "memory");
    }
}

/*
 * Set the LDT: its pages (read-only to the guest, found through the
 * guest's tables) are typed as descriptor pages and mapped in the
 * per-domain area.
 */
long pv_set_ldt(struct vcpu *v, unsigned long base, unsigned int ents)
{
    unsigned long area = gdt_area(v) + LDT_AREA_OFFSET;
    unsigned long frames[16];
    unsigned int i, n = DIV_ROUND_UP(ents * 8, PAGE_SIZE);

    if ( ents > 8192 || (base & ~PAGE_MASK) ||
         (ents && !guest_range_ok(base, ents * 8UL)) )
        return -EINVAL;
    for ( i = 0; i < n; i++ )
    {
        unsigned long l1_mfn;
        uint64_t *pte = guest_l1e_for_va(v->arch.pv.guest_table,
                                         base + i * PAGE_SIZE, &l1_mfn);
        unsigned long mfn;

        if ( !pte || !(*pte & _PAGE_PRESENT) )
            goto fail;
        mfn = (*pte & PADDR_MASK) >> PAGE_SHIFT;
        if ( !mfn_valid(mfn) ||
             get_page_and_type(mfn_to_page(mfn), v->domain,
                               PGT_seg_desc_page) )
            goto fail;
        frames[i] = mfn;
    }
    drop_ldt(v);
    for ( i = 0; i < n; i++ )
    {
        uint64_t *pte = perdomain_pte(v->domain, area + i * PAGE_SIZE);

        if ( !pte )
        {
            while ( i < n )
                put_page_and_type(mfn_to_page(frames[i++]));
            return -ENOMEM;
        }
        *pte = ((uint64_t)frames[i] << PAGE_SHIFT) | PAGE_HYPERVISOR_RW;
        invlpg((void *)(area + i * PAGE_SIZE));
        v->arch.pv.ldt_frames[i] = frames[i];
    }
    v->arch.pv.ldt_base = base;
    v->arch.pv.ldt_ents = ents;
    if ( v == current )
        pv_load_ldt(v);
    return 0;

 fail:
    while ( i-- )
        put_page_and_type(mfn_to_page(frames[i]));
    return -EINVAL;
}
