/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry from the boot loader (Linux arm64 boot protocol: x0 = device tree,
 * MMU and D-cache off) and from PSCI CPU_ON for secondary CPUs.  Builds
 * the boot page tables, switches the MMU on and calls start_xen().
 */
#include <asm/asm-defns.h>
#include <asm/layout.h>
#include <asm/page.h>
#include <asm/sysregs.h>

/* sizeof(struct cpu_info), checked in setup.c. */
#define CPUINFO_SIZE 320

/* The PE headers fill the first page; code starts at RVA 0x1000. */
#define EFI_HEADER_SIZE 0x1000

    .section .text.header, "ax", %progbits

/*
 * The Linux Image header, which doubles as a PE/COFF header so that UEFI
 * firmware and GRUB's xen_hypervisor can start the same file as an EFI
 * application (entry efi_entry, efi-boot.c).  Loaders that follow the
 * Linux arm64 boot protocol place us 2 MiB-aligned anywhere in RAM and
 * enter at offset 0.
 */
ENTRY(start)
    .inst   0xfa405a4d              /* code0: "MZ"; ccmp x18, #0, #0xd, pl */
    b       real_start              /* code1 */
    .quad   0                       /* text_offset */
    .quad   _image_size             /* effective size incl. bss */
    .quad   0xa                     /* LE, 4 KiB pages, anywhere */
    .quad   0, 0, 0                 /* res2..res4 */
    .ascii  "ARM\x64"               /* magic */
#ifdef CONFIG_EFI
    .long   pe_header - start       /* res5: where the PE header is */

    /*
     * PE32+ image, two sections whose file offsets equal their RVAs, so a
     * PE loader lays the file out exactly as it is linked.  No base
     * relocations: the EFI path only uses PC-relative addressing.
     */
pe_header:
    .ascii  "PE\0\0"
    .short  0xaa64                  /* Machine: AArch64 */
    .short  2                       /* NumberOfSections */
    .long   0, 0, 0                 /* time stamp, symbol table, symbols */
    .short  section_table - optional_header
    .short  0x0206                  /* executable, no line numbers or debug */
optional_header:
    .short  0x020b                  /* PE32+ */
    .byte   0, 0                    /* linker version */
    .long   _efi_text_size          /* SizeOfCode */
    .long   _efi_data_raw           /* SizeOfInitializedData */
    .long   _efi_bss_size           /* SizeOfUninitializedData */
    .long   _efi_entry_rva          /* AddressOfEntryPoint */
    .long   EFI_HEADER_SIZE         /* BaseOfCode */
    .quad   0                       /* ImageBase */
    .long   EFI_HEADER_SIZE         /* SectionAlignment */
    .long   0x200                   /* FileAlignment */
    .short  0, 0, 0, 0, 0, 0        /* OS, image, subsystem versions */
    .long   0                       /* Win32VersionValue */
    .long   _image_size             /* SizeOfImage */
    .long   EFI_HEADER_SIZE         /* SizeOfHeaders */
    .long   0                       /* CheckSum */
    .short  10                      /* Subsystem: EFI application */
    .short  0                       /* DllCharacteristics */
    .quad   0, 0, 0, 0              /* stack and heap reserve/commit */
    .long   0                       /* LoaderFlags */
    .long   6                       /* NumberOfRvaAndSizes */
    .quad   0, 0, 0, 0, 0, 0        /* no exports, imports, ... relocations */
section_table:
    .ascii  ".text\0\0\0"
    .long   _efi_text_size          /* VirtualSize */
    .long   EFI_HEADER_SIZE         /* VirtualAddress */
    .long   _efi_text_size          /* SizeOfRawData */
    .long   EFI_HEADER_SIZE         /* PointerToRawData */
    .long   0, 0                    /* relocations, line numbers */
    .short  0, 0
    .long   0x60000020              /* code, execute, read */
    .ascii  ".data\0\0\0"
    .long   _efi_data_size          /* VirtualSize, bss included */
    .long   _efi_data_rva           /* VirtualAddress */
    .long   _efi_data_raw           /* SizeOfRawData */
    .long   _efi_data_rva           /* PointerToRawData */
    .long   0, 0
    .short  0, 0
    .long   0xc0000040              /* initialised data, read, write */
    .balign EFI_HEADER_SIZE
    .globl efi_header_end
