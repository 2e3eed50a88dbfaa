/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The daemon's process side: transports it listens on and its loop.
 */
#ifndef XENSTORED_DAEMON_H
#define XENSTORED_DAEMON_H

#define XENSTORED_SOCKET "/run/xenstored/socket"

int socket_listen(const char *path);
void socket_accept(int lfd);

/* evtchn.c: event channels through /dev/xen/evtchn. */
int evtchn_open(void);
int evtchn_fd(void);
void evtchn_close(void);
int evtchn_bind_interdomain(unsigned int domid, unsigned int remote_port);
void evtchn_unbind(unsigned int port);
void evtchn_notify(unsigned int port);
unsigned int evtchn_pending(unsigned int *ports, unsigned int max);

/* ring.c: a domain's xenstore ring as a connection. */
struct conn *ring_connect(unsigned int domid, bool privileged,
                          struct xenstore_domain_interface *intf,
                          unsigned int port,
                          void (*unmap)(struct xenstore_domain_interface *));
void ring_events(void);

/* dom0.c: dom0's kernel through /proc/xen/xsd_kva and xsd_port. */
bool dom0_available(void);
int dom0_connect(void);

#endif /* XENSTORED_DAEMON_H */
