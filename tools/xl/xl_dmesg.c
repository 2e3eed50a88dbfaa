/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl dmesg: the hypervisor's log ring, read with incremental
 * XEN_SYSCTL_readconsole calls until one returns nothing; -c also
 * clears it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "xl.h"

#define CHUNK 16384

int main_dmesg(int argc, char **argv)
{
    struct xc_handle *xc;
    uint32_t index = 0, count;
    bool clear = false;
    char *buf;
    int opt;

    while ( (opt = xl_getopt(argc, argv, "c", "dmesg")) != -1 )
        clear = true;
    xc = xl_ctrl();
    buf = malloc(CHUNK);
    if ( !buf )
    {
        xl_perror("dmesg");
        return EXIT_FAILURE;
    }
    for ( ;; )
    {
        count = CHUNK;
        if ( xc_readconsole(xc, buf, &count, clear, true, &index) < 0 )
        {
            xl_perror("reading the hypervisor log (XEN_SYSCTL_readconsole)");
            free(buf);
            return EXIT_FAILURE;
        }
        if ( !count )
            break;
        fwrite(buf, 1, count, stdout);
    }
    free(buf);
    return EXIT_SUCCESS;
}
