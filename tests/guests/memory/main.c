/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memory: the balloon operations. current/maximum_reservation,
 * decrease_reservation of an unmapped frame (the count drops, a second
 * release of it does nothing), populate_physmap refilling the PFN with a
 * new MFN (M2P and p2m updated by the guest, mapping works),
 * increase_reservation, and bad arguments.
 */
#include "guest.h"

GUEST_NAME("memory");

static domid_t self = DOMID_SELF;

static long reservation(unsigned int cmd, xen_pfn_t *list, unsigned long n,
                        unsigned int order)
{
    xen_memory_reservation_t r = {
        .nr_extents = n,
        .extent_order = order,
        .domid = DOMID_SELF,
    };

    set_xen_guest_handle(r.extent_start, list);
    return hc_memory_op(cmd, &r);
}

static long current_pages(void)
{
    return hc_memory_op(XENMEM_current_reservation, &self);
}

static long m2p_set(unsigned long mfn, unsigned long pfn)
{
    mmu_update_t req = {
        .ptr = ((uint64_t)mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE,
        .val = pfn,
    };

    return hc_mmu_update(&req, 1, NULL, DOMID_SELF);
}

/* Gives the frame behind `va` back to the hypervisor. */
static void release(void *va)
{
    unsigned long pfn = virt_to_pfn(va);
    xen_pfn_t mfn = pfn_to_mfn(pfn);
    long before = current_pages();

    CHECK_RC(hc_update_va_mapping((unsigned long)va, 0, UVMF_INVLPG), 0);
    CHECK_RC(reservation(XENMEM_decrease_reservation, &mfn, 1, 0), 1);
    CHECK(current_pages() == before - 1, "current_reservation %ld after "
          "releasing one of %ld", current_pages(), before);
    /* Not ours any more: nothing is done. */
    CHECK_RC(reservation(XENMEM_decrease_reservation, &mfn, 1, 0), 0);
    mfn_list[pfn] = ~0UL;
}

void guest_main(void)
{
    long cur = current_pages(), max;
    uint64_t *page = alloc_page(), *page2 = alloc_page();
    unsigned long pfn = virt_to_pfn(page);
    xen_pfn_t list[2];
    long rc;

    max = hc_memory_op(XENMEM_maximum_reservation, &self);
    info("current %ld max %ld pages; maximum_ram_page %#lx", cur, max,
         hc_memory_op(XENMEM_maximum_ram_page, NULL));
    CHECK((unsigned long)cur == start_info->nr_pages,
          "current_reservation %ld, start_info says %lu", cur,
          start_info->nr_pages);
    CHECK(max >= cur, "maximum_reservation %ld below current %ld", max, cur);
    rc = hc_memory_op(XENMEM_maximum_ram_page, NULL);
    CHECK(rc > 0 && (unsigned long)rc >= pfn_to_mfn(pfn),
          "maximum_ram_page %ld", rc);

    release(page);

    /* populate_physmap: PV gets the new MFN back in the list. */
    list[0] = pfn;
    CHECK_RC(reservation(XENMEM_populate_physmap, list, 1, 0), 1);
    CHECK(list[0] != pfn || list[0] == pfn_to_mfn(pfn),
          "populate_physmap returned no frame");
    info("pfn %#lx repopulated with mfn %#lx", pfn, (unsigned long)list[0]);
    CHECK(list[0] <= m2p_max_mfn, "new mfn %#lx out of range",
          (unsigned long)list[0]);
    CHECK_RC(m2p_set(list[0], pfn), 0);
    mfn_list[pfn] = list[0];
    CHECK_RC(remap(page, list[0], PTE_KERNEL_RW), 0);
    page[0] = 0xfeed;
    CHECK(page[0] == 0xfeed && m2p[list[0]] == pfn,
          "repopulated page unusable");
    CHECK(current_pages() == cur, "current_reservation %ld, expected %ld",
          current_pages(), cur);

    /* increase_reservation: room made by releasing another page. */
    release(page2);
    list[0] = 0;
    CHECK_RC(reservation(XENMEM_increase_reservation, list, 1, 0), 1);
    CHECK(list[0] && list[0] <= m2p_max_mfn, "increase gave mfn %#lx",
          (unsigned long)list[0]);
    CHECK_RC(m2p_set(list[0], virt_to_pfn(page2)), 0);
    mfn_list[virt_to_pfn(page2)] = list[0];
    CHECK_RC(remap(page2, list[0], PTE_KERNEL_RW), 0);
    page2[1] = 1;
    CHECK(current_pages() == cur, "current_reservation %ld, expected %ld",
          current_pages(), cur);

    /*
     * Several extents in one call (each one a continuation when the
     * hypervisor preempts at every point): 8 frames out, 8 back in.
     */
    {
        xen_pfn_t many[8];
        unsigned int i;

        for ( i = 0; i < 8; i++ )
        {
            uint64_t *p = alloc_page();

            CHECK_RC(hc_update_va_mapping((unsigned long)p, 0, UVMF_INVLPG),
                     0);
            many[i] = pfn_to_mfn(virt_to_pfn(p));
            mfn_list[virt_to_pfn(p)] = ~0UL;
        }
        CHECK_RC(reservation(XENMEM_decrease_reservation, many, 8, 0), 8);
        CHECK(current_pages() == cur - 8, "current_reservation %ld after "
              "releasing 8 of %ld", current_pages(), cur);
        for ( i = 0; i < 8; i++ )
            many[i] = 0;
        CHECK_RC(reservation(XENMEM_increase_reservation, many, 8, 0), 8);
        for ( i = 0; i < 8; i++ )
            CHECK(many[i] && many[i] <= m2p_max_mfn,
                  "extent %u of 8 gave mfn %#lx", i, (unsigned long)many[i]);
        CHECK(current_pages() == cur, "current_reservation %ld, expected %ld",
              current_pages(), cur);
    }

    /* Beyond the maximum: nothing allocated. */
    if ( max == cur )
    {
        list[0] = 0;
        CHECK_RC(reservation(XENMEM_increase_reservation, list, 1, 0), 0);
    }

    /* Bad arguments. */
    rc = reservation(XENMEM_populate_physmap, (xen_pfn_t *)8, 1, 0);
    CHECK(rc == -XEN_EFAULT || rc == 0, "populate with a bad list: %ld", rc);
    CHECK_RC(hc_memory_op(XENMEM_current_reservation, (void *)8),
             -XEN_EFAULT);
    CHECK(hc_memory_op(0x3f, NULL) < 0, "memory_op 63 succeeded");
    CHECK(current_pages() == cur, "current_reservation moved to %ld",
          current_pages());
}
