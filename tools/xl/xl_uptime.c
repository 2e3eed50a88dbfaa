/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl uptime: how long domains have run, in Xen 4.17's format.  Domain
 * 0's comes from /proc/uptime; another domain's from its start time in
 * xenstore (/vm/<uuid>/start_time), which only a domain builder writes,
 * so domains without it are left out, as Xen's xl does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "xl.h"

static void format_uptime(char *buf, size_t len, unsigned long up, bool brief)
{
    unsigned long day = up / 86400, hour = up / 3600 % 24;
    unsigned long min = up / 60 % 60, sec = up % 60;
    char days[32] = "";

    if ( day )
        snprintf(days, sizeof(days), "%lu day%s, ", day, day > 1 ? "s" : "");
    if ( brief )
        snprintf(buf, len, "%s%2lu:%02lu", days, hour, min);
    else
        snprintf(buf, len, "%s%2lu:%02lu:%02lu", days, hour, min, sec);
}

static void print_one(uint32_t domid, unsigned long up, bool brief)
{
    char *name = xl_domain_name(domid);
    const char *shown = name ? name : domid == 0 ? "Domain-0" : "(null)";
    char upstr[64], now[16];
    time_t t = time(NULL);

    format_uptime(upstr, sizeof(upstr), up, brief);
    if ( brief )
    {
        strftime(now, sizeof(now), "%H:%M:%S", localtime(&t));
        printf(" %s up %s, %s (%u)\n", now, upstr, shown, domid);
    }
    else
        printf("%-33s %4u %s\n", shown, domid, upstr);
    free(name);
}

static int dom0_uptime(unsigned long *up)
{
    FILE *f = fopen("/proc/uptime", "r");
    double secs;
    int ok;

    if ( !f )
        return -1;
    ok = fscanf(f, "%lf", &secs) == 1;
    fclose(f);
    *up = ok ? (unsigned long)secs : 0;
    return ok ? 0 : -1;
}

/* Domain 0 or nothing: no domain has a start time in xenstore yet. */
static int uptime_of(long domid, bool brief)
{
    unsigned long up;

    if ( domid != 0 )
        return 0;
    if ( dom0_uptime(&up) < 0 )
    {
        fprintf(stderr, "Can not get Dom0 uptime.\n");
        return -1;
    }
    print_one(0, up, brief);
    return 0;
}

int main_uptime(int argc, char **argv)
{
    bool brief = false;
    long domid;
    int i;

    while ( xl_getopt(argc, argv, "s", "uptime") != -1 )
        brief = true;
    if ( !brief )
        printf("%-33s %4s %s\n", "Name", "ID", "Uptime");
    if ( optind == argc )
        return uptime_of(0, brief) < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
    for ( i = optind; i < argc; i++ )
    {
        domid = xl_find_domain(argv[i]);
        if ( domid < 0 || uptime_of(domid, brief) < 0 )
            return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
