/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels: allocating and binding ports (inter-domain, VIRQ, IPI),
 * sending, closing, status, and delivery to the vCPU.  How pending and
 * mask state is kept is the ABI's business (event_2l.c, event_fifo.c).
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/event_port.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/irq.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/xmalloc.h>
#include <public/event_channel.h>
#include <asm/guest-abi.h>

#define MAX_BUCKETS (EVTCHN_FIFO_NR_CHANNELS / EVTCHNS_PER_BUCKET)

bool port_is_valid(const struct domain *d, unsigned int port)
{
    return port < d->valid_evtchns;
}

struct evtchn *evtchn_from_port(const struct domain *d, unsigned int port)
{
    return &d->evtchn_buckets[port / EVTCHNS_PER_BUCKET]
                             [port % EVTCHNS_PER_BUCKET];
}

int evtchn_init(struct domain *d)
{
    d->evtchn_buckets = xzalloc_array(struct evtchn *, MAX_BUCKETS);
    if ( !d->evtchn_buckets )
        return -ENOMEM;
    d->evtchn_buckets[0] = xzalloc_array(struct evtchn, EVTCHNS_PER_BUCKET);
    if ( !d->evtchn_buckets[0] )
        return -ENOMEM;
    d->valid_evtchns = EVTCHNS_PER_BUCKET;
    d->max_evtchns = NR_2L_EVTCHNS;
    d->evtchn_port_ops = &evtchn_port_ops_2l;
    /* Port 0 is never handed out. */
    evtchn_from_port(d, 0)->state = ECS_RESERVED;
    return 0;
}

/* A free port, growing the table a bucket at a time.  event_lock held. */
static int get_free_port(struct domain *d)
{
    unsigned int port;

    for ( port = 1; port < d->max_evtchns; port++ )
    {
        if ( port >= d->valid_evtchns )
        {
            struct evtchn *b = xzalloc_array(struct evtchn,
                                             EVTCHNS_PER_BUCKET);

            if ( !b )
                return -ENOMEM;
            d->evtchn_buckets[port / EVTCHNS_PER_BUCKET] = b;
            d->valid_evtchns += EVTCHNS_PER_BUCKET;
        }
        if ( evtchn_from_port(d, port)->state == ECS_FREE )
        {
            struct evtchn *chn = evtchn_from_port(d, port);

            memset(chn, 0, sizeof(*chn));
            chn->priority = EVTCHN_FIFO_PRIORITY_DEFAULT;
            return port;
        }
    }
    return -ENOSPC;
}

/* ---- delivery ---- */

/* Wake v if it is blocked, or make its pCPU look at it again. */
void vcpu_kick(struct vcpu *v)
{
    if ( v->pause_flags & VPF_blocked )
        vcpu_clear_pause_flag(v, VPF_blocked);
    else if ( v->is_running && v->processor != smp_processor_id() )
        smp_send_event_check_cpu(v->processor);
}

void vcpu_mark_events_pending(struct vcpu *v)
{
    if ( !v->vcpu_info )
        return;
    if ( __atomic_exchange_n(&v->vcpu_info->evtchn_upcall_pending, 1,
                             __ATOMIC_SEQ_CST) )
        return;
    arch_evtchn_inject(v);
    vcpu_kick(v);
}

bool evtchn_poll_pending(struct vcpu *v)
{
    const struct domain *d = v->domain;
    unsigned int i;

    for ( i = 0; i < v->poll_nr; i++ )
        if ( port_is_valid(d, v->poll_ports[i]) &&
             d->evtchn_port_ops->is_pending(d, v->poll_ports[i]) )
            return true;
    return false;
}

/* Mark a port pending and notify its vCPU; wakes a poller of the port. */
static void evtchn_set_pending(struct domain *d, unsigned int port)
{
    struct evtchn *chn = evtchn_from_port(d, port);
    struct vcpu *v = d->vcpu[chn->notify_vcpu];

    if ( !v )
        return;
    d->evtchn_port_ops->set_pending(v, port);
    if ( (v->pause_flags & VPF_polling) && evtchn_poll_pending(v) )
    {
        stop_timer(&v->poll_timer);
        vcpu_clear_pause_flag(v, VPF_polling);
    }
}

