/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The changing operations on the tree, checked for permissions and
 * quotas before anything is modified: write (creating missing parents,
 * which inherit their parent's permissions), recursive remove, and
 * permission changes.  tx is NULL outside a transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

/* Counts the missing nodes from path upwards; returns the first parent. */
static char *first_existing(struct txn *tx, const char *path,
                            unsigned int *missing)
{
    char *p = strdup(path), *parent;

    *missing = 0;
    while ( p && !db_get(tx, p) )
    {
        (*missing)++;
        parent = path_parent(p);
        free(p);
        p = parent;
    }
    return p;
}

/* Adds path (whose parent exists) as a child of that parent. */
static int create_one(struct conn *c, struct txn *tx, const char *path,
                      const void *v, unsigned int len)
{
    char *ppath = path_parent(path);
    const struct node *parent = ppath ? db_get(tx, ppath) : NULL;
    struct node *n, *p;
    int err = ENOMEM;

    free(ppath);
    if ( !parent )
        return ENOENT;
    n = node_new(path);
    p = node_dup(parent);
    if ( !n || !p || node_set_value(n, v, len) ||
         node_set_perms(n, parent->perms, parent->nperms) ||
         node_add_child(p, path_basename(path)) )
        goto fail;
    /* Unprivileged domains own what they create. */
    if ( !c->privileged )
        n->perms[0].domid = c->domid;
    err = db_put(tx, p);
    p = NULL;
    if ( !err )
        err = db_put(tx, n);
    n = NULL;
    if ( !err && tx )
        tx->nodes_delta++;
fail:
    node_free(n);
    node_free(p);
    return err;
}

static int create(struct conn *c, struct txn *tx, const char *path,
                  const void *v, unsigned int len)
{
    unsigned int missing, i, depth;
    char *top = first_existing(tx, path, &missing), *p;
    const struct node *anc = top ? db_get(tx, top) : NULL;
    int err;

    free(top);
    if ( !anc )
        return ENOMEM;
    err = perm_check(c, anc, PERM_WRITE);
    if ( err )
        return err;
    if ( !c->privileged &&
         domain_nodes(c->domid) + (tx ? tx->nodes_delta : 0) + missing >
             quota.nodes )
        return ENOSPC;
    /* Create from the top down: the i-th missing ancestor first. */
    for ( i = missing; i > 0; i-- )
    {
        p = strdup(path);
        for ( depth = 1; p && depth < i; depth++ )
            *strrchr(p, '/') = '\0';
        if ( !p )
            return ENOMEM;
        err = create_one(c, tx, p, i == 1 ? v : NULL, i == 1 ? len : 0);
        free(p);
        if ( err )
            return err;
    }
    return 0;
}

int store_write(struct conn *c, struct txn *tx, const char *path, const void *v,
                unsigned int len, bool mkdir_only)
{
    const struct node *n = db_get(tx, path);
    struct node *d;
    int err;

    if ( !c->privileged && len > quota.node_size )
        return ENOSPC;
    if ( !n )
        err = create(c, tx, path, v, len);
    else
    {
        err = perm_check(c, n, PERM_WRITE);
        if ( err || mkdir_only )
            return err;
        d = node_dup(n);
        if ( !d || node_set_value(d, v, len) )
        {
            node_free(d);
            return ENOMEM;
        }
        err = db_put(tx, d);
    }
    if ( !err )
        watch_fire(tx, path, db_get(tx, path), false);
    return err;
}

static void delete_tree(struct conn *c, struct txn *tx, const char *path)
{
    const struct node *n = db_get(tx, path);
    char *children, *child, *cpath;
    unsigned int clen, off;

    if ( !n )
        return;
    if ( tx && node_owner(n) == c->domid )
        tx->nodes_delta--;
    clen = n->clen;
    children = clen ? malloc(clen) : NULL;
    if ( children )
    {
        memcpy(children, n->children, clen);
        for ( off = 0; off < clen; off += strlen(child) + 1 )
        {
            child = children + off;
            cpath = path_join(path, child);
            if ( cpath )
                delete_tree(c, tx, cpath);
            free(cpath);
        }
        free(children);
    }
    db_del(tx, path);
}

int store_rm(struct conn *c, struct txn *tx, const char *path)
{
    const struct node *n = db_get(tx, path), *parent;
    char *ppath;
    struct node *snap, *p;
    int err;

    if ( !strcmp(path, "/") )
        return EINVAL;
    ppath = path_parent(path);
    if ( !ppath )
        return ENOMEM;
    parent = db_get(tx, ppath);
    free(ppath);
    /* Removing what is not there is fine, if its parent is. */
    if ( !n )
        return parent ? 0 : ENOENT;
    err = perm_check(c, n, PERM_WRITE);
    if ( err )
        return err;
    snap = node_dup(n);
    p = parent ? node_dup(parent) : NULL;
    if ( !snap || !p )
    {
        node_free(snap);
        node_free(p);
        return ENOMEM;
    }
    node_del_child(p, path_basename(path));
    err = db_put(tx, p);
    if ( !err )
    {
        delete_tree(c, tx, path);
        watch_fire(tx, path, snap, true);
    }
    node_free(snap);
    return err;
}

int store_set_perms(struct conn *c, struct txn *tx, const char *path,
                    const struct xs_perm *p, unsigned int nr)
{
    const struct node *n = db_get(tx, path);
    struct node *d;
    int err;

    if ( !n )
        return ENOENT;
    err = perm_check(c, n, PERM_WRITE);
    if ( err )
        return err;
    if ( !c->privileged )
    {
        if ( nr > quota.perms )
            return ENOSPC;
        /* Only a privileged caller may give a node away. */
        if ( p[0].domid != node_owner(n) )
            return EPERM;
    }
    d = node_dup(n);
    if ( !d || node_set_perms(d, p, nr) )
    {
        node_free(d);
        return ENOMEM;
    }
    err = db_put(tx, d);
    if ( !err )
        watch_fire(tx, path, db_get(tx, path), false);
    return err;
}
