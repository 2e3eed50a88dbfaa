/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0's flattened device tree, derived from the host's the way Xen 4.17
 * does it (docs/misc/arm/xen-4.17-dom0-dt-gicv3.dts is what it produces).
 */
#ifndef ASM_DOM0_FDT_H
#define ASM_DOM0_FDT_H

#include <xen/types.h>

#define DOM0_FDT_MAX_BANKS          8
#define DOM0_FDT_MAX_EXT_REGIONS    8
#define DOM0_FDT_MAX_HIDE           8
#define DOM0_FDT_MAX_V2M            4

struct dom0_fdt_range {
    uint64_t start;
    uint64_t size;
};

/* GICv2m frame values Xen reads from MSI_TYPER; 0 = host DT's, if any. */
struct dom0_fdt_v2m {
    uint32_t spi_base;          /* first SPI (GIC INTID, e.g. 80) */
    uint32_t nr_spis;
};

/* Everything the builder cannot learn from the host tree.  Plain data. */
struct dom0_fdt_params {
    /* dom0's RAM (IPA == PA for a direct-mapped dom0), lowest first. */
    unsigned int nr_banks;
    struct dom0_fdt_range bank[DOM0_FDT_MAX_BANKS];

    unsigned int nr_vcpus;      /* cpu@N nodes; reg = vMPIDR affinity */

    const char *bootargs;       /* /chosen/bootargs; NULL or "" = none */
    uint64_t initrd_start;      /* linux,initrd-start/end if end > start */
    uint64_t initrd_end;

    /* /hypervisor: reg 0 = grant table, reg 1..N = extended regions. */
    struct dom0_fdt_range gnttab;
    unsigned int nr_ext_regions;
    struct dom0_fdt_range ext_region[DOM0_FDT_MAX_EXT_REGIONS];
    unsigned int evtchn_irq;    /* event-channel PPI as an IRQ id, 16..31 */

    /* Host nodes the hypervisor keeps for itself (with their subtrees). */
    uint64_t uart_base;         /* its console's MMIO base; 0 = none */
    unsigned int nr_hide;
    int hide[DOM0_FDT_MAX_HIDE];    /* further host node offsets */

    /* GICv2 only: one entry per arm,gic-v2m-frame child, in order. */
    struct dom0_fdt_v2m v2m[DOM0_FDT_MAX_V2M];
};

/*
 * Write dom0's tree into out (out_size bytes, not overlapping host_fdt).
 * Returns 0, -ENOSPC if out is too small, or -EINVAL for a host tree
 * that is broken or lacks what dom0 needs (GIC, /cpus), or bad params.
 */
int dom0_fdt_build(const void *host_fdt, void *out, size_t out_size,
                   const struct dom0_fdt_params *p);

#endif /* ASM_DOM0_FDT_H */
