/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64-only hypercalls, in the format of xen/hypercall-defs.h (included
 * from there, so no include guard).  physdev_op is not offered (-ENOSYS,
 * as on Xen for arm without PCI support).
 */

/*  nr  name                 who      argument types */
HC2(34, hvm_op,              HC_PV,   unsigned long, unsigned long)
HC1( 7, platform_op,         HC_PRIV, unsigned long)
