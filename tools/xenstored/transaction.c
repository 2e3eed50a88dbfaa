/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Transactions: optimistic, with snapshot semantics.  A transaction
 * keeps its changes to itself and records the generation of every
 * shared node it looks at (a missing node is recorded through its
 * parent's child list).  Commit succeeds only if none of those nodes
 * changed after the transaction started; otherwise it fails with EAGAIN
 * and the store is untouched.  Watches fire at commit.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

struct pending_event {
    struct pending_event *next;
    struct node *snap; /* path and permissions of the change */
    bool removed;
};

void txn_seen(struct txn *tx, const char *path, uint64_t gen)
{
    uint64_t *seen;
    int err;

    if ( htab_get(&tx->readset, path) )
        return;
    if ( gen > tx->start_gen )
        tx->stale = true;
    seen = malloc(sizeof(*seen));
    if ( !seen )
    {
        tx->stale = true;
        return;
    }
    *seen = gen;
    htab_set(&tx->readset, path, seen, &err);
    if ( err )
    {
        free(seen);
        tx->stale = true;
    }
}

struct txn *txn_lookup(const struct conn *c, uint32_t id)
{
    struct txn *tx;

    for ( tx = c->txns; tx; tx = tx->next )
        if ( tx->id == id )
            return tx;
    return NULL;
}

int txn_start(struct conn *c, uint32_t *id)
{
    struct txn *tx;

    if ( !c->privileged && c->ntxns >= quota.transactions )
        return ENOSPC;
    tx = calloc(1, sizeof(*tx));
    if ( !tx )
        return ENOMEM;
    if ( htab_init(&tx->overlay) || htab_init(&tx->readset) )
    {
        htab_destroy(&tx->overlay, NULL);
        free(tx);
        return ENOMEM;
    }
    /* Ids are per connection, never 0, and not reused while open. */
    do
        tx->id = ++c->next_txid;
    while ( !tx->id || txn_lookup(c, tx->id) );
    tx->start_gen = db_generation();
    tx->next = c->txns;
    c->txns = tx;
    c->ntxns++;
    *id = tx->id;
    return 0;
}

static void free_overlay_node(void *v)
{
    if ( v != TOMBSTONE )
        node_free(v);
}

static void free_events(struct pending_event *e)
{
    struct pending_event *next;

    for ( ; e; e = next )
    {
        next = e->next;
        node_free(e->snap);
        free(e);
    }
}

static void txn_free(struct conn *c, struct txn *tx)
{
    struct txn **p;

    for ( p = &c->txns; *p; p = &(*p)->next )
        if ( *p == tx )
        {
            *p = tx->next;
            c->ntxns--;
            break;
        }
    htab_destroy(&tx->overlay, free_overlay_node);
    htab_destroy(&tx->readset, free);
    free_events(tx->events);
    free(tx);
}

/* Called by watch_fire() for changes made inside a transaction. */
void txn_queue_event(struct txn *tx, const char *path, const struct node *n,
                     bool removed)
{
    struct pending_event *e = calloc(1, sizeof(*e));

    if ( !e )
        return;
    e->snap = node_new(path);
    if ( !e->snap || (n && node_set_perms(e->snap, n->perms, n->nperms)) )
    {
        node_free(e->snap);
        free(e);
        return;
    }
    e->removed = removed;
    e->next = tx->events;
    tx->events = e;
}

int txn_end(struct conn *c, struct txn *tx, bool commit)
{
    struct pending_event *e, *rev = NULL, *next;

    if ( !commit )
    {
        txn_free(c, tx);
        return 0;
    }
    if ( !db_validate(tx) )
    {
        txn_free(c, tx);
        return EAGAIN;
    }
    db_apply(tx);
    /* Events were queued newest first; fire them in order. */
    for ( e = tx->events; e; e = next )
    {
        next = e->next;
        e->next = rev;
        rev = e;
    }
    tx->events = rev;
    for ( e = rev; e; e = e->next )
        watch_fire(NULL, e->snap->path, e->snap->nperms ? e->snap : NULL,
                   e->removed);
    txn_free(c, tx);
    return 0;
}

void txn_drop_all(struct conn *c)
{
    while ( c->txns )
        txn_free(c, c->txns);
}
