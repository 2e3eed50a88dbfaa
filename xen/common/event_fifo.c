/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The FIFO event channel ABI: one 32-bit event word per port in guest
 * pages (PENDING, MASKED, LINKED, BUSY, LINK), and per vCPU a control
 * block with a ready bit and a queue head per priority.  A port that
 * becomes pending while unmasked is linked at the tail of its queue.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/event_port.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/xmalloc.h>
#include <public/event_channel.h>

#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint32_t))
#define MAX_ARRAY_PAGES (EVTCHN_FIFO_NR_CHANNELS / WORDS_PER_PAGE)

#define W_PENDING (1u << EVTCHN_FIFO_PENDING)
#define W_MASKED  (1u << EVTCHN_FIFO_MASKED)
#define W_LINKED  (1u << EVTCHN_FIFO_LINKED)
#define W_BUSY    (1u << EVTCHN_FIFO_BUSY)

struct fifo_queue {
    uint32_t tail;
};

struct fifo_vcpu {
    struct evtchn_fifo_control_block *cb;
    unsigned long cb_mfn;
    struct fifo_queue q[EVTCHN_FIFO_MAX_QUEUES];
};

struct fifo_domain {
    uint32_t *pages[MAX_ARRAY_PAGES];
    unsigned long mfns[MAX_ARRAY_PAGES];
    unsigned int nr_pages;
};

static uint32_t *word_of(const struct domain *d, unsigned int port)
{
    const struct fifo_domain *f = d->evtchn_fifo;

    if ( !f || port / WORDS_PER_PAGE >= f->nr_pages )
        return NULL;
    return &f->pages[port / WORDS_PER_PAGE][port % WORDS_PER_PAGE];
}

static void *take_guest_frame(struct domain *d, unsigned long gfn)
{
    return get_guest_frame_writable(d, gfn);
}

static void set_pending(struct vcpu *v, unsigned int port)
{
    struct domain *d = v->domain;
    struct fifo_vcpu *fv = v->evtchn_fifo;
    struct evtchn *chn = evtchn_from_port(d, port);
    uint32_t *w = word_of(d, port), old;
    struct fifo_queue *q;
    unsigned int prio = chn->priority;

    if ( !w || !fv )
        return;
    old = __atomic_fetch_or(w, W_PENDING, __ATOMIC_SEQ_CST);
    if ( (old & (W_MASKED | W_LINKED)) ||
         (__atomic_fetch_or(w, W_LINKED, __ATOMIC_SEQ_CST) & W_LINKED) )
        return;
    if ( __atomic_load_n(w, __ATOMIC_SEQ_CST) & W_MASKED )
    {
        /* Masked between our two updates: take the link back. */
        __atomic_fetch_and(w, ~W_LINKED, __ATOMIC_SEQ_CST);
        return;
    }

    q = &fv->q[prio];
    {
        uint32_t *tw = q->tail ? word_of(d, q->tail) : NULL;
        bool linked = false;

        /*
         * The old tail counts only if it was last linked on this very
         * queue: a port moved to another vCPU may be linked there now.
         */
        if ( tw && evtchn_from_port(d, q->tail)->fifo_lastq !=
                   ((v->vcpu_id << 8) | prio) )
            tw = NULL;
        /*
         * The port itself as tail means the guest consumed it: the queue
         * is empty, and its LINKED bit is the one we just set.  Linking it
         * after itself would lose it.
         */
        if ( q->tail == port )
            tw = NULL;

        /* Append after the tail if the guest has not consumed it yet. */
        if ( tw )
        {
            uint32_t t = __atomic_load_n(tw, __ATOMIC_SEQ_CST);

            while ( t & W_LINKED )
            {
                uint32_t nt = (t & ~EVTCHN_FIFO_LINK_MASK) | port;

                if ( __atomic_compare_exchange_n(tw, &t, nt, false,
                                                 __ATOMIC_SEQ_CST,
                                                 __ATOMIC_SEQ_CST) )
                {
                    linked = true;
                    break;
                }
            }
        }
        if ( !linked )
            __atomic_store_n(&fv->cb->head[prio], port, __ATOMIC_SEQ_CST);
        q->tail = port;
        chn->fifo_lastq = (v->vcpu_id << 8) | prio;
    }
    if ( !(__atomic_fetch_or(&fv->cb->ready, 1u << prio, __ATOMIC_SEQ_CST) &
           (1u << prio)) )
        vcpu_mark_events_pending(v);
}

static void clear_pending(struct domain *d, unsigned int port)
{
    uint32_t *w = word_of(d, port);

    if ( w )
        __atomic_fetch_and(w, ~W_PENDING, __ATOMIC_SEQ_CST);
}

static void unmask(struct domain *d, unsigned int port)
{
    uint32_t *w = word_of(d, port);
    struct vcpu *v = d->vcpu[evtchn_from_port(d, port)->notify_vcpu];

    if ( !w || !v )
        return;
    __atomic_fetch_and(w, ~W_MASKED, __ATOMIC_SEQ_CST);
    if ( __atomic_load_n(w, __ATOMIC_SEQ_CST) & W_PENDING )
    {
        __atomic_fetch_and(w, ~W_PENDING, __ATOMIC_SEQ_CST);
        set_pending(v, port);
    }
}

static bool is_pending(const struct domain *d, unsigned int port)
{
    uint32_t *w = word_of(d, port);

    return w && (__atomic_load_n(w, __ATOMIC_SEQ_CST) & W_PENDING);
}

