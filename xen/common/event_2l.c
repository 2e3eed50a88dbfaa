/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The 2-level event channel ABI: pending and mask bitmaps in shared_info,
 * a per-vCPU selector word with one bit per bitmap word.
 */
#include <xen/event.h>
#include <xen/event_port.h>
#include <xen/lib.h>

#define WORD_BITS 64

static bool test_and_set(unsigned long *w, unsigned int bit)
{
    unsigned long m = 1UL << (bit % WORD_BITS);

    return __atomic_fetch_or(&w[bit / WORD_BITS], m, __ATOMIC_SEQ_CST) & m;
}

static bool test(const unsigned long *w, unsigned int bit)
{
    return __atomic_load_n(&w[bit / WORD_BITS], __ATOMIC_SEQ_CST) &
           (1UL << (bit % WORD_BITS));
}

static void set_pending(struct vcpu *v, unsigned int port)
{
    struct shared_info *s = v->domain->shared_info;

    if ( port >= NR_2L_EVTCHNS )
        return;
    if ( test_and_set((unsigned long *)s->evtchn_pending, port) )
        return;
    if ( !test((unsigned long *)s->evtchn_mask, port) &&
         !test_and_set((unsigned long *)&v->vcpu_info->evtchn_pending_sel,
                       port / WORD_BITS) )
        vcpu_mark_events_pending(v);
}

static void clear_pending(struct domain *d, unsigned int port)
{
    if ( port < NR_2L_EVTCHNS )
        __atomic_fetch_and(&d->shared_info->evtchn_pending[port / WORD_BITS],
                           ~(1UL << (port % WORD_BITS)), __ATOMIC_SEQ_CST);
}

static void unmask(struct domain *d, unsigned int port)
{
    struct shared_info *s = d->shared_info;
    struct vcpu *v = d->vcpu[evtchn_from_port(d, port)->notify_vcpu];

    if ( port >= NR_2L_EVTCHNS || !v )
        return;
    __atomic_fetch_and(&s->evtchn_mask[port / WORD_BITS],
                       ~(1UL << (port % WORD_BITS)), __ATOMIC_SEQ_CST);
    /* A pending event that was masked is delivered now. */
    if ( test((unsigned long *)s->evtchn_pending, port) &&
         !test_and_set((unsigned long *)&v->vcpu_info->evtchn_pending_sel,
                       port / WORD_BITS) )
        vcpu_mark_events_pending(v);
}

static bool is_pending(const struct domain *d, unsigned int port)
{
    return port < NR_2L_EVTCHNS &&
           test((const unsigned long *)d->shared_info->evtchn_pending, port);
}

static bool is_masked(const struct domain *d, unsigned int port)
{
    return port >= NR_2L_EVTCHNS ||
           test((const unsigned long *)d->shared_info->evtchn_mask, port);
}

const struct evtchn_port_ops evtchn_port_ops_2l = {
    .set_pending = set_pending,
    .clear_pending = clear_pending,
    .unmask = unmask,
    .is_pending = is_pending,
    .is_masked = is_masked,
};
