/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The trace file (-T): every request and reply, one line each, and
 * whatever else the daemon wants to note.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "xenstored.h"

static int trace_fd = -1;

int trace_open(const char *file)
{
    trace_fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    return trace_fd < 0 ? -1 : 0;
}

void trace(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int len;

    if ( trace_fd < 0 )
        return;
    va_start(ap, fmt);
    len = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if ( len > (int)sizeof(buf) - 1 )
        len = sizeof(buf) - 1;
    if ( len > 0 && write(trace_fd, buf, len) < 0 )
        trace_fd = -1; /* the trace is best effort */
}

/* First string of the payload, printable characters only. */
void trace_msg(const struct conn *c, const char *dir,
               const struct xsd_sockmsg *h, const char *body)
{
    char arg[64];
    unsigned int i, n = h->len < sizeof(arg) - 1 ? h->len : sizeof(arg) - 1;

    if ( trace_fd < 0 )
        return;
    for ( i = 0; i < n && body[i]; i++ )
        arg[i] = (body[i] >= ' ' && body[i] <= '~') ? body[i] : '.';
    arg[i] = '\0';
    trace("%-3s %p type %u req %u tx %u len %u \"%s\"\n", dir, (void *)c,
          h->type, h->req_id, h->tx_id, h->len, arg);
}
