/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenevtchn: event channels for dom0 user space through Linux's
 * /dev/xen/evtchn, shaped like Xen's library of that name (no logger
 * argument).  Calls that fail return -1 (or NULL) with errno set.
 */
#ifndef XENEVTCHN_H
#define XENEVTCHN_H

#include <stdint.h>

#define XENEVTCHN_DEVICE "/dev/xen/evtchn"

typedef uint32_t evtchn_port_t;
/* A port, or -1 with errno. */
typedef int xenevtchn_port_or_error_t;

typedef struct xenevtchn_handle xenevtchn_handle;

/*
 * Opens the device (XENEVTCHN_DEVICE in the environment names another
 * path, for tests).  Ports bound through a handle are unbound when it
 * is closed.
 */
xenevtchn_handle *xenevtchn_open(void);
int xenevtchn_close(xenevtchn_handle *xce);

/* The descriptor to poll(): readable while a port is pending. */
int xenevtchn_fd(xenevtchn_handle *xce);

/* A new port that domid may bind to. */
xenevtchn_port_or_error_t xenevtchn_bind_unbound_port(xenevtchn_handle *xce,
                                                      uint32_t domid);
/* A local port connected to domid's unbound remote_port. */
xenevtchn_port_or_error_t xenevtchn_bind_interdomain(xenevtchn_handle *xce,
                                                     uint32_t domid,
                                                     evtchn_port_t remote_port);
/* A local port for virtual IRQ virq (VIRQ_*) of vCPU 0. */
xenevtchn_port_or_error_t xenevtchn_bind_virq(xenevtchn_handle *xce,
                                              unsigned int virq);
int xenevtchn_unbind(xenevtchn_handle *xce, evtchn_port_t port);

/* Raises the event on the other end of a bound local port. */
int xenevtchn_notify(xenevtchn_handle *xce, evtchn_port_t port);

/*
 * The next pending port; it stays masked until xenevtchn_unmask().
 * Blocks unless the descriptor is non-blocking (then EAGAIN).
 */
xenevtchn_port_or_error_t xenevtchn_pending(xenevtchn_handle *xce);
int xenevtchn_unmask(xenevtchn_handle *xce, evtchn_port_t port);

/* Forgets ports queued as pending and clears a queue overflow. */
int xenevtchn_reset(xenevtchn_handle *xce);

#endif /* XENEVTCHN_H */
