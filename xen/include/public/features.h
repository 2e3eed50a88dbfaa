/* SPDX-License-Identifier: MIT */
/*
 * Feature bits reported by XENVER_get_features (submap 0) and named in
 * the FEATURES / SUPPORTED_FEATURES ELF notes.
 */
#ifndef XEN_PUBLIC_FEATURES_H
#define XEN_PUBLIC_FEATURES_H

/* Guest may write its own L1 entries (trapped and emulated). */
#define XENFEAT_writable_page_tables       0
/* Guest may write descriptor tables directly. */
#define XENFEAT_writable_descriptor_tables 1
/* Guest addresses are translated (no p2m list needed). */
#define XENFEAT_auto_translated_physmap    2
/* Guest kernel runs in ring 0 (never for us). */
#define XENFEAT_supervisor_mode_kernel     3
/* 32-bit PAE guest may have its L3 above 4 GiB. */
#define XENFEAT_pae_pgdir_above_4gb        4
/* MMU_PT_UPDATE_PRESERVE_AD is available. */
#define XENFEAT_mmu_pt_update_preserve_ad  5
/* MMUEXT_{CLEAR,COPY}_PAGE are available. */
#define XENFEAT_highmem_assist             6
/* GNTMAP_guest_avail bits are kept in grant mappings. */
#define XENFEAT_gnttab_map_avail_bits      7
/* HVM: events may arrive through an IDT vector. */
#define XENFEAT_hvm_callback_vector        8
/* HVM: pvclock is safe to use. */
#define XENFEAT_hvm_safe_pvclock           9
/* HVM: PIRQs can be routed to event channels. */
#define XENFEAT_hvm_pirqs                  10
/* This domain is the hardware/control domain. */
#define XENFEAT_dom0                       11
/* Grant mappings of own pages are 1:1 (arm). */
#define XENFEAT_grant_map_identity         12
/* XENMEMF_vnode is understood by memory_op. */
#define XENFEAT_memory_op_vnode_supported  13
/* arm: SMCCC 1.1 calls are available. */
#define XENFEAT_ARM_SMCCC_supported        14
/* PVH Linux may use an RSDP above the legacy area. */
#define XENFEAT_linux_rsdp_unrestricted    15
/* arm: the domain is not 1:1 mapped. */
#define XENFEAT_not_direct_mapped          16
/* arm: the domain is 1:1 mapped (IPA == PA). */
#define XENFEAT_direct_mapped              17

#define XENFEAT_NR_SUBMAPS 1

#endif /* XEN_PUBLIC_FEATURES_H */
