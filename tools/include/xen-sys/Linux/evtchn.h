/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux's /dev/xen/evtchn interface (its include/uapi/xen/evtchn.h),
 * written down once for the tools that open the device.  A read()
 * returns pending ports (uint32_t each, masked on delivery); a write()
 * of ports unmasks them.
 */
#ifndef XEN_SYS_LINUX_EVTCHN_H
#define XEN_SYS_LINUX_EVTCHN_H

#include <stdint.h>
#include <sys/ioctl.h>

/* Bind a virtual IRQ on vCPU 0; returns the local port. */
struct ioctl_evtchn_bind_virq {
    uint32_t virq;
};

/* Bind a remote domain's unbound port; returns the local port. */
struct ioctl_evtchn_bind_interdomain {
    uint32_t remote_domain;
    uint32_t remote_port;
};

/* A new unbound port that remote_domain may bind; returns it. */
struct ioctl_evtchn_bind_unbound_port {
    uint32_t remote_domain;
};

/* UNBIND and NOTIFY name one local port. */
struct ioctl_evtchn_port {
    uint32_t port;
};

#define IOCTL_EVTCHN_BIND_VIRQ \
    _IOC(_IOC_NONE, 'E', 0, sizeof(struct ioctl_evtchn_bind_virq))
#define IOCTL_EVTCHN_BIND_INTERDOMAIN \
    _IOC(_IOC_NONE, 'E', 1, sizeof(struct ioctl_evtchn_bind_interdomain))
#define IOCTL_EVTCHN_BIND_UNBOUND_PORT \
    _IOC(_IOC_NONE, 'E', 2, sizeof(struct ioctl_evtchn_bind_unbound_port))
#define IOCTL_EVTCHN_UNBIND \
    _IOC(_IOC_NONE, 'E', 3, sizeof(struct ioctl_evtchn_port))
#define IOCTL_EVTCHN_NOTIFY \
    _IOC(_IOC_NONE, 'E', 4, sizeof(struct ioctl_evtchn_port))
/* Empties the fd's queue of pending ports and clears its overflow. */
#define IOCTL_EVTCHN_RESET _IOC(_IOC_NONE, 'E', 5, 0)

#endif /* XEN_SYS_LINUX_EVTCHN_H */
