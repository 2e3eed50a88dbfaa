/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall dispatch, generated from xen/hypercall-defs.h: the caller's
 * permission is checked here, then the handler runs with its arguments
 * converted to the declared types.
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>

static bool allowed(unsigned int who)
{
    const struct domain *d = current->domain;

    if ( (who & HC_PRIV) && !d->is_privileged )
        return false;
    return true;
}

long hypercall_dispatch(unsigned long nr, const unsigned long a[6],
                        bool *known)
{
    *known = true;
    switch ( nr )
    {
#define HC_CASE(nr, n, w, call)                                          \
    case nr:                                                              \
        if ( !allowed(w) )                                                \
            return -EPERM;                                                \
        return call;
#define HC0(nr, n, w) HC_CASE(nr, n, w, do_##n())
#define HC1(nr, n, w, t1) HC_CASE(nr, n, w, do_##n((t1)a[0]))
#define HC2(nr, n, w, t1, t2) HC_CASE(nr, n, w, do_##n((t1)a[0], (t2)a[1]))
#define HC3(nr, n, w, t1, t2, t3) \
    HC_CASE(nr, n, w, do_##n((t1)a[0], (t2)a[1], (t3)a[2]))
#define HC4(nr, n, w, t1, t2, t3, t4) \
    HC_CASE(nr, n, w, do_##n((t1)a[0], (t2)a[1], (t3)a[2], (t4)a[3]))
#define HC5(nr, n, w, t1, t2, t3, t4, t5) \
    HC_CASE(nr, n, w, do_##n((t1)a[0], (t2)a[1], (t3)a[2], (t4)a[3], \
                             (t5)a[4]))
#include <xen/hypercall-defs.h>
#undef HC0
#undef HC1
#undef HC2
#undef HC3
#undef HC4
#undef HC5
#undef HC_CASE
    }
    *known = false;
    return -ENOSYS;
}
