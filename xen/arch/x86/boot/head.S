/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry from a Multiboot 1 or 2 loader: 32-bit protected mode, paging off.
 * Checks for long mode, zeroes .bss, enables paging with the boot page
 * tables and jumps to __start_xen() at the linked (high) address.
 */
#include <asm/layout.h>
#include <asm/page.h>
#include <asm/multiboot.h>

#define sym_phys(s)     ((s) - XEN_VIRT_START)
#define MB1_FLAGS       (MB1_HF_PAGE_ALIGN | MB1_HF_MEMINFO | MB1_HF_ADDRESS)
#define PDE_TABLE       (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PDE_2M          (PDE_TABLE | _PAGE_PSE)
#define COM1            0x3f8

        .section .text.header, "ax", @progbits
        .code32
        .globl start
start:
        jmp     __start

        .balign 4
multiboot1_header:
        .long   MB1_HEADER_MAGIC
        .long   MB1_FLAGS
        .long   -(MB1_HEADER_MAGIC + MB1_FLAGS)
        .long   sym_phys(multiboot1_header)     /* header_addr */
        .long   sym_phys(start)                 /* load_addr */
        .long   sym_phys(_edata)                /* load_end_addr */
        .long   sym_phys(__bss_end)             /* bss_end_addr */
        .long   sym_phys(__start)               /* entry_addr */

        .balign 8
multiboot2_header:
        .long   MB2_HEADER_MAGIC
        .long   0                               /* i386 */
        .long   mb2_header_end - multiboot2_header
        .long   0x100000000 - (MB2_HEADER_MAGIC + (mb2_header_end - multiboot2_header))
        /* address tag */
        .short  MB2_HT_ADDRESS, 0
        .long   24
        .long   sym_phys(multiboot2_header)
        .long   sym_phys(start)
        .long   sym_phys(_edata)
        .long   sym_phys(__bss_end)
        /* entry tag */
        .short  MB2_HT_ENTRY, 0
        .long   12
        .long   sym_phys(__start)
        .long   0                               /* pad to 8 */
        /* modules page aligned */
        .short  MB2_HT_MODALIGN, 0
        .long   8
        /* end */
        .short  MB2_HT_END, 0
        .long   8
mb2_header_end:

        .balign 8
boot_gdt:
        .quad   0
        .quad   0x00af9a000000ffff              /* 0x08: ring 0 code, 64-bit */
        .quad   0x00cf92000000ffff              /* 0x10: ring 0 data */
boot_gdt_end:
        .globl  boot_gdtr32
boot_gdtr32:
        .word   boot_gdt_end - boot_gdt - 1
        .long   sym_phys(boot_gdt)

/* Print the NUL-terminated string at %esi on COM1 and stop. */
early_error:
        mov     $COM1 + 3, %dx
        mov     $0x03, %al                      /* 8n1 */
        out     %al, %dx
1:      lodsb
        test    %al, %al
        jz      2f
        mov     %al, %ah
        mov     $COM1 + 5, %dx
3:      in      %dx, %al
        test    $0x20, %al
        jz      3b
        mov     $COM1, %dx
        mov     %ah, %al
        out     %al, %dx
        jmp     1b
2:      cli
        hlt
        jmp     2b

err_nolm:
        .asciz  "ERR: not a 64-bit CPU (no long mode)\r\n"
err_loader:
        .asciz  "ERR: not loaded by a Multiboot loader\r\n"

__start:
        cld
        cli
        mov     %eax, %ebp                      /* loader magic */
        mov     %ebx, %edi                      /* loader info (phys) */

        cmp     $MB1_BOOTLOADER_MAGIC, %ebp
        je      1f
        cmp     $MB2_BOOTLOADER_MAGIC, %ebp
        je      1f
        mov     $sym_phys(err_loader), %esi
        jmp     early_error
