/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV page references and types.  Taking a page-table type validates every
 * entry of the frame (recursively for lower levels); dropping the last
 * type reference releases what the entries held.  Writable mappings hold
 * the PGT_writable_page type, so a frame that is in use as a page table
 * (or descriptor page) can never be mapped writable, and the reverse.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/setup.h>
#include <asm/system.h>

/* Bits a guest may not set in its entries (software/PKEY bits 52-62). */
#define L1_DISALLOW_MASK  0x7ff0000000000000UL
#define LX_DISALLOW_MASK  (0x7ff0000000000000UL | _PAGE_PSE | _PAGE_GLOBAL)

struct domain *page_get_owner(const struct page_info *pg)
{
    unsigned long x = READ_ONCE(pg->count_info);

    if ( !page_state_is(pg, inuse) || !(x & PGC_count_mask) )
        return NULL;
    return pg->v.owner;
}

bool get_page(struct page_info *pg, const struct domain *d)
{
    unsigned long x, nx;

    do {
        x = READ_ONCE(pg->count_info);
        if ( (x & PGC_state_mask) != PGC_state_inuse ||
             !(x & PGC_count_mask) ||
             (x & PGC_count_mask) == PGC_count_mask ||
             pg->v.owner != d )
            return false;
        nx = x + 1;
    } while ( !__atomic_compare_exchange_n(&pg->count_info, &x, nx, false,
                                           __ATOMIC_SEQ_CST,
                                           __ATOMIC_SEQ_CST) );
    return true;
}

/* Give a domain page whose last reference went back to the heap. */
static void release_page(struct page_info *pg)
{
    struct domain *d = pg->v.owner;

    if ( d && !(pg->count_info & PGC_xen_heap) )
    {
        spin_lock(&d->page_alloc_lock);
        list_del((struct list_head *)&pg->list);
        d->tot_pages--;
        spin_unlock(&d->page_alloc_lock);
        pg->v.owner = NULL;
        free_domheap_page(pg);
    }
}

void put_page(struct page_info *pg)
{
    unsigned long nx = __atomic_sub_fetch(&pg->count_info, 1,
                                          __ATOMIC_SEQ_CST);

    if ( (nx & PGC_count_mask) == 0 )
    {
        /* Last reference: no mapping can remain, even in a TLB. */
        flush_tlb_all_cpus();
        release_page(pg);
    }
}

/*
 * Drop one reference on each of n frames with a single TLB shootdown for
 * all of them (before any goes back to the heap).
 */
void put_pages_batch(const unsigned long *mfns, unsigned int n)
{
    unsigned int i;
    bool any = false;

    for ( i = 0; i < n; i++ )
    {
        struct page_info *pg = mfn_to_page(mfns[i]);

        if ( (__atomic_sub_fetch(&pg->count_info, 1, __ATOMIC_SEQ_CST) &
              PGC_count_mask) == 0 )
            any = true;
    }
    if ( !any )
        return;
    flush_tlb_all_cpus();
    for ( i = 0; i < n; i++ )
    {
        struct page_info *pg = mfn_to_page(mfns[i]);

        if ( !(pg->count_info & PGC_count_mask) && pg->v.owner )
            release_page(pg);
    }
}

static bool is_pt_type(unsigned long type)
{
    return type >= PGT_l1_page_table && type <= PGT_seg_desc_page;
}

/* Frames a domain may map without owning them: I/O space for dom0. */
bool mfn_is_iomem_for(const struct domain *d, unsigned long mfn)
{
    paddr_t pa = (paddr_t)mfn << PAGE_SHIFT;
    unsigned int i;

    if ( !d->arch.io_privileged )
        return false;
    /* The legacy first MiB (BIOS data, VGA, ROMs) is always dom0's. */
    if ( pa < MB(1) )
        return true;
    for ( i = 0; i < e820.nr_map; i++ )
        if ( e820.map[i].type == E820_RAM && pa >= e820.map[i].addr &&
             pa < e820.map[i].addr + e820.map[i].size )
            return false;
    /* Not RAM: MMIO, ACPI, firmware.  The local APIC stays ours. */
    return (pa & ~0xfffUL) != 0xfee00000UL;
}

static int validate(struct page_info *pg, unsigned long type);
static void devalidate(struct page_info *pg, unsigned long type);

