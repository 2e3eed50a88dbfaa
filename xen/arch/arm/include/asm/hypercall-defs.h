/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64-only hypercalls, in the format of xen/hypercall-defs.h (included
 * from there, so no include guard).
 */

/* None yet: hvm_op, physdev_op and platform_op come with dom0. */
