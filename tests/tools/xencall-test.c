/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxencall on a host without Xen: XENCALL_PRIVCMD names a stand-in
 * device, buffers come from the mlock fallback.  Prints PASS/FAIL lines
 * for tests/tools/xl-host.sh.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xencall.h"

static int failed;

static void result(const char *name, int ok, const char *why)
{
    if ( ok )
        printf("PASS tools/xencall/%s\n", name);
    else
    {
        printf("FAIL tools/xencall/%s: %s\n", name, why);
        failed = 1;
    }
}

int main(void)
{
    struct xencall_handle *h;
    unsigned char *a, *b;
    size_t i;
    int zero = 1;
    long rc;

    setenv("XENCALL_PRIVCMD", "/nonexistent/privcmd", 1);
    h = xencall_open();
    result("open-missing", !h && errno == ENOENT,
           "opening a missing device did not fail with ENOENT");

    setenv("XENCALL_PRIVCMD", "/dev/null", 1);
    setenv("XENCALL_HYPERCALL_BUF", "", 1);
    h = xencall_open();
    result("open", h != NULL, strerror(errno));
    if ( !h )
        return 0;
    result("fallback", !strcmp(xencall_buffer_kind(h), "mlock"),
           xencall_buffer_kind(h));

    a = xencall_alloc_buffer(h, 10000);
    b = xencall_alloc_buffer(h, 1);
    for ( i = 0; a && i < 12288; i++ )
        zero &= a[i] == 0;
    result("alloc", a && b && zero && a != b,
           "buffers missing, overlapping or not zeroed");
    if ( a && b )
    {
        memset(a, 0xaa, 12288);
        memset(b, 0x55, 4096);
        result("alloc-separate", a[0] == 0xaa && b[4095] == 0x55,
               "buffers overlap");
    }
    xencall_free_buffer(h, a);
    xencall_free_buffer(h, NULL);

    /* Not privcmd: the ioctl fails, and the error comes back as errno. */
    rc = xencall_op(h, 17, 0, 0, 0, 0, 0);
    result("op-error", rc == -1 && errno == ENOTTY,
           "a hypercall on /dev/null did not fail with ENOTTY");

    /* b is still live: close frees it. */
    xencall_close(h);
    result("close", 1, "");
    return failed;
}
