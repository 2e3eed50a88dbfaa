/* SPDX-License-Identifier: GPL-2.0-only */
/* What the boot code hands the PV dom0 builder. */
#ifndef ASM_PV_DOM0_H
#define ASM_PV_DOM0_H

#include <xen/sched.h>
#include <public/features.h>

/* Features a dom0 kernel may require (its FEATURES note, "!" items). */
#define DOM0_FEATURES_OFFERED ((1u << XENFEAT_writable_page_tables) | \
                               (1u << XENFEAT_pae_pgdir_above_4gb) | \
                               (1u << XENFEAT_dom0))

struct dom0_spec {
    const void *kernel;
    size_t kernel_len;
    const void *initrd;
    size_t initrd_len;
    const char *cmdline;
    unsigned long nr_pages;
};

int pv_dom0_construct(struct domain *d, const struct dom0_spec *spec);

#endif /* ASM_PV_DOM0_H */
