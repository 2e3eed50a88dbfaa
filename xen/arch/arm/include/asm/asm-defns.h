/* SPDX-License-Identifier: GPL-2.0-only */
/* Assembler helpers shared by the arm64 entry and boot code. */
#ifndef ASM_ASM_DEFNS_H
#define ASM_ASM_DEFNS_H

#define ENTRY(name)        \
    .globl name;           \
    .type name, %function; \
    name:

#define END(name) .size name, . - name

/* Address of sym, PC-relative (works with the MMU on or off). */
.macro adr_l reg, sym
    adrp \reg, \sym
    add  \reg, \reg, :lo12:\sym
.endm

#endif /* ASM_ASM_DEFNS_H */
