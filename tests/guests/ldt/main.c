/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ldt: MMUEXT_SET_LDT.  With the LDT page read-only to the guest, a
 * selector naming an LDT entry loads (LAR sees it, %fs takes it); while
 * that LDT is in use the page cannot be mapped writable; clearing the LDT
 * lets it be writable again.  (When the page is checked differs: Xen 4.17
 * validates it at first use, we at SET_LDT; both are tested as the guest
 * sees them.)
 */
#include "guest.h"

GUEST_NAME("ldt");

/* Flat 32-bit data segment, DPL 3, present, writable. */
#define DATA_DESC 0x00cff2000000ffffULL

static long set_ldt(const void *base, unsigned int ents)
{
    mmuext_op_t op = {
        .cmd = MMUEXT_SET_LDT,
        .arg1.linear_addr = (unsigned long)base,
        .arg2.nr_ents = ents,
    };

    return hc_mmuext_op(&op, 1, NULL, DOMID_SELF);
}

/* Access rights of a selector, or 0 if LAR says it is not usable. */
static uint32_t lar(uint16_t sel)
{
    uint32_t ar = 0;
    uint8_t ok;

    __asm__ __volatile__("lar %2, %0; setz %1"
                         : "=r"(ar), "=q"(ok) : "r"((uint32_t)sel) : "cc");
    return ok ? ar : 0;
}

void guest_main(void)
{
    uint64_t *ldt = alloc_page();
    uint16_t sel = (1 << 3) | 4 | 3;        /* entry 1, TI=LDT, RPL 3 */
    uint16_t got;

    memset(ldt, 0, PAGE_SIZE);
    ldt[1] = DATA_DESC;

    CHECK_RC(set_page_ro(ldt), 0);
    CHECK_RC(set_ldt(ldt, 2), 0);
    CHECK(lar(sel) != 0, "LAR does not see the LDT entry");
    CHECK((lar(sel) >> 8 & 0xf0) == 0xf0,
          "LDT entry not present with DPL 3: %#x", lar(sel));
    __asm__ __volatile__("mov %1, %%fs; mov %%fs, %0"
                         : "=r"(got) : "r"(sel) : "memory");
    CHECK(got == sel, "%%fs holds %#x after loading %#x", got, sel);
    __asm__ __volatile__("mov %0, %%fs" :: "r"(0) : "memory");

    /* While it is the LDT, the page cannot become writable. */
    CHECK(set_page_rw(ldt) < 0, "LDT page mapped writable while in use");

    /* Drop the LDT: the page may be writable again. */
    CHECK_RC(set_ldt(NULL, 0), 0);
    CHECK(lar(sel) == 0, "LDT entry still visible after clearing the LDT");
    CHECK_RC(set_page_rw(ldt), 0);

    guest_pass();
}