void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq)
{
    struct domain *d = v->domain;
    unsigned long flags;
    unsigned int port;

    spin_lock_irqsave(&d->event_lock, flags);
    port = virq < NR_VIRQS ? v->virq_to_evtchn[virq] : 0;
    if ( port )
        evtchn_set_pending(d, port);
    spin_unlock_irqrestore(&d->event_lock, flags);
}

void send_guest_global_virq(struct domain *d, unsigned int virq)
{
    if ( d && d->vcpu && d->vcpu[0] )
        send_guest_vcpu_virq(d->vcpu[0], virq);
}

/* ---- operations ---- */

static bool virq_is_global(unsigned int virq)
{
    return !(virq == VIRQ_TIMER || virq == VIRQ_DEBUG ||
             virq == VIRQ_XENOPROF || virq == VIRQ_XENPMU);
}

static struct domain *target_domain(domid_t dom)
{
    struct domain *cur = current->domain;

    if ( dom == DOMID_SELF || dom == cur->domain_id )
        return cur;
    if ( !cur->is_privileged )
        return NULL;
    return rcu_lock_domain_by_id(dom);
}

static long alloc_unbound(struct evtchn_alloc_unbound *a)
{
    struct domain *d = target_domain(a->dom);
    int port;

    /* Privileged callers reach every domain: NULL means there is none. */
    if ( !d )
        return current->domain->is_privileged ? -ESRCH : -EPERM;
    spin_lock_irq(&d->event_lock);
    port = get_free_port(d);
    if ( port >= 0 )
    {
        struct evtchn *chn = evtchn_from_port(d, port);

        chn->state = ECS_UNBOUND;
        chn->u.unbound.remote_dom = a->remote_dom == DOMID_SELF
                                    ? current->domain->domain_id
                                    : a->remote_dom;
        a->port = port;
    }
    spin_unlock_irq(&d->event_lock);
    return port < 0 ? port : 0;
}

static void double_lock(struct domain *a, struct domain *b)
{
    if ( a == b )
        spin_lock_irq(&a->event_lock);
    else if ( a < b )
    {
        spin_lock_irq(&a->event_lock);
        spin_lock(&b->event_lock);
    }
    else
    {
        spin_lock_irq(&b->event_lock);
        spin_lock(&a->event_lock);
    }
}

static void double_unlock(struct domain *a, struct domain *b)
{
    if ( a != b )
        spin_unlock(&(a < b ? b : a)->event_lock);
    spin_unlock_irq(&(a < b ? a : b)->event_lock);
}

static long bind_interdomain(struct evtchn_bind_interdomain *b)
{
    struct domain *ld = current->domain;
    struct domain *rd = b->remote_dom == DOMID_SELF
                        ? ld : rcu_lock_domain_by_id(b->remote_dom);
    struct evtchn *lchn, *rchn;
    int lport;
    long rc = 0;

    if ( !rd )
        return -ESRCH;
    double_lock(ld, rd);
    if ( !port_is_valid(rd, b->remote_port) )
    {
        rc = -EINVAL;
        goto out;
    }
    rchn = evtchn_from_port(rd, b->remote_port);
    if ( rchn->state != ECS_UNBOUND ||
         rchn->u.unbound.remote_dom != ld->domain_id )
    {
        rc = -EINVAL;
        goto out;
    }
    lport = get_free_port(ld);
    if ( lport < 0 )
    {
        rc = lport;
        goto out;
    }
    /* get_free_port may have grown ld's table: look rchn up again. */
    rchn = evtchn_from_port(rd, b->remote_port);
    lchn = evtchn_from_port(ld, lport);
    lchn->state = ECS_INTERDOMAIN;
    lchn->u.interdomain.remote_dom = rd;
    lchn->u.interdomain.remote_port = b->remote_port;
    rchn->state = ECS_INTERDOMAIN;
    rchn->u.interdomain.remote_dom = ld;
    rchn->u.interdomain.remote_port = lport;
    b->local_port = lport;
    /* The remote end may have been signalled while unbound: resend. */
    evtchn_set_pending(ld, lport);
 out:
    double_unlock(ld, rd);
    return rc;
}

