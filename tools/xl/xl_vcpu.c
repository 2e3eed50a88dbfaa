/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl vcpu-list: one line per vCPU in Xen 4.17's table (Name, ID, VCPU,
 * CPU, State, Time(s), Affinity (Hard / Soft)) from
 * XEN_DOMCTL_getvcpuinfo and XEN_DOMCTL_getvcpuaffinity.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xl.h"

#define BATCH     64
/* Bitmap bytes for up to 4096 pCPUs. */
#define MAP_BYTES 512

static bool bit(const uint8_t *map, unsigned int i)
{
    return map[i / 8] & (1u << (i % 8));
}

/*
 * Xen's notation for a CPU set of nr CPUs: "all" when it holds every
 * one, "none" when empty, else ranges such as "0,2-3".
 */
static void print_cpus(const uint8_t *map, unsigned int nr)
{
    unsigned int i = 0, start;
    bool first = true;

    for ( ;; )
    {
        while ( i < nr && !bit(map, i) )
            i++;
        if ( i == nr )
            break;
        start = i;
        while ( i < nr && bit(map, i) )
            i++;
        if ( first && start == 0 && i == nr )
        {
            printf("all");
            return;
        }
        printf("%s%u", first ? "" : ",", start);
        if ( i - 1 > start )
            printf("-%u", i - 1);
        first = false;
    }
    if ( first )
        printf("none");
}

/*
 * Without XEN_DOMCTL_getvcpuaffinity (ENOSYS: our hypervisor), what its
 * scheduler does: a vCPU only runs on the pCPU it was created on, with
 * no preference otherwise.
 */
static void derived_affinity(uint8_t *hard, uint8_t *soft, uint32_t cpu,
                             unsigned int nr)
{
    memset(hard, 0, MAP_BYTES);
    memset(soft, 0xff, MAP_BYTES);
    if ( cpu < nr )
        hard[cpu / 8] |= 1u << (cpu % 8);
}

/* Prints a domain's vCPUs; -1 after a one-line error. */
static int list_domain(struct xc_handle *xc, uint32_t domid, unsigned int nr)
{
    static uint8_t hard[MAP_BYTES], soft[MAP_BYTES];
    xen_domctl_getdomaininfo_t info;
    struct xen_domctl_getvcpuinfo v;
    char *name;
    uint32_t i;

    if ( xc_domain_info(xc, domid, &info) < 0 )
    {
        if ( errno == ESRCH )
            fprintf(stderr, "Error: Domain '%u' does not exist.\n", domid);
        else
            xl_perror("reading the domain (XEN_DOMCTL_getdomaininfo)");
        return -1;
    }
    if ( info.max_vcpu_id == XEN_INVALID_MAX_VCPU_ID )
        return 0;
    name = xl_domain_label(domid);
    for ( i = 0; i <= info.max_vcpu_id; i++ )
    {
        if ( xc_vcpu_getinfo(xc, domid, i, &v) < 0 )
        {
            xl_perror("reading a vCPU (XEN_DOMCTL_getvcpuinfo)");
            free(name);
            return -1;
        }
        if ( xc_vcpu_getaffinity(xc, domid, i, hard, soft, nr) < 0 )
        {
            if ( errno != ENOSYS )
            {
                xl_perror("reading vCPU affinity (XEN_DOMCTL_getvcpuaffinity)");
                free(name);
                return -1;
            }
            derived_affinity(hard, soft, v.cpu, nr);
        }
        printf("%-32s %5u %5u", name ? name : "(null)", domid, i);
        if ( v.online )
            printf("%5u %3c%c- ", v.cpu, v.running ? 'r' : '-',
                   v.blocked ? 'b' : '-');
        else
            printf("%5c %3c%cp ", '-', '-', '-');
        printf("%9.1f  ", (float)v.cpu_time / 1e9);
        print_cpus(hard, nr);
        printf(" / ");
        print_cpus(soft, nr);
        printf("\n");
    }
    free(name);
    return 0;
}

static int list_all(struct xc_handle *xc, unsigned int nr)
{
    xen_domctl_getdomaininfo_t info[BATCH];
    domid_t next = 0;
    int n, i, rc = 0;

    do
    {
        n = xc_domain_info_list(xc, next, BATCH, info);
        if ( n < 0 )
        {
            xl_perror("listing domains (XEN_SYSCTL_getdomaininfolist)");
            return -1;
        }
        for ( i = 0; i < n; i++ )
            rc |= list_domain(xc, info[i].domain, nr);
        if ( n )
            next = info[n - 1].domain + 1;
    } while ( n == BATCH );
    return rc;
}

int main_vcpulist(int argc, char **argv)
{
    xen_sysctl_physinfo_t phys;
    struct xc_handle *xc;
    unsigned int nr;
    long domid;
    int i, rc = 0;

    while ( xl_getopt(argc, argv, "", "vcpu-list") != -1 )
        ;
    xc = xl_ctrl();
    if ( xc_physinfo(xc, &phys) < 0 )
    {
        xl_perror("reading host information (XEN_SYSCTL_physinfo)");
        return EXIT_FAILURE;
    }
    /* Xen's maps span every CPU id up to max_cpu_id. */
    nr = phys.max_cpu_id + 1;
    if ( nr > MAP_BYTES * 8 )
        nr = MAP_BYTES * 8;
    printf("%-32s %5s %5s %5s %5s %9s %s\n", "Name", "ID", "VCPU", "CPU",
           "State", "Time(s)", "Affinity (Hard / Soft)");
    if ( optind == argc )
        rc = list_all(xc, nr);
    for ( i = optind; i < argc; i++ )
    {
        domid = xl_find_domain(argv[i]);
        if ( domid < 0 )
            return EXIT_FAILURE;
        rc |= list_domain(xc, domid, nr);
    }
    return rc ? EXIT_FAILURE : EXIT_SUCCESS;
}
