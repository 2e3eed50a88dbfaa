/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * evtchn: event channels end to end. 2-level: bind_ipi, an interdomain
 * loopback (alloc_unbound + bind_interdomain to ourselves), send, the
 * upcall through the CALLBACKTYPE_event callback, per-port masks and the
 * vCPU upcall mask holding events back, EVTCHNOP_unmask re-raising a
 * pending port, status, close and bad arguments. FIFO: init_control,
 * expand_array, set_priority and the same flow through the queues.
 */
#include "guest.h"

GUEST_NAME("evtchn");

extern void (*upcall_hook)(void);

static unsigned int hits[1024];
static evtchn_port_t last_port;

static void record(evtchn_port_t port)
{
    if ( port < ARRAY_SIZE(hits) )
        hits[port]++;
    last_port = port;
}

static void expect_status(evtchn_port_t port, uint32_t status)
{
    evtchn_status_t st;

    CHECK_RC(evtchn_status(port, &st), 0);
    CHECK(st.status == status, "port %u: status %u, expected %u", port,
          st.status, status);
}

/* Port `port` was delivered exactly `n` more times than `before`. */
#define DELIVERED(port, before, n, what)                                \
    CHECK(hits[port] == (before) + (n), "%s: port %u seen %u times, "   \
          "expected %u", what, port, hits[port] - (before), n)

static void two_level(void)
{
    evtchn_port_t ipi, unbound, local;
    evtchn_status_t st;
    unsigned int h;

    CHECK_RC(evtchn_bind_ipi(0, &ipi), 0);
    expect_status(ipi, EVTCHNSTAT_ipi);
    evtchn_mask(ipi);
    evtchn_clear(ipi);
    events_enable();

    /* Masked port: pending, no upcall; unmask hypercall delivers it. */
    h = hits[ipi];
    CHECK_RC(evtchn_send(ipi), 0);
    CHECK(evtchn_pending(ipi), "send did not set the pending bit");
    DELIVERED(ipi, h, 0, "send to a masked port");
    CHECK_RC(evtchn_unmask(ipi), 0);
    DELIVERED(ipi, h, 1, "unmask of a pending port");
    CHECK(!evtchn_pending(ipi), "handler left the port pending");

    /* Unmasked: delivered on the way out of the send hypercall. */
    CHECK_RC(evtchn_send(ipi), 0);
    DELIVERED(ipi, h, 2, "send to an unmasked port");

    /* vCPU upcall mask set: held back until it is cleared. */
    events_disable();
    CHECK_RC(evtchn_send(ipi), 0);
    CHECK(this_vcpu()->evtchn_upcall_pending, "upcall_pending not set");
    DELIVERED(ipi, h, 2, "send with the upcall mask set");
    events_enable();
    DELIVERED(ipi, h, 3, "clearing the upcall mask");

    /* Interdomain loopback: both ends belong to us (dom0 is domain 0). */
    CHECK_RC(evtchn_alloc_unbound(0, &unbound), 0);
    expect_status(unbound, EVTCHNSTAT_unbound);
    CHECK_RC(evtchn_bind_interdomain(DOMID_SELF, unbound, &local), 0);
    CHECK(local != unbound && local != ipi, "bind_interdomain gave port %u",
          local);
    CHECK_RC(evtchn_status(local, &st), 0);
    CHECK(st.status == EVTCHNSTAT_interdomain &&
              st.u.interdomain.port == unbound,
          "local end: status %u peer port %u", st.status,
          st.u.interdomain.port);
    CHECK_RC(evtchn_status(unbound, &st), 0);
    CHECK(st.status == EVTCHNSTAT_interdomain &&
              st.u.interdomain.port == local,
          "remote end: status %u peer port %u", st.status,
          st.u.interdomain.port);
    evtchn_unmask_local(unbound);
    evtchn_unmask_local(local);
    h = hits[unbound];
    CHECK_RC(evtchn_send(local), 0);
    DELIVERED(unbound, h, 1, "send on the local end");
    h = hits[local];
    CHECK_RC(evtchn_send(unbound), 0);
    DELIVERED(local, h, 1, "send on the remote end");

    /* Closing one end leaves the other unbound. */
    CHECK_RC(evtchn_close(local), 0);
    expect_status(local, EVTCHNSTAT_closed);
    expect_status(unbound, EVTCHNSTAT_unbound);
    CHECK_RC(evtchn_close(unbound), 0);
    CHECK_RC(evtchn_close(ipi), 0);
    expect_status(ipi, EVTCHNSTAT_closed);

    /* Bad arguments. */
    CHECK(evtchn_send(ipi) < 0, "send on a closed port succeeded");
    CHECK(evtchn_close(ipi) < 0, "closing a closed port succeeded");
    CHECK(evtchn_bind_ipi(200, &local) < 0, "bind_ipi to vCPU 200 worked");
    CHECK(evtchn_bind_virq(NR_VIRQS, 0, &local) < 0,
          "bind_virq(NR_VIRQS) worked");
    CHECK(evtchn_status(1u << 30, &st) < 0, "status of port 2^30 worked");
    CHECK_RC(hc_event_channel_op(EVTCHNOP_send, (void *)8), -XEN_EFAULT);
    CHECK_RC(hc_event_channel_op(1000, &st), -XEN_ENOSYS);
    events_disable();
}

/* ---- FIFO ---- */
static evtchn_fifo_control_block_t *cb;
static event_word_t *words;
static uint32_t local_head[EVTCHN_FIFO_MAX_QUEUES];
static uint32_t queues_seen;

