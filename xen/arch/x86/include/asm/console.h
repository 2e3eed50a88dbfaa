/* SPDX-License-Identifier: GPL-2.0-only */
/* Console defaults for x86: the first serial port. */
#ifndef ASM_CONSOLE_H
#define ASM_CONSOLE_H

#define CONSOLE_DEFAULT "com1"

#endif /* ASM_CONSOLE_H */
