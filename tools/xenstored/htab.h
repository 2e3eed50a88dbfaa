/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A hash table from strings to pointers, used for the node store and
 * for the per-transaction overlays and read sets.
 */
#ifndef XENSTORED_HTAB_H
#define XENSTORED_HTAB_H

#include <stddef.h>

struct htab_entry {
    struct htab_entry *next;
    void *val;
    char key[];
};

struct htab {
    struct htab_entry **buckets;
    size_t nbuckets;
    size_t count;
};

int htab_init(struct htab *h);
void *htab_get(const struct htab *h, const char *key);
/* Sets key to val; returns the value it replaces, or NULL. */
void *htab_set(struct htab *h, const char *key, void *val, int *err);
/* Removes key; returns its value, or NULL. */
void *htab_del(struct htab *h, const char *key);
/* Calls fn for every entry; fn must not change the table. */
void htab_each(const struct htab *h,
               void (*fn)(const char *key, void *val, void *arg), void *arg);
/* Empties the table, calling free_val (if not NULL) on each value. */
void htab_destroy(struct htab *h, void (*free_val)(void *val));

#endif /* XENSTORED_HTAB_H */
