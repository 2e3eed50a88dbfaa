/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Assembler macros that build and unwind a struct cpu_user_regs on the
 * stack (the part below the error code / vector slot).
 */
#ifndef ASM_ASM_DEFNS_H
#define ASM_ASM_DEFNS_H

#ifdef __ASSEMBLY__
.macro SAVE_ALL
        pushq   %rdi
        pushq   %rsi
        pushq   %rdx
        pushq   %rcx
        pushq   %rax
        pushq   %r8
        pushq   %r9
        pushq   %r10
        pushq   %r11
        pushq   %rbx
        pushq   %rbp
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        cld
.endm

/* Restore every register and drop the error code / vector slot. */
.macro RESTORE_ALL
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbp
        popq    %rbx
        popq    %r11
        popq    %r10
        popq    %r9
        popq    %r8
        popq    %rax
        popq    %rcx
        popq    %rdx
        popq    %rsi
        popq    %rdi
        add     $8, %rsp
.endm
#endif

#endif /* ASM_ASM_DEFNS_H */
