/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels of the daemon through Linux's /dev/xen/evtchn: bind a
 * domain's port, notify it, and collect the ports that fired.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <xen-sys/Linux/evtchn.h>

#include "xenstored.h"
#include "daemon.h"

#define EVTCHN_DEVICE "/dev/xen/evtchn"

static int evfd = -1;

int evtchn_open(void)
{
    if ( evfd < 0 )
        evfd = open(EVTCHN_DEVICE, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if ( evfd < 0 )
        fprintf(stderr, "xenstored: cannot open %s: %s\n", EVTCHN_DEVICE,
                strerror(errno));
    return evfd;
}

int evtchn_fd(void)
{
    return evfd;
}

void evtchn_close(void)
{
    if ( evfd >= 0 )
        close(evfd);
    evfd = -1;
}

int evtchn_bind_interdomain(unsigned int domid, unsigned int remote_port)
{
    struct ioctl_evtchn_bind_interdomain b = {
        .remote_domain = domid,
        .remote_port = remote_port,
    };

    /* The driver returns the local port. */
    return ioctl(evfd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
}

void evtchn_unbind(unsigned int port)
{
    struct ioctl_evtchn_port p = { .port = port };

    if ( evfd >= 0 )
        ioctl(evfd, IOCTL_EVTCHN_UNBIND, &p);
}

void evtchn_notify(unsigned int port)
{
    struct ioctl_evtchn_port p = { .port = port };

    if ( evfd >= 0 && ioctl(evfd, IOCTL_EVTCHN_NOTIFY, &p) < 0 )
        trace("evtchn: notify of port %u failed: %s\n", port, strerror(errno));
}

/*
 * Ports that fired since the last call (up to max).  The driver masks a
 * port when it fires; writing it back unmasks it.
 */
unsigned int evtchn_pending(unsigned int *ports, unsigned int max)
{
    uint32_t buf[64];
    ssize_t r;
    unsigned int i, n = 0;

    if ( max > sizeof(buf) / sizeof(buf[0]) )
        max = sizeof(buf) / sizeof(buf[0]);
    r = read(evfd, buf, max * sizeof(buf[0]));
    if ( r <= 0 )
        return 0;
    n = (unsigned int)r / sizeof(buf[0]);
    if ( write(evfd, buf, n * sizeof(buf[0])) < 0 )
        trace("evtchn: unmask failed: %s\n", strerror(errno));
    for ( i = 0; i < n; i++ )
        ports[i] = buf[i];
    return n;
}
