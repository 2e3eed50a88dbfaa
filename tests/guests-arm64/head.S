/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry of the arm64 test guests: a Linux arm64 Image, so the hypervisor
 * builds it as dom0 (x0 = device tree, EL1, MMU and caches off).  Sets up
 * a stack and exception vectors, clears the bss and calls guest_main().
 */
    .section .text.head, "ax", %progbits
    .globl _start
_start:
    b       entry
    .long   0
    .quad   0                       /* text_offset */
    .quad   _image_size             /* effective size incl. bss */
    .quad   0xa                     /* LE, 4 KiB pages, anywhere */
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .long   0

entry:
    mov     x19, x0
    adrp    x0, stack_top
    add     x0, x0, :lo12:stack_top
    mov     sp, x0
    adrp    x0, vectors
    add     x0, x0, :lo12:vectors
    msr     vbar_el1, x0
    isb
    adrp    x0, __bss_start
    add     x0, x0, :lo12:__bss_start
    adrp    x1, __bss_end
    add     x1, x1, :lo12:__bss_end
1:  cmp     x0, x1
    b.hs    2f
    str     xzr, [x0], #8
    b       1b
2:  mov     x0, x19
    bl      guest_main
3:  wfi
    b       3b

/* Every exception is a failure: report it (guest_exception) and stop. */
    .macro vector
    .balign 128
    mrs     x0, esr_el1
    mrs     x1, elr_el1
    mrs     x2, far_el1
    b       guest_exception
    .endm

    .balign 2048
vectors:
    .rept   16
    vector
    .endr

    .section .bss.stack, "aw", %nobits
    .balign 16
    .space  16384
stack_top:
