/* SPDX-License-Identifier: GPL-2.0-only */
/* The <limits.h> constants libfdt's headers use. */
#ifndef FDT_LIBC_LIMITS_H
#define FDT_LIBC_LIMITS_H

#define CHAR_BIT  8
#define INT_MAX   __INT_MAX__
#define INT_MIN   (-INT_MAX - 1)
#define UINT_MAX  (INT_MAX * 2U + 1U)
#define LONG_MAX  __LONG_MAX__
#define LONG_MIN  (-LONG_MAX - 1L)
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)

#endif