int get_page_type(struct page_info *pg, unsigned long type)
{
    unsigned long x, nx;
    bool flush = false;

    for ( ; ; )
    {
        x = READ_ONCE(pg->type_info);
        if ( (x & PGT_count_mask) == 0 )
        {
            flush = (x & PGT_type_mask) == PGT_writable_page &&
                    type != PGT_writable_page;
            nx = type | 1 | (x & PGT_pinned) |
                 (is_pt_type(type) ? 0 : PGT_validated);
        }
        else
        {
            if ( (x & PGT_type_mask) != type )
                return -EINVAL;
            if ( !(x & PGT_validated) )
            {
                /* Someone else is validating it: wait. */
                cpu_relax();
                continue;
            }
            if ( (x & PGT_count_mask) == PGT_count_mask )
                return -EINVAL;
            nx = x + 1;
        }
        if ( __atomic_compare_exchange_n(&pg->type_info, &x, nx, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) )
            break;
    }

    if ( flush )
        flush_tlb_all_cpus();
    if ( !(nx & PGT_validated) )
    {
        int rc = validate(pg, type);

        if ( rc )
        {
            __atomic_store_n(&pg->type_info, PGT_none, __ATOMIC_SEQ_CST);
            return rc;
        }
        __atomic_fetch_or(&pg->type_info, PGT_validated, __ATOMIC_SEQ_CST);
    }
    return 0;
}

void put_page_type(struct page_info *pg)
{
    unsigned long x, nx;

    for ( ; ; )
    {
        x = READ_ONCE(pg->type_info);
        if ( (x & PGT_count_mask) == 0 )
        {
            printk(XENLOG_ERR "put_page_type: mfn %lx has no type refs\n",
                   page_to_mfn(pg));
            return;
        }
        if ( (x & PGT_count_mask) == 1 && is_pt_type(x & PGT_type_mask) )
        {
            /* Last user of a table: keep the count while entries go. */
            nx = x & ~PGT_validated;
            if ( !__atomic_compare_exchange_n(&pg->type_info, &x, nx, false,
                                              __ATOMIC_SEQ_CST,
                                              __ATOMIC_SEQ_CST) )
                continue;
            devalidate(pg, x & PGT_type_mask);
            __atomic_store_n(&pg->type_info, PGT_none, __ATOMIC_SEQ_CST);
            return;
        }
        nx = x - 1;
        if ( __atomic_compare_exchange_n(&pg->type_info, &x, nx, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) )
            return;
    }
}

int get_page_and_type(struct page_info *pg, const struct domain *d,
                      unsigned long type)
{
    int rc;

    if ( !get_page(pg, d) )
        return -EINVAL;
    rc = get_page_type(pg, type);
    if ( rc )
        put_page(pg);
    return rc;
}

void put_page_and_type(struct page_info *pg)
{
    put_page_type(pg);
    put_page(pg);
}

/* ---- entries ---- */

static bool mfn_is_ram_page(unsigned long mfn)
{
    return mfn_valid(mfn) && (mfn_to_page(mfn)->count_info & PGC_heap);
}

/*
 * Take what an L1 entry needs: a reference on the frame (and the writable
 * type for RW mappings), or I/O permission.  'owner' is the domain whose
 * frames may be mapped (the caller, or a foreign domain for privileged
 * callers).  Adjusts *e: the guest kernel runs in ring 3, so every
 * present mapping is user-accessible; global pages are not allowed.
 */
