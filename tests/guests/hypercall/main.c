/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hypercall: the transport. Raw SYSCALL reaches xen_version, the
 * argument registers are the documented ones (RDI RSI RDX R10 R8), the
 * callee-saved registers survive, unassigned numbers (including ones
 * that only look small in 32 bits) return -ENOSYS, and multicall runs
 * entries, also batches long enough to be preempted and continued (every
 * entry's result right, mmu_update's done count adding up across the
 * continuations). Built as hypercall-page too: the builder fills the page named
 * by the HYPERCALL_PAGE note and its stubs (including iret) work.
 */
#include "guest.h"

#ifdef GUEST_HYPERCALL_PAGE
GUEST_NAME("hypercall-page");
#else
GUEST_NAME("hypercall");
#endif

/*
 * xen_version(XENVER_version) with RBX, RBP, R12-R15 loaded with
 * patterns; returns non-zero if any of them changed.
 */
static long callee_saved_changed(void)
{
    long changed;

    asm volatile("push %%rbx\n\t"
                 "push %%rbp\n\t"
                 "push %%r12\n\t"
                 "push %%r13\n\t"
                 "push %%r14\n\t"
                 "push %%r15\n\t"
                 "mov $0x1111111111111111, %%rbx\n\t"
                 "mov $0x2222222222222222, %%rbp\n\t"
                 "mov $0x3333333333333333, %%r12\n\t"
                 "mov $0x4444444444444444, %%r13\n\t"
                 "mov $0x5555555555555555, %%r14\n\t"
                 "mov $0x6666666666666666, %%r15\n\t"
                 "mov $17, %%eax\n\t"
                 "xor %%edi, %%edi\n\t"
                 "xor %%esi, %%esi\n\t"
                 "syscall\n\t"
                 "xor %%eax, %%eax\n\t"
                 "mov $0x1111111111111111, %%rcx\n\t"
                 "cmp %%rcx, %%rbx\n\t"
                 "setne %%al\n\t"
                 "mov $0x2222222222222222, %%rcx\n\t"
                 "cmp %%rcx, %%rbp\n\t"
                 "setne %%cl\n\t"
                 "or %%cl, %%al\n\t"
                 "mov $0x3333333333333333, %%rcx\n\t"
                 "cmp %%rcx, %%r12\n\t"
                 "setne %%cl\n\t"
                 "or %%cl, %%al\n\t"
                 "mov $0x4444444444444444, %%rcx\n\t"
                 "cmp %%rcx, %%r13\n\t"
                 "setne %%cl\n\t"
                 "or %%cl, %%al\n\t"
                 "mov $0x5555555555555555, %%rcx\n\t"
                 "cmp %%rcx, %%r14\n\t"
                 "setne %%cl\n\t"
                 "or %%cl, %%al\n\t"
                 "mov $0x6666666666666666, %%rcx\n\t"
                 "cmp %%rcx, %%r15\n\t"
                 "setne %%cl\n\t"
                 "or %%cl, %%al\n\t"
                 "pop %%r15\n\t"
                 "pop %%r14\n\t"
                 "pop %%r13\n\t"
                 "pop %%r12\n\t"
                 "pop %%rbp\n\t"
                 "pop %%rbx\n\t"
                 : "=a"(changed)
                 :
                 : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
                   "memory");
    return changed;
}

static const unsigned long unassigned[] = {
    11, 43, 44, 45, 46, 47, 56, 60, 63, 64, 100, 127, 128, 1000, 0xffff,
    /* Only the low 32 bits name a real hypercall: the full RAX counts. */
    (1UL << 32) | __HYPERVISOR_xen_version,
    (1UL << 63) | __HYPERVISOR_xen_version,
    ~0UL,
};

