// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 domains and vCPUs: creation, the EL1 context switched with a vCPU
 * (system registers, FP/SIMD, virtual timer, vGIC), and the path back to
 * the guest.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/irq.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/softirq.h>
#include <asm/guest-abi.h>
#include <asm/p2m.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/vgic.h>
#include <asm/vtimer.h>

/* HCR_EL2 while a guest runs, and while the idle vCPU does. */
#define HCR_GUEST (HCR_VM | HCR_SWIO | HCR_PTW | HCR_FMO | HCR_IMO | \
                   HCR_AMO | HCR_FB | HCR_BSU_INNER | HCR_TSC | HCR_TWI | \
                   HCR_RW)
#define HCR_IDLE  (HCR_FMO | HCR_IMO | HCR_AMO)

void update_runstate_area(struct vcpu *v);

int arch_domain_create(struct domain *d)
{
    int rc = p2m_init(d);

    if ( rc )
        return rc;
    d->arch.evtchn_irq = 31;        /* GUEST_EVTCHN_PPI; dom0: its own */
    return 0;
}

/* vMPIDR: Aff0 = vCPU id modulo 16, Aff1 = the rest (GICv3 friendly). */
uint64_t vcpu_vmpidr(unsigned int id)
{
    return (1UL << 31) | ((uint64_t)(id / 16) << 8) | (id % 16);
}

int arch_vcpu_create(struct vcpu *v)
{
    if ( is_idle_vcpu(v) )
        return 0;
    v->arch.vmpidr = vcpu_vmpidr(v->vcpu_id);
    v->arch.user_regs.cpsr = PSR_GUEST64_INIT;
    v->arch.el1.sctlr = SCTLR_GUEST_INIT;
    vtimer_vcpu_init(v);
    if ( v->domain->arch.vgic.version )
        return vgic_vcpu_init(v);
    return 0;
}

static void save_el1(struct el1_regs *r)
{
    r->sctlr = READ_SYSREG(sctlr_el1);
    r->cpacr = READ_SYSREG(cpacr_el1);
    r->ttbr0 = READ_SYSREG(ttbr0_el1);
    r->ttbr1 = READ_SYSREG(ttbr1_el1);
    r->tcr = READ_SYSREG(tcr_el1);
    r->mair = READ_SYSREG(mair_el1);
    r->amair = READ_SYSREG(amair_el1);
    r->vbar = READ_SYSREG(vbar_el1);
    r->contextidr = READ_SYSREG(contextidr_el1);
    r->tpidr_el0 = READ_SYSREG(tpidr_el0);
    r->tpidr_el1 = READ_SYSREG(tpidr_el1);
    r->tpidrro_el0 = READ_SYSREG(tpidrro_el0);
    r->sp_el0 = READ_SYSREG(sp_el0);
    r->elr = READ_SYSREG(elr_el1);
    r->spsr = READ_SYSREG(spsr_el1);
    r->esr = READ_SYSREG(esr_el1);
    r->far = READ_SYSREG(far_el1);
    r->afsr0 = READ_SYSREG(afsr0_el1);
    r->afsr1 = READ_SYSREG(afsr1_el1);
    r->par = READ_SYSREG(par_el1);
    r->csselr = READ_SYSREG(csselr_el1);
    r->cntkctl = READ_SYSREG(cntkctl_el1);
    r->mdscr = READ_SYSREG(mdscr_el1);
}

