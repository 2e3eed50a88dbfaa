/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * grant: a v1 grant table set up by the guest (query_size, setup_table,
 * frame mapped writable) and GNTTABOP_copy between its own frames
 * through its own grants: source by ref, destination by ref and by
 * frame; refusals for an ungranted ref, a read-only destination grant
 * and a range crossing the page.
 */
#include "guest.h"

GUEST_NAME("grant");

static struct grant_entry_v1 *gt;

static void grant(grant_ref_t ref, void *page, bool ro)
{
    gt[ref].domid = 0;      /* dom0 grants to itself */
    gt[ref].frame = virt_to_mfn(page);
    barrier();
    gt[ref].flags = GTF_permit_access | (ro ? GTF_readonly : 0);
}

static int16_t copy(uint16_t flags, unsigned long src, unsigned long dst,
                    uint16_t soff, uint16_t doff, uint16_t len)
{
    gnttab_copy_t op;

    memset(&op, 0, sizeof(op));
    op.flags = flags;
    op.source.domid = DOMID_SELF;
    op.dest.domid = DOMID_SELF;
    if ( flags & GNTCOPY_source_gref )
        op.source.u.ref = src;
    else
        op.source.u.gmfn = src;
    if ( flags & GNTCOPY_dest_gref )
        op.dest.u.ref = dst;
    else
        op.dest.u.gmfn = dst;
    op.source.offset = soff;
    op.dest.offset = doff;
    op.len = len;
    CHECK_RC(hc_grant_table_op(GNTTABOP_copy, &op, 1), 0);
    return op.status;
}

void guest_main(void)
{
    gnttab_query_size_t qs = { .dom = DOMID_SELF };
    gnttab_setup_table_t st = { .dom = DOMID_SELF, .nr_frames = 1 };
    xen_pfn_t frame = 0;
    unsigned char *src = alloc_page(), *dst = alloc_page();
    unsigned int i;
    int16_t s;

    CHECK_RC(hc_grant_table_op(GNTTABOP_query_size, &qs, 1), 0);
    CHECK(qs.status == GNTST_okay && qs.max_nr_frames >= 1 &&
              qs.nr_frames <= qs.max_nr_frames,
          "query_size: status %d, %u of %u frames", qs.status, qs.nr_frames,
          qs.max_nr_frames);
    info("grant table: %u of at most %u frames", qs.nr_frames,
         qs.max_nr_frames);

    set_xen_guest_handle(st.frame_list, &frame);
    CHECK_RC(hc_grant_table_op(GNTTABOP_setup_table, &st, 1), 0);
    CHECK(st.status == GNTST_okay && frame, "setup_table: status %d frame %#lx",
          st.status, (unsigned long)frame);
    gt = map_mfn(frame, PTE_KERNEL_RW);
    CHECK(gt, "cannot map grant table frame %#lx", (unsigned long)frame);

    for ( i = 0; i < PAGE_SIZE; i++ )
        src[i] = (unsigned char)(i * 7 + 3);
    grant(10, src, true);
    grant(11, dst, false);
    grant(12, dst, true);

    /* Source by ref, destination by frame. */
    s = copy(GNTCOPY_source_gref, 10, virt_to_mfn(dst), 0, 0, PAGE_SIZE);
    CHECK(s == GNTST_okay, "copy ref -> frame: status %d", s);
    CHECK(!memcmp(src, dst, PAGE_SIZE), "copy ref -> frame: data differs");

    /* Both by ref, partial, at offsets. */
    memset(dst, 0, PAGE_SIZE);
    s = copy(GNTCOPY_source_gref | GNTCOPY_dest_gref, 10, 11, 100, 2000, 300);
    CHECK(s == GNTST_okay, "copy ref -> ref: status %d", s);
    CHECK(!memcmp(src + 100, dst + 2000, 300) && dst[1999] == 0 &&
              dst[2300] == 0,
          "copy ref -> ref: wrong bytes");
    /* The grant entries show no use left behind. */
    CHECK(!(gt[10].flags & (GTF_reading | GTF_writing)) &&
              !(gt[11].flags & (GTF_reading | GTF_writing)),
          "grant flags left busy: %#x %#x", gt[10].flags, gt[11].flags);

    s = copy(GNTCOPY_source_gref, 13, virt_to_mfn(dst), 0, 0, 8);
    CHECK(s != GNTST_okay, "copy from an ungranted ref worked");
    info("ungranted source ref: status %d", s);
    s = copy(GNTCOPY_dest_gref, virt_to_mfn(src), 12, 0, 0, 8);
    CHECK(s != GNTST_okay, "copy into a read-only grant worked");
    info("read-only destination grant: status %d", s);
    s = copy(GNTCOPY_source_gref, 10, virt_to_mfn(dst), 4000, 0, 200);
    CHECK(s != GNTST_okay, "copy across the end of the page worked");
    info("range crossing the page: status %d", s);
    s = copy(GNTCOPY_source_gref, 1u << 30, virt_to_mfn(dst), 0, 0, 8);
    CHECK(s != GNTST_okay, "copy from ref 2^30 worked");

    CHECK_RC(hc_grant_table_op(GNTTABOP_query_size, &qs, 1), 0);
    CHECK(qs.nr_frames >= 1, "query_size after setup: %u frames",
          qs.nr_frames);
    CHECK_RC(hc_grant_table_op(GNTTABOP_copy, (void *)8, 1), -XEN_EFAULT);
    CHECK_RC(hc_grant_table_op(1000, &qs, 1), -XEN_ENOSYS);
}
