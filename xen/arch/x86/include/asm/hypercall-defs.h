/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-only (64-bit PV) hypercalls, in the format of xen/hypercall-defs.h (included
 * from there, so no include guard).
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
HC3(14, update_va_mapping,   HC_PV,   unsigned long, uint64_t, unsigned long)
HC4(22, update_va_mapping_otherdomain, HC_PV, unsigned long, uint64_t, unsigned long, domid_t)
HC0(23, iret,                HC_PV)
HC2(25, set_segment_base,    HC_PV,   unsigned int, unsigned long)
HC4(26, mmuext_op,           HC_PV,   unsigned long, unsigned int, unsigned long, unsigned int)
HC2(30, callback_op,         HC_PV,   int, unsigned long)
HC2(33, physdev_op,          HC_PV,   int, unsigned long)
HC1(48, mca,                 HC_PRIV, unsigned long)
