/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall dispatch, generated from xen/hypercall-defs.h: the caller's
 * permission is checked here, then the handler runs with its arguments
 * converted to the declared types.
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/softirq.h>

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

#ifdef CONFIG_SELFTEST
/* For tests: every preemption point preempts, so continuations run. */
static bool opt_test_preempt;
boolean_param("test_preempt", opt_test_preempt);
#else
#define opt_test_preempt false
#endif

bool hypercall_preempt_check(void)
{
    return opt_test_preempt || softirq_pending(smp_processor_id());
}

long hypercall_continue(unsigned long nr, unsigned long a0, unsigned long a1,
                        unsigned long a2, unsigned long a3)
{
    struct vcpu *v = current;

    v->hcall_cont.pending = true;
    v->hcall_cont.nr = nr;
    v->hcall_cont.args[0] = a0;
    v->hcall_cont.args[1] = a1;
    v->hcall_cont.args[2] = a2;
    v->hcall_cont.args[3] = a3;
    v->hcall_cont.args[4] = 0;
    v->hcall_cont.args[5] = 0;
    return 0;
}

bool hypercall_take_continuation(unsigned long *nr, unsigned long args[6])
{
    struct vcpu *v = current;
    unsigned int i;

    if ( !v->hcall_cont.pending )
        return false;
    v->hcall_cont.pending = false;
    *nr = v->hcall_cont.nr;
    for ( i = 0; i < 6; i++ )
        args[i] = v->hcall_cont.args[i];
    return true;
}
