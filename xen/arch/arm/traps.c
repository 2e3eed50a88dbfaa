// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions taken to EL2.  One from the hypervisor itself is fatal: the
 * registers and a symbolised call trace are printed, then panic.  Guest
 * exceptions are dispatched by exception class.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/symbols.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>

void do_trap_hyp_sync(struct cpu_user_regs *regs);
void do_trap_bad(struct cpu_user_regs *regs);

_Static_assert(sizeof(struct cpu_user_regs) == UREGS_SIZE, "frame size");
_Static_assert(__builtin_offsetof(struct cpu_user_regs, sp) == 248, "sp");
_Static_assert(__builtin_offsetof(struct cpu_user_regs, pc) == 256, "pc");
_Static_assert(__builtin_offsetof(struct cpu_user_regs, esr) == 272, "esr");
_Static_assert(sizeof(struct cpu_info) == 320, "CPUINFO_SIZE in *.S");

static const char *const ec_names[64] = {
    [ESR_EC_UNKNOWN] = "undefined instruction",
    [ESR_EC_WFx] = "WFI/WFE",
    [ESR_EC_SMC32] = "SMC (AArch32)",
    [ESR_EC_HVC64] = "HVC",
    [ESR_EC_SMC64] = "SMC",
    [ESR_EC_SYSREG] = "system register access",
    [ESR_EC_IABT_LOW] = "instruction abort (lower EL)",
    [ESR_EC_IABT_CUR] = "instruction abort",
    [ESR_EC_PC_ALIGN] = "PC alignment fault",
    [ESR_EC_DABT_LOW] = "data abort (lower EL)",
    [ESR_EC_DABT_CUR] = "data abort",
    [ESR_EC_SP_ALIGN] = "SP alignment fault",
    [ESR_EC_BRK] = "BRK instruction",
};

static const char *ec_name(unsigned int ec)
{
    return ec_names[ec & 63] ? ec_names[ec & 63] : "unexpected exception";
}

static void show_trace(unsigned long pc, unsigned long lr, unsigned long fp)
{
    unsigned long lo = fp & ~(unsigned long)(STACK_SIZE - 1);
    unsigned int depth;

    printk("Xen call trace:\n");
    printk("   [<%016lx>] PC %pS\n", pc, (void *)pc);
    printk("   [<%016lx>] LR %pS\n", lr, (void *)lr);
    /* AAPCS64 frame records: [fp] = caller's fp, [fp + 8] = return. */
    for ( depth = 0; depth < 32; depth++ )
    {
        unsigned long *frame = (unsigned long *)fp;

        if ( fp < lo || fp + 16 > lo + STACK_SIZE || (fp & 7) )
            break;
        if ( !frame[1] )
            break;
        printk("   [<%016lx>] F %pS\n", frame[1], (void *)frame[1]);
        if ( frame[0] <= fp )
            break;
        fp = frame[0];
    }
    printk("\n");
}

void show_registers(const struct cpu_user_regs *r);
void show_registers(const struct cpu_user_regs *r)
{
    unsigned int i;

    printk("----[ Xen-" XEN_FULLVERSION "  arm64  debug=%c ]----\n",
           IS_ENABLED(CONFIG_DEBUG) ? 'y' : 'n');
    printk("CPU:    %u\n", smp_processor_id());
    printk("PC:     %016lx %pS\n", (unsigned long)r->pc, (void *)r->pc);
    printk("LR:     %016lx\n", (unsigned long)r->x[30]);
    printk("SP:     %016lx\n", (unsigned long)r->sp);
    printk("CPSR:   %08lx MODE:%s\n", (unsigned long)r->cpsr,
           regs_from_guest(r) ? "guest" : "hypervisor");
    for ( i = 0; i < 30; i += 3 )
        printk("     X%-2u: %016lx  X%-2u: %016lx  X%-2u: %016lx\n",
               i, (unsigned long)r->x[i], i + 1, (unsigned long)r->x[i + 1],
               i + 2, (unsigned long)r->x[i + 2]);
    printk("   ESR_EL2: %08lx  FAR_EL2: %016lx  HPFAR_EL2: %016lx\n",
           (unsigned long)r->esr, READ_SYSREG(far_el2),
           READ_SYSREG(hpfar_el2));
    printk("  SCTLR_EL2: %08lx  HCR_EL2: %016lx  TTBR0_EL2: %016lx\n",
           READ_SYSREG(sctlr_el2), READ_SYSREG(hcr_el2),
           READ_SYSREG(ttbr0_el2));
    if ( !regs_from_guest(r) )
        show_trace(r->pc, r->x[30], r->x[29]);
}

static void __noreturn fatal(const struct cpu_user_regs *regs,
                             const char *what)
{
    unsigned int ec = regs->esr >> ESR_EC_SHIFT;
    unsigned long far = READ_SYSREG(far_el2);

    console_force_unlock();
    show_registers(regs);
    if ( ec == ESR_EC_DABT_CUR || ec == ESR_EC_IABT_CUR )
        panic("%s: %s at %016lx\n[ESR_EL2=%08lx]\n", what, ec_name(ec), far,
              (unsigned long)regs->esr);
    panic("%s: %s\n[ESR_EL2=%08lx]\n", what, ec_name(ec),
          (unsigned long)regs->esr);
}

void __noreturn do_stack_overflow(struct cpu_user_regs *regs);
void __noreturn do_stack_overflow(struct cpu_user_regs *regs)
{
    /* regs->sp is where the report runs: the real SP is near FAR. */
    console_force_unlock();
    show_registers(regs);
    panic("FATAL TRAP in hypervisor: hypervisor stack overflow "
          "(fault at %016lx)\n", READ_SYSREG(far_el2));
}

void do_trap_hyp_sync(struct cpu_user_regs *regs)
{
    fatal(regs, "FATAL TRAP in hypervisor");
}

void do_trap_bad(struct cpu_user_regs *regs)
{
    fatal(regs, "Unexpected exception vector");
}
