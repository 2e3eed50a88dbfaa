/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl domid and xl domname: a domain's ID from its name and back, through
 * the names in xenstore (/local/domain/<id>/name), with Xen 4.17's
 * messages for names and IDs it cannot resolve (exit 1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "xl.h"

int main_domid(int argc, char **argv)
{
    const char *name;
    long domid;

    while ( xl_getopt(argc, argv, "", "domid") != -1 )
        ;
    xl_need_args(argc, 1, "domid");
    name = argv[optind];
    domid = xl_domid_by_name(name);
    if ( domid == -2 )
        return EXIT_FAILURE;
    if ( domid < 0 )
    {
        fprintf(stderr,
                "Can't get domid of domain name '%s', maybe this domain "
                "does not exist.\n",
                name);
        return EXIT_FAILURE;
    }
    printf("%ld\n", domid);
    return EXIT_SUCCESS;
}

int main_domname(int argc, char **argv)
{
    const char *arg;
    char *end, *name;
    uint32_t domid;

    while ( xl_getopt(argc, argv, "", "domname") != -1 )
        ;
    xl_need_args(argc, 1, "domname");
    arg = argv[optind];
    /* As Xen's: a leading number is the ID, only no digits is refused. */
    domid = (uint32_t)strtol(arg, &end, 10);
    if ( end == arg )
    {
        fprintf(stderr, "Invalid domain id.\n\n");
        return EXIT_FAILURE;
    }
    name = xl_domain_label(domid);
    if ( !name )
    {
        fprintf(stderr,
                "Can't get domain name of domain id '%u', maybe this domain "
                "does not exist.\n",
                domid);
        return EXIT_FAILURE;
    }
    printf("%s\n", name);
    free(name);
    return EXIT_SUCCESS;
}
