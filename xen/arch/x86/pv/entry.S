/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV guest entry and exit.  SYSCALL from a guest lands in a per-CPU stub
 * (see pv/syscall.c) that switches to this CPU's stack and jumps here with
 * the guest's SS and RSP already pushed; we complete a struct cpu_user_regs
 * at the top of the stack (struct cpu_info) exactly where an interrupt or
 * exception from ring 3 would have put it.  Every return to a guest goes
 * through ret_to_guest.
 */
#include <asm/asm-defns.h>
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
        SAVE_ALL
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
        RESTORE_ALL
        iretq

/* Leave the current stack for good and run fn (no return). */
        .globl  reset_stack_and_call
reset_stack_and_call:
        mov     %rsp, %rax
        or      $(STACK_SIZE - 1), %rax
        lea     1 - CPUINFO_SIZE(%rax), %rsp
        jmp     *%rdi
