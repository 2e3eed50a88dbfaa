/* SPDX-License-Identifier: GPL-2.0-only */
/* Event channel ports and the per-ABI (2-level, FIFO) port operations. */
#ifndef XEN_EVENT_PORT_H
#define XEN_EVENT_PORT_H

#include <xen/sched.h>
#include <public/event_channel.h>

#define ECS_FREE        0
#define ECS_RESERVED    1
#define ECS_UNBOUND     2
#define ECS_INTERDOMAIN 3
#define ECS_PIRQ        4
#define ECS_VIRQ        5
#define ECS_IPI         6

#define EVTCHNS_PER_BUCKET 128
#define NR_2L_EVTCHNS      4096

struct evtchn {
    uint8_t state;
    uint8_t priority;               /* FIFO queue */
    uint16_t notify_vcpu;
    union {
        struct { domid_t remote_dom; } unbound;
        struct { struct domain *remote_dom; uint32_t remote_port; } interdomain;
        uint32_t virq;
        uint32_t pirq;
    } u;
    uint32_t fifo_lastq;            /* queue it was last linked on */
};

struct evtchn_port_ops {
    void (*set_pending)(struct vcpu *v, unsigned int port);
    void (*clear_pending)(struct domain *d, unsigned int port);
    void (*unmask)(struct domain *d, unsigned int port);
    bool (*is_pending)(const struct domain *d, unsigned int port);
    bool (*is_masked)(const struct domain *d, unsigned int port);
};

extern const struct evtchn_port_ops evtchn_port_ops_2l;
extern const struct evtchn_port_ops evtchn_port_ops_fifo;

struct evtchn *evtchn_from_port(const struct domain *d, unsigned int port);
bool port_is_valid(const struct domain *d, unsigned int port);

/* FIFO ABI (event_fifo.c). */
long evtchn_fifo_init_control(struct evtchn_init_control *ic);
long evtchn_fifo_expand_array(const struct evtchn_expand_array *ea);
long evtchn_fifo_set_priority(const struct evtchn_set_priority *sp);
void evtchn_fifo_destroy(struct domain *d);

#endif /* XEN_EVENT_PORT_H */
