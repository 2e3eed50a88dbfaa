/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * startofday: what a PV dom0 finds at entry. start_info (magic, size,
 * flags), the documented bootstrap layout (kernel, p2m list, start_info,
 * page tables, stack, all packed and mapped 1:1, tables read-only, v_end
 * 4 MiB aligned with 512 KiB of slack), the p2m agreeing with the M2P,
 * entry registers, the upcall mask, xen_version and machphys_mapping.
 * Module args: mem_mb=N (the dom0_mem= given to the hypervisor).
 */
#include "guest.h"

GUEST_NAME("startofday");

static bool pte_rw(unsigned long va)
{
    uint64_t *e = pt_entry(va, 1);

    return e && (*e & _PAGE_RW);
}

static void check_start_info(void)
{
    unsigned long mem_mb = cmdline_ulong("mem_mb", 0);
    unsigned long want;
    const char *cl = (const char *)start_info->cmd_line;

    CHECK(!strncmp(start_info->magic, "xen-3.0-x86_64", 14),
          "magic is \"%.32s\"", start_info->magic);
    CHECK((start_info->flags & (SIF_PRIVILEGED | SIF_INITDOMAIN)) ==
              (SIF_PRIVILEGED | SIF_INITDOMAIN),
          "flags %#x lack SIF_PRIVILEGED|SIF_INITDOMAIN", start_info->flags);
    CHECK(memchr_nul(cl, MAX_GUEST_CMDLINE), "cmd_line not terminated");
    CHECK(mem_mb, "no mem_mb= on the command line \"%s\"", cl);
    want = mem_mb << (20 - PAGE_SHIFT);
    CHECK(start_info->nr_pages == want, "nr_pages %lu, dom0_mem=%luM is %lu",
          start_info->nr_pages, mem_mb, want);
    CHECK(!(start_info->flags & SIF_MOD_START_PFN) ||
              start_info->mod_len == 0,
          "a module we did not pass: mod_start %#lx len %lu",
          start_info->mod_start, start_info->mod_len);
    if ( start_info->console.dom0.info_size )
        CHECK(start_info->console.dom0.info_off >= sizeof(start_info_t) &&
                  start_info->console.dom0.info_off +
                          start_info->console.dom0.info_size <= PAGE_SIZE,
              "dom0 console info at %u+%u is outside the page",
              start_info->console.dom0.info_off,
              start_info->console.dom0.info_size);
}

