/* SPDX-License-Identifier: GPL-2.0-only */
/* Console defaults for arm64: the UART the device tree names (dtuart=). */
#ifndef ASM_CONSOLE_H
#define ASM_CONSOLE_H

#define CONSOLE_DEFAULT "dtuart"

#endif /* ASM_CONSOLE_H */
