/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's own page tables: direct map, image, frame table, vmap. */
#ifndef ASM_MM_H
#define ASM_MM_H

#include <xen/types.h>
#include <asm/page.h>

extern pte_t idle_pg_table[512];

/*
 * Map [virt, virt + nr pages) to machine frames starting at mfn with
 * 'flags' (0 unmaps).  Uses 2 MiB pages where alignment allows and
 * 'flags' has _PAGE_PSE.  Returns 0 or -ENOMEM.
 */
int map_pages_to_xen(unsigned long virt, unsigned long mfn, unsigned long nr,
                     unsigned long flags);

void setup_directmap(void);      /* all of the e820 map, above 4 GiB too */
void init_frametable(void);      /* page_info for frames [0, max_page) */
void protect_image(void);        /* 4 KiB image mappings: W^X, guard page */
void mm_heap_ready(void);        /* page tables now come from the heap */
void *ioremap(paddr_t pa, size_t size);

#endif /* ASM_MM_H */