efi_header_end:
#else
    .long   0                       /* res5: no PE header */
#endif

    .globl real_start
real_start:
    msr     daifset, #0xf
    mov     x21, x0                 /* device tree physical address */
    mrs     x0, CurrentEL
    cmp     x0, #(2 << 2)
    b.eq    1f
    adr_l   x0, msg_not_el2
    b       boot_fail
1:
    adr_l   x19, start              /* where we were loaded */
    ldr     x0, =start
    sub     x20, x0, x19            /* virtual - physical */
    tst     x19, #0x1fffff
    b.eq    2f
    adr_l   x0, msg_align
    b       boot_fail
2:
    lsr     x0, x19, #39
    cmp     x0, #20                 /* identity map must miss our slots */
    b.lo    3f
    adr_l   x0, msg_high
    b       boot_fail
3:
    bl      cpu_init_el2
    bl      zero_bss
    bl      create_page_tables
    bl      enable_mmu
    ldr     x0, =primary_switched
    br      x0

primary_switched:
    ldr     x0, =cpu0_stack
    add     x0, x0, #STACK_SIZE
    sub     sp, x0, #CPUINFO_SIZE
    ldr     x0, =hyp_vectors
    msr     vbar_el2, x0
    isb
    ldr     x0, =xen_phys_offset
    str     x20, [x0]
    mov     x0, x21
    mov     x1, x19
    bl      start_xen
4:  wfi
    b       4b

/*
 * UEFI entry (PE AddressOfEntryPoint): x0 = image handle, x1 = system
 * table, firmware's stack, MMU on with an identity map.  efi_boot()
 * returns only when it cannot start the hypervisor (x0 = EFI status).
 */
