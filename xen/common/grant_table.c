/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant tables, version 1: a domain lists in shared frames which of its
 * frames another domain may map or copy; the hypervisor checks every use
 * against the entry and tracks mappings so they can be undone.
 */
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/xmalloc.h>
#include <public/grant_table.h>

#define GRANT_FRAMES_MAX   64
#define ENTRIES_PER_FRAME  (PAGE_SIZE / sizeof(struct grant_entry_v1))
#define MAPTRACK_MAX       4096

struct maptrack {
    struct domain *granter;         /* NULL: free slot */
    grant_ref_t ref;
    uint32_t flags;
    uint64_t host_addr;
    unsigned long mfn;
};

struct grant_table {
    spinlock_t lock;
    unsigned int nr_frames;
    struct grant_entry_v1 *frames[GRANT_FRAMES_MAX];
    /* Mappings this domain made of others' grants. */
    struct maptrack *maptrack;
    unsigned int maptrack_used;
    /* How many mappings exist of each of our entries (reading/writing). */
    uint16_t *map_count_ro, *map_count_rw;
};

int grant_table_init(struct domain *d)
{
    struct grant_table *gt = xzalloc(struct grant_table);

    if ( !gt )
        return -ENOMEM;
    spin_lock_init(&gt->lock);
    d->grant_table = gt;
    return 0;
}

static int grow_table(struct domain *d, unsigned int nr)
{
    struct grant_table *gt = d->grant_table;
    unsigned int entries = GRANT_FRAMES_MAX * ENTRIES_PER_FRAME;

    if ( nr > GRANT_FRAMES_MAX )
        return -EINVAL;
    if ( !gt->map_count_ro )
    {
        gt->map_count_ro = xzalloc_array(uint16_t, entries);
        gt->map_count_rw = xzalloc_array(uint16_t, entries);
        if ( !gt->map_count_ro || !gt->map_count_rw )
            return -ENOMEM;
    }
    while ( gt->nr_frames < nr )
    {
        void *f = alloc_xenheap_page();

        if ( !f )
            return -ENOMEM;
        memset(f, 0, PAGE_SIZE);
        domain_assign_page(d, virt_to_page(f), 0, true);
        gt->frames[gt->nr_frames++] = f;
    }
    return 0;
}

/* Frame idx of d's grant table (grown to hold it): its MFN in *mfn. */
int gnttab_get_frame_mfn(struct domain *d, unsigned int idx,
                         unsigned long *mfn)
{
    int rc;

    spin_lock(&d->grant_table->lock);
    rc = grow_table(d, idx + 1);
    if ( !rc )
        *mfn = virt_to_mfn(d->grant_table->frames[idx]);
    spin_unlock(&d->grant_table->lock);
    return rc;
}

static struct grant_entry_v1 *entry_of(struct grant_table *gt,
                                       grant_ref_t ref)
{
    if ( ref >= gt->nr_frames * ENTRIES_PER_FRAME )
        return NULL;
    return &gt->frames[ref / ENTRIES_PER_FRAME][ref % ENTRIES_PER_FRAME];
}

static struct domain *gnt_domain(domid_t dom, int16_t *status)
{
    struct domain *cur = current->domain, *d;

    if ( dom == DOMID_SELF || dom == cur->domain_id )
        return cur;
    d = rcu_lock_domain_by_id(dom);
    if ( !d )
        *status = GNTST_bad_domain;
    return d;
}

/*
 * Check that 'granter' lets the caller use entry ref (for writing unless
 * readonly) and return the frame; mark it in use while 'hold' is set.
 */
static int16_t use_grant(struct domain *granter, grant_ref_t ref,
                         bool readonly, unsigned long *mfn)
{
    struct grant_table *gt = granter->grant_table;
    struct grant_entry_v1 *e;
    uint16_t flags;
    domid_t me = current->domain->domain_id;

    e = entry_of(gt, ref);
    if ( !e )
        return GNTST_bad_gntref;
    flags = READ_ONCE(e->flags);
    if ( (flags & GTF_type_mask) != GTF_permit_access ||
         READ_ONCE(e->domid) != me )
        return GNTST_general_error;
    if ( !readonly && (flags & GTF_readonly) )
        return GNTST_general_error;
    *mfn = READ_ONCE(e->frame);
    if ( !mfn_valid(*mfn) || page_owner_of(*mfn) != granter )
        return GNTST_bad_page;
    return GNTST_okay;
}

