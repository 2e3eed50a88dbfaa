/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Frame references and types for PV guests.  count_info counts general
 * references (an allocated frame holds one for its owner); type_info holds
 * the frame's current use (a page-table level, a descriptor page, or
 * writable data) and how many references that use has.  A frame can have
 * one type at a time, and a page-table frame never has a writable mapping.
 */
#ifndef ASM_PV_MM_H
#define ASM_PV_MM_H

#include <xen/mm.h>
#include <xen/sched.h>

#define PGT_type_shift      60
#define PGT_type_mask       (7UL << PGT_type_shift)
#define PGT_none            (0UL << PGT_type_shift)
#define PGT_l1_page_table   (1UL << PGT_type_shift)
#define PGT_l2_page_table   (2UL << PGT_type_shift)
#define PGT_l3_page_table   (3UL << PGT_type_shift)
#define PGT_l4_page_table   (4UL << PGT_type_shift)
#define PGT_seg_desc_page   (5UL << PGT_type_shift)
#define PGT_writable_page   (7UL << PGT_type_shift)
#define PGT_pinned          (1UL << 59)
#define PGT_validated       (1UL << 58)
#define PGT_count_mask      ((1UL << 32) - 1)

/* The M2P: machine frame -> guest pseudo-physical frame. */
extern unsigned long *machine_to_phys_rw;
#define INVALID_M2P_ENTRY (~0UL)
#define RO_MPT_CHUNKS_MAX 4096
void set_gpfn_from_mfn(unsigned long mfn, unsigned long pfn);
void m2p_init(void);
unsigned long m2p_chunk_mfn(unsigned int i, unsigned int *nr);

bool get_page(struct page_info *pg, const struct domain *d);
void put_page(struct page_info *pg);
void put_pages_batch(const unsigned long *mfns, unsigned int n);
int get_page_type(struct page_info *pg, unsigned long type);
void put_page_type(struct page_info *pg);
int get_page_and_type(struct page_info *pg, const struct domain *d,
                      unsigned long type);
void put_page_and_type(struct page_info *pg);

/* Owner of a frame, or NULL (free, hypervisor, not RAM). */
struct domain *page_get_owner(const struct page_info *pg);
/* Frames a privileged domain may map that are not RAM it owns. */
bool mfn_is_iomem_for(const struct domain *d, unsigned long mfn);

/* Pin a table (as the builder and MMUEXT_PIN_* do). */
int pv_pin_table(struct domain *d, unsigned long mfn, unsigned long type);
/* Tear down a dead domain's page-table references. */
void pv_relinquish_tables(struct domain *d);

/* Install the hypervisor's slots in a guest L4. */
void init_guest_l4_table(uint64_t *l4, const struct domain *d);

/* Flush every CPU's TLB (after a frame stops being writable). */
void flush_tlb_all_cpus(void);

#endif /* ASM_PV_MM_H */

/* Entry-level helpers (pv/mm.c), used by the hypercalls and the builder. */
int get_page_from_l1e(uint64_t *e, struct domain *d, struct domain *owner);
void put_page_from_l1e(uint64_t e);
int get_page_from_lne(uint64_t *e, struct domain *d, unsigned long type);
void put_page_from_lne(uint64_t e);
bool is_guest_l4_slot(unsigned int i);
/* Validated update of one entry of a page-table frame. */
int pv_mod_entry(struct domain *d, struct domain *owner, unsigned long mfn,
                 unsigned int idx, uint64_t val, bool preserve_ad);
/* Pointer to the guest L1 entry mapping va in table 'l4_mfn', or NULL. */
/* The length of a ModRM operand (ModRM, SIB, displacement), 0 if cut. */
unsigned int modrm_len(const uint8_t *p, unsigned int avail);
/* A store to a read-only MMIO frame (MSI-X): dropped; 1 if handled. */
int pv_mmio_ro_fault(struct cpu_user_regs *regs, unsigned long addr);
uint64_t *guest_l1e_for_va(unsigned long l4_mfn, unsigned long va,
                           unsigned long *l1_mfn);

static inline bool is_pt_level(unsigned long type)
{
    return type >= PGT_l1_page_table && type <= PGT_l4_page_table;
}
