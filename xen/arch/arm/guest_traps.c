// SPDX-License-Identifier: GPL-2.0-only
/*
 * Synchronous exceptions from guests: hypercalls (HVC #0xEA1), PSCI and
 * SMCCC (HVC #0, SMC #0), WFI/WFE, stage-2 data aborts (vGIC frames) and
 * trapped system registers.  Anything else is reflected into the guest
 * as an undefined instruction or an abort, with a guest-level log line.
 */
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/softirq.h>
#include <asm/p2m.h>
#include <asm/processor.h>
#include <asm/system.h>
#include <asm/vgic.h>
#include <asm/vpsci.h>


void do_trap_guest_sync(struct cpu_user_regs *regs);

static void advance_pc(struct cpu_user_regs *regs)
{
    regs->pc += 4;
}

/*
 * Enter the guest's EL1 synchronous vector as if the exception had been
 * taken there: esr and far go to ESR_EL1 and FAR_EL1 (live while the
 * vCPU is on this CPU).
 */
static void inject_sync(struct cpu_user_regs *regs, uint64_t esr,
                        uint64_t far)
{
    unsigned int mode = regs->cpsr & 0xf;
    uint64_t off = mode == PSR_MODE_EL1h ? 0x200 :
                   mode == PSR_MODE_EL1t ? 0x000 : 0x400;

    WRITE_SYSREG(regs->pc, elr_el1);
    WRITE_SYSREG(regs->cpsr, spsr_el1);
    WRITE_SYSREG(esr, esr_el1);
    WRITE_SYSREG(far, far_el1);
    regs->pc = READ_SYSREG(vbar_el1) + off;
    regs->cpsr = PSR_MODE_EL1h | PSR_ABT_MASK | PSR_FIQ_MASK | PSR_IRQ_MASK |
                 PSR_DBG_MASK;
}

static void inject_undef(struct cpu_user_regs *regs)
{
    inject_sync(regs, (uint64_t)ESR_EC_UNKNOWN << ESR_EC_SHIFT | (1u << 25),
                0);
}

/* A data abort the guest sees as an external abort at far. */
static void inject_dabt(struct cpu_user_regs *regs, uint64_t far, bool el0)
{
    uint64_t ec = el0 ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR;

    inject_sync(regs, ec << ESR_EC_SHIFT | (1u << 25) | 0x10, far);
}

static void do_hypercall(struct cpu_user_regs *regs)
{
    unsigned long args[6], nr;
    unsigned int i;
    bool known;
    long rc;

    for ( i = 0; i < 6; i++ )
        args[i] = regs->x[i];
    rc = hypercall_dispatch(regs->x[16], args, &known);
    if ( !known )
        gprintk(XENLOG_DEBUG, "d%u v%u: unknown hypercall %lu\n",
                current->domain->domain_id, current->vcpu_id,
                (unsigned long)regs->x[16]);
    if ( hypercall_take_continuation(&nr, args) )
    {
        /* Back to the HVC (4 bytes) with the remaining work. */
        for ( i = 0; i < 5; i++ )
            regs->x[i] = args[i];
        regs->x[16] = nr;
        regs->pc -= 4;
        return;
    }
    regs->x[0] = rc;
}

static void do_wfi(struct cpu_user_regs *regs, uint32_t iss)
{
    struct vcpu *v = current;

    advance_pc(regs);
    if ( iss & 1 )
    {
        /* WFE: let someone else run for a while. */
        raise_softirq(SCHEDULE_SOFTIRQ);
        return;
    }
    __atomic_fetch_or(&v->pause_flags, VPF_blocked, __ATOMIC_SEQ_CST);
    /* An interrupt made pending before the flag was seen must wake it. */
    if ( vgic_vcpu_pending_irq(v) )
        __atomic_fetch_and(&v->pause_flags, ~VPF_blocked, __ATOMIC_SEQ_CST);
    else
        vcpu_sleep_nosync(v);
}

/* The IPA of a stage-2 abort (HPFAR_EL2), with the offset from FAR. */
static paddr_t fault_ipa(void)
{
    return ((READ_SYSREG(hpfar_el2) & 0xfffffffffff0UL) << 8) |
           (READ_SYSREG(far_el2) & 0xfff);
}

/*
 * A stage-2 translation fault on an address the p2m maps by now: the
 * access met a break-before-make window (p2m.c) that has closed, since
 * p2m_lookup waits for the p2m lock.  Run it again.
 */
