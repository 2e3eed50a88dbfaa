/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host-test page definitions: "machine memory" is one big anonymous
 * mapping, so machine address pa lives at fake_ram + pa.
 */
#ifndef FAKE_ASM_PAGE_H
#define FAKE_ASM_PAGE_H

#include <xen/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

extern unsigned char *fake_ram;
extern size_t fake_ram_size;

#define __va(pa) ((void *)(fake_ram + (paddr_t)(pa)))
#define __pa(v)  ((paddr_t)((const unsigned char *)(v) - fake_ram))

#endif /* FAKE_ASM_PAGE_H */
