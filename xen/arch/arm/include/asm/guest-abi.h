/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-arch values of the common guest ABI (arm64, Xen-on-ARM model). */
#ifndef ASM_GUEST_ABI_H
#define ASM_GUEST_ABI_H

#include <public/xen.h>
#include <asm/layout.h>

#define ARCH_CAPABILITIES   "xen-3.0-aarch64 "
#define ARCH_VIRT_START     XEN_VIRT_START
/* No M2P on arm: the machphys mapping query fails. */
#define ARCH_M2P_START      0
#define ARCH_M2P_END        0
/* No upcall mask on arm (vcpu_info has padding there): IRQs are unmasked
 * in the guest's saved PSTATE instead. */
#define arch_event_delivery_enable(v) \
    ((v)->arch.user_regs.cpsr &= ~(uint64_t)PSR_IRQ_MASK)
/* An upcall became pending: raise the domain's event PPI on the vCPU. */
struct vcpu;
void arch_evtchn_inject(struct vcpu *v);

#endif /* ASM_GUEST_ABI_H */
