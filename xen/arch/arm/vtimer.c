// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guest's virtual timer.  While a vCPU runs, CNTV is its own: when it
 * fires, the physical PPI comes to EL2 (HCR_EL2.IMO), the timer is masked
 * and the virtual PPI injected; the guest unmasks it when it reprograms.
 * While the vCPU is descheduled, a hypervisor timer stands in for it.
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/timer.h>
#include <asm/gic.h>
#include <asm/system.h>
#include <asm/time.h>
#include <asm/vgic.h>
#include <asm/vtimer.h>

static void vtimer_expired(void *data)
{
    struct vcpu *v = data;

    v->arch.cntv_ctl |= CNTx_CTL_MASK;
    vgic_inject_irq(v->domain, v, timer_irq_virt);
}

void vtimer_vcpu_init(struct vcpu *v)
{
    init_timer(&v->arch.vtimer, vtimer_expired, v, v->processor);
}

void vtimer_save(struct vcpu *v)
{
    uint64_t ctl = READ_SYSREG(cntv_ctl_el0);

    v->arch.cntv_ctl = ctl & ~CNTx_CTL_PENDING;
    v->arch.cntv_cval = READ_SYSREG(cntv_cval_el0);
    WRITE_SYSREG(0, cntv_ctl_el0);
    isb();
    if ( (ctl & CNTx_CTL_ENABLE) && !(ctl & CNTx_CTL_MASK) )
        set_timer(&v->arch.vtimer, counter_to_stime(v->arch.cntv_cval));
}

void vtimer_restore(struct vcpu *v)
{
    stop_timer(&v->arch.vtimer);
    WRITE_SYSREG(v->arch.cntv_cval, cntv_cval_el0);
    WRITE_SYSREG(v->arch.cntv_ctl, cntv_ctl_el0);
    isb();
}

static void vtimer_interrupt(unsigned int irq, struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    uint64_t ctl = READ_SYSREG(cntv_ctl_el0);

    if ( !(ctl & CNTx_CTL_PENDING) )
        return;
    WRITE_SYSREG(ctl | CNTx_CTL_MASK, cntv_ctl_el0);
    isb();
    if ( !is_idle_vcpu(v) )
        vgic_inject_irq(v->domain, v, timer_irq_virt);
}

void vtimer_init(void)
{
    request_irq(timer_irq_virt, vtimer_interrupt, "virt-timer");
}
