/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxencall: hypercalls from dom0 user space through Linux's privcmd
 * driver, with buffers the hypervisor may read and write.  Calls that
 * fail return -1 (or NULL) with errno set; a hypercall's own -E* result
 * arrives as errno.
 */
#ifndef XENCALL_H
#define XENCALL_H

#include <stddef.h>
#include <stdint.h>

#define XENCALL_PRIVCMD_DEVICE "/dev/xen/privcmd"
#define XENCALL_BUFFER_DEVICE  "/dev/xen/hypercall"

struct xencall_handle;

/*
 * Opens the privcmd device (XENCALL_PRIVCMD in the environment names
 * another path, for tests).  NULL with errno when it cannot be opened.
 */
struct xencall_handle *xencall_open(void);
void xencall_close(struct xencall_handle *h);

/*
 * Issues hypercall op with up to five arguments; returns the
 * hypercall's non-negative result, or -1 with errno.
 */
long xencall_op(struct xencall_handle *h, unsigned int op, uint64_t a1,
                uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5);

/*
 * Zeroed, page-granular memory the hypervisor can access without
 * faulting: pages of /dev/xen/hypercall, or locked anonymous pages when
 * that device is absent.  NULL with errno on failure.
 */
void *xencall_alloc_buffer(struct xencall_handle *h, size_t size);
void xencall_free_buffer(struct xencall_handle *h, void *buf);

/* Which kind of buffer this handle hands out: "privcmd-buf" or "mlock". */
const char *xencall_buffer_kind(const struct xencall_handle *h);

#endif /* XENCALL_H */