#ifdef CONFIG_EFI
ENTRY(efi_entry)
    stp     x29, x30, [sp, #-16]!
    mov     x29, sp
    adr_l   x2, start
    bl      efi_boot
    ldp     x29, x30, [sp], #16
    ret

/*
 * After ExitBootServices (efi-boot.c): x0 = device tree, x1 = real_start
 * of the relocated copy, both cleaned to the point of coherency.  Turn
 * the MMU and caches off (we run from the firmware's identity map, so
 * execution goes on at the same addresses) and enter by the Linux boot
 * protocol.
 */
ENTRY(efi_enter_xen)
    msr     daifset, #0xf
    mov     x19, x0
    mov     x20, x1
    mrs     x2, sctlr_el2
    mov     x3, #(SCTLR_M | SCTLR_C)
    bic     x2, x2, x3
    bic     x2, x2, #SCTLR_I
    msr     sctlr_el2, x2
    isb
    ic      iallu
    tlbi    alle2
    dsb     sy
    isb
    mov     x0, x19
    br      x20
#endif

/* Secondary CPUs: x0 = logical CPU number (PSCI context id). */
ENTRY(secondary_start)
    msr     daifset, #0xf
    mov     x22, x0
    bl      cpu_init_el2
    bl      enable_mmu
    ldr     x0, =secondary_switched
    br      x0

secondary_switched:
    ldr     x0, =smp_up_stack
    ldr     x0, [x0]
    mov     sp, x0
    ldr     x0, =hyp_vectors
    msr     vbar_el2, x0
    isb
    mov     x0, x22
    bl      start_secondary
5:  wfi
    b       5b

/* EL2 state every CPU needs before the MMU goes on. */
cpu_init_el2:
    ldr     x0, =0x33ff             /* CPTR_EL2: RES1, FP/SIMD not trapped */
    msr     cptr_el2, x0
    /* Physical IRQs, FIQs and SErrors are taken to EL2. */
    mov     x0, #(HCR_IMO | HCR_FMO | HCR_AMO)
    msr     hcr_el2, x0
    msr     cntvoff_el2, xzr
    /* EL1 may read the physical counter; its physical timer traps. */
    mov     x0, #CNTHCTL_EL1PCTEN
    msr     cnthctl_el2, x0
    msr     cnthp_ctl_el2, xzr
    isb
    ret

zero_bss:
    adr_l   x0, __bss_start
    adr_l   x1, __bss_end
1:  cmp     x0, x1
    b.hs    2f
    stp     xzr, xzr, [x0], #16
    b       1b
2:  ret

/*
 * boot_pgtable (L0): slot of our physical address -> boot_first_id, a
 * 1 GiB identity block; slot 20 -> boot_first -> boot_second -> the
 * boot_third tables, 4 KiB pages of the image at XEN_VIRT_START.  Pages,
 * not 2 MiB blocks, so that protect_image() later only changes the
 * permissions of valid entries and never has to split a live block
 * (which would need break-before-make on the code it runs from).
 */
create_page_tables:
    adr_l   x0, boot_pgtable
    adr_l   x1, boot_first_id
    lsr     x2, x19, #39
    orr     x3, x1, #PTE_TABLE
    str     x3, [x0, x2, lsl #3]
    ubfx    x2, x19, #30, #9
    lsr     x3, x19, #30
    lsl     x3, x3, #30
    mov     x4, #(PTE_MEM_BASE | PTE_BLOCK)
    orr     x3, x3, x4
    str     x3, [x1, x2, lsl #3]

    adr_l   x1, boot_first
    orr     x3, x1, #PTE_TABLE
    str     x3, [x0, #(20 * 8)]
    adr_l   x2, boot_second
    orr     x3, x2, #PTE_TABLE
    str     x3, [x1]
    adr_l   x6, boot_third
    mov     x5, #0
1:  orr     x3, x6, #PTE_TABLE
    str     x3, [x2, x5, lsl #3]
    add     x6, x6, #4096
    add     x5, x5, #1
    cmp     x5, #(XEN_VIRT_SIZE >> L2_PAGE_SHIFT)
    b.lo    1b

    adr_l   x6, boot_third
    ldr     x4, =(PTE_MEM_BASE | PTE_TABLE)     /* L3: page descriptor */
    mov     x8, #(XEN_VIRT_SIZE >> PAGE_SHIFT)
    mov     x5, #0
    mov     x3, x19
2:  orr     x7, x3, x4
    str     x7, [x6, x5, lsl #3]
    add     x3, x3, #4096
    add     x5, x5, #1
    cmp     x5, x8
    b.lo    2b

    /* Nothing may linger in the caches over the tables we just wrote. */
    adr_l   x0, boot_pgtable
    adr_l   x1, boot_third_end
3:  dc      civac, x0
    add     x0, x0, #64
    cmp     x0, x1
    b.lo    3b
    dsb     sy
    ret

enable_mmu:
    ldr     x0, =MAIR_EL2_VALUE
    msr     mair_el2, x0
    mrs     x1, id_aa64mmfr0_el1
    and     x1, x1, #0xf            /* PARange */
    cmp     x1, #5
    mov     x2, #5
    csel    x1, x1, x2, lo          /* at most 48 bits */
    ldr     x0, =(TCR_T0SZ_48 | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | \
                  TCR_SH0_IS | TCR_TG0_4K | TCR_EL2_RES1)
    orr     x0, x0, x1, lsl #TCR_PS_SHIFT
    msr     tcr_el2, x0
    adr_l   x0, boot_pgtable
    msr     ttbr0_el2, x0
    isb
    tlbi    alle2
    dsb     nsh
    isb
    ldr     x0, =(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA)
    msr     sctlr_el2, x0
    isb
    ret

/* x0: message (physical address).  MMU off: print if we can, then stop. */
boot_fail:
#ifdef CONFIG_EARLY_PRINTK
    ldr     x1, =CONFIG_EARLY_UART_BASE
1:  ldrb    w2, [x0], #1
    cbz     w2, 3f
2:  ldr     w3, [x1, #0x18]         /* UARTFR */
    tbnz    w3, #5, 2b              /* TXFF */
    str     w2, [x1]
    b       1b
#endif
3:  wfi
    b       3b

    .section .rodata, "a", %progbits
msg_not_el2:
    .asciz  "- Hypervisor must be entered in EL2; stopping -\r\n"
msg_align:
    .asciz  "- Hypervisor image not loaded 2 MiB aligned; stopping -\r\n"
msg_high:
    .asciz  "- Hypervisor loaded above 10 TiB; not supported -\r\n"

    .section .bss.page_aligned, "aw", %nobits
    .balign 4096
    .globl boot_pgtable, boot_first, boot_second
boot_pgtable:
    .space  4096
boot_first_id:
    .space  4096
boot_first:
    .space  4096
boot_second:
    .space  4096
boot_third:
    .space  (XEN_VIRT_SIZE >> L2_PAGE_SHIFT) * 4096
boot_third_end:
