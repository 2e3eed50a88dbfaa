/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trap and event-callback entry stubs. Xen bounces an exception onto
 * the guest kernel stack as RCX, R11, [error code], RIP, CS, RFLAGS,
 * RSP, SS (lowest first); the event callback has no error code and the
 * failsafe callback adds DS, ES, FS, GS after R11. Every stub rebuilds a
 * struct trap_regs, calls trap_entry() and returns with the iret
 * hypercall (frame: RAX, R11, RCX, flags, RIP, CS, RFLAGS, RSP, SS).
 */
/* public/xen.h is C-only for now: the iret hypercall is number 23. */
#define HYPERCALL_IRET 23

/* Stub for a vector without an error code. */
.macro trap_noerr vec
    .globl trap_\vec
trap_\vec:
    pop %rcx
    pop %r11
    push $0
    push $\vec
    jmp trap_common
.endm

/* Stub for a vector that pushes an error code. */
.macro trap_err vec
    .globl trap_\vec
trap_\vec:
    pop %rcx
    pop %r11
    push $\vec
    jmp trap_common
.endm

    .text
    trap_noerr 0
    trap_noerr 1
    trap_noerr 2
    trap_noerr 3
    trap_noerr 4
    trap_noerr 5
    trap_noerr 6
    trap_noerr 7
    trap_err 8
    trap_err 10
    trap_err 11
    trap_err 12
    trap_err 13
    trap_err 14
    trap_noerr 16
    trap_err 17
    trap_noerr 18
    trap_noerr 19

    .globl event_callback
event_callback:
    pop %rcx
    pop %r11
    push $0
    push $256
    jmp trap_common

    .globl failsafe_callback
failsafe_callback:
    pop %rcx
    pop %r11
    add $32, %rsp           /* DS, ES, FS, GS */
    push $0
    push $257
    jmp trap_common

trap_common:
    push %rdi
    push %rsi
    push %rdx
    push %rcx
    push %rax
    push %r8
    push %r9
    push %r10
    push %r11
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, %rdi
    mov %rsp, %rbx
    and $-16, %rsp
    call trap_entry
    mov %rbx, %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rax
    pop %rcx
    pop %rdx
    pop %rsi
    pop %rdi
    add $16, %rsp           /* vector, error code */
    /* fall through */

    .globl iret_to_guest
iret_to_guest:
    push $0                 /* flags: a plain iret */
    cmpb $0, iret_via_page(%rip)
    jne 1f
    push %rcx
    push %r11
    push %rax
    mov $HYPERCALL_IRET, %eax
    syscall
    ud2
1:
    /* The page's iret stub pushes RCX, R11 and RAX itself. */
    jmp *iret_stub(%rip)
