/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 domains and vCPUs: creation, context switch between vCPUs, the
 * checks on every return to a guest, and what a dom0 shutdown does to the
 * machine.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/shutdown.h>
#include <xen/softirq.h>
#include <public/sched.h>
#include <asm/desc.h>
#include <asm/mm.h>
#include <asm/setup.h>
#include <asm/msr.h>
#include <asm/pv.h>
#include <asm/system.h>

int arch_domain_create(struct domain *d)
{
    d->arch.io_privileged = d->is_privileged;
    return perdomain_init(d);
}

int arch_vcpu_create(struct vcpu *v)
{
    v->arch.pv.ctrlreg[4] = X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
    v->arch.pv.in_kernel = true;
    v->arch.user_regs.cs = GDT_RING3_CS64;
    v->arch.user_regs.ss = GDT_RING3_DS32;
    v->arch.user_regs.rflags = X86_EFLAGS_IF;
    return 0;
}

void pv_update_cr3(struct vcpu *v)
{
    unsigned long mfn = v->arch.pv.in_kernel ? v->arch.pv.guest_table
                                             : v->arch.pv.guest_table_user;

    if ( !mfn )
        mfn = v->arch.pv.guest_table;
    write_cr3(mfn ? mfn << PAGE_SHIFT : __pa(idle_pg_table));
}

void toggle_guest_mode(struct vcpu *v)
{
    v->arch.pv.in_kernel = !v->arch.pv.in_kernel;
    /* The hypervisor never uses GS: the guest's two bases just swap. */
    __asm__ __volatile__("swapgs" ::: "memory");
    pv_update_cr3(v);
}

static void save_guest_state(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    v->arch.user_regs = *guest_cpu_user_regs();
    pv->fs_base = rdmsr(MSR_FS_BASE);
    if ( pv->in_kernel )
    {
        pv->gs_base_kernel = rdmsr(MSR_GS_BASE);
        pv->gs_base_user = rdmsr(MSR_SHADOW_GS_BASE);
    }
    else
    {
        pv->gs_base_user = rdmsr(MSR_GS_BASE);
        pv->gs_base_kernel = rdmsr(MSR_SHADOW_GS_BASE);
    }
    if ( !(read_cr0() & X86_CR0_TS) )
    {
        __asm__ __volatile__("fxsaveq %0" : "=m"(pv->fpu_ctxt));
        pv->fpu_initialised = true;
    }
}

static void load_guest_state(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    *guest_cpu_user_regs() = v->arch.user_regs;
    wrmsr(MSR_FS_BASE, pv->fs_base);
    wrmsr(MSR_GS_BASE, pv->in_kernel ? pv->gs_base_kernel
                                     : pv->gs_base_user);
    wrmsr(MSR_SHADOW_GS_BASE, pv->in_kernel ? pv->gs_base_user
                                            : pv->gs_base_kernel);
    pv_update_cr3(v);

    write_cr0(read_cr0() & ~X86_CR0_TS);
    if ( pv->fpu_initialised )
        __asm__ __volatile__("fxrstorq %0" :: "m"(pv->fpu_ctxt));
    else
        __asm__ __volatile__("fninit");
    if ( pv->ctrlreg[0] & X86_CR0_TS )
        write_cr0(read_cr0() | X86_CR0_TS);
}

void update_runstate_area(struct vcpu *v);

void context_switch(struct vcpu *prev, struct vcpu *next)
{
    if ( !is_idle_vcpu(prev) )
    {
        /* prev's page tables are still live: its runstate copy first. */
        update_runstate_area(prev);
        save_guest_state(prev);
    }
    set_current(next);
    if ( is_idle_vcpu(next) )
    {
        load_gdt_base((unsigned long)this_cpu_gdt_page() -
                      FIRST_RESERVED_GDT_BYTE);
        pv_load_ldt(NULL);
        write_cr3(__pa(idle_pg_table));
        if ( !is_idle_vcpu(prev) )
            sched_context_saved(prev);
        reset_stack_and_call((void (*)(void))idle_loop);
    }
    load_guest_state(next);
    pv_load_gdt(next);
    pv_load_ldt(next);
    update_vcpu_system_time(next);
    update_runstate_area(next);
    /* next's page tables are loaded: prev's are no longer in use here. */
    if ( !is_idle_vcpu(prev) )
        sched_context_saved(prev);
    reset_stack_and_call(ret_to_guest);
}

/*
 * Last stop before the guest runs: pending softirqs (which may switch to
 * another vCPU and never come back here), then event upcalls, then a
 * frame that is safe to iret to.  Called with interrupts off.
 */
void exit_to_guest(struct cpu_user_regs *regs);
void exit_to_guest(struct cpu_user_regs *regs)
{
    unsigned int cpu = smp_processor_id();
    struct vcpu *v;

    for ( ; ; )
    {
        v = current;
        if ( !vcpu_runnable(v) )
            raise_softirq(SCHEDULE_SOFTIRQ);
        if ( softirq_pending(cpu) )
        {
            local_irq_enable();
            do_softirq();
            local_irq_disable();
            continue;
        }
        break;
    }

    pv_deliver_pending(regs);

    /* The guest always runs with interrupts on and no I/O privilege. */
    regs->rflags = (regs->rflags & ~(0x3000UL | 0x4000UL | 0x20000UL)) |
                   X86_EFLAGS_IF;
    regs->cs = GDT_RING3_CS64;
    regs->ss = GDT_RING3_DS32;
    if ( (int64_t)regs->rip >> 47 != 0 && (int64_t)regs->rip >> 47 != -1 )
    {
        gprintk(XENLOG_ERR, "d%u v%u: non-canonical RIP %016lx\n",
                v->domain->domain_id, v->vcpu_id, (unsigned long)regs->rip);
        domain_crash_current();
    }
}

