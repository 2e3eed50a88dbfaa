/* SPDX-License-Identifier: GPL-2.0-only */
/* What the boot code learns from the device tree, and early set-up calls. */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#include <xen/types.h>

#define NR_MEM_BANKS    64
#define NR_BOOT_MODULES 8

struct membank {
    paddr_t start, size;
};

struct meminfo {
    unsigned int nr;
    struct membank bank[NR_MEM_BANKS];
};

enum bootmod_kind {
    BOOTMOD_UNKNOWN,
    BOOTMOD_KERNEL,
    BOOTMOD_RAMDISK,
    BOOTMOD_FDT,
};

struct bootmodule {
    enum bootmod_kind kind;
    paddr_t start, size;
    char cmdline[512];
};

struct bootinfo {
    struct meminfo mem;         /* RAM */
    struct meminfo reserved;    /* /memreserve/ and /reserved-memory */
    unsigned int nr_mods;
    struct bootmodule mods[NR_BOOT_MODULES];
    const char *xen_cmdline;    /* in the FDT, or "" */
};

extern struct bootinfo bootinfo;
extern paddr_t boot_fdt_paddr;
extern size_t boot_fdt_size;
extern const void *device_tree_flattened;   /* the host FDT, mapped */
/* The PL011 the hypervisor's console owns (0: none); hidden from dom0. */
extern paddr_t pl011_paddr;

/* bootfdt.c: map the FDT, read memory, modules and command lines. */
size_t boot_fdt_init(paddr_t fdt_pa);
int dt_get_reg(int node, unsigned int idx, paddr_t *addr, paddr_t *size);
int dt_find_node_by_path_or_alias(const char *name);

/* mm.c */
void setup_pagetables(void);
void setup_directmap_and_frametable(void);
void *boot_fdt_map(paddr_t fdt_pa);
int unmap_xen_pages(unsigned long va, unsigned long nr);
int map_pages_to_xen(unsigned long va, unsigned long mfn, unsigned long nr,
                     unsigned long flags);

/* The PL011 console, when built (drivers/char/pl011.c). */
#ifdef CONFIG_PL011
void pl011_init(void);
#else
static inline void pl011_init(void) {}
#endif

/* Per-CPU bring-up pieces. */
void gic_preinit(void);
void gic_init(void);
void gic_cpu_init(void);
void psci_init(void);
void smp_ipi_init(void);
void __noreturn idle_loop(void);
bool construct_dom0(void);

#endif /* ASM_SETUP_H */
