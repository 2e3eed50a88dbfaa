/* SPDX-License-Identifier: GPL-2.0-only */
/* An empty symbol table for the first link. */
        .section .rodata.symbols, "a", @progbits
        .balign 8
        .globl symbols_count
symbols_count:
        .quad 0
        .globl symbols_addrs
symbols_addrs:
        .globl symbols_names
symbols_names:
        .globl symbols_name_offs
symbols_name_offs:
        .byte 0
