/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstore requests: one function per protocol operation, each
 * packing its arguments and unpacking the reply.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xen/io/xs_wire.h>

#include "xs_private.h"

#define IOV_STR(s)                 \
    {                              \
        (void *)(s), strlen(s) + 1 \
    }

static void *single(struct xs_handle *h, xs_transaction_t t, uint32_t type,
                    const char *arg, unsigned int *len)
{
    struct iovec iov[] = { IOV_STR(arg) };

    return xs_talkv(h, t, type, iov, 1, len);
}

static bool ack(void *reply)
{
    free(reply);
    return reply != NULL;
}

void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
              unsigned int *len)
{
    return single(h, t, XS_READ, path, len);
}

bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
              const void *data, unsigned int len)
{
    struct iovec iov[] = { IOV_STR(path), { (void *)data, len } };

    return ack(xs_talkv(h, t, XS_WRITE, iov, 2, NULL));
}

bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path)
{
    return ack(single(h, t, XS_MKDIR, path, NULL));
}

bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path)
{
    return ack(single(h, t, XS_RM, path, NULL));
}

/* Splits len bytes of NUL-terminated strings into one allocation. */
static char **split(char *strings, unsigned int len, unsigned int *num)
{
    unsigned int n = 0, i;
    char **vec, *copy, *p;

    for ( i = 0; i < len; i++ )
        if ( !strings[i] )
            n++;
    vec = malloc(n * sizeof(char *) + len + 1);
    if ( !vec )
    {
        free(strings);
        return NULL;
    }
    copy = (char *)(vec + n);
    memcpy(copy, strings, len);
    copy[len] = '\0';
    for ( i = 0, p = copy; i < n; i++, p += strlen(p) + 1 )
        vec[i] = p;
    free(strings);
    *num = n;
    return vec;
}

char **xs_directory(struct xs_handle *h, xs_transaction_t t, const char *path,
                    unsigned int *num)
{
    unsigned int len;
    char *r = single(h, t, XS_DIRECTORY, path, &len);

    return r ? split(r, len, num) : NULL;
}

struct xs_permissions *xs_get_permissions(struct xs_handle *h,
                                          xs_transaction_t t, const char *path,
                                          unsigned int *num)
{
    unsigned int len, n = 0, i;
    char *r = single(h, t, XS_GET_PERMS, path, &len);
    struct xs_permissions *p;

    if ( !r )
        return NULL;
    for ( i = 0; i < len; i++ )
        if ( !r[i] )
            n++;
    p = n ? malloc(n * sizeof(*p)) : NULL;
    if ( !p || !xs_strings_to_perms(p, n, r) )
    {
        free(p);
        free(r);
        errno = p ? EINVAL : ENOMEM;
        return NULL;
    }
    free(r);
    *num = n;
    return p;
}

bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
                        const char *path, struct xs_permissions *perms,
                        unsigned int num)
{
    char buf[XENSTORE_PAYLOAD_MAX];
    unsigned int len = strlen(path) + 1, i;
    struct iovec iov;

    if ( len > sizeof(buf) )
    {
        errno = E2BIG;
        return false;
    }
    memcpy(buf, path, len);
    for ( i = 0; i < num; i++ )
    {
        if ( len + 16 > sizeof(buf) )
        {
            errno = E2BIG;
            return false;
        }
        if ( !xs_perm_to_string(&perms[i], buf + len, sizeof(buf) - len) )
            return false;
        len += strlen(buf + len) + 1;
    }
    iov.iov_base = buf;
    iov.iov_len = len;
    return ack(xs_talkv(h, t, XS_SET_PERMS, &iov, 1, NULL));
}

bool xs_watch(struct xs_handle *h, const char *path, const char *token)
{
    struct iovec iov[] = { IOV_STR(path), IOV_STR(token) };

    return ack(xs_talkv(h, XBT_NULL, XS_WATCH, iov, 2, NULL));
}

bool xs_unwatch(struct xs_handle *h, const char *path, const char *token)
{
    struct iovec iov[] = { IOV_STR(path), IOV_STR(token) };

    return ack(xs_talkv(h, XBT_NULL, XS_UNWATCH, iov, 2, NULL));
}

xs_transaction_t xs_transaction_start(struct xs_handle *h)
{
    char *r = single(h, XBT_NULL, XS_TRANSACTION_START, "", NULL), *end;
    unsigned long id;

    if ( !r )
        return XBT_NULL;
    id = strtoul(r, &end, 10);
    if ( *end || !id || id > 0xffffffffu )
    {
        id = XBT_NULL;
        errno = EBADMSG;
    }
    free(r);
    return (xs_transaction_t)id;
}

bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort)
{
    return ack(single(h, t, XS_TRANSACTION_END, abort ? "F" : "T", NULL));
}

char *xs_get_domain_path(struct xs_handle *h, unsigned int domid)
{
    char buf[16];

    snprintf(buf, sizeof(buf), "%u", domid);
    return single(h, XBT_NULL, XS_GET_DOMAIN_PATH, buf, NULL);
}

char *xs_control_command(struct xs_handle *h, unsigned int argc,
                         const char **argv)
{
    struct iovec iov[8];
    unsigned int i;

    if ( !argc || argc > 8 )
    {
        errno = EINVAL;
        return NULL;
    }
    for ( i = 0; i < argc; i++ )
    {
        iov[i].iov_base = (void *)argv[i];
        iov[i].iov_len = strlen(argv[i]) + 1;
    }
    return xs_talkv(h, XBT_NULL, XS_CONTROL, iov, argc, NULL);
}
