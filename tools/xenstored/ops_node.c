/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Requests on nodes: read, write, mkdir, rm, directory (whole and in
 * parts) and permissions.  Special "@" paths only have permissions.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

/* The canonical path named by a one-string payload. */
static int path_arg(struct conn *c, char **path, bool special_ok)
{
    const char *arg;
    int err = arg_one(c, &arg);

    if ( !err )
        err = path_canonical(c, arg, path);
    if ( !err && !special_ok && path_is_special(*path) )
    {
        free(*path);
        err = EINVAL;
    }
    return err;
}

/* The node at the payload's path, if the caller may read it. */
static int readable(struct conn *c, struct txn *tx, const char *path,
                    const struct node **n)
{
    *n = db_get(tx, path);
    if ( !*n )
        return ENOENT;
    return perm_check(c, *n, PERM_READ);
}

int op_read(struct conn *c, struct txn *tx)
{
    const struct node *n;
    char *path;
    int err = path_arg(c, &path, false);

    if ( err )
        return err;
    err = readable(c, tx, path, &n);
    if ( !err )
        conn_reply(c, XS_READ, n->value, n->vlen);
    free(path);
    return err;
}

int op_write(struct conn *c, struct txn *tx)
{
    const char *end = memchr(c->body, '\0', c->hdr.len);
    unsigned int off;
    char *path;
    int err;

    if ( !end )
        return EINVAL;
    off = end - c->body + 1;
    err = path_canonical(c, c->body, &path);
    if ( err )
        return err;
    if ( path_is_special(path) )
        err = EINVAL;
    else
        err = store_write(c, tx, path, c->body + off, c->hdr.len - off, false);
    free(path);
    if ( !err )
        conn_reply_ok(c);
    return err;
}

int op_mkdir(struct conn *c, struct txn *tx)
{
    char *path;
    int err = path_arg(c, &path, false);

    if ( err )
        return err;
    err = store_write(c, tx, path, NULL, 0, true);
    free(path);
    if ( !err )
        conn_reply_ok(c);
    return err;
}

int op_rm(struct conn *c, struct txn *tx)
{
    char *path;
    int err = path_arg(c, &path, false);

    if ( err )
        return err;
    err = store_rm(c, tx, path);
    free(path);
    if ( !err )
        conn_reply_ok(c);
    return err;
}

int op_directory(struct conn *c, struct txn *tx)
{
    const struct node *n;
    char *path;
    int err = path_arg(c, &path, false);

    if ( err )
        return err;
    err = readable(c, tx, path, &n);
    if ( !err && n->clen > XENSTORE_PAYLOAD_MAX )
        err = E2BIG; /* the client should use XS_DIRECTORY_PART */
    if ( !err )
        conn_reply(c, XS_DIRECTORY, n->children, n->clen);
    free(path);
    return err;
}

/*
 * Reply: the node's generation, then as many child names from byte
 * offset off as fit; an extra empty string says the list is complete.
 */
int op_directory_part(struct conn *c, struct txn *tx)
{
    char buf[XENSTORE_PAYLOAD_MAX], *path, *end;
    const struct node *n;
    const char *v[2];
    unsigned long off;
    unsigned int len, i, l;
    int err;

    if ( args_split(c, v, 2) != 2 || !v[1][0] || v[1][0] == '-' )
        return EINVAL;
    errno = 0;
    off = strtoul(v[1], &end, 10);
    if ( *end || errno )
        return EINVAL;
    err = path_canonical(c, v[0], &path);
    if ( err )
        return err;
    err = path_is_special(path) ? EINVAL : readable(c, tx, path, &n);
    free(path);
    if ( err )
        return err;
    if ( off > n->clen )
        return EINVAL;
    len = snprintf(buf, sizeof(buf), "%" PRIu64, n->gen) + 1;
    /* Whole names only; keep a byte for the end marker. */
    for ( i = off; i < n->clen; i += l )
    {
        l = strlen(n->children + i) + 1;
        if ( len + (i - off) + l + 1 > sizeof(buf) )
            break;
    }
    memcpy(buf + len, n->children + off, i - off);
    len += i - off;
    if ( i == n->clen )
        buf[len++] = '\0';
    conn_reply(c, XS_DIRECTORY_PART, buf, len);
    return 0;
}

int op_get_perms(struct conn *c, struct txn *tx)
{
    char buf[XENSTORE_PAYLOAD_MAX + 16], *path;
    const struct node *n;
    unsigned int i, len = 0;
    int err = path_arg(c, &path, true);

    if ( err )
        return err;
    err = readable(c, tx, path, &n);
    free(path);
    if ( err )
        return err;
    for ( i = 0; i < n->nperms; i++ )
    {
        if ( len + 16 > sizeof(buf) )
            return E2BIG;
        len += perm_format(&n->perms[i], buf + len, sizeof(buf) - len) + 1;
    }
    if ( len > XENSTORE_PAYLOAD_MAX )
        return E2BIG;
    conn_reply(c, XS_GET_PERMS, buf, len);
    return 0;
}

int op_set_perms(struct conn *c, struct txn *tx)
{
    static const char *v[XENSTORE_PAYLOAD_MAX / 2 + 1];
    static struct xs_perm p[XENSTORE_PAYLOAD_MAX / 2];
    char *path;
    int n = args_split(c, v, sizeof(v) / sizeof(v[0])), i, err;

    if ( n < 2 )
        return EINVAL;
    for ( i = 1; i < n; i++ )
        if ( perm_parse(v[i], &p[i - 1]) )
            return EINVAL;
    err = path_canonical(c, v[0], &path);
    if ( err )
        return err;
    err = store_set_perms(c, tx, path, p, n - 1);
    free(path);
    if ( !err )
        conn_reply_ok(c);
    return err;
}
