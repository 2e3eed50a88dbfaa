/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstore: a synchronous client of xenstored, over its Unix socket
 * or the kernel's /dev/xen/xenbus.  Calls that fail return NULL or
 * false with errno set (the daemon's error names mapped to errno).
 * One handle is not meant to be shared between threads.
 */
#ifndef XS_H
#define XS_H

#include <stdbool.h>
#include <stdint.h>

#define XS_OPEN_SOCKETONLY 1ul /* do not fall back to /dev/xen/xenbus */
#define XS_OPEN_READONLY   2ul /* accepted; no read-only socket exists */

#define XS_DEFAULT_SOCKET "/run/xenstored/socket"
#define XS_XENBUS_DEVICE  "/dev/xen/xenbus"

typedef uint32_t xs_transaction_t;
#define XBT_NULL ((xs_transaction_t)0)

enum xs_perm_type {
    XS_PERM_NONE = 0,
    XS_PERM_READ = 1,
    XS_PERM_WRITE = 2,
};

struct xs_permissions {
    unsigned int id;
    unsigned int perms; /* XS_PERM_* */
};

/* Fields of a watch event from xs_read_watch(). */
#ifndef XS_WATCH_PATH
#define XS_WATCH_PATH  0
#define XS_WATCH_TOKEN 1
#endif

struct xs_handle;

/* XENSTORED_PATH in the environment overrides the socket path. */
struct xs_handle *xs_open(unsigned long flags);
void xs_close(struct xs_handle *h);
int xs_fileno(struct xs_handle *h);

/* Results are malloc'd; read values get a NUL after *len bytes. */
void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
              unsigned int *len);
bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
              const void *data, unsigned int len);
bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path);
bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path);
/* One allocation: the array of *num names and the names themselves. */
char **xs_directory(struct xs_handle *h, xs_transaction_t t, const char *path,
                    unsigned int *num);

struct xs_permissions *xs_get_permissions(struct xs_handle *h,
                                          xs_transaction_t t, const char *path,
                                          unsigned int *num);
bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
                        const char *path, struct xs_permissions *perms,
                        unsigned int num);

bool xs_watch(struct xs_handle *h, const char *path, const char *token);
bool xs_unwatch(struct xs_handle *h, const char *path, const char *token);
/* Blocks for the next event: vec[XS_WATCH_PATH], vec[XS_WATCH_TOKEN]. */
char **xs_read_watch(struct xs_handle *h, unsigned int *num);
/* As xs_read_watch, but NULL with errno EAGAIN if none is queued. */
char **xs_check_watch(struct xs_handle *h);

xs_transaction_t xs_transaction_start(struct xs_handle *h);
/* abort = true discards; false commits (errno EAGAIN: start again). */
bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort);

char *xs_get_domain_path(struct xs_handle *h, unsigned int domid);
/* Sends XS_CONTROL with the given arguments; returns the reply text. */
char *xs_control_command(struct xs_handle *h, unsigned int argc,
                         const char **argv);

/* "r5" and friends: parsing and printing one permission. */
/* The XS_PERM_* bits a permission letter (n, r, w, b) stands for, or -1. */
int xs_perm_letter(char c);
bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
                         const char *strings);
bool xs_perm_to_string(const struct xs_permissions *perm, char *buf,
                       unsigned int len);

/* Values as the CLI shows them: '\' and non-printables escaped. */
char *xs_sanitise_value(const char *val, unsigned int len);
/* The reverse; *len gets the byte count (the result is NUL-ended). */
char *xs_unsanitise_value(const char *s, unsigned int *len);

#endif /* XS_H */