static void fifo_consume(unsigned int q, uint32_t *ready)
{
    uint32_t head = local_head[q], port, w, link;

    if ( !head )
        head = READ_ONCE(cb->head[q]);
    port = head;
    /* Take the port off the queue: clear LINKED, read LINK. */
    w = READ_ONCE(words[port]);
    for ( ;; )
    {
        uint32_t nw = w & ~((1u << EVTCHN_FIFO_LINKED) |
                            EVTCHN_FIFO_LINK_MASK);

        if ( __atomic_compare_exchange_n(&words[port], &w, nw, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) )
            break;
    }
    link = w & EVTCHN_FIFO_LINK_MASK;
    if ( !link )
        *ready &= ~(1u << q);
    local_head[q] = link;
    if ( (w & (1u << EVTCHN_FIFO_PENDING)) &&
         !(w & (1u << EVTCHN_FIFO_MASKED)) )
    {
        __atomic_fetch_and(&words[port], ~(1u << EVTCHN_FIFO_PENDING),
                           __ATOMIC_SEQ_CST);
        queues_seen |= 1u << q;
        record(port);
    }
}

static void fifo_upcall(void)
{
    uint32_t ready;

    WRITE_ONCE(this_vcpu()->evtchn_upcall_pending, 0);
    ready = __atomic_exchange_n(&cb->ready, 0, __ATOMIC_SEQ_CST);
    while ( ready )
    {
        fifo_consume(__builtin_ctz(ready), &ready);
        ready |= __atomic_exchange_n(&cb->ready, 0, __ATOMIC_SEQ_CST);
    }
}

static void fifo(void)
{
    evtchn_init_control_t init = { .offset = 0, .vcpu = 0 };
    evtchn_expand_array_t expand;
    struct evtchn_set_priority prio;
    evtchn_port_t p;
    unsigned int h;

    cb = alloc_page();
    words = alloc_page();
    /* PV guests name frames by MFN. */
    init.control_gfn = virt_to_mfn(cb);
    CHECK_RC(hc_event_channel_op(EVTCHNOP_init_control, &init), 0);
    CHECK(init.link_bits == EVTCHN_FIFO_LINK_BITS, "link_bits %u",
          init.link_bits);
    upcall_hook = fifo_upcall;
    CHECK(hc_event_channel_op(EVTCHNOP_init_control, &init) < 0,
          "second init_control for vCPU 0 succeeded");
    expand.array_gfn = virt_to_mfn(words);
    CHECK_RC(hc_event_channel_op(EVTCHNOP_expand_array, &expand), 0);

    CHECK_RC(evtchn_bind_ipi(0, &p), 0);
    CHECK(p < 1024, "port %u beyond the first event array page", p);
    __atomic_fetch_or(&words[p], 1u << EVTCHN_FIFO_MASKED, __ATOMIC_SEQ_CST);
    events_enable();

    h = hits[p];
    CHECK_RC(evtchn_send(p), 0);
    CHECK(READ_ONCE(words[p]) & (1u << EVTCHN_FIFO_PENDING),
          "send did not set PENDING in the event word (%#x)", words[p]);
    DELIVERED(p, h, 0, "FIFO send to a masked port");
    CHECK_RC(evtchn_unmask(p), 0);
    DELIVERED(p, h, 1, "FIFO unmask of a pending port");
    CHECK(queues_seen == 1u << EVTCHN_FIFO_PRIORITY_DEFAULT,
          "delivered on queues %#x, expected the default priority",
          queues_seen);
    CHECK_RC(evtchn_send(p), 0);
    DELIVERED(p, h, 2, "FIFO send to an unmasked port");

    prio.port = p;
    prio.priority = 3;
    CHECK_RC(hc_event_channel_op(EVTCHNOP_set_priority, &prio), 0);
    queues_seen = 0;
    CHECK_RC(evtchn_send(p), 0);
    DELIVERED(p, h, 3, "FIFO send after set_priority");
    CHECK(queues_seen == 1u << 3, "delivered on queues %#x, expected 1<<3",
          queues_seen);
    prio.priority = EVTCHN_FIFO_PRIORITY_MIN + 1;
    CHECK(hc_event_channel_op(EVTCHNOP_set_priority, &prio) < 0,
          "priority %u accepted", prio.priority);

    /*
     * Two ports on one queue: A then B are linked (A the head, B the
     * tail) and consumed; then B alone is raised again.  B is still the
     * queue's tail, but the queue is empty: it must be delivered.
     */
    {
        evtchn_port_t a, b;
        unsigned int ha, hb;

        CHECK_RC(evtchn_bind_ipi(0, &a), 0);
        CHECK_RC(evtchn_bind_ipi(0, &b), 0);
        ha = hits[a];
        hb = hits[b];
        events_disable();
        CHECK_RC(evtchn_send(a), 0);
        CHECK_RC(evtchn_send(b), 0);
        events_enable();
        DELIVERED(a, ha, 1, "FIFO first of two queued ports");
        DELIVERED(b, hb, 1, "FIFO second of two queued ports");
        CHECK_RC(evtchn_send(b), 0);
        DELIVERED(b, hb, 2, "FIFO port raised again after its queue emptied");
        CHECK_RC(evtchn_send(a), 0);
        DELIVERED(a, ha, 2, "FIFO other port raised after that");
        CHECK_RC(evtchn_close(a), 0);
        CHECK_RC(evtchn_close(b), 0);
    }

    CHECK_RC(evtchn_close(p), 0);
    expect_status(p, EVTCHNSTAT_closed);
    events_disable();
}

void guest_main(void)
{
    events_init();
    event_hook = record;
    two_level();
    fifo();
}
