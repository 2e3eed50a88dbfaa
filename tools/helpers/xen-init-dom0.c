/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xen-init-dom0: the store entries the toolstack gives dom0 once at
 * boot, after xenstored starts (as Xen 4.17's helper of that name):
 * /local/domain/0/domid, /local/domain/0/name and the name of CPU
 * pool 0.  Running it again changes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xs.h>

static const struct {
    const char *path, *value;
} entries[] = {
    { "/local/domain/0/domid", "0" },
    { "/local/domain/0/name", "Domain-0" },
    { "/local/pool/0/name", "Pool-0" },
};

int main(int argc, char **argv)
{
    struct xs_handle *h;
    xs_transaction_t t;
    char *domid, *name;
    unsigned int i;

    if ( argc > 1 )
    {
        fprintf(
            stderr,
            "usage: xen-init-dom0 (setting dom0's UUID is not supported)\n");
        return 1;
    }
    h = xs_open(0);
    if ( !h )
    {
        fprintf(stderr, "xen-init-dom0: cannot open xenstore connection: %s\n",
                strerror(errno));
        return 1;
    }
    domid = xs_read(h, XBT_NULL, entries[0].path, NULL);
    name = xs_read(h, XBT_NULL, entries[1].path, NULL);
    if ( domid && name )
    {
        fprintf(stderr, "Dom0 is already set up\n");
        free(domid);
        free(name);
        xs_close(h);
        return 0;
    }
    free(domid);
    free(name);
    for ( ;; )
    {
        t = xs_transaction_start(h);
        if ( t == XBT_NULL )
            break;
        for ( i = 0; i < sizeof(entries) / sizeof(entries[0]); i++ )
            if ( !xs_write(h, t, entries[i].path, entries[i].value,
                           strlen(entries[i].value)) )
                break;
        if ( i < sizeof(entries) / sizeof(entries[0]) )
        {
            fprintf(stderr, "xen-init-dom0: cannot write %s: %s\n",
                    entries[i].path, strerror(errno));
            xs_transaction_end(h, t, true);
            xs_close(h);
            return 1;
        }
        if ( xs_transaction_end(h, t, false) )
        {
            printf("Done setting up Dom0\n");
            xs_close(h);
            return 0;
        }
        if ( errno != EAGAIN )
            break;
    }
    fprintf(stderr, "xen-init-dom0: transaction failed: %s\n", strerror(errno));
    xs_close(h);
    return 1;
}
