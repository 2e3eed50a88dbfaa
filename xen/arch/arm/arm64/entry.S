/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 exception vectors.  Every entry saves a struct cpu_user_regs on the
 * stack and calls C; exceptions from a guest find SP_EL2 just above the
 * frame slot in this CPU's struct cpu_info.
 */
#include <asm/asm-defns.h>
#include <asm/layout.h>

#define UREGS_SP    248
#define UREGS_PC    256
#define UREGS_CPSR  264
#define UREGS_ESR   272
#define UREGS_SIZE  288
#define CPUINFO_SIZE 320

.macro save_regs from_guest
    sub     sp, sp, #UREGS_SIZE
    stp     x0, x1, [sp, #16 * 0]
    stp     x2, x3, [sp, #16 * 1]
    stp     x4, x5, [sp, #16 * 2]
    stp     x6, x7, [sp, #16 * 3]
    stp     x8, x9, [sp, #16 * 4]
    stp     x10, x11, [sp, #16 * 5]
    stp     x12, x13, [sp, #16 * 6]
    stp     x14, x15, [sp, #16 * 7]
    stp     x16, x17, [sp, #16 * 8]
    stp     x18, x19, [sp, #16 * 9]
    stp     x20, x21, [sp, #16 * 10]
    stp     x22, x23, [sp, #16 * 11]
    stp     x24, x25, [sp, #16 * 12]
    stp     x26, x27, [sp, #16 * 13]
    stp     x28, x29, [sp, #16 * 14]
    .if \from_guest
    mrs     x0, sp_el1
    .else
    add     x0, sp, #UREGS_SIZE
    .endif
    stp     x30, x0, [sp, #16 * 15]
    mrs     x1, elr_el2
    mrs     x2, spsr_el2
    stp     x1, x2, [sp, #UREGS_PC]
    mrs     x3, esr_el2
    str     x3, [sp, #UREGS_ESR]
    .if \from_guest
    mov     x29, #0                 /* end of the frame chain */
    .endif
.endm

/* Restore the frame at sp and return from the exception. */
ENTRY(return_from_trap)
    msr     daifset, #2
    ldp     x1, x2, [sp, #UREGS_PC]
    msr     elr_el2, x1
    msr     spsr_el2, x2
    ldr     x0, [sp, #UREGS_SP]
    and     x2, x2, #0xf
    cmp     x2, #8                  /* back to a guest: restore its SP_EL1 */
    b.hs    1f
    msr     sp_el1, x0
1:
    ldp     x0, x1, [sp, #16 * 0]
    ldp     x2, x3, [sp, #16 * 1]
    ldp     x4, x5, [sp, #16 * 2]
    ldp     x6, x7, [sp, #16 * 3]
    ldp     x8, x9, [sp, #16 * 4]
    ldp     x10, x11, [sp, #16 * 5]
    ldp     x12, x13, [sp, #16 * 6]
    ldp     x14, x15, [sp, #16 * 7]
    ldp     x16, x17, [sp, #16 * 8]
    ldp     x18, x19, [sp, #16 * 9]
    ldp     x20, x21, [sp, #16 * 10]
    ldp     x22, x23, [sp, #16 * 11]
    ldp     x24, x25, [sp, #16 * 12]
    ldp     x26, x27, [sp, #16 * 13]
    ldp     x28, x29, [sp, #16 * 14]
    ldr     x30, [sp, #16 * 15]
    add     sp, sp, #UREGS_SIZE
    eret
    dsb     nsh
    isb
END(return_from_trap)

.macro handler name, from_guest, fn
\name:
    save_regs \from_guest
    .if \from_guest
    bl      enter_hypervisor_from_guest
    .endif
    mov     x0, sp
    bl      \fn
    .if \from_guest
    b       return_to_guest
    .else
    b       return_from_trap
    .endif
.endm

/*
 * Back to the guest whose frame is at sp (the bottom of this CPU's struct
 * cpu_info): softirqs and list registers first, with IRQs masked.
 * ret_to_guest is where a freshly switched-to vCPU starts (sp set by
 * reset_stack_and_call).
 */
ENTRY(ret_to_guest)
ENTRY(return_to_guest)
    msr     daifset, #2
    bl      leave_hypervisor_to_guest
    b       return_from_trap
END(return_to_guest)

    .text
/*
 * A synchronous exception with SP in (or just above) the guard page is a
 * stack overflow: saving a frame there would fault again, forever.  The
 * report runs from the top of the same stack (its outermost frames are
 * lost; struct cpu_info is kept).  TPIDR_EL2 is free for a scratch value.
 */
hyp_sync_check:
    msr     tpidr_el2, x0
    mov     x0, sp
    and     x0, x0, #(STACK_SIZE - 1)
    sub     x0, x0, #(UREGS_SIZE + 64)
    cmp     x0, #STACK_GUARD_SIZE
    mrs     x0, tpidr_el2
    b.ge    hyp_sync
    mov     x0, sp
    orr     x0, x0, #(STACK_SIZE - 1)
    add     x0, x0, #1
    sub     sp, x0, #CPUINFO_SIZE
    mrs     x0, tpidr_el2
    save_regs 0
    mov     x0, sp
    bl      do_stack_overflow
    b       .

    handler hyp_sync, 0, do_trap_hyp_sync
    handler hyp_irq, 0, do_trap_irq
    handler hyp_bad, 0, do_trap_bad
    handler guest_sync, 1, do_trap_guest_sync
    handler guest_irq, 1, do_trap_irq
    handler guest_bad, 1, do_trap_bad

.macro ventry target
    .balign 0x80
    b       \target
.endm

    .balign 2048
ENTRY(hyp_vectors)
    ventry  hyp_bad                 /* current EL, SP_EL0 */
    ventry  hyp_bad
    ventry  hyp_bad
    ventry  hyp_bad
    ventry  hyp_sync_check          /* current EL, SP_EL2 */
    ventry  hyp_irq
    ventry  hyp_bad
    ventry  hyp_bad
    ventry  guest_sync              /* lower EL, AArch64 */
    ventry  guest_irq
    ventry  guest_bad
    ventry  guest_bad
    ventry  guest_bad               /* lower EL, AArch32 */
    ventry  guest_bad
    ventry  guest_bad
    ventry  guest_bad
END(hyp_vectors)
