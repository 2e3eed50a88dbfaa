/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstore internals: the handle and the request primitive.
 */
#ifndef XS_PRIVATE_H
#define XS_PRIVATE_H

#include <stdint.h>
#include <sys/uio.h>

#include "xs.h"

struct xs_event {
    struct xs_event *next;
    char *body;
    unsigned int len;
};

struct xs_handle {
    int fd;
    uint32_t req_id;
    struct xs_event *events, *events_tail;
};

/* Sends one request made of n pieces; returns the reply payload. */
void *xs_talkv(struct xs_handle *h, xs_transaction_t t, uint32_t type,
               const struct iovec *iov, unsigned int n, unsigned int *len);

#endif /* XS_PRIVATE_H */
