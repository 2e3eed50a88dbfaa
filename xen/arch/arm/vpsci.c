// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI 1.1 and SMCCC 1.1 for guests, called with HVC #0 or SMC #0: vCPUs
 * on and off, system off and reset, and the discovery calls Linux makes.
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/softirq.h>
#include <public/sched.h>
#include <asm/psci.h>
#include <asm/vpsci.h>

#define SMCCC_VERSION           0x80000000u
#define SMCCC_ARCH_FEATURES     0x80000001u
#define SMCCC_64                0x40000000u

static struct vcpu *vcpu_by_mpidr(struct domain *d, uint64_t mpidr)
{
    struct vcpu *v;

    for_each_vcpu ( d, v )
        if ( (v->arch.vmpidr & 0xff00ffffffUL) == (mpidr & 0xff00ffffffUL) )
            return v;
    return NULL;
}

static long cpu_on(struct domain *d, uint64_t mpidr, uint64_t entry,
                   uint64_t ctx, bool is64)
{
    struct vcpu *v = vcpu_by_mpidr(d, mpidr);
    struct cpu_user_regs *r;

    if ( !v )
        return PSCI_INVALID_PARAMETERS;
    if ( !(v->pause_flags & VPF_down) )
        return PSCI_ALREADY_ON;
    if ( !is64 || (entry & 3) )
        return PSCI_INVALID_ADDRESS;
    r = &v->arch.user_regs;
    memset(r, 0, sizeof(*r));
    r->pc = entry;
    r->x[0] = ctx;
    r->cpsr = PSR_GUEST64_INIT;
    memset(&v->arch.el1, 0, sizeof(v->arch.el1));
    v->arch.el1.sctlr = SCTLR_GUEST_INIT;
    v->is_initialised = true;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    vcpu_clear_pause_flag(v, VPF_down);
    return PSCI_SUCCESS;
}

static long features(uint32_t fid)
{
    switch ( fid )
    {
    case PSCI_0_2_FN_VERSION:
    case PSCI_0_2_FN_CPU_OFF:
    case PSCI_0_2_FN_CPU_ON:
    case PSCI_0_2_FN_CPU_ON & ~SMCCC_64:
    case PSCI_0_2_FN_AFFINITY_INFO:
    case PSCI_0_2_FN_AFFINITY_INFO & ~SMCCC_64:
    case PSCI_0_2_FN_MIGRATE_INFO_TYPE:
    case PSCI_0_2_FN_SYSTEM_OFF:
    case PSCI_0_2_FN_SYSTEM_RESET:
    case PSCI_1_0_FN_FEATURES:
    case SMCCC_VERSION:
        return PSCI_SUCCESS;
    default:
        return PSCI_NOT_SUPPORTED;
    }
}

/* x0 = function id; results in x0 (and nothing else is written). */
bool do_vpsci(struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    struct domain *d = v->domain;
    uint32_t fid = regs->x[0];
    uint64_t a1 = regs->x[1], a2 = regs->x[2], a3 = regs->x[3];
    long ret;

    if ( !(fid & SMCCC_64) )
    {
        a1 = (uint32_t)a1;
        a2 = (uint32_t)a2;
        a3 = (uint32_t)a3;
    }
    switch ( fid )
    {
    case PSCI_0_2_FN_VERSION:
        ret = 0x10001;                  /* PSCI 1.1 */
        break;
    case PSCI_1_0_FN_FEATURES:
        ret = features(a1);
        break;
    case PSCI_0_2_FN_CPU_ON:
    case PSCI_0_2_FN_CPU_ON & ~SMCCC_64:
        ret = cpu_on(d, a1, a2, a3, fid & SMCCC_64);
        break;
    case PSCI_0_2_FN_CPU_OFF:
        vcpu_set_pause_flag(v, VPF_down);
        raise_softirq(SCHEDULE_SOFTIRQ);
        ret = PSCI_SUCCESS;
        break;
    case PSCI_0_2_FN_AFFINITY_INFO:
    case PSCI_0_2_FN_AFFINITY_INFO & ~SMCCC_64:
    {
        struct vcpu *t = vcpu_by_mpidr(d, a1);

        if ( !t || a2 != 0 )
            ret = PSCI_INVALID_PARAMETERS;
        else
            ret = (t->pause_flags & VPF_down) ? 1 : 0;
        break;
    }
    case PSCI_0_2_FN_MIGRATE_INFO_TYPE:
        ret = 2;                        /* no Trusted OS to migrate */
        break;
    case PSCI_0_2_FN_SYSTEM_OFF:
        domain_shutdown(d, SHUTDOWN_poweroff);
        ret = PSCI_SUCCESS;
        break;
    case PSCI_0_2_FN_SYSTEM_RESET:
        domain_shutdown(d, SHUTDOWN_reboot);
        ret = PSCI_SUCCESS;
        break;
    case SMCCC_VERSION:
        ret = 0x10001;                  /* SMCCC 1.1 */
        break;
    case SMCCC_ARCH_FEATURES:
        /* No firmware workarounds are offered. */
        ret = PSCI_NOT_SUPPORTED;
        break;
    default:
        gprintk(XENLOG_DEBUG, "d%u v%u: unhandled SMC/HVC %#x\n",
                d->domain_id, v->vcpu_id, fid);
        ret = PSCI_NOT_SUPPORTED;
        break;
    }
    regs->x[0] = ret;
    return true;
}
