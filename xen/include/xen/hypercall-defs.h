/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one list of hypercalls.  Each line: number, name (the handler is
 * do_<name>), who may call it, then the C types of its arguments.  The
 * dispatcher (common/hypercall.c) and the handler prototypes are generated
 * from this list; the permission check is made there, not in handlers.
 *
 *   HC_PV     any PV guest
 *   HC_PRIV   privileged (control) domains only
 *
 * A number that is not listed returns -ENOSYS.  This file lists the
 * hypercalls of every architecture; asm/hypercall-defs.h adds the
 * arch-specific ones.
 */

/*  nr  name                 who      argument types */
HC2(12, memory_op,           HC_PV,   unsigned long, unsigned long)
HC2(13, multicall,           HC_PV,   unsigned long, unsigned int)
HC1(15, set_timer_op,        HC_PV,   int64_t)
HC2(17, xen_version,         HC_PV,   int, unsigned long)
HC3(18, console_io,          HC_PV,   int, unsigned int, unsigned long)
HC3(20, grant_table_op,      HC_PV,   unsigned int, unsigned long, unsigned int)
HC2(21, vm_assist,           HC_PV,   unsigned int, unsigned int)
HC3(24, vcpu_op,             HC_PV,   int, unsigned int, unsigned long)
HC2(29, sched_op,            HC_PV,   int, unsigned long)
HC2(32, event_channel_op,    HC_PV,   int, unsigned long)
HC1(35, sysctl,              HC_PRIV, unsigned long)
HC1(36, domctl,              HC_PRIV, unsigned long)

/* Then the architecture's own (x86 PV MMU and traps, arm hvm_op...). */
#include <asm/hypercall-defs.h>
