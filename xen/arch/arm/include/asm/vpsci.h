/* SPDX-License-Identifier: GPL-2.0-only */
/* PSCI and SMCCC calls from guests (HVC #0 / SMC #0). */
#ifndef ASM_VPSCI_H
#define ASM_VPSCI_H

#include <xen/types.h>

struct cpu_user_regs;
bool do_vpsci(struct cpu_user_regs *regs);

#endif /* ASM_VPSCI_H */
