/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's virtual address layout on x86_64.  Everything lives in
 * PML4 slots 256-271 (HV_VIRT_START..END, the ABI's
 * HYPERVISOR_VIRT_START..END), the range the Xen ABI
 * reserves for the hypervisor in every 64-bit PV guest.  Usable from asm.
 */
#ifndef ASM_LAYOUT_H
#define ASM_LAYOUT_H

#ifdef __ASSEMBLY__
#define _AC(x, s) x
#else
#define _AC(x, s) x##s
#endif

#define HV_VIRT_START           _AC(0xFFFF800000000000, UL)
#define HV_VIRT_END             _AC(0xFFFF880000000000, UL)

/* Read-only M2P table for PV guests (slot 256). */
#define RO_MPT_VIRT_START       _AC(0xFFFF800000000000, UL)
#define RO_MPT_VIRT_END         _AC(0xFFFF804000000000, UL)

/*
 * Slot 260: per-domain mappings (each domain's own L3): the guest GDT and
 * LDT areas of its vCPUs, 16 pages each, 128 KiB per vCPU.
 */
#define PERDOMAIN_L4_SLOT       260
#define PERDOMAIN_VIRT_START    _AC(0xFFFF820000000000, UL)
#define GDT_LDT_VCPU_SHIFT      17

/* Slot 261 holds vmap, stacks, the image and the frame table. */
#define XEN_L4_SLOT             261
#define VMAP_VIRT_START         _AC(0xFFFF82C000000000, UL)  /* 64 GiB */
#define VMAP_VIRT_END           _AC(0xFFFF82D000000000, UL)
#define STACKS_VIRT_START       _AC(0xFFFF82D000000000, UL)  /* 1 GiB */
#define STUBS_VIRT_START        _AC(0xFFFF82D020000000, UL)  /* in stacks */
#define XEN_VIRT_START          _AC(0xFFFF82D040000000, UL)  /* 1 GiB */
#define XEN_VIRT_END            _AC(0xFFFF82D080000000, UL)
/* Read-write view of the M2P table (the guests' view is RO_MPT). */
#define RDWR_MPT_VIRT_START     _AC(0xFFFF82D080000000, UL)  /* 62 GiB */
#define RDWR_MPT_VIRT_END       _AC(0xFFFF82E000000000, UL)
#define FRAMETABLE_VIRT_START   _AC(0xFFFF82E000000000, UL)  /* 128 GiB */
#define FRAMETABLE_VIRT_END     _AC(0xFFFF830000000000, UL)

/* Slots 262-271: all of machine memory, 1:1 at an offset. */
#define DIRECTMAP_L4_SLOT       262
#define DIRECTMAP_VIRT_START    _AC(0xFFFF830000000000, UL)
#define DIRECTMAP_VIRT_END      _AC(0xFFFF880000000000, UL)

/* The image is loaded at this physical address and linked at
 * XEN_VIRT_START + XEN_LOAD_ADDR: the image mapping is phys + XEN_VIRT_START.
 */
#define XEN_LOAD_ADDR           0x200000

/* Per-CPU stack block: 8 pages, aligned to its size.
 * page 0: #DF IST stack, 1: NMI IST stack, 2: #MC IST stack,
 * page 3: guard (unmapped), pages 4-7: the primary stack, struct cpu_info
 * at its top.  Blocks are spaced 2 * STACK_SIZE apart in the stacks area.
 */
#define STACK_ORDER             3
#define STACK_SIZE              (4096 << STACK_ORDER)
#define STACK_GUARD_PAGE        3
#define IST_DF_PAGE             0
#define IST_NMI_PAGE            1
#define IST_MCE_PAGE            2
/* sizeof(struct cpu_info), checked at build time. */
#define CPUINFO_SIZE            232
/* Offset of the es slot in the frame: the ring-3 entry stack (16-aligned). */
#define UREGS_es                168
#define UREGS_cs                136

/* Hypervisor GDT selectors (Xen's layout; the guest owns entries below). */
#define FIRST_RESERVED_GDT_PAGE 14
#define FIRST_RESERVED_GDT_BYTE (FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY (FIRST_RESERVED_GDT_BYTE / 8)
#define __HYPERVISOR_CS         0xe008
#define __HYPERVISOR_DS32       0xe010
#define __HYPERVISOR_DS         0
#define GDT_RING3_CS32          0xe023  /* FLAT_RING3_CS32 */
#define GDT_RING3_DS32          0xe02b  /* FLAT_RING3_DS32 and SS */
#define GDT_RING3_CS64          0xe033  /* FLAT_RING3_CS64 */
#define __HYPERVISOR_CS32       0xe038
#define TSS_SELECTOR            0xe040
#define LDT_SELECTOR            0xe050
#define PER_CPU_SELECTOR        0xe060

#define NR_RESERVED_GDT_BYTES   0x70

#endif /* ASM_LAYOUT_H */