static void restore_el1(const struct el1_regs *r)
{
    WRITE_SYSREG(r->sctlr, sctlr_el1);
    WRITE_SYSREG(r->cpacr, cpacr_el1);
    WRITE_SYSREG(r->ttbr0, ttbr0_el1);
    WRITE_SYSREG(r->ttbr1, ttbr1_el1);
    WRITE_SYSREG(r->tcr, tcr_el1);
    WRITE_SYSREG(r->mair, mair_el1);
    WRITE_SYSREG(r->amair, amair_el1);
    WRITE_SYSREG(r->vbar, vbar_el1);
    WRITE_SYSREG(r->contextidr, contextidr_el1);
    WRITE_SYSREG(r->tpidr_el0, tpidr_el0);
    WRITE_SYSREG(r->tpidr_el1, tpidr_el1);
    WRITE_SYSREG(r->tpidrro_el0, tpidrro_el0);
    WRITE_SYSREG(r->sp_el0, sp_el0);
    WRITE_SYSREG(r->elr, elr_el1);
    WRITE_SYSREG(r->spsr, spsr_el1);
    WRITE_SYSREG(r->esr, esr_el1);
    WRITE_SYSREG(r->far, far_el1);
    WRITE_SYSREG(r->afsr0, afsr0_el1);
    WRITE_SYSREG(r->afsr1, afsr1_el1);
    WRITE_SYSREG(r->par, par_el1);
    WRITE_SYSREG(r->csselr, csselr_el1);
    WRITE_SYSREG(r->cntkctl, cntkctl_el1);
    WRITE_SYSREG(r->mdscr, mdscr_el1);
}

/* The hypervisor is built without FP/SIMD: only guests own these. */
static void save_fp(struct vcpu *v)
{
    uint64_t *q = v->arch.fpregs;

    __asm__ __volatile__(
        ".arch_extension fp\n\t.arch_extension simd\n\t"
        "stp q0, q1, [%0, #32 * 0]\n\t"
        "stp q2, q3, [%0, #32 * 1]\n\t"
        "stp q4, q5, [%0, #32 * 2]\n\t"
        "stp q6, q7, [%0, #32 * 3]\n\t"
        "stp q8, q9, [%0, #32 * 4]\n\t"
        "stp q10, q11, [%0, #32 * 5]\n\t"
        "stp q12, q13, [%0, #32 * 6]\n\t"
        "stp q14, q15, [%0, #32 * 7]\n\t"
        "stp q16, q17, [%0, #32 * 8]\n\t"
        "stp q18, q19, [%0, #32 * 9]\n\t"
        "stp q20, q21, [%0, #32 * 10]\n\t"
        "stp q22, q23, [%0, #32 * 11]\n\t"
        "stp q24, q25, [%0, #32 * 12]\n\t"
        "stp q26, q27, [%0, #32 * 13]\n\t"
        "stp q28, q29, [%0, #32 * 14]\n\t"
        "stp q30, q31, [%0, #32 * 15]\n\t"
        :: "r"(q) : "memory");
    v->arch.fpsr = READ_SYSREG(fpsr);
    v->arch.fpcr = READ_SYSREG(fpcr);
}

static void restore_fp(const struct vcpu *v)
{
    const uint64_t *q = v->arch.fpregs;

    __asm__ __volatile__(
        ".arch_extension fp\n\t.arch_extension simd\n\t"
        "ldp q0, q1, [%0, #32 * 0]\n\t"
        "ldp q2, q3, [%0, #32 * 1]\n\t"
        "ldp q4, q5, [%0, #32 * 2]\n\t"
        "ldp q6, q7, [%0, #32 * 3]\n\t"
        "ldp q8, q9, [%0, #32 * 4]\n\t"
        "ldp q10, q11, [%0, #32 * 5]\n\t"
        "ldp q12, q13, [%0, #32 * 6]\n\t"
        "ldp q14, q15, [%0, #32 * 7]\n\t"
        "ldp q16, q17, [%0, #32 * 8]\n\t"
        "ldp q18, q19, [%0, #32 * 9]\n\t"
        "ldp q20, q21, [%0, #32 * 10]\n\t"
        "ldp q22, q23, [%0, #32 * 11]\n\t"
        "ldp q24, q25, [%0, #32 * 12]\n\t"
        "ldp q26, q27, [%0, #32 * 13]\n\t"
        "ldp q28, q29, [%0, #32 * 14]\n\t"
        "ldp q30, q31, [%0, #32 * 15]\n\t"
        :: "r"(q) : "memory");
    WRITE_SYSREG(v->arch.fpsr, fpsr);
    WRITE_SYSREG(v->arch.fpcr, fpcr);
}

static void ctxt_save(struct vcpu *v)
{
    v->arch.user_regs = get_cpu_info()->guest_cpu_user_regs;
    save_el1(&v->arch.el1);
    save_fp(v);
    vtimer_save(v);
    vgic_save(v);
}

