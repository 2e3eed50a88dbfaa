/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstored internals shared by its files: the node tree, permissions,
 * transactions, watches, connections and the per-domain accounting.
 */
#ifndef XENSTORED_H
#define XENSTORED_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xen/io/xs_wire.h>

#include "htab.h"

struct conn;
struct pending_event;

/* Permission bits of one entry (the letters 'n', 'r', 'w', 'b'). */
#define PERM_NONE  0u
#define PERM_READ  1u
#define PERM_WRITE 2u
#define PERM_BOTH  (PERM_READ | PERM_WRITE)

/* Domain ids at or above this are not domains (DOMID_FIRST_RESERVED). */
#define DOMID_LIMIT 0x7ff0u

struct xs_perm {
    unsigned int domid;
    unsigned int perms; /* PERM_* */
};

/*
 * One node.  children holds the child names, each NUL-terminated, in
 * creation order: exactly the XS_DIRECTORY reply.  gen is the store
 * generation of the last change to the value, permissions or child set.
 */
struct node {
    char *path;
    char *value;
    unsigned int vlen;
    struct xs_perm *perms; /* perms[0]: owner and everyone's default */
    unsigned int nperms;
    char *children;
    unsigned int clen;
    uint64_t gen;
};

/* node.c */
struct node *node_new(const char *path);
struct node *node_dup(const struct node *n);
void node_free(struct node *n);
int node_set_value(struct node *n, const void *v, unsigned int len);
int node_set_perms(struct node *n, const struct xs_perm *p, unsigned int nr);
bool node_has_child(const struct node *n, const char *name);
int node_add_child(struct node *n, const char *name);
void node_del_child(struct node *n, const char *name);
unsigned int node_owner(const struct node *n);

/* path.c */
int path_canonical(const struct conn *c, const char *in, char **out);
bool path_is_special(const char *path);
bool path_is_under(const char *path, const char *top);
char *path_parent(const char *path);
const char *path_basename(const char *path);
char *path_join(const char *dir, const char *name);
char *path_home(unsigned int domid);

/* perms.c */
int perm_parse(const char *s, struct xs_perm *p);
int perm_format(const struct xs_perm *p, char *buf, size_t size);
unsigned int perm_access(const struct conn *c, const struct node *n);
int perm_check(const struct conn *c, const struct node *n, unsigned int want);

/* Quotas; they apply to unprivileged connections, as in Xen. */
struct quotas {
    unsigned int nodes;        /* nodes owned by one domain */
    unsigned int node_size;    /* value bytes of one node */
    unsigned int watches;      /* watches of one connection */
    unsigned int transactions; /* open transactions of one connection */
    unsigned int perms;        /* permission entries of one node */
};
extern struct quotas quota;

/* domain.c: per-domain accounting and the domains the store knows. */
void domain_account(unsigned int domid, int delta);
unsigned int domain_nodes(unsigned int domid);
bool domain_is_introduced(unsigned int domid);
void domain_reset(void);

/* db.c: the store, seen directly or through a transaction. */
struct txn;
void db_init(void);
void db_destroy(void);
const struct node *db_get(struct txn *tx, const char *path);
int db_put(struct txn *tx, struct node *n);
void db_del(struct txn *tx, const char *path);
int db_validate(const struct txn *tx);
void db_apply(struct txn *tx);
uint64_t db_generation(void);
unsigned int db_count(void);
unsigned int db_check(void);

/* store.c: the operations shared by requests and transactions. */
int store_write(struct conn *c, struct txn *tx, const char *path, const void *v,
                unsigned int len, bool mkdir_only);
int store_rm(struct conn *c, struct txn *tx, const char *path);
int store_set_perms(struct conn *c, struct txn *tx, const char *path,
                    const struct xs_perm *p, unsigned int nr);

