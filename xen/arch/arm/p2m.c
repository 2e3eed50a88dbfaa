// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stage-2 translation: each domain has a VMID and a 4-level table (4 KiB
 * granule, IPA size = the CPU's PA size up to 48 bits, walk from level 0).
 * Tables come from the xen heap; RAM is mapped with 2 MiB / 1 GiB blocks
 * where both sides are aligned.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <asm/p2m.h>
#include <asm/system.h>

/* Stage-2 descriptor bits. */
#define S2_MEMATTR_NORMAL   (0xfUL << 2)    /* outer/inner write-back */
#define S2_MEMATTR_DEV      (0x1UL << 2)    /* device nGnRE */
#define S2_AP_RO            (1UL << 6)
#define S2_AP_RW            (3UL << 6)
#define S2_SH_INNER         (3UL << 8)
#define S2_AF               (1UL << 10)
#define S2_XN               (1UL << 54)
/* Software bits [58:55]: the p2m type. */
#define S2_TYPE_SHIFT       55
#define S2_TYPE_MASK        (0xfUL << S2_TYPE_SHIFT)

unsigned int p2m_ipa_bits;
static uint64_t vtcr;
static uint16_t next_vmid = 1;
static DEFINE_SPINLOCK(vmid_lock);

void p2m_cpu_init(void)
{
    static const unsigned int pa_bits[] = { 32, 36, 40, 42, 44, 48 };
    unsigned int ps = READ_SYSREG(id_aa64mmfr0_el1) & 0xf;

    if ( ps > 5 )
        ps = 5;
    if ( !p2m_ipa_bits )
        p2m_ipa_bits = pa_bits[ps];
    /* T0SZ, SL0 = 2 (level 0), WBWA walks, inner shareable, 4K, PS. */
    vtcr = (64 - p2m_ipa_bits) | (2UL << 6) | (1UL << 8) | (1UL << 10) |
           (3UL << 12) | ((uint64_t)ps << 16) | (1UL << 31);
    WRITE_SYSREG(vtcr, vtcr_el2);
    isb();
}

static uint64_t type_bits(p2m_type_t t)
{
    uint64_t e = S2_AF | ((uint64_t)t << S2_TYPE_SHIFT);

    switch ( t )
    {
    case p2m_ram_rw:
    case p2m_grant_rw:
    case p2m_foreign_rw:
        return e | S2_MEMATTR_NORMAL | S2_AP_RW | S2_SH_INNER;
    case p2m_ram_ro:
    case p2m_grant_ro:
        return e | S2_MEMATTR_NORMAL | S2_AP_RO | S2_SH_INNER | S2_XN;
    case p2m_mmio_direct:
        return e | S2_MEMATTR_DEV | S2_AP_RW | S2_XN;
    default:
        return 0;
    }
}

int p2m_init(struct domain *d)
{
    pte_t *root = alloc_xenheap_page();

    if ( !root )
        return -ENOMEM;
    memset(root, 0, PAGE_SIZE);
    spin_lock(&vmid_lock);
    if ( next_vmid == 256 )
    {
        spin_unlock(&vmid_lock);
        free_xenheap_page(root);
        return -EBUSY;
    }
    d->arch.vmid = next_vmid++;
    spin_unlock(&vmid_lock);
    spin_lock_init(&d->arch.p2m_lock);
    d->arch.p2m_root = root;
    d->arch.vttbr = ((uint64_t)d->arch.vmid << 48) | __pa(root);
    return 0;
}

static void free_table(pte_t *t, unsigned int level)
{
    unsigned int i;

    for ( i = 0; level < 3 && i < PTES_PER_TABLE; i++ )
        if ( (t[i] & 3) == PTE_TABLE )
            free_table(__va(t[i] & PTE_ADDR_MASK), level + 1);
    free_xenheap_page(t);
}

void p2m_teardown(struct domain *d)
{
    if ( d->arch.p2m_root )
        free_table(d->arch.p2m_root, 0);
    d->arch.p2m_root = NULL;
}

/* Flush the domain's stage-1+2 TLB entries on every CPU. */
static void p2m_flush(struct domain *d)
{
    unsigned long flags;
    uint64_t old;

    local_irq_save(flags);
    old = READ_SYSREG(vttbr_el2);
    if ( old != d->arch.vttbr )
    {
        WRITE_SYSREG(d->arch.vttbr, vttbr_el2);
        isb();
    }
    __asm__ __volatile__("dsb ishst; tlbi vmalls12e1is; dsb ish; isb"
                         ::: "memory");
    if ( old != d->arch.vttbr )
    {
        WRITE_SYSREG(old, vttbr_el2);
        isb();
    }
    local_irq_restore(flags);
}

/*
 * Break before make: a valid entry is replaced only after it has been
 * invalid and every TLB has forgotten it, as the architecture asks when
 * the output address or the block size changes.  A guest access in the
 * window takes a stage-2 translation fault, which the fault handlers
 * retry once they can take the p2m lock (do_dabt, do_iabt).
 */
static void break_entry(struct domain *d, pte_t *e)
{
    *e = 0;
    dsb(ishst);
    p2m_flush(d);
}