static void check_layout(void)
{
    unsigned long si = (unsigned long)start_info;
    unsigned long pt = start_info->pt_base;
    unsigned long pt_end = pt + start_info->nr_pt_frames * PAGE_SIZE;
    unsigned long p2m = start_info->mfn_list;
    unsigned long p2m_end = p2m + start_info->nr_pages * sizeof(xen_pfn_t);
    unsigned long va, pfn;

    info("_end %#lx p2m %#lx si %#lx pt %#lx+%lu rsp %#lx v_end %#lx",
         (unsigned long)_end, p2m, si, pt, start_info->nr_pt_frames,
         entry_rsp, boot_v_end);

    /* Every element page-aligned, in the documented order, packed. */
    CHECK(!(si & (PAGE_SIZE - 1)) && !(pt & (PAGE_SIZE - 1)) &&
              !(p2m & (PAGE_SIZE - 1)),
          "bootstrap elements not page-aligned");
    CHECK(p2m >= (unsigned long)_end, "p2m list %#lx inside the image", p2m);
    CHECK(si >= p2m_end, "start_info %#lx overlaps the p2m list", si);
    CHECK(pt > si, "page tables %#lx before start_info %#lx", pt, si);
    CHECK(start_info->nr_pt_frames >= 4, "only %lu page-table frames",
          start_info->nr_pt_frames);
    CHECK(entry_rsp > pt_end && entry_rsp <= pt_end + PAGE_SIZE,
          "stack top %#lx is not the page after the tables (end %#lx)",
          entry_rsp, pt_end);

    /* The region ends 4 MiB-aligned, at least 512 KiB past the stack. */
    CHECK(!(boot_v_end & ((4UL << 20) - 1)), "v_end %#lx not 4 MiB aligned",
          boot_v_end);
    CHECK(boot_v_end - entry_rsp >= 512 * 1024,
          "only %lu bytes of slack after the stack", boot_v_end - entry_rsp);
    CHECK((boot_v_end - VIRT_BASE) >> PAGE_SHIFT <= start_info->nr_pages,
          "mapping larger than the domain");

    /* 1:1 with the p2m; read-only exactly on the page tables. */
    for ( va = VIRT_BASE, pfn = 0; va < boot_v_end; va += PAGE_SIZE, pfn++ )
    {
        uint64_t e = *pt_entry(va, 1);
        bool is_pt = va >= pt && va < pt_end;

        if ( in_map_area(va) )  /* remapped by lib/ (shared_info) */
            continue;
        CHECK(((e & PTE_ADDR_MASK) >> PAGE_SHIFT) == mfn_list[pfn],
              "va %#lx maps mfn %#lx, p2m says %#lx", va,
              (unsigned long)((e & PTE_ADDR_MASK) >> PAGE_SHIFT),
              (unsigned long)mfn_list[pfn]);
        CHECK(!(e & _PAGE_RW) == is_pt, "va %#lx (%s) mapped %s", va,
              is_pt ? "page table" : "not a page table",
              (e & _PAGE_RW) ? "writable" : "read-only");
    }

    /* The tables we walk live in the table area. */
    for ( va = VIRT_BASE; va < boot_v_end; va += 2UL << 20 )
    {
        int lvl;

        for ( lvl = 1; lvl <= 3; lvl++ )
        {
            uint64_t *e = pt_entry(va, lvl + 1);
            unsigned long t = (unsigned long)table_va(
                (*e & PTE_ADDR_MASK) >> PAGE_SHIFT);

            CHECK(t >= pt && t < pt_end,
                  "L%d table of %#lx at %#lx, outside the table area",
                  lvl, va, t);
        }
    }

    /* The stack page is writable; start_info is too. */
    CHECK(pte_rw(entry_rsp - 8) && pte_rw(si), "stack or start_info not RW");
    CHECK(probe_write((uint64_t *)(entry_rsp - 8), 0x5a5a) == 0,
          "writing the boot stack faulted");
}

static void check_p2m(void)
{
    unsigned long pfn, max = 0;

    for ( pfn = 0; pfn < start_info->nr_pages; pfn++ )
    {
        unsigned long mfn = mfn_list[pfn];
        uint64_t back;

        if ( mfn > max )
            max = mfn;
        CHECK(mfn <= m2p_max_mfn, "pfn %#lx -> mfn %#lx beyond max_mfn %#lx",
              pfn, mfn, m2p_max_mfn);
        CHECK(probe_read(&m2p[mfn], &back) == 0,
              "reading m2p[%#lx] faulted", mfn);
        CHECK(back == pfn, "pfn %#lx -> mfn %#lx -> m2p %#lx", pfn, mfn,
              (unsigned long)back);
    }
    info("p2m of %lu pages agrees with the M2P (highest mfn %#lx)",
         start_info->nr_pages, max);
}

static void check_machphys(void)
{
    struct xen_machphys_mapping m;

    CHECK_RC(hc_memory_op(XENMEM_machphys_mapping, &m), 0);
    CHECK(m.v_start == __MACH2PHYS_VIRT_START, "M2P starts at %#lx",
          (unsigned long)m.v_start);
    CHECK(m.v_end > m.v_start && m.v_end <= __HYPERVISOR_VIRT_END,
          "M2P ends at %#lx", (unsigned long)m.v_end);
    CHECK(m.max_mfn < (m.v_end - m.v_start) / 8,
          "max_mfn %#lx beyond the M2P", (unsigned long)m.max_mfn);
    /* Read-only to the guest. */
    CHECK(probe_write((uint64_t *)m.v_start, 0) == 1 &&
              last_trap.vector == 14,
          "writing the M2P did not fault");
    CHECK(last_trap.cr2 == m.v_start, "cr2 %#lx after writing the M2P",
          (unsigned long)last_trap.cr2);
}

