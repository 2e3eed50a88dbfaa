/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 parts of domains and vCPUs (guests are EL1 VMs under stage 2). */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <xen/types.h>
#include <public/xen.h>
#include <asm/processor.h>

struct arch_vcpu {
    /* Guest registers while the vCPU is not running. */
    struct cpu_user_regs user_regs;
};

struct arch_domain {
    uint16_t vmid;
};

#endif /* ASM_DOMAIN_H */
