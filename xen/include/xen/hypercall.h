/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypercall handler prototypes, generated from xen/hypercall-defs.h. */
#ifndef XEN_HYPERCALL_H
#define XEN_HYPERCALL_H

#include <xen/types.h>
#include <asm/processor.h>

#define HC_PV   1u
#define HC_PRIV 2u

#define HC0(nr, n, w) long do_##n(void);
#define HC1(nr, n, w, t1) long do_##n(t1);
#define HC2(nr, n, w, t1, t2) long do_##n(t1, t2);
#define HC3(nr, n, w, t1, t2, t3) long do_##n(t1, t2, t3);
#define HC4(nr, n, w, t1, t2, t3, t4) long do_##n(t1, t2, t3, t4);
#define HC5(nr, n, w, t1, t2, t3, t4, t5) long do_##n(t1, t2, t3, t4, t5);
#include <xen/hypercall-defs.h>
#undef HC0
#undef HC1
#undef HC2
#undef HC3
#undef HC4
#undef HC5

/* Run hypercall regs->rax with the guest's argument registers. */
void pv_hypercall(struct cpu_user_regs *regs);
/* The same from a multicall entry; returns the handler's result. */
long hypercall_dispatch(unsigned long nr, const unsigned long args[6],
                        bool *known);

/*
 * Long-running hypercalls give the CPU back: when hypercall_preempt_check()
 * says work is waiting, the handler records where it stopped with
 * hypercall_continue(nr, args) and returns (its return value is not
 * seen); the arch entry then rewinds the guest to the hypercall
 * instruction with the new arguments, so the guest re-issues it after
 * whatever it has to handle first.  A continuation raised inside a
 * multicall entry is folded into a continuation of the multicall.
 */
bool hypercall_preempt_check(void);
long hypercall_continue(unsigned long nr, unsigned long a0, unsigned long a1,
                        unsigned long a2, unsigned long a3);
/* The arch entry's part: true (and cleared) if the current call continues. */
bool hypercall_take_continuation(unsigned long *nr, unsigned long args[6]);

#endif /* XEN_HYPERCALL_H */
