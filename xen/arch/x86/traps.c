/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception and interrupt dispatch.  Any exception taken in the hypervisor
 * is fatal: print the registers and a symbolised call trace, then panic.
 */
#include <xen/lib.h>
#include <xen/console.h>
#include <xen/smp.h>
#include <xen/symbols.h>
#include <asm/desc.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/system.h>
#include <asm/pv.h>
#include <asm/uaccess.h>

struct exception_table_entry {
    unsigned long insn, fixup;
};
extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

unsigned long search_exception_table(unsigned long rip)
{
    const struct exception_table_entry *e;

    for ( e = __start___ex_table; e < __stop___ex_table; e++ )
        if ( e->insn == rip )
            return e->fixup;
    return 0;
}

static const char *const exception_names[32] = {
    "divide error", "debug", "nmi", "int3", "overflow", "bounds",
    "invalid opcode", "device not available", "double fault",
    "coprocessor segment overrun", "invalid TSS", "segment not found",
    "stack error", "general protection fault", "page fault",
    "spurious interrupt bug", "coprocessor error", "alignment check",
    "machine check", "simd error", "virtualisation exception",
    "control-flow protection", "reserved", "reserved", "reserved",
    "reserved", "reserved", "reserved", "hypervisor injection",
    "vmm communication", "security exception", "reserved",
};

static void (*irq_handlers[256])(struct cpu_user_regs *regs);

void set_irq_handler(unsigned int vector, void (*fn)(void))
{
    irq_handlers[vector] = (void (*)(struct cpu_user_regs *))fn;
}

static void show_trace(unsigned long rip, unsigned long rbp)
{
    unsigned long lo = rbp & ~(unsigned long)(STACK_SIZE - 1);
    unsigned int depth;

    printk("Xen call trace:\n");
    printk("   [<%016lx>] R %pS\n", rip, (void *)rip);
    /* Walk saved frame pointers while they stay in this stack block. */
    for ( depth = 0; depth < 32; depth++ )
    {
        unsigned long *frame = (unsigned long *)rbp;

        if ( rbp < lo || rbp + 16 > lo + STACK_SIZE || (rbp & 7) )
            break;
        if ( !frame[1] )
            break;
        printk("   [<%016lx>] F %pS\n", frame[1], (void *)frame[1]);
        if ( frame[0] <= rbp )
            break;
        rbp = frame[0];
    }
    printk("\n");
}

static void show_registers(const struct cpu_user_regs *r)
{
    printk("----[ Xen-" XEN_FULLVERSION "  x86_64  debug=%c ]----\n",
           IS_ENABLED(CONFIG_DEBUG) ? 'y' : 'n');
    printk("CPU:    %u\n", smp_processor_id());
    printk("RIP:    %04x:[<%016lx>] %pS\n", r->cs, (unsigned long)r->rip,
           (void *)(unsigned long)r->rip);
    printk("RFLAGS: %016lx   CONTEXT: %s\n", (unsigned long)r->rflags,
           (r->cs & 3) ? "guest" : "hypervisor");
    printk("rax: %016lx   rbx: %016lx   rcx: %016lx\n",
           (unsigned long)r->rax, (unsigned long)r->rbx,
           (unsigned long)r->rcx);
    printk("rdx: %016lx   rsi: %016lx   rdi: %016lx\n",
           (unsigned long)r->rdx, (unsigned long)r->rsi,
           (unsigned long)r->rdi);
    printk("rbp: %016lx   rsp: %016lx   r8:  %016lx\n",
           (unsigned long)r->rbp, (unsigned long)r->rsp,
           (unsigned long)r->r8);
    printk("r9:  %016lx   r10: %016lx   r11: %016lx\n",
           (unsigned long)r->r9, (unsigned long)r->r10,
           (unsigned long)r->r11);
    printk("r12: %016lx   r13: %016lx   r14: %016lx\n",
           (unsigned long)r->r12, (unsigned long)r->r13,
           (unsigned long)r->r14);
    printk("r15: %016lx   cr0: %016lx   cr4: %016lx\n",
           (unsigned long)r->r15, read_cr0(), read_cr4());
    printk("cr3: %016lx   cr2: %016lx\n", read_cr3(), read_cr2());
    printk("ds: %04x   es: %04x   fs: %04x   gs: %04x   ss: %04x   cs: %04x\n",
           0, 0, 0, 0, r->ss, r->cs);
    show_trace(r->rip, r->rbp);
}

static void __noreturn fatal_trap(const struct cpu_user_regs *regs)
{
    unsigned int vec = regs->entry_vector;

    console_force_unlock();
    show_registers(regs);
    if ( vec == 14 )
        panic("FATAL PAGE FAULT\n[error_code=%04x]\n"
              "Faulting linear address: %016lx\n",
              regs->error_code, read_cr2());
    if ( vec == 8 )
    {
        unsigned long rsp = regs->rsp, lo = rsp & ~(STACK_SIZE - 1UL);

        if ( rsp - lo < (STACK_GUARD_PAGE + 1) * 4096UL )
            panic("DOUBLE FAULT -- system shutdown\n"
                  "Hypervisor stack overflow (rsp %016lx)\n", rsp);
        panic("DOUBLE FAULT -- system shutdown\n");
    }
    panic("FATAL TRAP: vector = %u (%s)\n[error_code=%04x]\n", vec,
          exception_names[vec & 31], regs->error_code);
}

void do_trap(struct cpu_user_regs *regs);
void do_trap(struct cpu_user_regs *regs)
{
    unsigned int vec = regs->entry_vector;

    if ( vec >= FIRST_IRQ_VECTOR )
    {
        if ( irq_handlers[vec] )
            irq_handlers[vec](regs);
        else
        {
            printk(XENLOG_WARNING "CPU%u: unexpected interrupt vector %#x\n",
                   smp_processor_id(), vec);
            if ( vec != SPURIOUS_APIC_VECTOR )
                apic_eoi();
        }
        return;
    }

    if ( vec == 2 )
    {
        printk(XENLOG_WARNING "CPU%u: NMI received\n", smp_processor_id());
        return;
    }

    if ( (regs->cs & 3) && vec != 8 && vec != 18 )
    {
        /* cr2 first: an interrupt could take a fault and change it. */
        unsigned long cr2 = read_cr2();

        local_irq_enable();
        pv_handle_guest_trap(regs, cr2);
        return;
    }

    /* Guest memory accesses that fault resume at their fixup. */
    if ( vec == 14 || vec == 13 )
    {
        unsigned long fixup = search_exception_table(regs->rip);

        if ( fixup )
        {
            regs->rip = fixup;
            return;
        }
    }

    fatal_trap(regs);
}
