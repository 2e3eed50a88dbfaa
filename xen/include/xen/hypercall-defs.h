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
 * A number that is not listed returns -ENOSYS: hvm_op (34), sysctl (35)
 * and domctl (36) are not implemented yet.
 */

/*  nr  name                 who      argument types */
HC2( 0, set_trap_table,      HC_PV,   unsigned long, unsigned long)
HC4( 1, mmu_update,          HC_PV,   unsigned long, unsigned int, unsigned long, unsigned int)
HC2( 2, set_gdt,             HC_PV,   unsigned long, unsigned int)
HC2( 3, stack_switch,        HC_PV,   unsigned long, unsigned long)
HC3( 4, set_callbacks,       HC_PV,   unsigned long, unsigned long, unsigned long)
HC1( 5, fpu_taskswitch,      HC_PV,   int)
HC1( 7, platform_op,         HC_PRIV, unsigned long)
HC2( 8, set_debugreg,        HC_PV,   int, unsigned long)
HC1( 9, get_debugreg,        HC_PV,   int)
HC2(10, update_descriptor,   HC_PV,   uint64_t, uint64_t)
HC2(12, memory_op,           HC_PV,   unsigned long, unsigned long)
HC2(13, multicall,           HC_PV,   unsigned long, unsigned int)
HC3(14, update_va_mapping,   HC_PV,   unsigned long, uint64_t, unsigned long)
HC1(15, set_timer_op,        HC_PV,   int64_t)
HC2(17, xen_version,         HC_PV,   int, unsigned long)
HC3(18, console_io,          HC_PV,   int, unsigned int, unsigned long)
HC3(20, grant_table_op,      HC_PV,   unsigned int, unsigned long, unsigned int)
HC2(21, vm_assist,           HC_PV,   unsigned int, unsigned int)
HC4(22, update_va_mapping_otherdomain, HC_PV, unsigned long, uint64_t, unsigned long, domid_t)
HC0(23, iret,                HC_PV)
HC3(24, vcpu_op,             HC_PV,   int, unsigned int, unsigned long)
HC2(25, set_segment_base,    HC_PV,   unsigned int, unsigned long)
HC4(26, mmuext_op,           HC_PV,   unsigned long, unsigned int, unsigned long, unsigned int)
HC2(29, sched_op,            HC_PV,   int, unsigned long)
HC2(30, callback_op,         HC_PV,   int, unsigned long)
HC2(32, event_channel_op,    HC_PV,   int, unsigned long)
HC2(33, physdev_op,          HC_PV,   int, unsigned long)
HC1(48, mca,                 HC_PRIV, unsigned long)