1:
        /* Zero .bss (the loader should have; do not rely on it). */
        mov     %edi, %edx
        mov     $sym_phys(__bss_start), %edi
        mov     $sym_phys(__bss_end), %ecx
        sub     %edi, %ecx
        shr     $2, %ecx
        xor     %eax, %eax
        rep stosl
        mov     %edx, %edi

        mov     $sym_phys(cpu0_stack) + STACK_SIZE, %esp

        /* Long mode? */
        mov     $0x80000000, %eax
        cpuid
        cmp     $0x80000001, %eax
        jb      2f
        mov     $0x80000001, %eax
        cpuid
        bt      $29, %edx
        jc      3f
2:      mov     $sym_phys(err_nolm), %esi
        jmp     early_error
3:
        /* EFER: LME, plus NXE when NX exists. */
        mov     $(1 << 8), %ebx
        bt      $20, %edx
        jnc     4f
        or      $(1 << 11), %ebx
4:
        lgdt    sym_phys(boot_gdtr32)

        mov     %cr4, %eax
        or      $(1 << 5), %eax                 /* PAE */
        mov     %eax, %cr4
        mov     $sym_phys(idle_pg_table), %eax
        mov     %eax, %cr3
        mov     $0xc0000080, %ecx
        rdmsr
        or      %ebx, %eax
        wrmsr
        mov     %cr0, %eax
        or      $0x80010033, %eax               /* PG WP NE ET MP PE */
        and     $~0x60000004, %eax              /* caches on, no EM */
        mov     %eax, %cr0

        ljmp    $0x08, $sym_phys(start64)

        .code64
start64:
        movabs  $high_start, %rax
        jmp     *%rax

        .section .text.entry, "ax", @progbits
high_start:
        xor     %eax, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %fs
        mov     %eax, %gs
        mov     $0x10, %eax
        mov     %eax, %ss
        lea     cpu0_stack + STACK_SIZE - CPUINFO_SIZE(%rip), %rsp
        mov     %edi, %esi                      /* info, zero-extended */
        mov     %ebp, %edi                      /* magic */
        call    __start_xen
        ud2

/*
 * Boot page tables.  idle_pg_table maps the low 4 GiB 1:1 (slot 0, needed
 * while paging comes on and by AP start-up) and at DIRECTMAP_VIRT_START, and
 * the first GiB of physical memory at XEN_VIRT_START (the image).
 */
        .section .data.page_aligned, "aw", @progbits
        .balign 4096
        .globl  idle_pg_table
idle_pg_table:
        .quad   sym_phys(l3_bootmap) + PDE_TABLE
        .fill   XEN_L4_SLOT - 1, 8, 0
        .quad   sym_phys(l3_xenmap) + PDE_TABLE
        .quad   sym_phys(l3_bootmap) + PDE_TABLE        /* directmap */
        .fill   512 - DIRECTMAP_L4_SLOT - 1, 8, 0

        .globl  l3_bootmap
l3_bootmap:
        .quad   sym_phys(l2_bootmap) + PDE_TABLE
        .quad   sym_phys(l2_bootmap) + 0x1000 + PDE_TABLE
        .quad   sym_phys(l2_bootmap) + 0x2000 + PDE_TABLE
        .quad   sym_phys(l2_bootmap) + 0x3000 + PDE_TABLE
        .fill   508, 8, 0

        .globl  l3_xenmap
l3_xenmap:
        .fill   (XEN_VIRT_START >> 30) & 511, 8, 0
        .quad   sym_phys(l2_xenmap) + PDE_TABLE
        .fill   511 - ((XEN_VIRT_START >> 30) & 511), 8, 0

        .globl  l2_xenmap
l2_xenmap:
        .set    i, 0
        .rept   512
        .quad   (i << 21) + PDE_2M
        .set    i, i + 1
        .endr

        .globl  l2_bootmap
l2_bootmap:
        .set    i, 0
        .rept   2048
        .quad   (i << 21) + PDE_2M
        .set    i, i + 1
        .endr
