/* SPDX-License-Identifier: GPL-2.0-only */
/* Rebooting and powering off the machine. */
#ifndef XEN_SHUTDOWN_H
#define XEN_SHUTDOWN_H

#include <xen/compiler.h>

extern bool opt_noreboot;

/* Arch: reset the machine (after 'delay_ms'); never returns. */
void __noreturn machine_restart(unsigned int delay_ms);
/* Arch: power off (ACPI S5); falls back to halting. */
void __noreturn machine_power_off(void);
/* Arch: stop this CPU for good, interrupts off. */
void __noreturn machine_halt(void);

#endif /* XEN_SHUTDOWN_H */
