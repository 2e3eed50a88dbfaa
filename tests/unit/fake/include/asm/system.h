/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host-test interrupt flag and cpu_relax: the "interrupt flag" is a plain
 * variable, and spinning at all means a deadlock in a single-threaded test.
 */
#ifndef FAKE_ASM_SYSTEM_H
#define FAKE_ASM_SYSTEM_H

#include <xen/types.h>

extern bool fake_irq_enabled;
void fake_cpu_relax(void);

#define local_irq_disable()    ((void)(fake_irq_enabled = false))
#define local_irq_enable()     ((void)(fake_irq_enabled = true))
#define local_irq_is_enabled() (fake_irq_enabled)
#define local_irq_save(flags) \
    do { (flags) = fake_irq_enabled; fake_irq_enabled = false; } while ( 0 )
#define local_irq_restore(flags) \
    do { fake_irq_enabled = !!(flags); } while ( 0 )
#define cpu_relax() fake_cpu_relax()

#endif /* FAKE_ASM_SYSTEM_H */
