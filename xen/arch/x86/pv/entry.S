/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV guest entry and exit.  SYSCALL from a guest lands in a per-CPU stub
 * (see pv/syscall.c) that switches to this CPU's stack and jumps here with
 * the guest's SS and RSP already pushed; we complete a struct cpu_user_regs
 * at the top of the stack (struct cpu_info) exactly where an interrupt or
 * exception from ring 3 would have put it.  Every return to a guest goes
 * through ret_to_guest.
 */
#include <asm/layout.h>

#define TRAP_SYSCALL 256

        .section .text.entry, "ax", @progbits

        .globl  syscall_common
syscall_common:
        pushq   %r11                            /* RFLAGS */
        pushq   $GDT_RING3_CS64
        pushq   %rcx                            /* RIP */
        pushq   $0
        movl    $TRAP_SYSCALL, 4(%rsp)
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
        mov     %rsp, %rdi
        sub     $8, %rsp                        /* the frame is 8 mod 16 */
        call    do_syscall
        add     $8, %rsp
        /* fall through */

/* Return to the current guest vCPU from its frame at the stack top. */
        .globl  ret_to_guest
ret_to_guest:
        mov     %rsp, %rax
        or      $(STACK_SIZE - 1), %rax
        lea     1 - CPUINFO_SIZE(%rax), %rsp
        cli
        mov     %rsp, %rdi
        sub     $8, %rsp
        call    exit_to_guest
        add     $8, %rsp
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
        iretq

/* Leave the current stack for good and run fn (no return). */
        .globl  reset_stack_and_call
reset_stack_and_call:
        mov     %rsp, %rax
        or      $(STACK_SIZE - 1), %rax
        lea     1 - CPUINFO_SIZE(%rax), %rsp
        jmp     *%rdi
