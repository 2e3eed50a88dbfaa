/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MSI and MSI-X for dom0's PCI devices: each vector is ours, on the boot
 * CPU, and reaches dom0 as PIRQ NR_GSIS + n.  While we own a device's
 * message address and data, dom0's configuration writes cannot change
 * them (msi_guest_cfg_write), and once we program a device's MSI-X table
 * its table and PBA frames are read-only for dom0 (msix_ro_frame): its
 * mappings lose write access and its stores there are dropped
 * (pv/mmio-ro.c), as on Xen.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/pci.h>

#define PCI_CAP_MSI      0x05
#define PCI_CAP_MSIX     0x11
#define MSI_CTRL_64BIT   0x0080
#define MSI_CTRL_MME     0x0070         /* multiple message enable */

/* An MSI or MSI-X vector given to a domain as PIRQ NR_GSIS + n. */
struct msi_state {
    struct domain *owner;
    bool bound;
    bool pending;                       /* fired before it was bound */
    bool msix;
    bool is64;                          /* MSI: 64-bit message address */
    unsigned int bus, devfn;
    unsigned int cap;                   /* MSI or MSI-X capability */
    unsigned int entry;                 /* MSI-X entry; MSI: index in block */
    unsigned int nvec;                  /* MSI: vectors of the block */
    volatile uint32_t *msix_entry;      /* MSI-X table entry */
};

static struct msi_state msis[NR_MSIS];
static DEFINE_SPINLOCK(msi_lock);

/*
 * Frames holding MSI-X tables or PBAs we have programmed (a mapping dom0
 * made before keeps its access, as on Xen).  Ranges, never shrunk.
 */
#define NR_RO_RANGES 32
static struct {
    unsigned long first, last;
} ro_ranges[NR_RO_RANGES];
static unsigned int nr_ro_ranges;

bool msix_ro_frame(unsigned long mfn)
{
    unsigned int i, n = __atomic_load_n(&nr_ro_ranges, __ATOMIC_ACQUIRE);

    for ( i = 0; i < n; i++ )
        if ( mfn >= ro_ranges[i].first && mfn <= ro_ranges[i].last )
            return true;
    return false;
}

/* The memory address BAR `bir` decodes (64-bit BARs included), or 0. */
static uint64_t bar_address(unsigned int bus, unsigned int devfn,
                            unsigned int bir)
{
    uint32_t lo, hi = 0;

    if ( bir > 5 )
        return 0;
    lo = pci_conf_read(bus, devfn, 0x10 + 4 * bir, 4);
    if ( lo & 1 )
        return 0;                       /* I/O space */
    if ( (lo & 6) == 4 && bir < 5 )
        hi = pci_conf_read(bus, devfn, 0x14 + 4 * bir, 4);
    return ((uint64_t)hi << 32) | (lo & ~0xfu);
}

/* Protects the frames of one MSI-X structure; msi_lock held. */
static void protect(unsigned int bus, unsigned int devfn, uint32_t loc,
                    uint64_t bytes)
{
    uint64_t base = bar_address(bus, devfn, loc & 7);
    unsigned long first, last;
    unsigned int i;

    if ( !base || !bytes )
        return;
    first = (base + (loc & ~7u)) >> PAGE_SHIFT;
    last = (base + (loc & ~7u) + bytes - 1) >> PAGE_SHIFT;
    for ( i = 0; i < nr_ro_ranges; i++ )
        if ( ro_ranges[i].first == first && ro_ranges[i].last == last )
            return;
    if ( nr_ro_ranges == NR_RO_RANGES )
    {
        printk(XENLOG_WARNING "MSI-X: no room to protect frames %#lx-%#lx "
               "of %02x:%02x.%u\n", first, last, bus, devfn >> 3,
               devfn & 7);
        return;
    }
    ro_ranges[nr_ro_ranges].first = first;
    ro_ranges[nr_ro_ranges].last = last;
    __atomic_store_n(&nr_ro_ranges, nr_ro_ranges + 1, __ATOMIC_RELEASE);
}