/* transaction.c */
struct txn {
    struct txn *next; /* in the connection's list */
    uint32_t id;
    uint64_t start_gen;
    bool stale;          /* read something newer than the start */
    int nodes_delta;     /* nodes created minus removed, own domid */
    struct htab overlay; /* path -> node, or TOMBSTONE */
    struct htab readset; /* path -> uint64_t generation seen */
    struct pending_event *events;
};
extern char txn_tombstone[];
#define TOMBSTONE ((void *)txn_tombstone)
int txn_start(struct conn *c, uint32_t *id);
struct txn *txn_lookup(const struct conn *c, uint32_t id);
int txn_end(struct conn *c, struct txn *tx, bool commit);
void txn_drop_all(struct conn *c);
void txn_seen(struct txn *tx, const char *path, uint64_t gen);
void txn_queue_event(struct txn *tx, const char *path, const struct node *n,
                     bool removed);

/* watch.c */
struct watch {
    struct watch *next;
    char *path; /* canonical, or a special "@" name */
    char *token;
    bool relative; /* registered as a relative path */
};
int watch_add(struct conn *c, const char *raw, const char *token);
int watch_del(struct conn *c, const char *raw, const char *token);
void watch_drop_all(struct conn *c);
void watch_fire(struct txn *tx, const char *path, const struct node *n,
                bool removed);

/* conn.c: a client of the store, whatever carries its bytes. */
struct conn;
struct conn_ops {
    /* Bytes read (0: none available now), or -1: connection gone. */
    int (*read)(struct conn *c, void *buf, unsigned int len);
    /* Bytes written (0: would block), or -1: connection gone. */
    int (*write)(struct conn *c, const void *buf, unsigned int len);
    /* Tell the other end there is something to read (rings). */
    void (*notify)(struct conn *c);
    /* Release the transport when the connection goes. */
    void (*close)(struct conn *c);
};

struct outmsg {
    struct outmsg *next;
    unsigned int len, off;
    bool event;
    char data[];
};

struct conn {
    struct conn *next; /* all connections */
    const struct conn_ops *ops;
    int fd;          /* for fd-based transports, else -1 */
    void *transport; /* the transport's own state (rings) */
    unsigned int domid;
    unsigned int target; /* XS_SET_TARGET, or DOMID_LIMIT */
    bool privileged;
    bool closing; /* stop reading, close once flushed */

    struct xsd_sockmsg hdr;
    unsigned int hdr_got, body_got;
    char body[XENSTORE_PAYLOAD_MAX + 1];

    struct outmsg *out_head, *out_tail;
    unsigned int out_events;

    struct watch *watches;
    unsigned int nwatches;
    struct txn *txns;
    unsigned int ntxns;
    uint32_t next_txid;
};
extern struct conn *connections;

struct conn *conn_new(const struct conn_ops *ops, int fd, unsigned int domid,
                      bool privileged);
void conn_free(struct conn *c);
int conn_input(struct conn *c);
int conn_flush(struct conn *c);
bool conn_wants_write(const struct conn *c);
void conn_reply(struct conn *c, uint32_t type, const void *data,
                unsigned int len);
void conn_reply_error(struct conn *c, int err);
void conn_reply_ok(struct conn *c);
void conn_event(struct conn *c, const char *path, const char *token);

/* dispatch.c, ops_node.c, ops_domain.c */
void dispatch(struct conn *c);
int op_read(struct conn *c, struct txn *tx);
int op_write(struct conn *c, struct txn *tx);
int op_mkdir(struct conn *c, struct txn *tx);
int op_rm(struct conn *c, struct txn *tx);
int op_directory(struct conn *c, struct txn *tx);
int op_directory_part(struct conn *c, struct txn *tx);
int op_get_perms(struct conn *c, struct txn *tx);
int op_set_perms(struct conn *c, struct txn *tx);
int op_introduce(struct conn *c, struct txn *tx);
int op_release(struct conn *c, struct txn *tx);
int op_is_introduced(struct conn *c, struct txn *tx);
int op_get_domain_path(struct conn *c, struct txn *tx);
int op_resume(struct conn *c, struct txn *tx);
int op_set_target(struct conn *c, struct txn *tx);
int op_control(struct conn *c, struct txn *tx);
int args_split(struct conn *c, const char **vec, unsigned int max);
int arg_one(struct conn *c, const char **arg);
int parse_domid(const char *s, unsigned int *domid);

/* trace.c */
int trace_open(const char *file);
void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void trace_msg(const struct conn *c, const char *dir,
               const struct xsd_sockmsg *h, const char *body);

#endif /* XENSTORED_H */
