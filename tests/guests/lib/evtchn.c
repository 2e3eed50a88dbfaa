/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels: the 2-level upcall, port bitmaps in shared_info, the
 * event_channel_op wrappers, and vcpu_info time.
 */
#include "guest.h"

void (*event_hook)(evtchn_port_t port);
void (*upcall_hook)(void);
volatile unsigned long events_seen;
/* Stack of a secondary vCPU (set by guests that start one). */
unsigned long secondary_stack_lo, secondary_stack_hi;
unsigned int secondary_vcpu_id;

static vcpu_info_t dummy_vcpu;

vcpu_info_t *this_vcpu(void)
{
    unsigned long sp = (unsigned long)__builtin_frame_address(0);

    if ( !shared_info )
        return &dummy_vcpu;
    if ( sp >= secondary_stack_lo && sp < secondary_stack_hi )
        return &shared_info->vcpu_info[secondary_vcpu_id];
    return &shared_info->vcpu_info[0];
}

void event_upcall(struct trap_regs *regs)
{
    vcpu_info_t *v = this_vcpu();
    xen_ulong_t sel;

    (void)regs;
    if ( upcall_hook )
    {
        upcall_hook();
        return;
    }
    WRITE_ONCE(v->evtchn_upcall_pending, 0);
    sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
    while ( sel )
    {
        unsigned int w = __builtin_ctzl(sel);
        xen_ulong_t pend;

        sel &= sel - 1;
        pend = READ_ONCE(shared_info->evtchn_pending[w]) &
               ~READ_ONCE(shared_info->evtchn_mask[w]);
        while ( pend )
        {
            unsigned int b = __builtin_ctzl(pend);
            evtchn_port_t port = w * 64 + b;

            pend &= pend - 1;
            evtchn_clear(port);
            events_seen++;
            if ( event_hook )
                event_hook(port);
        }
    }
}

void events_init(void)
{
    extern char event_callback[], failsafe_callback[];
    struct callback_register cb = {
        .type = CALLBACKTYPE_event,
        .flags = CALLBACKF_mask_events,
        .address = (unsigned long)event_callback,
    };
    long rc;

    rc = hc_callback_op(CALLBACKOP_register, &cb);
    if ( rc )
        guest_fail("callback_op(register event) returned %ld", rc);
    cb.type = CALLBACKTYPE_failsafe;
    cb.address = (unsigned long)failsafe_callback;
    rc = hc_callback_op(CALLBACKOP_register, &cb);
    if ( rc )
        guest_fail("callback_op(register failsafe) returned %ld", rc);
}

void events_enable(void)
{
    vcpu_info_t *v = this_vcpu();

    barrier();
    WRITE_ONCE(v->evtchn_upcall_mask, 0);
    barrier();
    /* Anything that arrived while masked: any hypercall delivers it. */
    if ( READ_ONCE(v->evtchn_upcall_pending) )
        hc_xen_version(XENVER_version, NULL);
}

void events_disable(void)
{
    WRITE_ONCE(this_vcpu()->evtchn_upcall_mask, 1);
    barrier();
}

void evtchn_mask(evtchn_port_t port)
{
    __atomic_fetch_or(&shared_info->evtchn_mask[port / 64], 1UL << (port % 64),
                      __ATOMIC_SEQ_CST);
}

void evtchn_unmask_local(evtchn_port_t port)
{
    __atomic_fetch_and(&shared_info->evtchn_mask[port / 64],
                       ~(1UL << (port % 64)), __ATOMIC_SEQ_CST);
}

bool evtchn_pending(evtchn_port_t port)
{
    return READ_ONCE(shared_info->evtchn_pending[port / 64]) &
           (1UL << (port % 64));
}

void evtchn_clear(evtchn_port_t port)
{
    __atomic_fetch_and(&shared_info->evtchn_pending[port / 64],
                       ~(1UL << (port % 64)), __ATOMIC_SEQ_CST);
}

long evtchn_alloc_unbound(domid_t remote, evtchn_port_t *port)
{
    evtchn_alloc_unbound_t op = { .dom = DOMID_SELF, .remote_dom = remote };
    long rc = hc_event_channel_op(EVTCHNOP_alloc_unbound, &op);

    if ( !rc )
        *port = op.port;
    return rc;
}

long evtchn_bind_interdomain(domid_t remote, evtchn_port_t rport,
                             evtchn_port_t *port)
{
    evtchn_bind_interdomain_t op = {
        .remote_dom = remote,
        .remote_port = rport,
    };
    long rc = hc_event_channel_op(EVTCHNOP_bind_interdomain, &op);

    if ( !rc )
        *port = op.local_port;
    return rc;
}

long evtchn_bind_ipi(unsigned int vcpu, evtchn_port_t *port)
{
    evtchn_bind_ipi_t op = { .vcpu = vcpu };
    long rc = hc_event_channel_op(EVTCHNOP_bind_ipi, &op);

    if ( !rc )
        *port = op.port;
    return rc;
}

long evtchn_bind_virq(unsigned int virq, unsigned int vcpu,
                      evtchn_port_t *port)
{
    evtchn_bind_virq_t op = { .virq = virq, .vcpu = vcpu };
    long rc = hc_event_channel_op(EVTCHNOP_bind_virq, &op);

    if ( !rc )
        *port = op.port;
    return rc;
}

long evtchn_send(evtchn_port_t port)
{
    evtchn_send_t op = { .port = port };

    return hc_event_channel_op(EVTCHNOP_send, &op);
}

long evtchn_close(evtchn_port_t port)
{
    evtchn_close_t op = { .port = port };

    return hc_event_channel_op(EVTCHNOP_close, &op);
}

long evtchn_unmask(evtchn_port_t port)
{
    evtchn_unmask_t op = { .port = port };

    return hc_event_channel_op(EVTCHNOP_unmask, &op);
}

long evtchn_status(evtchn_port_t port, evtchn_status_t *st)
{
    memset(st, 0, sizeof(*st));
    st->dom = DOMID_SELF;
    st->port = port;
    return hc_event_channel_op(EVTCHNOP_status, st);
}

/* System time in ns: vcpu_time_info plus the TSC delta, scaled. */
uint64_t system_time_ns(void)
{
    vcpu_time_info_t *t = &this_vcpu()->time;
    uint32_t version, mul;
    uint64_t stamp, sys, delta;
    int8_t shift;

    do {
        version = READ_ONCE(t->version);
        barrier();
        stamp = t->tsc_timestamp;
        sys = t->system_time;
        mul = t->tsc_to_system_mul;
        shift = t->tsc_shift;
        barrier();
    } while ( (version & 1) || version != READ_ONCE(t->version) );

    delta = rdtsc() - stamp;
    if ( shift < 0 )
        delta >>= -shift;
    else
        delta <<= shift;
    return sys + (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}