static bool s2_fault_resolved(uint32_t iss, paddr_t gpa)
{
    p2m_type_t t;

    if ( (iss & 0x3c) != 0x04 )         /* not a translation fault */
        return false;
    return p2m_lookup(current->domain, gpa & PAGE_MASK, &t) !=
               INVALID_PADDR && t != p2m_invalid;
}

static void do_iabt(struct cpu_user_regs *regs, uint32_t iss)
{
    struct vcpu *v = current;

    if ( s2_fault_resolved(iss, fault_ipa()) )
        return;
    gprintk(XENLOG_WARNING, "d%u v%u: instruction abort at IPA %#lx (PC "
            "%#lx, ISS %#x)\n", v->domain->domain_id, v->vcpu_id,
            (unsigned long)fault_ipa(), (unsigned long)regs->pc, iss);
    domain_crash(v->domain);
}

static void do_dabt(struct cpu_user_regs *regs, uint32_t iss)
{
    struct vcpu *v = current;
    uint64_t far = READ_SYSREG(far_el2);
    paddr_t gpa = fault_ipa();
    bool isv = iss & (1u << 24), write = iss & (1u << 6);
    unsigned int size = 1u << ((iss >> 22) & 3), rt = (iss >> 16) & 31;
    bool sse = iss & (1u << 21), sf = iss & (1u << 15);
    uint64_t val;

    if ( isv && !(iss & (1u << 7)) )
    {
        val = rt == 31 ? 0 : regs->x[rt];
        if ( vgic_mmio_access(v, gpa, write, size, &val) )
        {
            if ( !write && rt != 31 )
            {
                if ( sse && size < 8 && (val & (1UL << (size * 8 - 1))) )
                    val |= ~0UL << (size * 8);
                if ( !sf )
                    val &= 0xffffffffUL;
                regs->x[rt] = val;
            }
            advance_pc(regs);
            return;
        }
    }
    if ( s2_fault_resolved(iss, gpa) )
        return;
    gprintk(XENLOG_WARNING,
            "d%u v%u: unhandled %s of %u bytes at IPA %#lx (VA %#lx, "
            "PC %#lx, ISS %#x)\n", v->domain->domain_id, v->vcpu_id,
            write ? "write" : "read", size, (unsigned long)gpa,
            (unsigned long)far, (unsigned long)regs->pc, iss);
    inject_dabt(regs, far, (regs->cpsr & 0xf) == PSR_MODE_EL0t);
}

static void do_sysreg(struct cpu_user_regs *regs, uint32_t iss)
{
    unsigned int rt = (iss >> 5) & 31;
    bool read = iss & 1;
    uint64_t val = rt == 31 ? 0 : regs->x[rt];

    if ( vgic_sysreg_access(current, iss, &val) )
    {
        if ( read && rt != 31 )
            regs->x[rt] = val;
        advance_pc(regs);
        return;
    }
    gprintk(XENLOG_WARNING, "d%u v%u: unhandled system register %s "
            "(ISS %#x) at PC %#lx\n", current->domain->domain_id,
            current->vcpu_id, read ? "read" : "write", iss,
            (unsigned long)regs->pc);
    inject_undef(regs);
}

void do_trap_guest_sync(struct cpu_user_regs *regs)
{
    uint32_t esr = regs->esr, iss = esr & 0x1ffffff;
    unsigned int ec = esr >> ESR_EC_SHIFT;

    local_irq_enable();
    switch ( ec )
    {
    case ESR_EC_HVC64:
        if ( (iss & 0xffff) == XEN_HYPERCALL_TAG )
            do_hypercall(regs);
        else if ( (iss & 0xffff) == 0 )
            do_vpsci(regs);
        else
            inject_undef(regs);
        break;
    case ESR_EC_SMC64:
        /* The preferred return address is the SMC itself. */
        advance_pc(regs);
        if ( (iss & 0xffff) == 0 )
            do_vpsci(regs);
        else
            regs->x[0] = (uint64_t)-1;
        break;
    case ESR_EC_WFx:
        do_wfi(regs, iss);
        break;
    case ESR_EC_DABT_LOW:
        do_dabt(regs, iss);
        break;
    case ESR_EC_IABT_LOW:
        do_iabt(regs, iss);
        break;
    case ESR_EC_SYSREG:
        do_sysreg(regs, iss);
        break;
    default:
        gprintk(XENLOG_WARNING, "d%u v%u: unexpected exception class %#x "
                "(ESR %#x) at PC %#lx\n", current->domain->domain_id,
                current->vcpu_id, ec, esr, (unsigned long)regs->pc);
        inject_undef(regs);
        break;
    }
}