static void msi_interrupt(struct cpu_user_regs *regs)
{
    struct msi_state *m = &msis[regs->entry_vector - MSI_VECTOR_BASE];

    apic_eoi();
    /*
     * An MSI is an edge: one lost before dom0 bound it would leave the
     * device waiting for an acknowledgement forever.  Keep it for then.
     */
    if ( m->owner && m->bound )
        send_guest_pirq(m->owner, NR_GSIS + (m - msis));
    else if ( m->owner )
        m->pending = true;
}

void msi_init(void)
{
    unsigned int v;

    for ( v = 0; v < NR_MSIS; v++ )
        set_irq_handler(MSI_VECTOR_BASE + v, (void (*)(void))msi_interrupt);
}

static uint32_t msi_address(void)
{
    return 0xfee00000u | (x86_cpu_to_apicid[0] << 12);
}

static bool device_present(unsigned int bus, unsigned int devfn)
{
    return bus <= 255 && devfn <= 255 &&
           pci_conf_read(bus, devfn, 0, 2) != 0xffff;
}

/* The device already has a plain MSI of ours (of any domain). */
static bool msi_in_use(unsigned int bus, unsigned int devfn)
{
    unsigned int i;

    for ( i = 0; i < NR_MSIS; i++ )
        if ( msis[i].owner && !msis[i].msix && msis[i].bus == bus &&
             msis[i].devfn == devfn )
            return true;
    return false;
}

/*
 * Claim nr free slots starting at a vector aligned to nr (the device
 * puts the message number in the low bits of the data), at slot
 * *pirq - NR_GSIS if dom0 asked for a PIRQ.  msi_lock held.
 */
static struct msi_state *claim(struct domain *d, unsigned int nr, int pirq)
{
    unsigned int i, j;

    for ( i = 0; i + nr <= NR_MSIS; i++ )
    {
        if ( (MSI_VECTOR_BASE + i) % nr ||
             (pirq >= 0 && (unsigned int)pirq != NR_GSIS + i) )
            continue;
        for ( j = 0; j < nr && !msis[i + j].owner; j++ )
            ;
        if ( j < nr )
            continue;
        for ( j = 0; j < nr; j++ )
        {
            msis[i + j].owner = d;
            msis[i + j].bound = false;
            msis[i + j].pending = false;
            msis[i + j].msix_entry = NULL;
        }
        return &msis[i];
    }
    return NULL;
}

static void release(struct msi_state *m, unsigned int nr)
{
    unsigned long flags;
    unsigned int j;

    spin_lock_irqsave(&msi_lock, flags);
    for ( j = 0; j < nr; j++ )
        m[j].owner = NULL;
    spin_unlock_irqrestore(&msi_lock, flags);
}

/* Point a plain MSI at nr vectors from this slot's; dom0 enables it. */
static void program_msi(struct msi_state *m, unsigned int nr)
{
    unsigned int cap = m->cap, log2 = 0;
    uint32_t ctrl = pci_conf_read(m->bus, m->devfn, cap + 2, 2);

    while ( (1u << log2) < nr )
        log2++;
    pci_conf_write(m->bus, m->devfn, cap + 4, 4, msi_address());
    if ( m->is64 )
    {
        pci_conf_write(m->bus, m->devfn, cap + 8, 4, 0);
        pci_conf_write(m->bus, m->devfn, cap + 12, 2,
                       MSI_VECTOR_BASE + (m - msis));
    }
    else
        pci_conf_write(m->bus, m->devfn, cap + 8, 2,
                       MSI_VECTOR_BASE + (m - msis));
    pci_conf_write(m->bus, m->devfn, cap + 2, 2,
                   (ctrl & ~MSI_CTRL_MME) | (log2 << 4));
}

/*
 * One MSI vector, or one MSI-X table entry, at a vector of our own.
 * dom0 enables the capability itself, as on Xen.
 */