/* The table under *e (level of *e given), created or split from a block. */
static pte_t *next_level(struct domain *d, pte_t *e, unsigned int level)
{
    pte_t *t;
    unsigned int i;

    if ( (*e & 3) == PTE_TABLE )
        return __va(*e & PTE_ADDR_MASK);
    t = alloc_xenheap_page();
    if ( !t )
        return NULL;
    memset(t, 0, PAGE_SIZE);
    if ( *e & PTE_VALID )
    {
        unsigned long step = level == 1 ? L2_PAGE_SIZE : PAGE_SIZE;

        for ( i = 0; i < PTES_PER_TABLE; i++ )
            t[i] = (*e + i * step) | (level == 2 ? PTE_TABLE : PTE_BLOCK);
        dsb(ishst);
        break_entry(d, e);
    }
    dsb(ishst);
    *e = __pa(t) | PTE_TABLE;
    dsb(ishst);
    return t;
}

/* Walk to the entry mapping gpa at 'level' (1: 1G, 2: 2M, 3: 4K). */
static pte_t *walk(struct domain *d, paddr_t gpa, unsigned int level)
{
    pte_t *t = d->arch.p2m_root;
    unsigned int l;
    static const unsigned int shift[] = { 39, 30, 21, 12 };

    for ( l = 0; l < level; l++ )
    {
        t = next_level(d, &t[(gpa >> shift[l]) & 511], l);
        if ( !t )
            return NULL;
    }
    return &t[(gpa >> shift[level]) & 511];
}

static int p2m_set(struct domain *d, paddr_t gpa, paddr_t pa,
                   unsigned long nr, p2m_type_t t)
{
    uint64_t bits = type_bits(t);
    bool flush = false;

    if ( (gpa | pa) & ~PAGE_MASK )
        return -EINVAL;
    if ( (gpa >> PAGE_SHIFT) + nr > (1UL << (p2m_ipa_bits - PAGE_SHIFT)) ||
         (gpa >> PAGE_SHIFT) + nr < (gpa >> PAGE_SHIFT) )
        return -EINVAL;

    while ( nr )
    {
        unsigned int level = 3;
        unsigned long pages = 1;
        pte_t *e, new;

        if ( t != p2m_invalid )
        {
            if ( !((gpa | pa) & (L1_PAGE_SIZE - 1)) &&
                 nr >= (L1_PAGE_SIZE >> PAGE_SHIFT) )
                level = 1, pages = L1_PAGE_SIZE >> PAGE_SHIFT;
            else if ( !((gpa | pa) & (L2_PAGE_SIZE - 1)) &&
                      nr >= (L2_PAGE_SIZE >> PAGE_SHIFT) )
                level = 2, pages = L2_PAGE_SIZE >> PAGE_SHIFT;
        }
        e = walk(d, gpa, level);
        if ( !e )
            return -ENOMEM;
        if ( (*e & 3) == PTE_TABLE && level < 3 )
        {
            /* A finer mapping exists here: map page by page instead. */
            e = walk(d, gpa, 3);
            if ( !e )
                return -ENOMEM;
            level = 3;
            pages = 1;
        }
        new = t == p2m_invalid ? 0 :
              pa | bits | (level == 3 ? PTE_TABLE : PTE_BLOCK);
        if ( (*e & PTE_VALID) && new && *e != new )
            break_entry(d, e);
        else if ( *e & PTE_VALID )
            flush = true;
        *e = new;
        gpa += pages << PAGE_SHIFT;
        pa += pages << PAGE_SHIFT;
        nr -= pages;
    }
    dsb(ishst);
    if ( flush )
        p2m_flush(d);
    return 0;
}

int p2m_map(struct domain *d, paddr_t gpa, paddr_t pa, unsigned long nr,
            p2m_type_t t)
{
    int rc;

    if ( t == p2m_invalid )
        return -EINVAL;
    spin_lock(&d->arch.p2m_lock);
    rc = p2m_set(d, gpa, pa, nr, t);
    spin_unlock(&d->arch.p2m_lock);
    return rc;
}

int p2m_unmap(struct domain *d, paddr_t gpa, unsigned long nr)
{
    int rc;

    spin_lock(&d->arch.p2m_lock);
    rc = p2m_set(d, gpa, 0, nr, p2m_invalid);
    spin_unlock(&d->arch.p2m_lock);
    return rc;
}

paddr_t p2m_lookup(struct domain *d, paddr_t gpa, p2m_type_t *t)
{
    static const unsigned int shift[] = { 39, 30, 21, 12 };
    pte_t *tab = d->arch.p2m_root, e = 0;
    unsigned int l;
    paddr_t pa = INVALID_PADDR;

    if ( t )
        *t = p2m_invalid;
    if ( gpa >> p2m_ipa_bits )
        return INVALID_PADDR;
    spin_lock(&d->arch.p2m_lock);
    for ( l = 0; l < 4; l++ )
    {
        e = tab[(gpa >> shift[l]) & 511];
        if ( !(e & PTE_VALID) )
            break;
        if ( l < 3 && (e & 3) == PTE_TABLE )
        {
            tab = __va(e & PTE_ADDR_MASK);
            continue;
        }
        /* A block (levels 1, 2) or a page (level 3). */
        pa = (e & PTE_ADDR_MASK & ~((1UL << shift[l]) - 1)) |
             (gpa & ((1UL << shift[l]) - 1) & PAGE_MASK);
        if ( t )
            *t = (e & S2_TYPE_MASK) >> S2_TYPE_SHIFT;
        break;
    }
    spin_unlock(&d->arch.p2m_lock);
    return pa;
}

void p2m_load(struct domain *d)
{
    WRITE_SYSREG(d->arch.vttbr, vttbr_el2);
    isb();
}