int get_page_from_l1e(uint64_t *e, struct domain *d, struct domain *owner)
{
    unsigned long mfn;
    struct page_info *pg;

    if ( !(*e & _PAGE_PRESENT) )
        return 0;
    if ( *e & L1_DISALLOW_MASK )
    {
        gprintk(XENLOG_WARNING, "d%u: bad L1 flags %lx\n", d->domain_id,
                (unsigned long)(*e & L1_DISALLOW_MASK));
        return -EINVAL;
    }
    mfn = (*e & PADDR_MASK) >> PAGE_SHIFT;
    *e = (*e | _PAGE_USER) & ~_PAGE_GLOBAL;

    if ( !mfn_is_ram_page(mfn) )
    {
        if ( mfn_is_iomem_for(d, mfn) )
        {
            /* Its stores there are dropped by pv_mmio_ro_fault(). */
            if ( msix_ro_frame(mfn) )
                *e &= ~(uint64_t)_PAGE_RW;
            return 0;
        }
        gprintk(XENLOG_WARNING, "d%u: may not map mfn %lx\n",
                d->domain_id, mfn);
        return -EPERM;
    }
    pg = mfn_to_page(mfn);
    if ( !get_page(pg, owner) )
    {
        /* dom0 may map the low MiB even where it is heap RAM. */
        gprintk(XENLOG_WARNING, "d%u: mfn %lx is not its own\n",
                d->domain_id, mfn);
        return -EINVAL;
    }
    if ( (*e & _PAGE_RW) && get_page_type(pg, PGT_writable_page) )
    {
        put_page(pg);
        gprintk(XENLOG_WARNING,
                "d%u: writable mapping of mfn %lx (type %lx) refused\n",
                d->domain_id, mfn, pg->type_info >> PGT_type_shift);
        return -EINVAL;
    }
    return 0;
}

void put_page_from_l1e(uint64_t e)
{
    unsigned long mfn;
    struct page_info *pg;

    if ( !(e & _PAGE_PRESENT) )
        return;
    mfn = (e & PADDR_MASK) >> PAGE_SHIFT;
    if ( !mfn_is_ram_page(mfn) )
        return;
    pg = mfn_to_page(mfn);
    if ( e & _PAGE_RW )
        put_page_type(pg);
    put_page(pg);
}

/* An entry of an L2/L3/L4 takes the next level's type on its target. */
int get_page_from_lne(uint64_t *e, struct domain *d, unsigned long type)
{
    unsigned long mfn;
    int rc;

    if ( !(*e & _PAGE_PRESENT) )
        return 0;
    if ( *e & LX_DISALLOW_MASK )
    {
        gprintk(XENLOG_WARNING, "d%u: bad L%lu flags %lx\n", d->domain_id,
                (type >> PGT_type_shift) + 1,
                (unsigned long)(*e & LX_DISALLOW_MASK));
        return -EINVAL;
    }
    mfn = (*e & PADDR_MASK) >> PAGE_SHIFT;
    if ( !mfn_is_ram_page(mfn) )
        return -EINVAL;
    rc = get_page_and_type(mfn_to_page(mfn), d, type);
    if ( rc )
        return rc;
    *e |= _PAGE_USER | _PAGE_ACCESSED;
    return 0;
}

void put_page_from_lne(uint64_t e)
{
    if ( e & _PAGE_PRESENT )
        put_page_and_type(mfn_to_page((e & PADDR_MASK) >> PAGE_SHIFT));
}

bool is_guest_l4_slot(unsigned int i)
{
    return i < 256 || i >= 272;
}

void init_guest_l4_table(uint64_t *l4, const struct domain *d)
{
    unsigned int i;

    for ( i = 256; i < 272; i++ )
        l4[i] = idle_pg_table[i];
    if ( d->arch.perdomain_l3 )
        l4[PERDOMAIN_L4_SLOT] = __pa(d->arch.perdomain_l3) | PAGE_TABLE_FLAGS;
}

static int validate(struct page_info *pg, unsigned long type)
{
    struct domain *d = pg->v.owner;
    uint64_t *t = page_to_virt(pg);
    unsigned int i;
    int rc = 0;

    switch ( type )
    {
    case PGT_l1_page_table:
        for ( i = 0; i < PTES_PER_TABLE; i++ )
        {
            uint64_t e = t[i];

            if ( (rc = get_page_from_l1e(&e, d, d)) != 0 )
                break;
            t[i] = e;
        }
        if ( rc )
            while ( i-- )
                put_page_from_l1e(t[i]);
        return rc;

    case PGT_l2_page_table:
    case PGT_l3_page_table:
    case PGT_l4_page_table:
    {
        unsigned long child = type - (1UL << PGT_type_shift);

        for ( i = 0; i < PTES_PER_TABLE; i++ )
        {
            uint64_t e = t[i];

            if ( type == PGT_l4_page_table && !is_guest_l4_slot(i) )
                continue;
            if ( (rc = get_page_from_lne(&e, d, child)) != 0 )
                break;
            t[i] = e;
        }
        if ( rc )
        {
            while ( i-- )
                if ( type != PGT_l4_page_table || is_guest_l4_slot(i) )
                    put_page_from_lne(t[i]);
            return rc;
        }
        if ( type == PGT_l4_page_table )
            init_guest_l4_table(t, d);
        return 0;
    }

    case PGT_seg_desc_page:
        return validate_descriptor_page(pg);
    }
    return -EINVAL;
}

