/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenevtchn on Linux: each call is one ioctl, read or write. */
#include <errno.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <xen-dev-handle.h>
#include <xen-sys/Linux/evtchn.h>

#include "xenevtchn.h"

struct xenevtchn_handle {
    struct xen_dev_handle dev;
};

xenevtchn_handle *xenevtchn_open(void)
{
    return xen_dev_handle_open(sizeof(xenevtchn_handle), "XENEVTCHN_DEVICE",
                               XENEVTCHN_DEVICE);
}

int xenevtchn_close(xenevtchn_handle *xce)
{
    return xen_dev_handle_close(xce);
}

int xenevtchn_fd(xenevtchn_handle *xce)
{
    return xce->dev.fd;
}

xenevtchn_port_or_error_t xenevtchn_bind_unbound_port(xenevtchn_handle *xce,
                                                      uint32_t domid)
{
    struct ioctl_evtchn_bind_unbound_port op = { .remote_domain = domid };

    return ioctl(xce->dev.fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &op);
}

xenevtchn_port_or_error_t xenevtchn_bind_interdomain(xenevtchn_handle *xce,
                                                     uint32_t domid,
                                                     evtchn_port_t remote_port)
{
    struct ioctl_evtchn_bind_interdomain op = {
        .remote_domain = domid,
        .remote_port = remote_port,
    };

    return ioctl(xce->dev.fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &op);
}

xenevtchn_port_or_error_t xenevtchn_bind_virq(xenevtchn_handle *xce,
                                              unsigned int virq)
{
    struct ioctl_evtchn_bind_virq op = { .virq = virq };

    return ioctl(xce->dev.fd, IOCTL_EVTCHN_BIND_VIRQ, &op);
}

int xenevtchn_unbind(xenevtchn_handle *xce, evtchn_port_t port)
{
    struct ioctl_evtchn_port op = { .port = port };

    return ioctl(xce->dev.fd, IOCTL_EVTCHN_UNBIND, &op);
}

int xenevtchn_notify(xenevtchn_handle *xce, evtchn_port_t port)
{
    struct ioctl_evtchn_port op = { .port = port };

    return ioctl(xce->dev.fd, IOCTL_EVTCHN_NOTIFY, &op);
}

/* One port read from or written to the device; 0 or -1 with errno. */
static int port_io(xenevtchn_handle *xce, evtchn_port_t *port, int out)
{
    ssize_t n;

    do
        n = out ? write(xce->dev.fd, port, sizeof(*port))
                : read(xce->dev.fd, port, sizeof(*port));
    while ( n < 0 && errno == EINTR );
    if ( n < 0 )
        return -1;
    /* The driver moves whole ports; anything else is not it. */
    if ( n != sizeof(*port) )
    {
        errno = EIO;
        return -1;
    }
    return 0;
}

xenevtchn_port_or_error_t xenevtchn_pending(xenevtchn_handle *xce)
{
    evtchn_port_t port;

    return port_io(xce, &port, 0) < 0 ? -1 : (int)port;
}

int xenevtchn_unmask(xenevtchn_handle *xce, evtchn_port_t port)
{
    return port_io(xce, &port, 1);
}

int xenevtchn_reset(xenevtchn_handle *xce)
{
    return ioctl(xce->dev.fd, IOCTL_EVTCHN_RESET, 0);
}