int pirq_map_msi(struct domain *d, unsigned int bus, unsigned int devfn,
                 unsigned int entry, uint64_t table_base, int *pirq)
{
    unsigned int cap;
    struct msi_state *m;

    if ( !d->arch.io_privileged )
        return -EPERM;
    if ( !device_present(bus, devfn) )
        return -ENODEV;
    cap = pci_find_cap(bus, devfn, table_base ? PCI_CAP_MSIX : PCI_CAP_MSI);
    if ( !cap )
        return -EINVAL;                 /* MSI ignores entry, as on Xen */
    spin_lock_irq(&msi_lock);
    m = !table_base && msi_in_use(bus, devfn) ? NULL : claim(d, 1, *pirq);
    spin_unlock_irq(&msi_lock);
    if ( !m )
        return !table_base && msi_in_use(bus, devfn) ? -EBUSY : -ENOSPC;
    m->bus = bus;
    m->devfn = devfn;
    m->cap = cap;
    m->entry = table_base ? entry : 0;
    m->nvec = 1;
    m->msix = table_base;

    if ( table_base )
    {
        uint32_t ctrl = pci_conf_read(bus, devfn, cap + 2, 2);
        uint32_t tbl = pci_conf_read(bus, devfn, cap + 4, 4);
        volatile uint32_t *e;

        if ( entry > (ctrl & 0x7ff) )
            goto fail;
        spin_lock_irq(&msi_lock);
        protect(bus, devfn, tbl, ((ctrl & 0x7ff) + 1) * 16UL);
        protect(bus, devfn, pci_conf_read(bus, devfn, cap + 8, 4),
                (((ctrl & 0x7ff) + 64) / 64) * 8UL);
        spin_unlock_irq(&msi_lock);
        e = ioremap(table_base + (tbl & ~7u) + entry * 16UL, 16);
        if ( !e )
            goto fail;
        e[0] = msi_address();
        e[1] = 0;
        e[2] = MSI_VECTOR_BASE + (m - msis);
        e[3] &= ~1u;                    /* unmask this vector */
        m->msix_entry = e;
    }
    else
    {
        m->is64 = pci_conf_read(bus, devfn, cap + 2, 2) & MSI_CTRL_64BIT;
        program_msi(m, 1);
    }
    *pirq = NR_GSIS + (m - msis);
    return 0;

 fail:
    release(m, 1);
    return -EINVAL;
}

/*
 * Multi-message MSI: *nr vectors, contiguous and aligned, as PIRQs
 * *pirq.. *pirq + *nr - 1.  If the device offers fewer, -ENFILE with *nr
 * set to what it offers (as Xen does).
 */
int pirq_map_multi_msi(struct domain *d, unsigned int bus,
                       unsigned int devfn, unsigned int *nr, int *pirq)
{
    unsigned int n = *nr, cap, max, i;
    struct msi_state *m;

    if ( !d->arch.io_privileged )
        return -EPERM;
    if ( !n || n > MAX_MULTI_MSI || (n & (n - 1)) )
        return -EINVAL;
    if ( !device_present(bus, devfn) ||
         !(cap = pci_find_cap(bus, devfn, PCI_CAP_MSI)) )
        return -ENODEV;
    max = 1u << ((pci_conf_read(bus, devfn, cap + 2, 2) >> 1) & 7);
    if ( max > MAX_MULTI_MSI )
        max = MAX_MULTI_MSI;
    if ( n > max )
    {
        *nr = max;
        return -ENFILE;
    }
    spin_lock_irq(&msi_lock);
    m = msi_in_use(bus, devfn) ? NULL : claim(d, n, *pirq);
    spin_unlock_irq(&msi_lock);
    if ( !m )
        return msi_in_use(bus, devfn) ? -EBUSY : -ENOSPC;
    for ( i = 0; i < n; i++ )
    {
        m[i].bus = bus;
        m[i].devfn = devfn;
        m[i].cap = cap;
        m[i].entry = i;
        m[i].nvec = n;
        m[i].msix = false;
        m[i].is64 = pci_conf_read(bus, devfn, cap + 2, 2) & MSI_CTRL_64BIT;
    }
    program_msi(m, n);
    *pirq = NR_GSIS + (m - msis);
    return 0;
}

