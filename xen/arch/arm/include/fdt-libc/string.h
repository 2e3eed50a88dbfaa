/* SPDX-License-Identifier: GPL-2.0-only */
/* The part of <string.h> libfdt uses; common/string.c implements it. */
#ifndef FDT_LIBC_STRING_H
#define FDT_LIBC_STRING_H

#include <xen/string.h>

#endif
