/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception and interrupt entry: one 16-byte stub per vector pushes a
 * dummy error code where the CPU does not, records the vector, and joins
 * common code that saves a struct cpu_user_regs and calls do_trap().
 */
#include <asm/asm-defns.h>
#include <asm/layout.h>

        .section .text.entry, "ax", @progbits

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
                    (v) == 21 || (v) == 29 || (v) == 30)

        .balign 16
        .globl  trap_stubs
trap_stubs:
        .set    vec, 0
        .rept   256
        .balign 16
        .if     HAS_ERR(vec)
        .else
        pushq   $0
        .endif
        movl    $vec, 4(%rsp)
        jmp     common_entry
        .set    vec, vec + 1
        .endr

common_entry:
        SAVE_ALL
        mov     %rsp, %rdi
        mov     %rsp, %rbx
        and     $~15, %rsp
        call    do_trap
        mov     %rbx, %rsp
        testb   $3, UREGS_cs(%rsp)              /* from a guest? */
        jnz     ret_to_guest
        RESTORE_ALL
        iretq

/* Reload CS after lgdt: far return to the new hypervisor code selector. */
        .globl  reload_cs
reload_cs:
        popq    %rax
        pushq   $__HYPERVISOR_CS
        pushq   %rax
        lretq
