/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenctrl internals: the handle and the bounce-buffer helpers. */
#ifndef XC_PRIVATE_H
#define XC_PRIVATE_H

#include <stddef.h>

#include "xencall.h"
#include "xenctrl.h"

struct xc_handle {
    struct xencall_handle *call;
};

/*
 * A hypercall argument that lives in caller memory: copied into a
 * hypercall buffer before the call and back after it (dir says which).
 */
enum xc_bounce_dir {
    XC_BOUNCE_IN = 1,  /* caller -> hypervisor */
    XC_BOUNCE_OUT = 2, /* hypervisor -> caller */
    XC_BOUNCE_BOTH = 3,
};

struct xc_bounce {
    void *user;
    size_t len;
    enum xc_bounce_dir dir;
    void *hbuf; /* the hypercall buffer */
};

int xc_bounce_pre(struct xc_handle *h, struct xc_bounce *b);
void xc_bounce_post(struct xc_handle *h, struct xc_bounce *b);

int xc_do_sysctl(struct xc_handle *h, struct xen_sysctl *sysctl);
int xc_do_domctl(struct xc_handle *h, struct xen_domctl *domctl);
long xc_do_version(struct xc_handle *h, int cmd, void *arg, size_t len,
                   enum xc_bounce_dir dir);

#endif /* XC_PRIVATE_H */
