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

    .section .text.header, "ax", %progbits

/* The Linux Image header: loaders place us 2 MiB-aligned anywhere. */
ENTRY(start)
    b       real_start
    .long   0                       /* code1 */
    .quad   0                       /* text_offset */
    .quad   _image_size             /* effective size incl. bss */
    .quad   0xa                     /* LE, 4 KiB pages, anywhere */
    .quad   0, 0, 0                 /* res2..res4 */
    .ascii  "ARM\x64"               /* magic */
    .long   0                       /* res5 */

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
 * 1 GiB identity block; slot 20 -> boot_first -> boot_second, 2 MiB
 * blocks of the image at XEN_VIRT_START.
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
    mov     x5, #0
    mov     x3, x19
1:  orr     x6, x3, x4
    str     x6, [x2, x5, lsl #3]
    add     x3, x3, #L2_PAGE_SIZE
    add     x5, x5, #1
    cmp     x5, #(XEN_VIRT_SIZE >> L2_PAGE_SHIFT)
    b.lo    1b

    /* Nothing may linger in the caches over the tables we just wrote. */
    adr_l   x0, boot_pgtable
    add     x1, x0, #(4 * 4096)
2:  dc      civac, x0
    add     x0, x0, #64
    cmp     x0, x1
    b.lo    2b
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