static void check_raw(long version)
{
    char buf[] = "[" "hypercall] console_io with 3 register arguments\n";
    struct xen_feature_info fi = { .submap_idx = 0 };
    multicall_entry_t mc[3];
    mmu_update_t nop;
    unsigned int i, done = 99;

    CHECK(version >= (3L << 16), "xen_version returned %#lx", version);
    CHECK(!callee_saved_changed(), "a hypercall changed RBX/RBP/R12-R15");

    /* RDI = cmd, RSI = arg. */
    CHECK_RC(hypercall(__HYPERVISOR_xen_version, XENVER_get_features,
                       (unsigned long)&fi, 0, 0, 0), 0);
    CHECK(fi.submap & (1U << XENFEAT_dom0), "get_features via RSI: %#x",
          fi.submap);
    /* RDX = buffer. */
    CHECK_RC(hc_console_io(CONSOLEIO_write, sizeof(buf) - 1, buf), 0);
    /* R10 = foreigndom, RDX = done count: a count of 0 does nothing. */
    CHECK_RC(hypercall(__HYPERVISOR_mmu_update, (unsigned long)&nop, 0,
                       (unsigned long)&done, DOMID_SELF, 0), 0);
    CHECK(done == 0, "mmu_update(count 0) reported %u done", done);

    for ( i = 0; i < ARRAY_SIZE(unassigned); i++ )
    {
        long rc = hypercall(unassigned[i], 0, 0, 0, 0, 0);

        CHECK(rc == -XEN_ENOSYS, "hypercall %#lx returned %ld, not -ENOSYS",
              unassigned[i], rc);
    }

    /* multicall: each entry's result lands in the entry. */
    memset(mc, 0, sizeof(mc));
    mc[0].op = __HYPERVISOR_xen_version;
    mc[0].args[0] = XENVER_version;
    mc[1].op = 60;
    mc[2].op = __HYPERVISOR_xen_version;
    mc[2].args[0] = XENVER_pagesize;
    CHECK_RC(hc_multicall(mc, 3), 0);
    CHECK((long)mc[0].result == version, "multicall xen_version gave %#lx",
          (unsigned long)mc[0].result);
    CHECK((long)mc[1].result == -XEN_ENOSYS, "multicall op 60 gave %ld",
          (long)mc[1].result);
    CHECK(mc[2].result == PAGE_SIZE, "multicall pagesize gave %ld",
          (long)mc[2].result);
    CHECK_RC(hc_multicall((void *)8, 1), -XEN_EFAULT);
}

/* Long batches: the hypervisor may preempt and continue them. */
#define BATCH 16384
static multicall_entry_t big_mc[BATCH];
static mmu_update_t big_mu[BATCH];

static void check_batches(long version)
{
    unsigned long mfn = virt_to_mfn(big_mu), pfn = virt_to_pfn(big_mu);
    unsigned int i, bad = 0, done = 0;

    for ( i = 0; i < BATCH; i++ )
    {
        big_mc[i].op = __HYPERVISOR_xen_version;
        big_mc[i].result = 0x5a5a;
        big_mc[i].args[0] = i % 2 ? XENVER_pagesize : XENVER_version;
        /* Rewrites our own M2P entry with its current value. */
        big_mu[i].ptr = (mfn << PAGE_SHIFT) | MMU_MACHPHYS_UPDATE;
        big_mu[i].val = pfn;
    }
    CHECK_RC(hc_multicall(big_mc, BATCH), 0);
    for ( i = 0; i < BATCH; i++ )
        if ( (long)big_mc[i].result != (i % 2 ? (long)PAGE_SIZE : version) )
            bad++;
    CHECK(!bad, "%u of %u multicall results wrong", bad, BATCH);
    CHECK_RC(hc_mmu_update(big_mu, BATCH, &done, DOMID_SELF), 0);
    CHECK(done == BATCH, "mmu_update of %u reported %u done", BATCH, done);
    info("batches of %u: multicall and mmu_update complete", BATCH);
}

#ifdef GUEST_HYPERCALL_PAGE
static void check_page(long version)
{
    unsigned char *stub = (unsigned char *)hypercall_page;
    unsigned int i;

    /* The int3 filler is gone from every stub. */
    for ( i = 0; i < 128; i++ )
        CHECK(stub[i * 32] != 0xcc, "stub %u was not written", i);
    CHECK_RC(hypercall_page_call(__HYPERVISOR_xen_version, XENVER_version,
                                 0, 0, 0, 0), version);
    CHECK_RC(hypercall_page_call(60, 0, 0, 0, 0, 0), -XEN_ENOSYS);
    CHECK_RC(hypercall_page_call(100, 0, 0, 0, 0, 0), -XEN_ENOSYS);
    CHECK_RC(hypercall_page_call(__HYPERVISOR_xen_version, XENVER_pagesize,
                                 0, 0, 0, 0), PAGE_SIZE);

    /* Return from a trap through the page's iret stub. */
    iret_via_page = true;
    last_trap.count = 0;
    CHECK(probe_int3() == 1 && last_trap.count == 1,
          "int3 not handled with iret through the page");
    CHECK(probe_ud2() == 1 && last_trap.count == 2 && last_trap.vector == 6,
          "ud2 not handled with iret through the page");
    iret_via_page = false;
    info("hypercall page: 128 stubs written, xen_version and iret work");
}
#endif

void guest_main(void)
{
    long version = hypercall(__HYPERVISOR_xen_version, XENVER_version, 0, 0,
                             0, 0);

    check_raw(version);
    check_batches(version);
#ifdef GUEST_HYPERCALL_PAGE
    check_page(version);
#endif
}
