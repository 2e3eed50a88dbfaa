/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-arch values of the common guest ABI (arm64, Xen-on-ARM model). */
#ifndef ASM_GUEST_ABI_H
#define ASM_GUEST_ABI_H

#include <public/xen.h>
#include <public/features.h>
#include <asm/layout.h>

#define ARCH_CAPABILITIES   "xen-3.0-aarch64 "
#define ARCH_VIRT_START     XEN_VIRT_START
/* No M2P on arm: the machphys mapping query fails. */
#define ARCH_M2P_START      0
#define ARCH_M2P_END        0
/*
 * dom0's RAM is a 1:1 copy of host banks, so "everything" is no default:
 * without dom0_mem= it gets this much, with a warning (as on Xen).
 */
#define ARCH_DOM0_DEFAULT_MEM (512UL << 20)
/* No upcall mask on arm (vcpu_info has padding there): IRQs are unmasked
 * in the guest's saved PSTATE instead. */
struct vcpu;
void arch_event_delivery_enable(struct vcpu *v);
/* XENVER_get_features submap 0, before XENFEAT_dom0: auto-translated,
 * SMCCC through HVC, and whether the domain's RAM is mapped 1:1. */
#define arch_feature_bits(d)                                    \
    ((1u << XENFEAT_writable_page_tables) |                     \
     (1u << XENFEAT_auto_translated_physmap) |                  \
     (1u << XENFEAT_memory_op_vnode_supported) |                \
     (1u << XENFEAT_ARM_SMCCC_supported) |                      \
     ((d)->arch.direct_map ? 1u << XENFEAT_direct_mapped        \
                           : 1u << XENFEAT_not_direct_mapped))
/* An upcall became pending: raise the domain's event PPI on the vCPU. */
void arch_evtchn_inject(struct vcpu *v);

#endif /* ASM_GUEST_ABI_H */
