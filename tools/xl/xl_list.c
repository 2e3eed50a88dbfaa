/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl list: one line per domain in Xen 4.17's table (Name, ID, Mem in
 * MiB, online vCPUs, state letters r b p s <reason> d, CPU time), and
 * with -v the UUID, shutdown reason code and security label.  Names
 * come from xenstore; without xenstored, domain 0 is "Domain-0" and
 * other domains "(null)", as Xen's xl prints an unnamed domain.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "xl.h"

#define BATCH 64

/* Xen's letters for SHUTDOWN_* reasons 0-5; '?' for others. */
static const char reason_letters[] = "-rscwS";

static void print_header(bool verbose)
{
    printf("Name                                        ID   Mem VCPUs\tState"
           "\tTime(s)");
    if ( verbose )
        printf("   UUID                            Reason-Code\tSecurity "
               "Label");
    printf("\n");
}

static void print_domain(const xen_domctl_getdomaininfo_t *d, int pagesize,
                         bool verbose)
{
    uint32_t f = d->flags;
    bool shutdown = f & XEN_DOMINF_shutdown;
    unsigned int reason =
        shutdown ? (f >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask
                 : 0;
    uint64_t kb = (d->tot_pages + d->outstanding_pages) * (pagesize / 1024);
    const uint8_t *u = d->handle;
    char *name = xl_domain_name(d->domain);

    printf("%-40s %5u %5lu %5u     %c%c%c%c%c%c  %8.1f",
           name             ? name
           : d->domain == 0 ? "Domain-0"
                            : "(null)",
           d->domain, (unsigned long)(kb / 1024), d->nr_online_vcpus,
           f & XEN_DOMINF_running ? 'r' : '-',
           f & XEN_DOMINF_blocked ? 'b' : '-',
           f & XEN_DOMINF_paused ? 'p' : '-', shutdown ? 's' : '-',
           reason < sizeof(reason_letters) - 1 ? reason_letters[reason] : '?',
           f & XEN_DOMINF_dying ? 'd' : '-', (float)d->cpu_time / 1e9);
    free(name);
    if ( verbose )
    {
        printf(" %02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
               "%02x%02x%02x%02x%02x%02x",
               u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
               u[10], u[11], u[12], u[13], u[14], u[15]);
        if ( shutdown )
            printf(" %8x", reason);
        else
            printf(" %8s", "-");
        /* No XSM: no security label. */
        printf(" %16s", "-");
    }
    printf("\n");
}

static int list_all(struct xc_handle *xc, int pagesize, bool verbose)
{
    xen_domctl_getdomaininfo_t info[BATCH];
    domid_t next = 0;
    int n, i;

    n = xc_domain_info_list(xc, next, BATCH, info);
    if ( n < 0 )
    {
        xl_perror("listing domains (XEN_SYSCTL_getdomaininfolist)");
        return EXIT_FAILURE;
    }
    print_header(verbose);
    while ( n > 0 )
    {
        for ( i = 0; i < n; i++ )
            print_domain(&info[i], pagesize, verbose);
        if ( n < BATCH )
            break;
        next = info[n - 1].domain + 1;
        n = xc_domain_info_list(xc, next, BATCH, info);
        if ( n < 0 )
        {
            xl_perror("listing domains (XEN_SYSCTL_getdomaininfolist)");
            return EXIT_FAILURE;
        }
    }
    return EXIT_SUCCESS;
}

int main_list(int argc, char **argv)
{
    xen_domctl_getdomaininfo_t info;
    struct xc_handle *xc;
    bool verbose = false;
    int opt, pagesize;
    long domid;

    while ( (opt = xl_getopt(argc, argv, "v", "list")) != -1 )
        verbose = true;
    if ( argc - optind > 1 )
    {
        xl_help("list");
        return EXIT_FAILURE;
    }
    xc = xl_ctrl();
    pagesize = xc_pagesize(xc);
    if ( pagesize <= 0 )
    {
        xl_perror("xen_version(XENVER_pagesize)");
        return EXIT_FAILURE;
    }
    if ( optind == argc )
        return list_all(xc, pagesize, verbose);

    domid = xl_find_domain(argv[optind]);
    if ( domid < 0 )
        return EXIT_FAILURE;
    if ( xc_domain_info(xc, domid, &info) < 0 )
    {
        if ( errno == ESRCH )
        {
            fprintf(stderr, "Error: Domain '%s' does not exist.\n",
                    argv[optind]);
            return EXIT_FAILURE;
        }
        xl_perror("reading the domain (XEN_DOMCTL_getdomaininfo)");
        return EXIT_FAILURE;
    }
    print_header(verbose);
    print_domain(&info, pagesize, verbose);
    return EXIT_SUCCESS;
}