static bool is_masked(const struct domain *d, unsigned int port)
{
    uint32_t *w = word_of(d, port);

    return !w || (__atomic_load_n(w, __ATOMIC_SEQ_CST) & W_MASKED);
}

const struct evtchn_port_ops evtchn_port_ops_fifo = {
    .set_pending = set_pending,
    .clear_pending = clear_pending,
    .unmask = unmask,
    .is_pending = is_pending,
    .is_masked = is_masked,
};

long evtchn_fifo_init_control(struct evtchn_init_control *ic)
{
    struct domain *d = current->domain;
    struct vcpu *v;
    struct fifo_vcpu *fv;
    void *page;
    unsigned int i;

    if ( ic->vcpu >= d->max_vcpus || !(v = d->vcpu[ic->vcpu]) )
        return -ENOENT;
    if ( ic->offset > PAGE_SIZE - sizeof(struct evtchn_fifo_control_block) ||
         (ic->offset & 7) )
        return -EINVAL;
    if ( v->evtchn_fifo )
        return -EINVAL;             /* one control block per vCPU */

    spin_lock_irq(&d->event_lock);
    if ( !d->evtchn_fifo )
    {
        d->evtchn_fifo = xzalloc(struct fifo_domain);
        if ( !d->evtchn_fifo )
        {
            spin_unlock_irq(&d->event_lock);
            return -ENOMEM;
        }
    }
    spin_unlock_irq(&d->event_lock);

    page = take_guest_frame(d, ic->control_gfn);
    if ( !page )
        return -EINVAL;
    fv = xzalloc(struct fifo_vcpu);
    if ( !fv )
    {
        put_guest_frame_writable(d, ic->control_gfn);
        return -ENOMEM;
    }
    fv->cb = (void *)((char *)page + ic->offset);
    fv->cb_mfn = ic->control_gfn;
    memset(fv->cb, 0, sizeof(*fv->cb));

    spin_lock_irq(&d->event_lock);
    v->evtchn_fifo = fv;
    if ( d->evtchn_port_ops != &evtchn_port_ops_fifo )
    {
        /* Switch ABI: every port starts unpending and unmasked. */
        d->evtchn_port_ops = &evtchn_port_ops_fifo;
        d->max_evtchns = EVTCHN_FIFO_NR_CHANNELS;
        for ( i = 0; i < d->max_vcpus; i++ )
            if ( d->vcpu[i] && d->vcpu[i]->vcpu_info )
                d->vcpu[i]->vcpu_info->evtchn_pending_sel = 0;
    }
    spin_unlock_irq(&d->event_lock);
    ic->link_bits = EVTCHN_FIFO_LINK_BITS;
    return 0;
}

long evtchn_fifo_expand_array(const struct evtchn_expand_array *ea)
{
    struct domain *d = current->domain;
    struct fifo_domain *f = d->evtchn_fifo;
    void *page;
    long rc = 0;

    if ( !f )
        return -EOPNOTSUPP;
    if ( f->nr_pages >= MAX_ARRAY_PAGES )
        return -ENOSPC;
    page = take_guest_frame(d, ea->array_gfn);
    if ( !page )
        return -EINVAL;
    spin_lock_irq(&d->event_lock);
    if ( f->nr_pages >= MAX_ARRAY_PAGES )
        rc = -ENOSPC;
    else
    {
        unsigned int first = f->nr_pages * WORDS_PER_PAGE, port;

        memset(page, 0, PAGE_SIZE);
        f->mfns[f->nr_pages] = ea->array_gfn;
        f->pages[f->nr_pages++] = page;
        /* Ports that already exist and were pending stay pending. */
        for ( port = first; port < first + WORDS_PER_PAGE &&
                            port < d->valid_evtchns; port++ )
            if ( evtchn_from_port(d, port)->state > ECS_RESERVED )
                ((uint32_t *)page)[port - first] = W_MASKED;
    }
    spin_unlock_irq(&d->event_lock);
    if ( rc )
        put_guest_frame_writable(d, ea->array_gfn);
    return rc;
}

long evtchn_fifo_set_priority(const struct evtchn_set_priority *sp)
{
    struct domain *d = current->domain;

    if ( d->evtchn_port_ops != &evtchn_port_ops_fifo )
        return -ENOSYS;
    if ( sp->priority > EVTCHN_FIFO_PRIORITY_MIN )
        return -EINVAL;
    if ( !port_is_valid(d, sp->port) )
        return -EINVAL;
    spin_lock_irq(&d->event_lock);
    evtchn_from_port(d, sp->port)->priority = sp->priority;
    spin_unlock_irq(&d->event_lock);
    return 0;
}

void evtchn_fifo_destroy(struct domain *d)
{
    struct fifo_domain *f = d->evtchn_fifo;
    unsigned int i;

    for ( i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = d->vcpu[i];
        struct fifo_vcpu *fv = v ? v->evtchn_fifo : NULL;

        if ( !fv )
            continue;
        put_guest_frame_writable(d, fv->cb_mfn);
        xfree(fv);
        v->evtchn_fifo = NULL;
    }
    if ( f )
    {
        for ( i = 0; i < f->nr_pages; i++ )
            put_guest_frame_writable(d, f->mfns[i]);
        xfree(f);
        d->evtchn_fifo = NULL;
    }
    d->evtchn_port_ops = &evtchn_port_ops_2l;
    d->max_evtchns = NR_2L_EVTCHNS;
}
