/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore CLI: what its command files share.
 */
#ifndef XENSTORE_CLI_H
#define XENSTORE_CLI_H

#include <xs.h>

enum mode {
    MODE_unknown,
    MODE_chmod,
    MODE_exists,
    MODE_list,
    MODE_ls,
    MODE_read,
    MODE_rm,
    MODE_write,
    MODE_watch,
};

struct cli_opts {
    bool prefix;    /* -p */
    bool tidy;      /* -t */
    bool upto;      /* -u */
    bool recurse;   /* -r */
    bool raw;       /* -R */
    bool flat;      /* -f */
    int nr_watches; /* -n, -1: forever */
};

/* Buffered output, printed only once the transaction has committed. */
void output(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void do_ls(struct xs_handle *h, const char *path, int depth,
           const struct cli_opts *o, int max_width);
int do_chmod(struct xs_handle *h, xs_transaction_t t, char *path, char **modes,
             int nmodes, const struct cli_opts *o);
int do_watch(struct xs_handle *h, char **paths, int n, int max_events);

#endif /* XENSTORE_CLI_H */