static void check_version(void)
{
    xen_feature_info_t fi = { .submap_idx = 0 };
    xen_platform_parameters_t pp;
    xen_extraversion_t extra;
    static xen_capabilities_info_t caps;
    long v = hc_xen_version(XENVER_version, NULL);

    CHECK(v >= (4L << 16), "xen_version %ld.%ld is older than 4.x", v >> 16,
          v & 0xffff);
    CHECK_RC(hc_xen_version(XENVER_extraversion, extra), 0);
    CHECK(memchr_nul(extra, sizeof(extra)), "extraversion not terminated");
    info("Xen %ld.%ld%s", v >> 16, v & 0xffff, extra);

    CHECK_RC(hc_xen_version(XENVER_get_features, &fi), 0);
    info("features submap 0: %#x", fi.submap);
    /*
     * XENFEAT_writable_page_tables is not expected: a PV guest's tables
     * stay read-only; "!writable_page_tables" in FEATURES asks for the
     * write-emulation assist instead (tested by pagetypes).
     */
    CHECK(fi.submap & (1U << XENFEAT_dom0), "XENFEAT_dom0 missing");
    CHECK(!(fi.submap & (1U << XENFEAT_auto_translated_physmap)),
          "auto_translated_physmap set for a PV guest");
    CHECK(!(fi.submap & (1U << XENFEAT_supervisor_mode_kernel)),
          "supervisor_mode_kernel set");
    fi.submap_idx = XENFEAT_NR_SUBMAPS;
    CHECK_RC(hc_xen_version(XENVER_get_features, &fi), -XEN_EINVAL);

    CHECK_RC(hc_xen_version(XENVER_pagesize, NULL), PAGE_SIZE);
    CHECK_RC(hc_xen_version(XENVER_platform_parameters, &pp), 0);
    CHECK(pp.virt_start == __HYPERVISOR_VIRT_START, "virt_start %#lx",
          (unsigned long)pp.virt_start);
    CHECK_RC(hc_xen_version(XENVER_capabilities, caps), 0);
    CHECK(strstr(caps, "xen-3.0-x86_64"),
          "capabilities \"%.64s\" lack xen-3.0-x86_64", caps);
    CHECK_RC(hc_xen_version(XENVER_version, (void *)1), v);
    CHECK_RC(hc_xen_version(XENVER_extraversion, (void *)1), -XEN_EFAULT);
    CHECK_RC(hc_xen_version(0x7fff, NULL), -XEN_ENOSYS);
}

static void check_entry_state(void)
{
    vcpu_info_t *v = &shared_info->vcpu_info[0];

    CHECK(entry_cs == FLAT_KERNEL_CS, "entry CS %#x", entry_cs);
    CHECK(entry_ss == FLAT_KERNEL_SS, "entry SS %#x", entry_ss);
    CHECK(entry_ds == FLAT_KERNEL_DS && entry_es == FLAT_KERNEL_DS &&
              entry_fs == FLAT_KERNEL_DS && entry_gs == FLAT_KERNEL_DS,
          "entry DS/ES/FS/GS %#x/%#x/%#x/%#x", entry_ds, entry_es, entry_fs,
          entry_gs);
    /* Events start masked. */
    CHECK(v->evtchn_upcall_mask == 1, "evtchn_upcall_mask %u at entry",
          v->evtchn_upcall_mask);
    /* shared_info is live: time has been published. */
    CHECK(!(v->time.version & 1) && v->time.version &&
              v->time.tsc_to_system_mul,
          "vcpu_info time not published (version %u, mul %u)",
          v->time.version, v->time.tsc_to_system_mul);
    CHECK(system_time_ns() > 0, "system time is zero");
    CHECK(!(start_info->shared_info & (PAGE_SIZE - 1)),
          "shared_info %#lx not page-aligned", start_info->shared_info);
}

void guest_main(void)
{
    check_start_info();
    check_entry_state();
    check_layout();
    check_p2m();
    check_machphys();
    check_version();
}
