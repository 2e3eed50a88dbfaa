/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * String-keyed hash table with chaining; it doubles its bucket array
 * when it holds twice as many entries as buckets.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "htab.h"

#define HTAB_MIN_BUCKETS 64

/* FNV-1a: cheap and spreads path-like keys well enough. */
static size_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;

    while ( *s )
    {
        h ^= (unsigned char)*s++;
        h *= 0x100000001b3ull;
    }
    return (size_t)h;
}

int htab_init(struct htab *h)
{
    h->nbuckets = HTAB_MIN_BUCKETS;
    h->count = 0;
    h->buckets = calloc(h->nbuckets, sizeof(*h->buckets));
    return h->buckets ? 0 : ENOMEM;
}

static struct htab_entry **slot(const struct htab *h, const char *key)
{
    struct htab_entry **e = &h->buckets[hash(key) & (h->nbuckets - 1)];

    while ( *e && strcmp((*e)->key, key) )
        e = &(*e)->next;
    return e;
}

void *htab_get(const struct htab *h, const char *key)
{
    struct htab_entry *e = *slot(h, key);

    return e ? e->val : NULL;
}

static void grow(struct htab *h)
{
    size_t n = h->nbuckets * 2, i;
    struct htab_entry **b = calloc(n, sizeof(*b));

    if ( !b )
        return; /* keep the longer chains; still correct */
    for ( i = 0; i < h->nbuckets; i++ )
    {
        struct htab_entry *e = h->buckets[i], *next;

        for ( ; e; e = next )
        {
            size_t j = hash(e->key) & (n - 1);

            next = e->next;
            e->next = b[j];
            b[j] = e;
        }
    }
    free(h->buckets);
    h->buckets = b;
    h->nbuckets = n;
}

void *htab_set(struct htab *h, const char *key, void *val, int *err)
{
    struct htab_entry **s = slot(h, key), *e = *s;
    size_t len;
    void *old;

    *err = 0;
    if ( e )
    {
        old = e->val;
        e->val = val;
        return old;
    }
    len = strlen(key) + 1;
    e = malloc(sizeof(*e) + len);
    if ( !e )
    {
        *err = ENOMEM;
        return NULL;
    }
    memcpy(e->key, key, len);
    e->val = val;
    e->next = NULL;
    *s = e;
    if ( ++h->count > 2 * h->nbuckets )
        grow(h);
    return NULL;
}

void *htab_del(struct htab *h, const char *key)
{
    struct htab_entry **s = slot(h, key), *e = *s;
    void *val;

    if ( !e )
        return NULL;
    *s = e->next;
    val = e->val;
    free(e);
    h->count--;
    return val;
}

void htab_each(const struct htab *h,
               void (*fn)(const char *key, void *val, void *arg), void *arg)
{
    size_t i;
    struct htab_entry *e;

    for ( i = 0; i < h->nbuckets; i++ )
        for ( e = h->buckets[i]; e; e = e->next )
            fn(e->key, e->val, arg);
}

void htab_destroy(struct htab *h, void (*free_val)(void *val))
{
    size_t i;
    struct htab_entry *e, *next;

    if ( !h->buckets )
        return;
    for ( i = 0; i < h->nbuckets; i++ )
        for ( e = h->buckets[i]; e; e = next )
        {
            next = e->next;
            if ( free_val )
                free_val(e->val);
            free(e);
        }
    free(h->buckets);
    h->buckets = NULL;
    h->nbuckets = h->count = 0;
}
