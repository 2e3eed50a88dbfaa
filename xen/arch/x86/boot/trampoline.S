/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Application processor start-up code.  Copied to a page below 1 MiB and
 * started by a SIPI in real mode; goes through 32-bit protected mode to
 * long mode on idle_pg_table and jumps to the C entry point with the stack
 * the boot CPU left in the patched fields at the end.
 */
        .section .text, "ax", @progbits
        .code16
        .globl  trampoline_start
trampoline_start:
        cli
        cld
        mov     %cs, %bx
        mov     %bx, %ds
        movzwl  %bx, %ebx
        shl     $4, %ebx                        /* physical base */
        lgdtl   tramp_gdtr - trampoline_start
        mov     %cr0, %eax
        or      $1, %eax
        mov     %eax, %cr0
        ljmpl   *(tramp_far32 - trampoline_start)

        .code32
tramp32:
        mov     $0x10, %ax
        mov     %ax, %ds
        mov     %ax, %es
        mov     %ax, %ss
        mov     %cr4, %eax
        or      $(1 << 5), %eax                 /* PAE */
        mov     %eax, %cr4
        mov     (tramp_cr3 - trampoline_start)(%ebx), %eax
        mov     %eax, %cr3
        mov     $0xc0000080, %ecx
        rdmsr
        or      (tramp_efer - trampoline_start)(%ebx), %eax
        wrmsr
        mov     %cr0, %eax
        or      $0x80010033, %eax               /* PG WP NE ET MP PE */
        and     $~0x60000004, %eax
        mov     %eax, %cr0
        ljmpl   *(tramp_far64 - trampoline_start)(%ebx)

        .code64
tramp64:
        mov     %ebx, %ebx
        mov     (tramp_stack - trampoline_start)(%rbx), %rsp
        mov     (tramp_entry - trampoline_start)(%rbx), %rax
        jmp     *%rax

        .balign 8
tramp_gdt:
        .quad   0
        .quad   0x00cf9a000000ffff              /* 0x08: code, 32-bit */
        .quad   0x00cf92000000ffff              /* 0x10: data */
        .quad   0x00af9a000000ffff              /* 0x18: code, 64-bit */
        .globl  tramp_gdtr, tramp_far32, tramp_far64, tramp_cr3, tramp_efer
        .globl  tramp_stack, tramp_entry, tramp_gdt, tramp32, tramp64
tramp_gdtr:
        .word   31
        .long   0
        .balign 4
tramp_far32:
        .long   0
        .word   0x08
        .balign 4
tramp_far64:
        .long   0
        .word   0x18
        .balign 4
tramp_cr3:
        .long   0
tramp_efer:
        .long   0
        .balign 8
tramp_stack:
        .quad   0
tramp_entry:
        .quad   0
        .globl  trampoline_end
trampoline_end:
