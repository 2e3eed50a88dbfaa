/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XS_CONTROL: implementation-defined commands for dom0 tools.  Besides
 * a subset of Xen's (help, check, print, quota) there is "as-domain",
 * which turns the calling connection into an unprivileged one acting
 * for a domain, for testing permissions and quotas without domain
 * rings.  It cannot be undone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

static const struct {
    const char *name;
    unsigned int *val;
} quota_names[] = {
    { "nodes", &quota.nodes },       { "node-size", &quota.node_size },
    { "watches", &quota.watches },   { "transactions", &quota.transactions },
    { "permissions", &quota.perms },
};
#define NQUOTAS (sizeof(quota_names) / sizeof(quota_names[0]))

static void reply_text(struct conn *c, const char *text)
{
    conn_reply(c, XS_CONTROL, text, strlen(text) + 1);
}

static int do_quota(struct conn *c, const char **v, int n)
{
    char buf[512];
    unsigned long val;
    unsigned int i, len = 0;
    char *end;

    if ( n == 1 )
    {
        for ( i = 0; i < NQUOTAS; i++ )
            len += snprintf(buf + len, sizeof(buf) - len, "%-13s %u\n",
                            quota_names[i].name, *quota_names[i].val);
        reply_text(c, buf);
        return 0;
    }
    if ( n != 3 )
        return EINVAL;
    errno = 0;
    val = strtoul(v[2], &end, 10);
    if ( !v[2][0] || *end || errno || val < 1 || val > 0x7fffffff )
        return EINVAL;
    for ( i = 0; i < NQUOTAS; i++ )
        if ( !strcmp(v[1], quota_names[i].name) )
        {
            *quota_names[i].val = val;
            reply_text(c, "OK");
            return 0;
        }
    return EINVAL;
}

int op_control(struct conn *c, struct txn *tx)
{
    const char *v[4];
    char buf[64];
    unsigned int domid;
    int n = args_split(c, v, 4);

    if ( n < 1 )
        return EINVAL;
    if ( !strcmp(v[0], "help") && n == 1 )
        reply_text(c, "Available commands:\n"
                      "check\nprint <string>\nquota [<name> <value>]\n"
                      "as-domain <domid>\nhelp\n");
    else if ( !strcmp(v[0], "check") && n == 1 )
    {
        snprintf(buf, sizeof(buf), "%u nodes, %u errors", db_count(),
                 db_check());
        reply_text(c, buf);
    }
    else if ( !strcmp(v[0], "print") && n == 2 )
    {
        trace("print: %s\n", v[1]);
        reply_text(c, "OK");
    }
    else if ( !strcmp(v[0], "quota") )
        return do_quota(c, v, n);
    else if ( !strcmp(v[0], "as-domain") && n == 2 )
    {
        if ( parse_domid(v[1], &domid) || domid == 0 )
            return EINVAL;
        c->domid = domid;
        c->privileged = false;
        reply_text(c, "OK");
    }
    else
        return EINVAL;
    return 0;
}
