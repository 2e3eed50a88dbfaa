/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl pause and xl unpause: the toolstack's pause of a domain
 * (XEN_DOMCTL_pausedomain / unpausedomain), which nests.  As in Xen
 * 4.17's xl, a refused call prints one error line and still exits 0;
 * only a domain that cannot be named exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "xl.h"

static int pause_cmd(int argc, char **argv, const char *cmd, bool pause)
{
    char what[64];
    long domid;
    int err;

    while ( xl_getopt(argc, argv, "", cmd) != -1 )
        ;
    xl_need_args(argc, 1, cmd);
    domid = xl_find_domain(argv[optind]);
    if ( domid < 0 )
        return EXIT_FAILURE;
    if ( (pause ? xc_domain_pause : xc_domain_unpause)(xl_ctrl(), domid) == 0 )
        return EXIT_SUCCESS;

    err = errno;
    snprintf(what, sizeof(what), "%s domain %ld (XEN_DOMCTL_%sdomain)",
             pause ? "pausing" : "unpausing", domid, cmd);
    if ( err == EINVAL )
        fprintf(stderr, "xl: %s: %s (%s)\n", what, strerror(err),
                pause ? "a domain cannot pause itself"
                      : "it is not paused by the toolstack");
    else if ( err == ESRCH )
        fprintf(stderr, "xl: %s: %s (no such domain)\n", what, strerror(err));
    else
        xl_perror(what);
    /* Xen 4.17's xl ignores libxl's answer here: exit 0. */
    return EXIT_SUCCESS;
}

int main_pause(int argc, char **argv)
{
    return pause_cmd(argc, argv, "pause", true);
}

int main_unpause(int argc, char **argv)
{
    return pause_cmd(argc, argv, "unpause", false);
}