static long bind_virq(struct evtchn_bind_virq *b)
{
    struct domain *d = current->domain;
    struct vcpu *v;
    int port;

    if ( b->virq >= NR_VIRQS )
        return -EINVAL;
    if ( virq_is_global(b->virq) && b->vcpu != 0 )
        return -EINVAL;
    if ( b->vcpu >= d->max_vcpus || !(v = d->vcpu[b->vcpu]) )
        return -ENOENT;
    spin_lock_irq(&d->event_lock);
    if ( v->virq_to_evtchn[b->virq] )
    {
        spin_unlock_irq(&d->event_lock);
        return -EEXIST;
    }
    port = get_free_port(d);
    if ( port >= 0 )
    {
        struct evtchn *chn = evtchn_from_port(d, port);

        chn->state = ECS_VIRQ;
        chn->notify_vcpu = b->vcpu;
        chn->u.virq = b->virq;
        v->virq_to_evtchn[b->virq] = port;
        b->port = port;
    }
    spin_unlock_irq(&d->event_lock);
    return port < 0 ? port : 0;
}

void send_guest_pirq(struct domain *d, unsigned int pirq)
{
    unsigned long flags;
    unsigned int port;

    spin_lock_irqsave(&d->event_lock, flags);
    port = d->pirq_to_evtchn && pirq < NR_DOMAIN_PIRQS
           ? d->pirq_to_evtchn[pirq] : 0;
    if ( port )
        evtchn_set_pending(d, port);
    spin_unlock_irqrestore(&d->event_lock, flags);
}

static long bind_pirq(struct evtchn_bind_pirq *b)
{
    struct domain *d = current->domain;
    int port;

    if ( b->pirq >= NR_DOMAIN_PIRQS || !pirq_mapped(d, b->pirq) )
        return -EINVAL;
    spin_lock_irq(&d->event_lock);
    if ( !d->pirq_to_evtchn )
        d->pirq_to_evtchn = xzalloc_array(unsigned int, NR_DOMAIN_PIRQS);
    if ( !d->pirq_to_evtchn )
    {
        spin_unlock_irq(&d->event_lock);
        return -ENOMEM;
    }
    if ( d->pirq_to_evtchn[b->pirq] )
    {
        spin_unlock_irq(&d->event_lock);
        return -EEXIST;
    }
    port = get_free_port(d);
    if ( port >= 0 )
    {
        struct evtchn *chn = evtchn_from_port(d, port);

        chn->state = ECS_PIRQ;
        chn->u.pirq = b->pirq;
        d->pirq_to_evtchn[b->pirq] = port;
        b->port = port;
    }
    spin_unlock_irq(&d->event_lock);
    if ( port >= 0 )
        pirq_set_bound(d, b->pirq, true);
    return port < 0 ? port : 0;
}

static long bind_ipi(struct evtchn_bind_ipi *b)
{
    struct domain *d = current->domain;
    int port;

    if ( b->vcpu >= d->max_vcpus || !d->vcpu[b->vcpu] )
        return -ENOENT;
    spin_lock_irq(&d->event_lock);
    port = get_free_port(d);
    if ( port >= 0 )
    {
        struct evtchn *chn = evtchn_from_port(d, port);

        chn->state = ECS_IPI;
        chn->notify_vcpu = b->vcpu;
        b->port = port;
    }
    spin_unlock_irq(&d->event_lock);
    return port < 0 ? port : 0;
}

