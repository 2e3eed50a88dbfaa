/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0's own kernel as a client.  A dom0 kernel that found no xenstore
 * at boot allocated a ring page and an unbound event channel for us and
 * shows them in xenfs as /proc/xen/xsd_kva (mmap-able) and xsd_port.
 * As Xen's xenstored does, we map the page, bind the port and notify;
 * the kernel then probes xenbus.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xenstored.h"
#include "daemon.h"

#define XSD_KVA   "/proc/xen/xsd_kva"
#define XSD_PORT  "/proc/xen/xsd_port"
#define RING_PAGE 4096

/* The port number in xsd_port, or -1. */
static long read_port(void)
{
    char buf[32], *end;
    ssize_t n;
    long port;
    int fd = open(XSD_PORT, O_RDONLY | O_CLOEXEC);

    if ( fd < 0 )
        return -1;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if ( n <= 0 )
        return -1;
    buf[n] = '\0';
    port = strtol(buf, &end, 10);
    if ( end == buf || (*end && *end != '\n') || port <= 0 ||
         port > 0x7fffffff )
        return -1;
    return port;
}

static void unmap_page(struct xenstore_domain_interface *intf)
{
    munmap(intf, RING_PAGE);
}

int dom0_connect(void)
{
    struct xenstore_domain_interface *intf;
    long port;
    int fd, local;

    port = read_port();
    if ( port < 0 )
    {
        fprintf(stderr, "xenstored: cannot read a port from %s\n", XSD_PORT);
        return -1;
    }
    fd = open(XSD_KVA, O_RDWR | O_CLOEXEC);
    if ( fd < 0 )
    {
        fprintf(stderr, "xenstored: cannot open %s: %s\n", XSD_KVA,
                strerror(errno));
        return -1;
    }
    intf = mmap(NULL, RING_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if ( intf == MAP_FAILED )
    {
        fprintf(stderr, "xenstored: cannot map %s: %s\n", XSD_KVA,
                strerror(errno));
        return -1;
    }
    if ( evtchn_open() < 0 )
    {
        munmap(intf, RING_PAGE);
        return -1;
    }
    local = evtchn_bind_interdomain(0, (unsigned int)port);
    if ( local < 0 )
    {
        fprintf(
            stderr,
            "xenstored: cannot bind dom0's xenstore port %ld: %s (is another xenstored running?)\n",
            port, strerror(errno));
        munmap(intf, RING_PAGE);
        return -1;
    }
    if ( !ring_connect(0, true, intf, (unsigned int)local, unmap_page) )
    {
        fprintf(stderr, "xenstored: cannot serve dom0's ring\n");
        return -1;
    }
    trace("dom0: ring %s, port %ld bound as local port %d\n", XSD_KVA, port,
          local);
    return 0;
}

/* Whether this kernel offers dom0's ring: a dom0 with xenfs mounted. */
bool dom0_available(void)
{
    return access(XSD_KVA, R_OK | W_OK) == 0 && access(XSD_PORT, R_OK) == 0;
}