static void devalidate(struct page_info *pg, unsigned long type)
{
    uint64_t *t = page_to_virt(pg);
    unsigned int i;

    for ( i = 0; i < PTES_PER_TABLE; i++ )
    {
        if ( type == PGT_l1_page_table )
            put_page_from_l1e(t[i]);
        else if ( type == PGT_l4_page_table && !is_guest_l4_slot(i) )
            continue;
        else if ( type != PGT_seg_desc_page )
            put_page_from_lne(t[i]);
    }
}

int pv_pin_table(struct domain *d, unsigned long mfn, unsigned long type)
{
    struct page_info *pg;
    int rc;

    if ( !mfn_is_ram_page(mfn) )
        return -EINVAL;
    pg = mfn_to_page(mfn);
    rc = get_page_and_type(pg, d, type);
    if ( rc )
        return rc;
    if ( __atomic_fetch_or(&pg->type_info, PGT_pinned, __ATOMIC_SEQ_CST) &
         PGT_pinned )
    {
        put_page_and_type(pg);
        return -EINVAL;                 /* already pinned */
    }
    return 0;
}

/* ---- TLB shootdown ---- */

static void flush_local(void *unused)
{
    flush_tlb_local();
}

void flush_tlb_all_cpus(void)
{
    flush_tlb_local();
    if ( num_online_cpus() > 1 && local_irq_is_enabled() )
        smp_call_function(flush_local, NULL, true);
}

/* ---- the M2P table ---- */

unsigned long *machine_to_phys_rw = (unsigned long *)RDWR_MPT_VIRT_START;
static unsigned long m2p_chunks[RO_MPT_CHUNKS_MAX];
static unsigned int nr_m2p_chunks;

void set_gpfn_from_mfn(unsigned long mfn, unsigned long pfn)
{
    if ( mfn < max_page )
        machine_to_phys_rw[mfn] = pfn;
}

unsigned long m2p_chunk_mfn(unsigned int i, unsigned int *nr)
{
    *nr = nr_m2p_chunks;
    return i < nr_m2p_chunks ? m2p_chunks[i] : INVALID_MFN;
}

/*
 * One 2 MiB chunk at a time: mapped read-write for the hypervisor and
 * read-only (user-visible) at the ABI's machine_to_phys_mapping.
 */
void m2p_init(void)
{
    unsigned long bytes = ROUNDUP(max_page * sizeof(unsigned long),
                                  L2_PAGE_SIZE);
    unsigned long off;

    for ( off = 0; off < bytes; off += L2_PAGE_SIZE )
    {
        void *chunk = alloc_xenheap_pages(9, 0);
        unsigned long mfn;

        if ( !chunk || nr_m2p_chunks == RO_MPT_CHUNKS_MAX )
            panic("Not enough memory for the M2P table\n");
        mfn = virt_to_mfn(chunk);
        m2p_chunks[nr_m2p_chunks++] = mfn;
        memset(chunk, 0xff, L2_PAGE_SIZE);
        if ( map_pages_to_xen(RDWR_MPT_VIRT_START + off, mfn, 512,
                              PAGE_HYPERVISOR_RW | _PAGE_PSE) ||
             map_pages_to_xen(RO_MPT_VIRT_START + off, mfn, 512,
                              PAGE_HYPERVISOR_RO | _PAGE_USER | _PAGE_PSE) )
            panic("Cannot map the M2P table\n");
    }
    printk(XENLOG_INFO "M2P table: %lu KiB for %lu frames\n", bytes >> 10,
           max_page);
}

/* PV guests name frames by MFN. */
void *get_guest_frame_writable(struct domain *d, unsigned long gfn)
{
    if ( !mfn_valid(gfn) ||
         get_page_and_type(mfn_to_page(gfn), d, PGT_writable_page) )
        return NULL;
    return mfn_to_virt(gfn);
}

void put_guest_frame_writable(struct domain *d, unsigned long gfn)
{
    put_page_and_type(mfn_to_page(gfn));
}