/* Close one port of d1; event_lock of d1 held (and of a peer as needed). */
static long close_port(struct domain *d1, unsigned int port)
{
    struct evtchn *chn;
    long rc = 0;

    spin_lock_irq(&d1->event_lock);
    if ( !port_is_valid(d1, port) )
    {
        spin_unlock_irq(&d1->event_lock);
        return -EINVAL;
    }
    chn = evtchn_from_port(d1, port);
    switch ( chn->state )
    {
    case ECS_FREE:
    case ECS_RESERVED:
        rc = -EINVAL;
        break;
    case ECS_VIRQ:
    {
        struct vcpu *v = d1->vcpu[chn->notify_vcpu];

        if ( v && v->virq_to_evtchn[chn->u.virq] == port )
            v->virq_to_evtchn[chn->u.virq] = 0;
        break;
    }
    case ECS_PIRQ:
        if ( d1->pirq_to_evtchn && chn->u.pirq < NR_DOMAIN_PIRQS &&
             d1->pirq_to_evtchn[chn->u.pirq] == port )
        {
            d1->pirq_to_evtchn[chn->u.pirq] = 0;
            pirq_set_bound(d1, chn->u.pirq, false);
        }
        break;
    case ECS_INTERDOMAIN:
    {
        struct domain *d2 = chn->u.interdomain.remote_dom;
        unsigned int rport = chn->u.interdomain.remote_port;

        if ( d2 != d1 )
        {
            /* Lock order: take both in address order, then re-check. */
            spin_unlock_irq(&d1->event_lock);
            double_lock(d1, d2);
            chn = evtchn_from_port(d1, port);
            if ( chn->state != ECS_INTERDOMAIN ||
                 chn->u.interdomain.remote_dom != d2 )
            {
                double_unlock(d1, d2);
                return close_port(d1, port);
            }
        }
        {
            struct evtchn *rchn = evtchn_from_port(d2, rport);

            rchn->state = ECS_UNBOUND;
            rchn->u.unbound.remote_dom = d1->domain_id;
        }
        d1->evtchn_port_ops->clear_pending(d1, port);
        chn->state = ECS_FREE;
        if ( d2 != d1 )
        {
            double_unlock(d1, d2);
            return 0;
        }
        break;
    }
    default:
        break;
    }
    if ( !rc )
    {
        d1->evtchn_port_ops->clear_pending(d1, port);
        chn->state = ECS_FREE;
    }
    spin_unlock_irq(&d1->event_lock);
    return rc;
}

static long evtchn_send(unsigned int port)
{
    struct domain *ld = current->domain;
    struct evtchn *chn;
    long rc = 0;

    spin_lock_irq(&ld->event_lock);
    if ( !port_is_valid(ld, port) )
    {
        spin_unlock_irq(&ld->event_lock);
        return -EINVAL;
    }
    chn = evtchn_from_port(ld, port);
    switch ( chn->state )
    {
    case ECS_INTERDOMAIN:
    {
        struct domain *rd = chn->u.interdomain.remote_dom;
        unsigned int rport = chn->u.interdomain.remote_port;

        if ( rd == ld )
            evtchn_set_pending(ld, rport);
        else
        {
            spin_unlock_irq(&ld->event_lock);
            spin_lock_irq(&rd->event_lock);
            if ( port_is_valid(rd, rport) &&
                 evtchn_from_port(rd, rport)->state == ECS_INTERDOMAIN )
                evtchn_set_pending(rd, rport);
            spin_unlock_irq(&rd->event_lock);
            return 0;
        }
        break;
    }
    case ECS_IPI:
        evtchn_set_pending(ld, port);
        break;
    case ECS_UNBOUND:
        break;                      /* nobody listening yet */
    default:
        rc = -EINVAL;
        break;
    }
    spin_unlock_irq(&ld->event_lock);
    return rc;
}

static long evtchn_status(struct evtchn_status *s)
{
    struct domain *d = target_domain(s->dom);
    struct evtchn *chn;
    long rc = 0;

    if ( !d )
        return -ESRCH;
    spin_lock_irq(&d->event_lock);
    if ( !port_is_valid(d, s->port) )
    {
        spin_unlock_irq(&d->event_lock);
        return -EINVAL;
    }
    chn = evtchn_from_port(d, s->port);
    memset(&s->u, 0, sizeof(s->u));
    switch ( chn->state )
    {
    case ECS_FREE:
    case ECS_RESERVED:
        s->status = EVTCHNSTAT_closed;
        break;
    case ECS_UNBOUND:
        s->status = EVTCHNSTAT_unbound;
        s->u.unbound.dom = chn->u.unbound.remote_dom;
        break;
    case ECS_INTERDOMAIN:
        s->status = EVTCHNSTAT_interdomain;
        s->u.interdomain.dom = chn->u.interdomain.remote_dom->domain_id;
        s->u.interdomain.port = chn->u.interdomain.remote_port;
        break;
    case ECS_PIRQ:
        s->status = EVTCHNSTAT_pirq;
        s->u.pirq = chn->u.pirq;
        break;
    case ECS_VIRQ:
        s->status = EVTCHNSTAT_virq;
        s->u.virq = chn->u.virq;
        break;
    case ECS_IPI:
        s->status = EVTCHNSTAT_ipi;
        break;
    default:
        rc = -EINVAL;
    }
    s->vcpu = chn->notify_vcpu;
    spin_unlock_irq(&d->event_lock);
    return rc;
}

