/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Watches: a connection asks to hear about changes at or below a path
 * (or about a special "@" event).  A change fires every watch at or
 * above it; a removal also fires the watches below the removed node,
 * each with its own path.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

int watch_add(struct conn *c, const char *raw, const char *token)
{
    struct watch *w, **tail;
    char *path;
    int err = path_canonical(c, raw, &path);

    if ( err )
        return err;
    for ( tail = &c->watches; *tail; tail = &(*tail)->next )
        if ( !strcmp((*tail)->path, path) && !strcmp((*tail)->token, token) )
        {
            free(path);
            return EEXIST;
        }
    if ( !c->privileged && c->nwatches >= quota.watches )
    {
        free(path);
        return E2BIG;
    }
    w = calloc(1, sizeof(*w));
    if ( !w || !(w->token = strdup(token)) )
    {
        free(w);
        free(path);
        return ENOMEM;
    }
    w->path = path;
    w->relative = raw[0] != '/' && raw[0] != '@';
    *tail = w;
    c->nwatches++;
    return 0;
}

static void watch_free(struct watch *w)
{
    free(w->path);
    free(w->token);
    free(w);
}

int watch_del(struct conn *c, const char *raw, const char *token)
{
    struct watch **p, *w;
    char *path;
    int err = path_canonical(c, raw, &path);

    if ( err )
        return err;
    for ( p = &c->watches; (w = *p); p = &w->next )
        if ( !strcmp(w->path, path) && !strcmp(w->token, token) )
        {
            *p = w->next;
            c->nwatches--;
            watch_free(w);
            free(path);
            return 0;
        }
    free(path);
    return ENOENT;
}

void watch_drop_all(struct conn *c)
{
    struct watch *w;

    while ( (w = c->watches) )
    {
        c->watches = w->next;
        watch_free(w);
    }
    c->nwatches = 0;
}

/* A relative watch hears paths relative to the watcher's home. */
static void deliver(struct conn *c, const struct watch *w, const char *path,
                    const struct node *n)
{
    char *home;
    size_t len;

    if ( n && !c->privileged && !(perm_access(c, n) & PERM_READ) )
        return;
    if ( w->relative && (home = path_home(c->domid)) )
    {
        len = strlen(home);
        if ( !strncmp(path, home, len) && path[len] == '/' )
            path += len + 1;
        free(home);
    }
    conn_event(c, path, w->token);
}

void watch_fire(struct txn *tx, const char *path, const struct node *n,
                bool removed)
{
    struct conn *c;
    struct watch *w;
    bool special = path_is_special(path);

    if ( tx )
    {
        txn_queue_event(tx, path, n, removed);
        return;
    }
    for ( c = connections; c; c = c->next )
        for ( w = c->watches; w; w = w->next )
        {
            if ( special || path_is_special(w->path) )
            {
                if ( !strcmp(w->path, path) )
                    deliver(c, w, path, n);
            }
            else if ( path_is_under(path, w->path) )
                deliver(c, w, path, n);
            else if ( removed && path_is_under(w->path, path) )
                deliver(c, w, w->path, n);
        }
}
