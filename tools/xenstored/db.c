/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The store: every node by path, and the view a transaction has of it
 * (its own changes over the shared tree, with each shared node it looks
 * at recorded so that commit can tell whether it changed meanwhile).
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

static struct htab store;
static uint64_t generation;

char txn_tombstone[1];

static int main_put(struct node *n)
{
    struct node *old;
    int err;

    n->gen = ++generation;
    old = htab_set(&store, n->path, n, &err);
    if ( err )
        return err;
    if ( old )
    {
        domain_account(node_owner(old), -1);
        node_free(old);
    }
    domain_account(node_owner(n), 1);
    return 0;
}

static void main_del(const char *path)
{
    struct node *old = htab_del(&store, path);

    if ( old )
    {
        domain_account(node_owner(old), -1);
        node_free(old);
    }
}

/* Builds one of the nodes that exist from the start, owned by dom0. */
static void initial_node(const char *path, const char *child)
{
    static const struct xs_perm dom0_only = { 0, PERM_NONE };
    struct node *n = node_new(path);

    if ( !n || node_set_perms(n, &dom0_only, 1) ||
         (child && node_add_child(n, child)) || main_put(n) )
        abort(); /* start-up: no memory means no daemon */
}

/* The tree Xen 4.17's xenstored starts with; the toolstack adds /local. */
void db_init(void)
{
    if ( htab_init(&store) )
        abort();
    initial_node("/", "tool");
    initial_node("/tool", "xenstored");
    initial_node("/tool/xenstored", NULL);
    initial_node("@introduceDomain", NULL);
    initial_node("@releaseDomain", NULL);
}

static void free_node(void *n)
{
    node_free(n);
}

void db_destroy(void)
{
    htab_destroy(&store, free_node);
    domain_reset();
}

uint64_t db_generation(void)
{
    return generation;
}

unsigned int db_count(void)
{
    return store.count;
}

const struct node *db_get(struct txn *tx, const char *path)
{
    struct node *n;
    void *v;

    if ( !tx )
        return htab_get(&store, path);
    v = htab_get(&tx->overlay, path);
    if ( v )
        return v == TOMBSTONE ? NULL : v;
    n = htab_get(&store, path);
    txn_seen(tx, path, n ? n->gen : 0);
    /* That a node is missing is a fact about its parent's child list. */
    if ( !n && strcmp(path, "/") && !path_is_special(path) )
    {
        char *parent = path_parent(path);

        if ( parent )
            db_get(tx, parent);
        else
            tx->stale = true;
        free(parent);
    }
    return n;
}

int db_put(struct txn *tx, struct node *n)
{
    void *old;
    int err;

    if ( !tx )
    {
        err = main_put(n);
        if ( err )
            node_free(n);
        return err;
    }
    old = htab_set(&tx->overlay, n->path, n, &err);
    if ( err )
    {
        node_free(n);
        return err;
    }
    if ( old && old != TOMBSTONE )
        node_free(old);
    return 0;
}

void db_del(struct txn *tx, const char *path)
{
    void *old;
    int err;

    if ( !tx )
    {
        main_del(path);
        return;
    }
    old = htab_set(&tx->overlay, path, TOMBSTONE, &err);
    if ( err )
        tx->stale = true; /* cannot record it: make the commit fail */
    else if ( old && old != TOMBSTONE )
        node_free(old);
}

static void check_seen(const char *path, void *val, void *arg)
{
    const struct node *n = htab_get(&store, path);
    uint64_t *seen = val;
    int *ok = arg;

    if ( (n ? n->gen : 0) != *seen )
        *ok = 0;
}

/* Has nothing the transaction looked at changed since? */
int db_validate(const struct txn *tx)
{
    int ok = !tx->stale;

    if ( ok )
        htab_each(&tx->readset, check_seen, &ok);
    return ok;
}

static void apply_one(const char *path, void *val, void *arg)
{
    int *err = arg;

    if ( val == TOMBSTONE )
        main_del(path);
    else if ( main_put(val) )
    {
        node_free(val);
        *err = ENOMEM;
    }
}

/* Moves the transaction's changes into the store; empties the overlay. */
void db_apply(struct txn *tx)
{
    int err = 0;

    htab_each(&tx->overlay, apply_one, &err);
    htab_destroy(&tx->overlay, NULL);
    if ( err )
        trace("commit of transaction %u lost a node: out of memory\n", tx->id);
}

struct check_state {
    unsigned int bad;
};

static void check_node(const char *path, void *val, void *arg)
{
    const struct node *n = val, *parent;
    struct check_state *st = arg;
    unsigned int off;
    char *p;

    if ( strcmp(path, n->path) || !n->nperms )
        st->bad++;
    if ( strcmp(path, "/") && !path_is_special(path) )
    {
        p = path_parent(path);
        parent = p ? htab_get(&store, p) : NULL;
        if ( !parent || !node_has_child(parent, path_basename(path)) )
            st->bad++;
        free(p);
    }
    for ( off = 0; off < n->clen; off += strlen(n->children + off) + 1 )
    {
        p = path_join(path, n->children + off);
        if ( !p || !htab_get(&store, p) )
            st->bad++;
        free(p);
    }
}

/* Number of inconsistencies between nodes and their child lists. */
unsigned int db_check(void)
{
    struct check_state st = { 0 };

    htab_each(&store, check_node, &st);
    return st.bad;
}
