/* SPDX-License-Identifier: GPL-2.0-only */
/* The part of <stdlib.h> libfdt's headers and library need (fdt-glue.c). */
#ifndef FDT_LIBC_STDLIB_H
#define FDT_LIBC_STDLIB_H

#include <stddef.h>

unsigned long strtoul(const char *s, char **end, int base);

#endif
