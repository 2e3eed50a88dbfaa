/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's virtual address layout on arm64 (EL2, TTBR0_EL2 only,
 * 48-bit VAs, 4 KiB granule).  One root table serves every CPU.  Usable
 * from assembly.
 */
#ifndef ASM_LAYOUT_H
#define ASM_LAYOUT_H

#ifdef __ASSEMBLY__
#define _AC(x, s) x
#else
#define _AC(x, s) x##s
#endif

/*
 * L0 slot 0..19: an identity map of the GiB the image was loaded in, so
 * that every CPU can switch its MMU on while running at physical
 * addresses.  RAM below 10 TiB is assumed (the boot code checks).
 */
#define IDMAP_VIRT_END          _AC(0x00000A0000000000, UL)

/* L0 slot 20: the image (2 MiB blocks), then the boot-time FDT window. */
#define XEN_VIRT_START          _AC(0x00000A0000000000, UL)
#define XEN_VIRT_SIZE           _AC(0x0000000001000000, UL)  /* 16 MiB */
#define XEN_VIRT_END            (XEN_VIRT_START + XEN_VIRT_SIZE)
#define BOOT_FDT_VIRT_START     _AC(0x00000A0020000000, UL)
#define BOOT_FDT_VIRT_SIZE      _AC(0x0000000000400000, UL)  /* 4 MiB */

/* L0 slot 21: device mappings (ioremap) and other run-time mappings. */
#define VMAP_VIRT_START         _AC(0x00000A8000000000, UL)
#define VMAP_VIRT_END           _AC(0x00000B0000000000, UL)

/* L0 slots 24-27: the frame table, indexed by machine frame number. */
#define FRAMETABLE_VIRT_START   _AC(0x00000C0000000000, UL)
#define FRAMETABLE_VIRT_END     _AC(0x00000E0000000000, UL)

/* L0 slots 256-511: all of RAM at DIRECTMAP_VIRT_START + physical. */
#define DIRECTMAP_VIRT_START    _AC(0x0000800000000000, UL)
#define DIRECTMAP_VIRT_END      _AC(0x0001000000000000, UL)

/*
 * Per-CPU stack: 8 pages, aligned to its size, struct cpu_info on top;
 * page 0 is left unmapped as a guard (the exception entry code switches
 * to an emergency stack when SP is that low).
 */
#define STACK_ORDER             3
#define STACK_SIZE              (4096 << STACK_ORDER)
#define STACK_GUARD_SIZE        4096

#endif /* ASM_LAYOUT_H */