static long bind_vcpu(const struct evtchn_bind_vcpu *b)
{
    struct domain *d = current->domain;
    struct evtchn *chn;
    long rc = 0;

    if ( b->vcpu >= d->max_vcpus || !d->vcpu[b->vcpu] )
        return -ENOENT;
    spin_lock_irq(&d->event_lock);
    if ( !port_is_valid(d, b->port) )
    {
        spin_unlock_irq(&d->event_lock);
        return -EINVAL;
    }
    chn = evtchn_from_port(d, b->port);
    switch ( chn->state )
    {
    case ECS_VIRQ:
        if ( !virq_is_global(chn->u.virq) )
        {
            rc = -EINVAL;
            break;
        }
        /* fall through */
    case ECS_UNBOUND:
    case ECS_INTERDOMAIN:
    case ECS_PIRQ:
        chn->notify_vcpu = b->vcpu;
        break;
    default:
        rc = -EINVAL;
    }
    spin_unlock_irq(&d->event_lock);
    return rc;
}

static long evtchn_unmask(unsigned int port)
{
    struct domain *d = current->domain;

    if ( !port_is_valid(d, port) )
        return -EINVAL;
    spin_lock_irq(&d->event_lock);
    d->evtchn_port_ops->unmask(d, port);
    spin_unlock_irq(&d->event_lock);
    return 0;
}

static long evtchn_reset(domid_t dom)
{
    struct domain *d = target_domain(dom);
    unsigned int port;

    if ( !d )
        return -ESRCH;
    for ( port = 1; port < d->valid_evtchns; port++ )
        if ( evtchn_from_port(d, port)->state > ECS_RESERVED )
            close_port(d, port);
    evtchn_fifo_destroy(d);
    return 0;
}

#define EVTCHN_OP(type, fn, writeback)                                   \
    {                                                                    \
        struct type op;                                                  \
        long rc;                                                         \
                                                                         \
        if ( copy_from_guest(&op, arg) )                                 \
            return -EFAULT;                                              \
        rc = fn;                                                         \
        if ( (writeback) && !rc && copy_to_guest(arg, &op) )             \
            rc = -EFAULT;                                                \
        return rc;                                                       \
    }

long do_event_channel_op(int cmd, unsigned long arg)
{
    switch ( cmd )
    {
    case EVTCHNOP_alloc_unbound:
        EVTCHN_OP(evtchn_alloc_unbound, alloc_unbound(&op), true)
    case EVTCHNOP_bind_interdomain:
        EVTCHN_OP(evtchn_bind_interdomain, bind_interdomain(&op), true)
    case EVTCHNOP_bind_virq:
        EVTCHN_OP(evtchn_bind_virq, bind_virq(&op), true)
    case EVTCHNOP_bind_ipi:
        EVTCHN_OP(evtchn_bind_ipi, bind_ipi(&op), true)
    case EVTCHNOP_bind_pirq:
        EVTCHN_OP(evtchn_bind_pirq, bind_pirq(&op), true)
    case EVTCHNOP_close:
        EVTCHN_OP(evtchn_close, close_port(current->domain, op.port), false)
    case EVTCHNOP_send:
        EVTCHN_OP(evtchn_send, evtchn_send(op.port), false)
    case EVTCHNOP_status:
        EVTCHN_OP(evtchn_status, evtchn_status(&op), true)
    case EVTCHNOP_bind_vcpu:
        EVTCHN_OP(evtchn_bind_vcpu, bind_vcpu(&op), false)
    case EVTCHNOP_unmask:
        EVTCHN_OP(evtchn_unmask, evtchn_unmask(op.port), false)
    case EVTCHNOP_reset:
        EVTCHN_OP(evtchn_reset, evtchn_reset(op.dom), false)
    case EVTCHNOP_init_control:
        EVTCHN_OP(evtchn_init_control, evtchn_fifo_init_control(&op), true)
    case EVTCHNOP_expand_array:
        EVTCHN_OP(evtchn_expand_array, evtchn_fifo_expand_array(&op), false)
    case EVTCHNOP_set_priority:
        EVTCHN_OP(evtchn_set_priority, evtchn_fifo_set_priority(&op), false)
    }
    return -ENOSYS;
}