static void ctxt_restore(struct vcpu *v)
{
    p2m_load(v->domain);
    WRITE_SYSREG(READ_SYSREG(midr_el1), vpidr_el2);
    WRITE_SYSREG(v->arch.vmpidr, vmpidr_el2);
    restore_el1(&v->arch.el1);
    restore_fp(v);
    WRITE_SYSREG(HCR_GUEST, hcr_el2);
    isb();
    vgic_restore(v);
    vtimer_restore(v);
    get_cpu_info()->guest_cpu_user_regs = v->arch.user_regs;
}

void context_switch(struct vcpu *prev, struct vcpu *next)
{
    if ( !is_idle_vcpu(prev) )
    {
        /* prev's stage 1 is still live: its runstate copy first. */
        update_runstate_area(prev);
        ctxt_save(prev);
    }
    set_current(next);
    if ( is_idle_vcpu(next) )
    {
        WRITE_SYSREG(HCR_IDLE, hcr_el2);
        isb();
        if ( !is_idle_vcpu(prev) )
            sched_context_saved(prev);
        reset_stack_and_call((void (*)(void))idle_loop);
    }
    ctxt_restore(next);
    update_runstate_area(next);
    /* next's stage 2 is loaded: prev's is no longer in use here. */
    if ( !is_idle_vcpu(prev) )
        sched_context_saved(prev);
    reset_stack_and_call(ret_to_guest);
}

void __noreturn reset_stack_and_call(void (*fn)(void))
{
    struct cpu_info *ci = get_cpu_info();

    __asm__ __volatile__("mov sp, %0; mov x29, xzr; br %1"
                         :: "r"(ci), "r"(fn) : "memory");
    __builtin_unreachable();
}

/* Right after a guest exit: what the list registers say happened. */
void enter_hypervisor_from_guest(void);
void enter_hypervisor_from_guest(void)
{
    vgic_sync_lrs(current);
}

/*
 * Last stop before the guest runs: softirqs (which may switch to another
 * vCPU and never come back), then the list registers.  IRQs off.
 */
void leave_hypervisor_to_guest(void);
void leave_hypervisor_to_guest(void)
{
    unsigned int cpu = smp_processor_id();

    for ( ; ; )
    {
        local_irq_disable();
        if ( !vcpu_runnable(current) )
            raise_softirq(SCHEDULE_SOFTIRQ);
        if ( !softirq_pending(cpu) )
            break;
        local_irq_enable();
        do_softirq();
    }
    /*
     * The event PPI is level-sensitive, as on Xen: asserted for as long
     * as evtchn_upcall_pending is set, not only when the flag goes from 0
     * to 1 (it may already have been set, e.g. before the guest moved its
     * vcpu_info, and the guest clears it when it takes the upcall).
     */
    if ( current->vcpu_info &&
         READ_ONCE(current->vcpu_info->evtchn_upcall_pending) )
        arch_evtchn_inject(current);
    vgic_flush_lrs(current);
}

/* The live frame of the running vCPU, else its saved one. */
struct cpu_user_regs *vcpu_regs(struct vcpu *v)
{
    return v == current ? &get_cpu_info()->guest_cpu_user_regs
                        : &v->arch.user_regs;
}

void arch_event_delivery_enable(struct vcpu *v)
{
    vcpu_regs(v)->cpsr &= ~(uint64_t)PSR_IRQ_MASK;
}

int arch_set_info_guest(struct vcpu *v, unsigned long ctxt);
int arch_set_info_guest(struct vcpu *v, unsigned long ctxt)
{
    /* VCPUOP_initialise is x86 PV only; ARM guests use PSCI CPU_ON. */
    return -EOPNOTSUPP;
}

void update_vcpu_system_time(struct vcpu *v)
{
    /* arm guests read the generic timer; vcpu_info time is unused. */
}

void arch_evtchn_inject(struct vcpu *v)
{
    vgic_inject_irq(v->domain, v, v->domain->arch.evtchn_irq);
}

/* arm has no physical IRQs as event channels (PIRQs). */
bool pirq_mapped(const struct domain *d, unsigned int pirq)
{
    return false;
}

void pirq_set_bound(struct domain *d, unsigned int pirq, bool bound)
{
}