static void update_entry_flags(struct domain *granter, grant_ref_t ref)
{
    struct grant_table *gt = granter->grant_table;
    struct grant_entry_v1 *e = entry_of(gt, ref);
    uint16_t set = 0;

    if ( !e )
        return;
    if ( gt->map_count_ro[ref] || gt->map_count_rw[ref] )
        set |= GTF_reading;
    if ( gt->map_count_rw[ref] )
        set |= GTF_writing;
    __atomic_fetch_and(&e->flags, ~(GTF_reading | GTF_writing),
                       __ATOMIC_SEQ_CST);
    __atomic_fetch_or(&e->flags, set, __ATOMIC_SEQ_CST);
}

static void map_one(struct gnttab_map_grant_ref *op)
{
    struct domain *d = current->domain, *granter;
    struct grant_table *gt = d->grant_table, *ggt;
    bool ro = op->flags & GNTMAP_readonly;
    unsigned long mfn;
    unsigned int h;

    op->status = GNTST_okay;
    if ( !(op->flags & GNTMAP_host_map) )
    {
        op->status = GNTST_general_error;
        return;
    }
    granter = gnt_domain(op->dom, &op->status);
    if ( !granter )
        return;
    ggt = granter->grant_table;

    spin_lock(&gt->lock);
    if ( !gt->maptrack )
        gt->maptrack = xzalloc_array(struct maptrack, MAPTRACK_MAX);
    for ( h = 0; gt->maptrack && h < MAPTRACK_MAX; h++ )
        if ( !gt->maptrack[h].granter )
            break;
    if ( !gt->maptrack || h == MAPTRACK_MAX )
    {
        spin_unlock(&gt->lock);
        op->status = GNTST_no_device_space;
        return;
    }
    gt->maptrack[h].granter = granter;      /* reserve the slot */
    spin_unlock(&gt->lock);

    spin_lock(&ggt->lock);
    op->status = use_grant(granter, op->ref, ro, &mfn);
    if ( op->status == GNTST_okay )
    {
        if ( arch_grant_map(d, granter, op->host_addr, op->flags, mfn, ro) )
            op->status = GNTST_general_error;
        else
        {
            if ( ro )
                ggt->map_count_ro[op->ref]++;
            else
                ggt->map_count_rw[op->ref]++;
            update_entry_flags(granter, op->ref);
        }
    }
    spin_unlock(&ggt->lock);

    spin_lock(&gt->lock);
    if ( op->status == GNTST_okay )
    {
        gt->maptrack[h].ref = op->ref;
        gt->maptrack[h].flags = op->flags;
        gt->maptrack[h].host_addr = op->host_addr;
        gt->maptrack[h].mfn = mfn;
        gt->maptrack_used++;
        op->handle = h;
        op->dev_bus_addr = (uint64_t)mfn << PAGE_SHIFT;
    }
    else
        gt->maptrack[h].granter = NULL;
    spin_unlock(&gt->lock);
}

static void unmap_one(struct gnttab_unmap_grant_ref *op)
{
    struct domain *d = current->domain;
    struct grant_table *gt = d->grant_table;
    struct maptrack m;

    spin_lock(&gt->lock);
    if ( !gt->maptrack || op->handle >= MAPTRACK_MAX ||
         !gt->maptrack[op->handle].granter )
    {
        spin_unlock(&gt->lock);
        op->status = GNTST_bad_handle;
        return;
    }
    m = gt->maptrack[op->handle];
    if ( op->host_addr && op->host_addr != m.host_addr )
    {
        spin_unlock(&gt->lock);
        op->status = GNTST_bad_virt_addr;
        return;
    }
    gt->maptrack[op->handle].granter = NULL;
    gt->maptrack_used--;
    spin_unlock(&gt->lock);

    if ( arch_grant_unmap(d, m.host_addr, m.flags, m.mfn) )
        op->status = GNTST_general_error;
    else
        op->status = GNTST_okay;

    spin_lock(&m.granter->grant_table->lock);
    if ( m.flags & GNTMAP_readonly )
        m.granter->grant_table->map_count_ro[m.ref]--;
    else
        m.granter->grant_table->map_count_rw[m.ref]--;
    update_entry_flags(m.granter, m.ref);
    spin_unlock(&m.granter->grant_table->lock);
}

/* One side of a copy: a frame and its offset, checked. */
static int16_t copy_side(const struct gnttab_copy_ptr *p, bool is_gref,
                         bool write, uint16_t len, void **va,
                         struct domain **dom)
{
    struct domain *d = current->domain, *od;
    unsigned long mfn;
    int16_t st = GNTST_okay;

