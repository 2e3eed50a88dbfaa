/* SPDX-License-Identifier: GPL-2.0-only */
/* Included first in every hypervisor translation unit: Kconfig output. */
#ifndef XEN_CONFIG_H
#define XEN_CONFIG_H

#include <generated/autoconf.h>

#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS 1
#endif
#define NR_CPUS CONFIG_NR_CPUS

/*
 * IS_ENABLED(CONFIG_FOO): 1 if Kconfig set FOO to y, else 0, usable in C
 * expressions so both branches are always compiled.  Kconfig defines an
 * enabled symbol as 1; pasting that onto the probe below yields "0," and
 * shifts a 1 into the second argument slot.
 */
#define __cfg_probe_1 0,
#define __cfg_second(a, b, ...) b
#define __cfg_pick(junk) __cfg_second(junk 1, 0, 0)
#define __cfg_paste(v) __cfg_pick(__cfg_probe_##v)
#define IS_ENABLED(option) __cfg_paste(option)

/*
 * The image is position independent code (it is linked far from the top
 * 2 GiB, so no small code model fits); hidden visibility keeps every
 * reference RIP-relative with no GOT.
 */
#if defined(__XEN__) && !defined(__ASSEMBLY__)
#pragma GCC visibility push(hidden)
#endif

#endif /* XEN_CONFIG_H */
