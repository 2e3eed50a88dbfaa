/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Request dispatch: one table says, for every message type, which
 * handler runs it, whether the caller must be privileged and whether it
 * runs inside the transaction named by tx_id.  The checks live here;
 * handlers reply on success and return an errno value on failure.
 */
#include <stdio.h>
#include <string.h>

#include "xenstored.h"

#define F_PRIV 1u /* privileged callers only */
#define F_TX   2u /* uses the transaction named in the header */

static int op_watch(struct conn *c, struct txn *tx);
static int op_unwatch(struct conn *c, struct txn *tx);
static int op_txn_start(struct conn *c, struct txn *tx);
static int op_txn_end(struct conn *c, struct txn *tx);
static int op_reset_watches(struct conn *c, struct txn *tx);

static const struct {
    int (*fn)(struct conn *c, struct txn *tx);
    unsigned int flags;
} ops[XS_TYPE_COUNT] = {
    [XS_CONTROL] = { op_control, F_PRIV },
    [XS_DIRECTORY] = { op_directory, F_TX },
    [XS_READ] = { op_read, F_TX },
    [XS_GET_PERMS] = { op_get_perms, F_TX },
    [XS_WATCH] = { op_watch, 0 },
    [XS_UNWATCH] = { op_unwatch, 0 },
    [XS_TRANSACTION_START] = { op_txn_start, 0 },
    [XS_TRANSACTION_END] = { op_txn_end, F_TX },
    [XS_INTRODUCE] = { op_introduce, F_PRIV },
    [XS_RELEASE] = { op_release, F_PRIV },
    [XS_GET_DOMAIN_PATH] = { op_get_domain_path, 0 },
    [XS_WRITE] = { op_write, F_TX },
    [XS_MKDIR] = { op_mkdir, F_TX },
    [XS_RM] = { op_rm, F_TX },
    [XS_SET_PERMS] = { op_set_perms, F_TX },
    [XS_IS_DOMAIN_INTRODUCED] = { op_is_introduced, F_PRIV },
    [XS_RESUME] = { op_resume, F_PRIV },
    [XS_SET_TARGET] = { op_set_target, F_PRIV },
    [XS_RESET_WATCHES] = { op_reset_watches, 0 },
    [XS_DIRECTORY_PART] = { op_directory_part, F_TX },
};

void dispatch(struct conn *c)
{
    uint32_t type = c->hdr.type;
    struct txn *tx = NULL;
    int err;

    trace_msg(c, "IN", &c->hdr, c->body);
    if ( type >= XS_TYPE_COUNT || !ops[type].fn )
        err = EINVAL;
    else if ( (ops[type].flags & F_PRIV) && !c->privileged )
        err = EACCES;
    else if ( c->hdr.tx_id && !(tx = txn_lookup(c, c->hdr.tx_id)) )
        err = ENOENT;
    else
        err = ops[type].fn(c, (ops[type].flags & F_TX) ? tx : NULL);
    if ( err )
        conn_reply_error(c, err);
}

/* Exactly one NUL-terminated string fills the payload. */
int arg_one(struct conn *c, const char **arg)
{
    unsigned int len = c->hdr.len;

    if ( !len || c->body[len - 1] != '\0' || strlen(c->body) != len - 1 )
        return EINVAL;
    *arg = c->body;
    return 0;
}

/* Splits a payload of NUL-terminated strings; -1 if malformed or > max. */
int args_split(struct conn *c, const char **vec, unsigned int max)
{
    unsigned int len = c->hdr.len, off = 0, n = 0;

    if ( !len || c->body[len - 1] != '\0' )
        return -1;
    while ( off < len )
    {
        if ( n == max )
            return -1;
        vec[n++] = c->body + off;
        off += strlen(c->body + off) + 1;
    }
    return n;
}

static int op_watch(struct conn *c, struct txn *tx)
{
    const char *v[2];
    int err;

    if ( args_split(c, v, 2) != 2 )
        return EINVAL;
    err = watch_add(c, v[0], v[1]);
    if ( err )
        return err;
    conn_reply_ok(c);
    /* Every new watch fires once, so the watcher can read the state. */
    conn_event(c, v[0], v[1]);
    return 0;
}

static int op_unwatch(struct conn *c, struct txn *tx)
{
    const char *v[2];
    int err;

    if ( args_split(c, v, 2) != 2 )
        return EINVAL;
    err = watch_del(c, v[0], v[1]);
    if ( !err )
        conn_reply_ok(c);
    return err;
}

static int op_txn_start(struct conn *c, struct txn *tx)
{
    const char *arg;
    char buf[16];
    uint32_t id;
    int err;

    if ( c->hdr.tx_id )
        return EBUSY; /* no nested transactions */
    err = arg_one(c, &arg);
    if ( !err )
        err = txn_start(c, &id);
    if ( err )
        return err;
    conn_reply(c, XS_TRANSACTION_START, buf,
               snprintf(buf, sizeof(buf), "%u", id) + 1);
    return 0;
}

static int op_txn_end(struct conn *c, struct txn *tx)
{
    const char *arg;
    int err;

    if ( !tx )
        return ENOENT;
    if ( arg_one(c, &arg) || (strcmp(arg, "T") && strcmp(arg, "F")) )
        return EINVAL;
    err = txn_end(c, tx, arg[0] == 'T');
    if ( !err )
        conn_reply_ok(c);
    return err;
}

static int op_reset_watches(struct conn *c, struct txn *tx)
{
    watch_drop_all(c);
    txn_drop_all(c);
    conn_reply_ok(c);
    return 0;
}
