/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Permissions: the "r5"/"b0"/"n3" strings of the protocol, and what a
 * connection may do with a node.  The first entry names the owner and
 * gives the default for every domain not listed later.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

int parse_domid(const char *s, unsigned int *domid)
{
    unsigned long v = 0;

    if ( !*s || strlen(s) > 5 )
        return EINVAL;
    for ( ; *s; s++ )
    {
        if ( *s < '0' || *s > '9' )
            return EINVAL;
        v = v * 10 + (unsigned long)(*s - '0');
    }
    if ( v >= DOMID_LIMIT )
        return EINVAL;
    *domid = (unsigned int)v;
    return 0;
}

int perm_parse(const char *s, struct xs_perm *p)
{
    switch ( s[0] )
    {
    case 'n':
        p->perms = PERM_NONE;
        break;
    case 'r':
        p->perms = PERM_READ;
        break;
    case 'w':
        p->perms = PERM_WRITE;
        break;
    case 'b':
        p->perms = PERM_BOTH;
        break;
    default:
        return EINVAL;
    }
    return parse_domid(s + 1, &p->domid);
}

int perm_format(const struct xs_perm *p, char *buf, size_t size)
{
    static const char letter[] = { 'n', 'r', 'w', 'b' };

    return snprintf(buf, size, "%c%u", letter[p->perms & PERM_BOTH], p->domid);
}

/* Owner, privileged callers and a target's controller get everything. */
unsigned int perm_access(const struct conn *c, const struct node *n)
{
    unsigned int i, owner = node_owner(n);

    if ( c->privileged || owner == c->domid ||
         (c->target != DOMID_LIMIT && owner == c->target) )
        return PERM_BOTH;
    for ( i = 1; i < n->nperms; i++ )
        if ( n->perms[i].domid == c->domid )
            return n->perms[i].perms;
    return n->nperms ? n->perms[0].perms : PERM_NONE;
}

int perm_check(const struct conn *c, const struct node *n, unsigned int want)
{
    return (perm_access(c, n) & want) == want ? 0 : EACCES;
}