static struct msi_state *msi_of(unsigned int pirq)
{
    return pirq >= NR_GSIS && pirq < NR_GSIS + NR_MSIS
           ? &msis[pirq - NR_GSIS] : NULL;
}

bool msi_pirq_mapped(const struct domain *d, unsigned int pirq)
{
    struct msi_state *m = msi_of(pirq);

    return m && m->owner == d;
}

void msi_pirq_set_bound(struct domain *d, unsigned int pirq, bool bound)
{
    struct msi_state *m = msi_of(pirq);

    if ( !m || m->owner != d )
        return;
    m->bound = bound;
    if ( bound && m->pending )
    {
        m->pending = false;
        send_guest_pirq(d, pirq);
    }
}

/*
 * A multi-message MSI goes as a whole, by its first PIRQ (Linux unmaps
 * only that one); its other PIRQs cannot be unmapped alone.
 */
int msi_pirq_unmap(struct domain *d, unsigned int pirq)
{
    struct msi_state *m = msi_of(pirq);
    unsigned int j;

    if ( !m || m->owner != d )
        return -EINVAL;
    if ( m->msix )
    {
        if ( m->bound )
            return -EBUSY;
        m->msix_entry[3] |= 1;          /* mask the vector */
        release(m, 1);
        return 0;
    }
    if ( m->entry )
    {
        gprintk(XENLOG_WARNING, "d%u: PIRQ %u is not the first of its MSI\n",
                d->domain_id, pirq);
        return -EBUSY;
    }
    for ( j = 0; j < m->nvec; j++ )
        if ( m[j].bound )
            return -EBUSY;
    release(m, m->nvec);
    return 0;
}

static bool overlaps(unsigned int reg, unsigned int size, unsigned int start,
                     unsigned int end)
{
    return reg < end && reg + size > start;
}

bool msi_guest_cfg_write(unsigned int bus, unsigned int devfn,
                         unsigned int reg, unsigned int size, uint32_t *val)
{
    const struct msi_state *m = NULL;
    unsigned int i, cap = 0, nvec = 1, log2 = 0;
    bool msix = false, is64 = false;
    unsigned long flags;

    spin_lock_irqsave(&msi_lock, flags);
    for ( i = 0; i < NR_MSIS; i++ )
        if ( msis[i].owner && msis[i].bus == bus && msis[i].devfn == devfn )
        {
            m = &msis[i];
            break;
        }
    if ( m )
    {
        cap = m->cap;
        msix = m->msix;
        is64 = m->is64;
        nvec = m->nvec;
    }
    spin_unlock_irqrestore(&msi_lock, flags);
    if ( !m )
        return true;

    /*
     * MSI-X: only the control word is dom0's (enable, mask all); the
     * table and PBA locations are read-only anyway.  MSI: the message
     * address and data are ours; so is the number of messages enabled.
     * The per-vector mask bits stay dom0's, as on Xen.
     */
    if ( overlaps(reg, size, cap + 4,
                  cap + (msix ? 12 : is64 ? 14 : 10)) )
    {
        gprintk(XENLOG_WARNING,
                "d%u: %02x:%02x.%u config write %#x/%u to the %s the hypervisor programmed dropped\n",
                current->domain->domain_id, bus, devfn >> 3, devfn & 7, reg,
                size, msix ? "MSI-X capability" : "MSI message");
        return false;
    }
    if ( !msix && overlaps(reg, size, cap + 2, cap + 3) )
    {
        unsigned int shift = (cap + 2 - reg) * 8;

        while ( (1u << log2) < nvec )
            log2++;
        *val = (*val & ~(MSI_CTRL_MME << shift)) | ((log2 << 4) << shift);
    }
    return true;
}
