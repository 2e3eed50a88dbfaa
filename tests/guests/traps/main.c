/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * traps: exceptions bounced through the set_trap_table handlers and
 * back with the iret hypercall. #PF (not-present read, write to a
 * read-only page, fetch from an NX page) with cr2 in vcpu_info and the
 * error code as a kernel-mode fault; #GP (non-canonical access), #UD,
 * int3, #DE; the saved RFLAGS.IF mirroring the upcall mask, masking on
 * entry and restoring on iret; forced-emulation CPUID's Xen leaves.
 */
#include "guest.h"

GUEST_NAME("traps");

#define PFEC_PRESENT 0x01
#define PFEC_WRITE   0x02
#define PFEC_USER    0x04
#define PFEC_INSN    0x10
#define X86_EFLAGS_IF 0x200

static void expect(int probed, unsigned int vector, uint64_t ec,
                   const char *what)
{
    CHECK(probed == 1, "%s did not trap", what);
    CHECK(last_trap.vector == vector, "%s: vector %u, expected %u", what,
          last_trap.vector, vector);
    CHECK(last_trap.error_code == ec, "%s: error code %#lx, expected %#lx",
          what, (unsigned long)last_trap.error_code, (unsigned long)ec);
    /* A guest-kernel context: the flat kernel code selector. */
    CHECK((last_trap.cs & 0xfffc) == (FLAT_KERNEL_CS & 0xfffc),
          "%s: saved CS %#lx", what, (unsigned long)last_trap.cs);
}

static void check_page_faults(void)
{
    volatile uint64_t *page = alloc_page();
    unsigned char *code = alloc_page();
    uint32_t r[4];
    uint64_t v;

    expect(probe_read((void *)0x1000, &v), 14, 0, "read of unmapped 0x1000");
    CHECK(last_trap.cr2 == 0x1000, "cr2 %#lx, expected 0x1000",
          (unsigned long)last_trap.cr2);

    CHECK_RC(set_page_ro((void *)page), 0);
    expect(probe_write(page + 3, 1), 14, PFEC_PRESENT | PFEC_WRITE,
           "write to a read-only page");
    CHECK(last_trap.cr2 == (unsigned long)(page + 3), "cr2 %#lx, expected %p",
          (unsigned long)last_trap.cr2, (void *)(page + 3));
    CHECK_RC(set_page_rw((void *)page), 0);
    CHECK(probe_write(page + 3, 1) == 0 && page[3] == 1,
          "write after making the page writable again failed");

    xen_cpuid(0x80000001, 0, r);
    if ( r[3] & (1U << 20) )
    {
        code[0] = 0xc3;     /* ret */
        CHECK(probe_exec(code) == 0, "executing a ret faulted");
        CHECK_RC(remap(code, virt_to_mfn(code), PTE_KERNEL_RW | _PAGE_NX), 0);
        expect(probe_exec(code), 14, PFEC_PRESENT | PFEC_INSN,
               "fetch from an NX page");
        CHECK(last_trap.cr2 == (unsigned long)code, "NX cr2 %#lx",
              (unsigned long)last_trap.cr2);
    }
    else
        info("no NX in CPUID 0x80000001: instruction fetch fault skipped");
}

static bool hook_mask_seen;
static uint8_t mask_in_handler;

static bool record_mask(struct trap_regs *regs)
{
    (void)regs;
    mask_in_handler = this_vcpu()->evtchn_upcall_mask;
    hook_mask_seen = true;
    return false;   /* let the fix-up handle it */
}

static void check_event_mask(void)
{
    vcpu_info_t *v = this_vcpu();

    /* Masked (as at boot): the frame shows IF clear. */
    CHECK(v->evtchn_upcall_mask == 1, "upcall mask %u", v->evtchn_upcall_mask);
    CHECK(probe_ud2() == 1, "ud2 did not trap");
    CHECK(!(last_trap.rflags & X86_EFLAGS_IF),
          "saved RFLAGS %#lx has IF with events masked",
          (unsigned long)last_trap.rflags);

    /*
     * Unmasked (no port is bound, so nothing can arrive): IF set in the
     * frame, mask set inside the handler (flags bit 2), clear after iret.
     */
    v->evtchn_upcall_mask = 0;
    trap_hook = record_mask;
    CHECK(probe_ud2() == 1, "ud2 did not trap");
    trap_hook = NULL;
    CHECK(hook_mask_seen && mask_in_handler == 1,
          "upcall mask %u inside a handler registered to mask events",
          mask_in_handler);
    CHECK(last_trap.rflags & X86_EFLAGS_IF,
          "saved RFLAGS %#lx lacks IF with events unmasked",
          (unsigned long)last_trap.rflags);
    CHECK(v->evtchn_upcall_mask == 0,
          "iret with IF set left the upcall mask at %u",
          v->evtchn_upcall_mask);
    v->evtchn_upcall_mask = 1;
}

static void check_cpuid(void)
{
    uint32_t r[4], base;
    char sig[13];
    long ver = hc_xen_version(XENVER_version, NULL);

    for ( base = 0x40000000; base < 0x40010000; base += 0x100 )
    {
        xen_cpuid(base, 0, r);
        memcpy(sig, &r[1], 12);
        sig[12] = '\0';
        if ( !strcmp(sig, "XenVMMXenVMM") )
            break;
    }
    CHECK(base < 0x40010000, "no XenVMMXenVMM leaf from 0x40000000 up");
    CHECK(r[0] >= base + 2, "leaf %#x: max leaf %#x", base, r[0]);
    xen_cpuid(base + 1, 0, r);
    CHECK((long)r[0] == ver, "leaf %#x: version %#x, xen_version %#lx",
          base + 1, r[0], ver);
    /* Leaf 1 says "hypervisor present" through forced emulation. */
    xen_cpuid(1, 0, r);
    CHECK(r[2] & (1U << 31), "CPUID.1:ECX lacks the hypervisor bit");
    info("Xen leaves at %#x", base);
}

void guest_main(void)
{
    uint64_t v;
    trap_info_t bad[2];

    expect(probe_read((void *)0x8000000000000000UL, &v), 13, 0,
           "non-canonical read");
    expect(probe_ud2(), 6, 0, "ud2");
    info("ud2: saved CS %#lx RFLAGS %#lx", (unsigned long)last_trap.cs,
         (unsigned long)last_trap.rflags);
    expect(probe_int3(), 3, 0, "int3");
    expect(probe_div0(), 0, 0, "divide by zero");
    check_page_faults();
    check_event_mask();
    check_cpuid();

    CHECK_RC(hc_set_trap_table((void *)0x1000), -XEN_EFAULT);
    /* Still working after the failed call. */
    expect(probe_ud2(), 6, 0, "ud2 after a bad set_trap_table");
    /* A table that ends at once is valid; then reload ours. */
    memset(bad, 0, sizeof(bad));
    CHECK_RC(hc_set_trap_table(bad), 0);
    traps_init();
    expect(probe_int3(), 3, 0, "int3 after reloading the table");
}
