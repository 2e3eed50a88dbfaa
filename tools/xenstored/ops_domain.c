/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Requests about domains, and XS_CONTROL.  Domain rings are not wired
 * up yet: XS_INTRODUCE validates its arguments and answers ENOSYS, and
 * only dom0 counts as introduced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

static int digits(const char *s, unsigned long max, unsigned long *val)
{
    unsigned long v = 0;

    if ( !*s || strlen(s) > 20 )
        return EINVAL;
    for ( ; *s; s++ )
    {
        unsigned int d = (unsigned int)(*s - '0');

        if ( d > 9 || v > (max - d) / 10 )
            return EINVAL;
        v = v * 10 + d;
    }
    *val = v;
    return 0;
}

int op_introduce(struct conn *c, struct txn *tx)
{
    const char *v[3];
    unsigned long mfn, port;
    unsigned int domid;

    if ( args_split(c, v, 3) != 3 || parse_domid(v[0], &domid) ||
         digits(v[1], ~0ul, &mfn) || digits(v[2], 0xfffffffful, &port) ||
         !port )
        return EINVAL;
    trace("introduce dom%u mfn %#lx port %lu: no domain rings yet\n", domid,
          mfn, port);
    return ENOSYS;
}

/* RELEASE and RESUME name an introduced domain other than dom0. */
static int other_domain(struct conn *c, unsigned int *domid)
{
    const char *arg;

    if ( arg_one(c, &arg) || parse_domid(arg, domid) || *domid == 0 )
        return EINVAL;
    return domain_is_introduced(*domid) ? 0 : ENOENT;
}

int op_release(struct conn *c, struct txn *tx)
{
    unsigned int domid;
    int err = other_domain(c, &domid);

    if ( err )
        return err;
    conn_reply_ok(c);
    watch_fire(NULL, "@releaseDomain", db_get(NULL, "@releaseDomain"), false);
    return 0;
}

int op_resume(struct conn *c, struct txn *tx)
{
    unsigned int domid;
    int err = other_domain(c, &domid);

    if ( !err )
        conn_reply_ok(c);
    return err;
}

int op_is_introduced(struct conn *c, struct txn *tx)
{
    const char *arg;
    unsigned int domid;

    if ( arg_one(c, &arg) || parse_domid(arg, &domid) )
        return EINVAL;
    conn_reply(c, XS_IS_DOMAIN_INTRODUCED,
               domain_is_introduced(domid) ? "T" : "F", 2);
    return 0;
}

int op_get_domain_path(struct conn *c, struct txn *tx)
{
    const char *arg;
    unsigned int domid;
    char *home;

    if ( arg_one(c, &arg) || parse_domid(arg, &domid) )
        return EINVAL;
    home = path_home(domid);
    if ( !home )
        return ENOMEM;
    conn_reply(c, XS_GET_DOMAIN_PATH, home, strlen(home) + 1);
    free(home);
    return 0;
}

int op_set_target(struct conn *c, struct txn *tx)
{
    const char *v[2];
    unsigned int domid, target;

    if ( args_split(c, v, 2) != 2 || parse_domid(v[0], &domid) ||
         parse_domid(v[1], &target) || domid == 0 )
        return EINVAL;
    if ( !domain_is_introduced(domid) || !domain_is_introduced(target) )
        return ENOENT;
    conn_reply_ok(c);
    return 0;
}
