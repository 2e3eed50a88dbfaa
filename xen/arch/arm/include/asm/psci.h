/* SPDX-License-Identifier: GPL-2.0-only */
/* PSCI: the firmware interface for CPU power and system reset/off. */
#ifndef ASM_PSCI_H
#define ASM_PSCI_H

#include <xen/types.h>

#define PSCI_0_2_FN_VERSION         0x84000000u
#define PSCI_0_2_FN_CPU_SUSPEND     0xc4000001u
#define PSCI_0_2_FN_CPU_OFF         0x84000002u
#define PSCI_0_2_FN_CPU_ON          0xc4000003u
#define PSCI_0_2_FN_AFFINITY_INFO   0xc4000004u
#define PSCI_0_2_FN_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_0_2_FN_SYSTEM_OFF      0x84000008u
#define PSCI_0_2_FN_SYSTEM_RESET    0x84000009u
#define PSCI_1_0_FN_FEATURES        0x8400000au

#define PSCI_SUCCESS                0
#define PSCI_NOT_SUPPORTED          (-1)
#define PSCI_INVALID_PARAMETERS     (-2)
#define PSCI_DENIED                 (-3)
#define PSCI_ALREADY_ON             (-4)
#define PSCI_ON_PENDING             (-5)
#define PSCI_INTERNAL_FAILURE       (-6)
#define PSCI_NOT_PRESENT            (-7)
#define PSCI_DISABLED               (-8)
#define PSCI_INVALID_ADDRESS        (-9)

extern uint32_t psci_ver;           /* 0: no PSCI found */

void psci_init(void);
int psci_cpu_on(uint64_t mpidr, paddr_t entry, unsigned long context);
void psci_system_off(void);
void psci_system_reset(void);

#endif /* ASM_PSCI_H */
