/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pagetypes: the page-type rules of PV memory management, from inside.
 * Refused: a writable mapping of a page-table page, mapping a hypervisor
 * frame, updating L4 slots 256-271, pinning tables with bad entries,
 * superpages. Counted: pin/unpin and references from a hooked table
 * decide when a frame may be writable again. The writable-page-table
 * assist emulates valid direct PTE writes and faults invalid ones.
 */
#include "guest.h"

GUEST_NAME("pagetypes");

/* Refusals must be errors; print the code each hypervisor gives. */
#define REFUSED(expr, what)                                             \
    do {                                                                \
        long r_ = (long)(expr);                                         \
        CHECK(r_ < 0, "%s was accepted (%s returned %ld)", what, #expr, \
              r_);                                                      \
        info("refused: %s: %ld", what, r_);                             \
    } while ( 0 )

static long mmu_set(uint64_t maddr, uint64_t val)
{
    mmu_update_t req = { .ptr = maddr | MMU_NORMAL_PT_UPDATE, .val = val };

    return hc_mmu_update(&req, 1, NULL, DOMID_SELF);
}

static long m2p_set(unsigned long mfn, unsigned long pfn)
{
    mmu_update_t req = {
        .ptr = ((uint64_t)mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE,
        .val = pfn,
    };

    return hc_mmu_update(&req, 1, NULL, DOMID_SELF);
}

static unsigned long l4_mfn, xen_mfn;
static uint64_t *l4;

static void check_forbidden_mappings(void)
{
    unsigned long l1_mfn = (*pt_entry(VIRT_BASE, 2) & PTE_ADDR_MASK) >>
                           PAGE_SHIFT;
    void *l1_va = table_va(l1_mfn);
    void *slot = alloc_page();

    REFUSED(remap(l1_va, l1_mfn, PTE_KERNEL_RW),
            "writable mapping of an in-use L1");
    REFUSED(remap(l4, l4_mfn, PTE_KERNEL_RW),
            "writable mapping of the pinned L4");
    REFUSED(remap(slot, l1_mfn, PTE_KERNEL_RW),
            "second, writable alias of an L1");
    CHECK_RC(remap(slot, l1_mfn, PTE_KERNEL_RO), 0);
    CHECK(((uint64_t *)slot)[0] == ((uint64_t *)l1_va)[0],
          "read-only alias of an L1 shows other contents");

    REFUSED(remap(slot, xen_mfn, PTE_KERNEL_RO),
            "mapping the hypervisor's M2P L3 frame");
    REFUSED(remap(slot, xen_mfn, PTE_KERNEL_RW),
            "writable mapping of the hypervisor's M2P L3 frame");
    REFUSED(m2p_set(xen_mfn, 0), "M2P update for a hypervisor frame");
    CHECK_RC(m2p_set(virt_to_mfn(slot), virt_to_pfn(slot)), 0);

    /* Slots 256-271 of the L4 are the hypervisor's. */
    REFUSED(mmu_set(((uint64_t)l4_mfn << PAGE_SHIFT) + 256 * 8, 0),
            "clearing L4 slot 256");
    REFUSED(mmu_set(((uint64_t)l4_mfn << PAGE_SHIFT) + 271 * 8, l4[0]),
            "writing L4 slot 271");
    REFUSED(hc_update_va_mapping(0xffff830000000000UL, 0, UVMF_INVLPG),
            "update_va_mapping in the hypervisor's range");
    /* No L2 below this address: nothing to update. */
    REFUSED(hc_update_va_mapping(boot_v_end + (64UL << 20),
                                 virt_to_mfn(slot) << PAGE_SHIFT |
                                     PTE_KERNEL_RW,
                                 UVMF_INVLPG),
            "update_va_mapping without an L1");
}

/* A zeroed page holding `entry` at `idx`, mapped read-only. */
static uint64_t *table_with(unsigned int idx, uint64_t entry)
{
    uint64_t *t = alloc_page();

    t[idx] = entry;
    CHECK_RC(set_page_ro(t), 0);
    return t;
}

static void check_bad_tables(void)
{
    uint64_t *t;

    t = table_with(5, (uint64_t)l4_mfn << PAGE_SHIFT | PTE_KERNEL_RW);
    REFUSED(pin_table(1, virt_to_mfn(t)), "pinning an L1 mapping the L4 RW");
    t = table_with(5, (uint64_t)xen_mfn << PAGE_SHIFT | PTE_KERNEL_RO);
    REFUSED(pin_table(1, virt_to_mfn(t)),
            "pinning an L1 mapping a hypervisor frame");
    t = alloc_page();
    t[7] = (uint64_t)virt_to_mfn(t) << PAGE_SHIFT | PTE_KERNEL_RW;
    CHECK_RC(set_page_ro(t), 0);
    REFUSED(pin_table(1, virt_to_mfn(t)), "pinning an L1 mapping itself RW");
    t = table_with(0, (uint64_t)virt_to_mfn(alloc_page()) << PAGE_SHIFT |
                          PTE_KERNEL_RW | _PAGE_PSE);
    REFUSED(pin_table(2, virt_to_mfn(t)), "pinning an L2 with a 2M superpage");
    t = table_with(0, (uint64_t)l4_mfn << PAGE_SHIFT | PTE_KERNEL_RW);
    REFUSED(pin_table(2, virt_to_mfn(t)),
            "pinning an L2 whose entry is an L4 (type clash)");
}

static void check_counting(void)
{
    uint64_t *p1 = alloc_page();
    uint64_t *data = alloc_page();
    uint64_t *data2 = alloc_page();
    unsigned long p1_mfn = virt_to_mfn(p1);
    uint64_t l2e_maddr = pt_entry_maddr(boot_v_end, 2);
    volatile uint64_t *window = (uint64_t *)boot_v_end;
    uint64_t v;

    CHECK(l2e_maddr && !(*pt_entry(boot_v_end, 2) & _PAGE_PRESENT),
          "expected no L1 under v_end %#lx", boot_v_end);
    data[0] = 0x1111;
    data2[0] = 0x2222;

    /* Writable mapping and L1 type exclude each other. */
    REFUSED(pin_table(1, p1_mfn), "pinning an L1 that is mapped writable");
    CHECK_RC(set_page_ro(p1), 0);
    CHECK_RC(pin_table(1, p1_mfn), 0);
    REFUSED(pin_table(1, p1_mfn), "pinning an already pinned L1");
    REFUSED(set_page_rw(p1), "writable mapping of a pinned L1");
    CHECK_RC(unpin_table(p1_mfn), 0);
    REFUSED(unpin_table(p1_mfn), "unpinning a table that is not pinned");
    CHECK_RC(set_page_rw(p1), 0);
    p1[0] = 0;  /* ordinary memory again */

    /* Hooked into our L2, the L1 stays typed while referenced. */
    CHECK_RC(set_page_ro(p1), 0);
    CHECK_RC(pin_table(1, p1_mfn), 0);
    CHECK_RC(mmu_set(l2e_maddr, (uint64_t)p1_mfn << PAGE_SHIFT |
                                     PTE_KERNEL_RW),
             0);
    CHECK_RC(unpin_table(p1_mfn), 0);
    REFUSED(set_page_rw(p1), "writable mapping of an L1 hooked into an L2");
    CHECK_RC(mmu_set(((uint64_t)p1_mfn << PAGE_SHIFT),
                     (uint64_t)virt_to_mfn(data) << PAGE_SHIFT |
                         PTE_KERNEL_RW),
             0);
    CHECK(probe_read(window, &v) == 0 && v == 0x1111,
          "new mapping through the hooked L1 reads %#lx", (unsigned long)v);

    /* Writable-page-table assist: direct PTE writes are emulated. */
    CHECK(probe_write(&p1[1], (uint64_t)virt_to_mfn(data2) << PAGE_SHIFT |
                                  PTE_KERNEL_RW) == 0,
          "direct write of a valid PTE faulted (vector %u)", last_trap.vector);
    CHECK((p1[1] & PTE_ADDR_MASK) >> PAGE_SHIFT == virt_to_mfn(data2),
          "direct PTE write not visible: %#lx", (unsigned long)p1[1]);
    CHECK(probe_read(window + 512, &v) == 0 && v == 0x2222,
          "mapping made by a direct PTE write reads %#lx", (unsigned long)v);
    last_trap.count = 0;
    CHECK(probe_write(&p1[2], (uint64_t)p1_mfn << PAGE_SHIFT |
                                  PTE_KERNEL_RW) == 1 &&
              last_trap.vector == 14,
          "direct write of a PTE mapping the L1 itself RW did not fault");
    CHECK(!(p1[2] & _PAGE_PRESENT), "the refused PTE was written");

    /* Unhooked and unpinned: writable again. */
    CHECK_RC(mmu_set(l2e_maddr, 0), 0);
    CHECK(probe_read(window, &v) == 1 && last_trap.vector == 14,
          "address still mapped after clearing the L2 entry");
    CHECK_RC(set_page_rw(p1), 0);
    CHECK(probe_write(p1, 0) == 0, "writing the freed L1 faulted");
}

void guest_main(void)
{
    l4_mfn = current_l4_mfn();
    l4 = table_va(l4_mfn);
    CHECK(l4 && (l4[256] & _PAGE_PRESENT), "L4 slot 256 (M2P) not present");
    xen_mfn = (l4[256] & PTE_ADDR_MASK) >> PAGE_SHIFT;

    check_forbidden_mappings();
    check_bad_tables();
    check_counting();
}
