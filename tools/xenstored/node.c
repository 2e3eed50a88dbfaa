/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Nodes: allocation, copies, and edits of the value, the permission
 * list and the child-name list.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

struct node *node_new(const char *path)
{
    struct node *n = calloc(1, sizeof(*n));

    if ( !n )
        return NULL;
    n->path = strdup(path);
    if ( !n->path )
    {
        free(n);
        return NULL;
    }
    return n;
}

static void *memdup(const void *p, size_t len)
{
    void *q;

    if ( !len )
        return NULL;
    q = malloc(len);
    if ( q )
        memcpy(q, p, len);
    return q;
}

struct node *node_dup(const struct node *n)
{
    struct node *d = node_new(n->path);

    if ( !d )
        return NULL;
    d->vlen = n->vlen;
    d->nperms = n->nperms;
    d->clen = n->clen;
    d->gen = n->gen;
    d->value = memdup(n->value, n->vlen);
    d->perms = memdup(n->perms, n->nperms * sizeof(*n->perms));
    d->children = memdup(n->children, n->clen);
    if ( (n->vlen && !d->value) || (n->nperms && !d->perms) ||
         (n->clen && !d->children) )
    {
        node_free(d);
        return NULL;
    }
    return d;
}

void node_free(struct node *n)
{
    if ( !n )
        return;
    free(n->path);
    free(n->value);
    free(n->perms);
    free(n->children);
    free(n);
}

int node_set_value(struct node *n, const void *v, unsigned int len)
{
    char *copy = memdup(v, len);

    if ( len && !copy )
        return ENOMEM;
    free(n->value);
    n->value = copy;
    n->vlen = len;
    return 0;
}

int node_set_perms(struct node *n, const struct xs_perm *p, unsigned int nr)
{
    struct xs_perm *copy = memdup(p, nr * sizeof(*p));

    if ( !copy )
        return ENOMEM;
    free(n->perms);
    n->perms = copy;
    n->nperms = nr;
    return 0;
}

/* Offset of name in the child list, or -1. */
static long child_offset(const struct node *n, const char *name)
{
    unsigned int off = 0;

    while ( off < n->clen )
    {
        const char *c = n->children + off;

        if ( !strcmp(c, name) )
            return off;
        off += strlen(c) + 1;
    }
    return -1;
}

bool node_has_child(const struct node *n, const char *name)
{
    return child_offset(n, name) >= 0;
}

int node_add_child(struct node *n, const char *name)
{
    size_t len = strlen(name) + 1;
    char *c;

    if ( node_has_child(n, name) )
        return 0;
    c = realloc(n->children, n->clen + len);
    if ( !c )
        return ENOMEM;
    memcpy(c + n->clen, name, len);
    n->children = c;
    n->clen += len;
    return 0;
}

void node_del_child(struct node *n, const char *name)
{
    long off = child_offset(n, name);
    size_t len = strlen(name) + 1;

    if ( off < 0 )
        return;
    memmove(n->children + off, n->children + off + len, n->clen - off - len);
    n->clen -= len;
}

unsigned int node_owner(const struct node *n)
{
    return n->nperms ? n->perms[0].domid : 0;
}
