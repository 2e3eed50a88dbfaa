/* SPDX-License-Identifier: GPL-2.0-only */
/* Boot-time initialisation entry points of drivers and subsystems. */
#ifndef XEN_INIT_H
#define XEN_INIT_H

#include <xen/compiler.h>

#ifdef CONFIG_NS16550
void ns16550_init(void);
int ns16550_getc(void);
#else
static inline void ns16550_init(void) {}
static inline int ns16550_getc(void) { return -1; }
#endif

#endif /* XEN_INIT_H */
