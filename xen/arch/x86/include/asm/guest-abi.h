/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-arch values of the common guest ABI (x86_64 PV). */
#ifndef ASM_GUEST_ABI_H
#define ASM_GUEST_ABI_H

#include <public/xen.h>
#include <public/features.h>

/* XENVER_capabilities */
#define ARCH_CAPABILITIES   "xen-3.0-x86_64 "
/* XENVER_platform_parameters: where the hypervisor's hole starts. */
#define ARCH_VIRT_START     HYPERVISOR_VIRT_START
/* XENMEM_machphys_mapping: the read-only M2P, or 0/0 if none. */
#define ARCH_M2P_START      MACH2PHYS_VIRT_START
#define ARCH_M2P_END        MACH2PHYS_VIRT_END
/* SCHEDOP_block lets events through: PV clears the upcall mask. */
#define arch_event_delivery_enable(v) \
    ((v)->vcpu_info->evtchn_upcall_mask = 0)
/* XENVER_get_features submap 0, before XENFEAT_dom0. */
#define arch_feature_bits(d) ((void)(d),                        \
    (1u << XENFEAT_pae_pgdir_above_4gb) |                       \
    (1u << XENFEAT_mmu_pt_update_preserve_ad) |                 \
    (1u << XENFEAT_highmem_assist) |                            \
    (1u << XENFEAT_gnttab_map_avail_bits) |                     \
    (1u << XENFEAT_memory_op_vnode_supported))
/* An upcall became pending: PV delivers it on the way back to the guest. */
#define arch_evtchn_inject(v) ((void)(v))

#endif /* ASM_GUEST_ABI_H */
