/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU variables: defined into .bss.percpu, which CPU 0 uses in place;
 * every other CPU gets a zeroed copy.  They must not have initialisers.
 */
#ifndef XEN_PERCPU_H
#define XEN_PERCPU_H

#include <asm/percpu.h>

#endif /* XEN_PERCPU_H */