    if ( p->offset + len > PAGE_SIZE )
        return GNTST_bad_copy_arg;
    od = gnt_domain(p->domid, &st);
    if ( !od )
        return st;
    if ( is_gref )
    {
        spin_lock(&od->grant_table->lock);
        st = use_grant(od, p->u.ref, !write, &mfn);
        spin_unlock(&od->grant_table->lock);
        if ( st != GNTST_okay )
            return st;
    }
    else
    {
        /* A plain frame: only the caller's own (or any, for dom0). */
        if ( od != d && !d->is_privileged )
            return GNTST_permission_denied;
        mfn = p->u.gmfn;
        if ( !mfn_valid(mfn) || page_owner_of(mfn) != od )
            return GNTST_bad_page;
    }
    *va = (char *)mfn_to_virt(mfn) + p->offset;
    *dom = od;
    return GNTST_okay;
}

static void copy_one(struct gnttab_copy *op)
{
    void *src = NULL, *dst = NULL;
    struct domain *sd, *dd;

    op->status = copy_side(&op->source, op->flags & GNTCOPY_source_gref,
                           false, op->len, &src, &sd);
    if ( op->status == GNTST_okay )
        op->status = copy_side(&op->dest, op->flags & GNTCOPY_dest_gref,
                               true, op->len, &dst, &dd);
    if ( op->status == GNTST_okay )
        memmove(dst, src, op->len);
}

static long setup_table(struct gnttab_setup_table *op, unsigned long uop)
{
    struct domain *d = gnt_domain(op->dom, &op->status);
    unsigned int i;

    if ( !d )
        return 0;
    if ( d != current->domain && !current->domain->is_privileged )
    {
        op->status = GNTST_permission_denied;
        return 0;
    }
    spin_lock(&d->grant_table->lock);
    op->status = grow_table(d, op->nr_frames) ? GNTST_general_error
                                             : GNTST_okay;
    spin_unlock(&d->grant_table->lock);
    if ( op->status != GNTST_okay )
        return 0;
    for ( i = 0; i < op->nr_frames; i++ )
    {
        xen_pfn_t mfn = virt_to_mfn(d->grant_table->frames[i]);

        if ( copy_to_guest_va((unsigned long)op->frame_list.p +
                              i * sizeof(mfn), &mfn, sizeof(mfn)) )
            return -EFAULT;
    }
    return 0;
}

#define GNT_LOOP(type, body)                                              \
    for ( i = 0; i < count; i++ )                                        \
    {                                                                    \
        struct type op;                                                  \
        unsigned long at = uop + i * sizeof(op);                         \
                                                                         \
        if ( copy_from_guest_va(&op, at, sizeof(op)) )                   \
            return -EFAULT;                                              \
        body;                                                            \
        if ( copy_to_guest_va(at, &op, sizeof(op)) )                     \
            return -EFAULT;                                              \
    }                                                                    \
    return 0;

long do_grant_table_op(unsigned int cmd, unsigned long uop, unsigned int count)
{
    unsigned int i;

    if ( count > 512 )
        return -EINVAL;
    switch ( cmd )
    {
    case GNTTABOP_map_grant_ref:
        GNT_LOOP(gnttab_map_grant_ref, map_one(&op))
    case GNTTABOP_unmap_grant_ref:
        GNT_LOOP(gnttab_unmap_grant_ref, unmap_one(&op))
    case GNTTABOP_copy:
        GNT_LOOP(gnttab_copy, copy_one(&op))
    case GNTTABOP_setup_table:
        GNT_LOOP(gnttab_setup_table, {
            long rc = setup_table(&op, at);

            if ( rc )
                return rc;
        })
    case GNTTABOP_query_size:
        GNT_LOOP(gnttab_query_size, {
            struct domain *d = gnt_domain(op.dom, &op.status);

            if ( d )
            {
                op.nr_frames = d->grant_table->nr_frames;
                op.max_nr_frames = GRANT_FRAMES_MAX;
                op.status = GNTST_okay;
            }
        })
    case GNTTABOP_set_version:
        GNT_LOOP(gnttab_set_version, {
            if ( op.version > 1 )
                return -EOPNOTSUPP;
            op.version = 1;
        })
    case GNTTABOP_get_version:
        GNT_LOOP(gnttab_get_version, {
            op.version = 1;
        })
    }
    return -ENOSYS;
}
