/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception handling: the virtual IDT given to set_trap_table, and the
 * C side of every trap (fix-ups for probes, hooks, or a FAIL line).
 */
#include "guest.h"

struct trap_record last_trap;
bool (*trap_hook)(struct trap_regs *regs);
bool iret_via_page;
unsigned long iret_stub;
unsigned long probe_exec_target;

extern char trap_0[], trap_1[], trap_2[], trap_3[], trap_4[], trap_5[];
extern char trap_6[], trap_7[], trap_8[], trap_10[], trap_11[];
extern char trap_12[], trap_13[], trap_14[], trap_16[], trap_17[];
extern char trap_18[], trap_19[], probe_exec_fixup[];

struct extable_entry {
    unsigned long insn, fixup;
};
extern const struct extable_entry __start_ex_table[], __stop_ex_table[];

static const struct {
    uint8_t vector;
    uint8_t dpl;
    char *handler;
} vectors[] = {
    { 0, 0, trap_0 },   { 1, 0, trap_1 },   { 2, 0, trap_2 },
    /* DPL 3: the guest kernel itself runs in ring 3 and uses int3. */
    { 3, 3, trap_3 },   { 4, 3, trap_4 },   { 5, 0, trap_5 },
    { 6, 0, trap_6 },   { 7, 0, trap_7 },   { 8, 0, trap_8 },
    { 10, 0, trap_10 }, { 11, 0, trap_11 }, { 12, 0, trap_12 },
    { 13, 0, trap_13 }, { 14, 0, trap_14 }, { 16, 0, trap_16 },
    { 17, 0, trap_17 }, { 18, 0, trap_18 }, { 19, 0, trap_19 },
};

void fill_trap_table(trap_info_t *t)
{
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(vectors); i++ )
    {
        t[i].vector = vectors[i].vector;
        /* Bit 2: mask events while the handler runs. */
        t[i].flags = vectors[i].dpl | 4;
        t[i].cs = FLAT_KERNEL_CS;
        t[i].address = (unsigned long)vectors[i].handler;
    }
    memset(&t[i], 0, sizeof(t[i]));
}

void traps_init(void)
{
    static trap_info_t table[ARRAY_SIZE(vectors) + 1];
    long rc;

    fill_trap_table(table);
    rc = hc_set_trap_table(table);
    if ( rc )
        guest_fail("set_trap_table returned %ld", rc);
    iret_stub = (unsigned long)hypercall_page + __HYPERVISOR_iret * 32;
}

static unsigned long find_fixup(unsigned long rip)
{
    const struct extable_entry *e;

    if ( rip && rip == probe_exec_target )
        return (unsigned long)probe_exec_fixup;
    for ( e = __start_ex_table; e < __stop_ex_table; e++ )
        if ( e->insn == rip )
            return e->fixup;
    return 0;
}

void event_upcall(struct trap_regs *regs);

void trap_entry(struct trap_regs *regs)
{
    unsigned long fixup;

    if ( regs->vector == VEC_EVENT )
    {
        event_upcall(regs);
        return;
    }
    if ( regs->vector == VEC_FAILSAFE )
        guest_fail("failsafe callback at rip %#lx", regs->rip);

    if ( trap_hook && trap_hook(regs) )
        return;

    fixup = find_fixup(regs->rip);
    if ( fixup )
    {
        last_trap.count++;
        last_trap.vector = regs->vector;
        last_trap.error_code = regs->error_code;
        last_trap.rip = regs->rip;
        last_trap.cs = regs->cs;
        last_trap.rflags = regs->rflags;
        last_trap.cr2 = regs->vector == 14 ? this_vcpu()->arch.cr2 : 0;
        regs->rip = fixup;
        return;
    }

    guest_fail("unexpected trap %lu error %#lx at rip %#lx cr2 %#lx",
               regs->vector, regs->error_code, regs->rip,
               regs->vector == 14 ? this_vcpu()->arch.cr2 : 0);
}
