/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl helpers: the control handle, error lines, and domain names from
 * xenstore (/local/domain/<id>/name).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"
#include "xs.h"

static struct xc_handle *ctrl;

void xl_perror(const char *what)
{
    int err = errno;
    const char *hint = "";

    if ( err == ENOSYS )
        hint = " (the hypervisor does not implement it)";
    else if ( err == EACCES )
        hint = " (interface version refused, or not permitted)";
    else if ( err == EPERM )
        hint = " (not privileged: run in dom0 as root)";
    fprintf(stderr, "xl: %s: %s%s\n", what, strerror(err), hint);
}

struct xc_handle *xl_ctrl(void)
{
    if ( ctrl )
        return ctrl;
    ctrl = xc_open();
    if ( !ctrl )
    {
        int err = errno;

        fprintf(stderr,
                "xl: cannot open %s: %s (is this dom0 with "
                "xen_privcmd loaded?)\n",
                getenv("XENCALL_PRIVCMD") ?: "/dev/xen/privcmd", strerror(err));
        exit(EXIT_FAILURE);
    }
    return ctrl;
}

/*
 * Only the socket: /dev/xen/xenbus in a dom0 without xenstored accepts
 * requests and never answers (Xen's xl hangs there).
 */
static struct xs_handle *store(void)
{
    static struct xs_handle *xs;
    static int tried;

    if ( !tried )
    {
        tried = 1;
        xs = xs_open(XS_OPEN_SOCKETONLY);
    }
    return xs;
}

char *xl_domain_name(uint32_t domid)
{
    struct xs_handle *xs = store();
    char path[64];
    unsigned int len;

    if ( !xs )
        return NULL;
    snprintf(path, sizeof(path), "/local/domain/%u/name", domid);
    return xs_read(xs, XBT_NULL, path, &len);
}

char *xl_domain_label(uint32_t domid)
{
    char *name = xl_domain_name(domid);

    if ( !name && domid == 0 )
        name = strdup("Domain-0");
    return name;
}

long xl_domid_by_name(const char *name)
{
    xen_domctl_getdomaininfo_t info[64];
    domid_t next = 0;
    char *label;
    int n, i;

    do
    {
        n = xc_domain_info_list(xl_ctrl(), next, 64, info);
        if ( n < 0 )
        {
            xl_perror("listing domains (XEN_SYSCTL_getdomaininfolist)");
            return -2;
        }
        for ( i = 0; i < n; i++ )
        {
            label = xl_domain_label(info[i].domain);
            if ( label && !strcmp(label, name) )
            {
                free(label);
                return info[i].domain;
            }
            free(label);
        }
        if ( n )
            next = info[n - 1].domain + 1;
    } while ( n == 64 );
    return -1;
}

long xl_find_domain(const char *arg)
{
    char *end;
    unsigned long id;
    long domid;

    errno = 0;
    id = strtoul(arg, &end, 10);
    if ( *arg && !*end && !errno && id < DOMID_FIRST_RESERVED )
        return (long)id;

    domid = xl_domid_by_name(arg);
    if ( domid == -1 )
        fprintf(stderr, "%s is an invalid domain identifier\n", arg);
    return domid < 0 ? -1 : domid;
}

void xl_need_args(int argc, int want, const char *cmd)
{
    if ( argc - optind >= want )
        return;
    fprintf(stderr, "'xl %s' requires at least %d argument%s.\n\n", cmd, want,
            want > 1 ? "s" : "");
    xl_help(cmd);
    exit(2);
}
