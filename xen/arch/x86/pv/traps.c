/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exceptions and callbacks for 64-bit PV guests: the bounce frame written
 * on the guest kernel stack, the trap table, the iret hypercall, callback
 * registration, stack_switch, segment bases and the virtual CR0.TS.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/callback.h>
#include <asm/msr.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/system.h>
#include <asm/uaccess.h>

#define X86_EFLAGS_TF   0x00000100UL
#define X86_EFLAGS_IOPL 0x00003000UL
#define X86_EFLAGS_NT   0x00004000UL
#define X86_EFLAGS_RF   0x00010000UL
#define X86_EFLAGS_VM   0x00020000UL
#define X86_EFLAGS_AC   0x00040000UL
#define PFEC_user_mode  (1u << 2)
#define PFEC_write      (1u << 1)

static bool vector_has_error_code(unsigned int v)
{
    return v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21;
}

/*
 * Build the frame the guest's handler expects (from the lowest address:
 * RCX, R11, [DS, ES, FS, GS,] [error code,] RIP, CS, RFLAGS, RSP, SS) on
 * the guest kernel stack, and enter the handler.  A guest whose stack
 * cannot take the frame has broken itself and is crashed.
 */
static int bounce(struct cpu_user_regs *regs, unsigned long eip,
                  bool has_err, uint32_t err, bool mask, bool failsafe)
{
    struct vcpu *v = current;
    struct vcpu_info *vi = v->vcpu_info;
    uint8_t saved_mask = vi->evtchn_upcall_mask;
    uint64_t frame[12];
    unsigned int n = 0;
    unsigned long rsp, cs, rflags;

    if ( !v->arch.pv.in_kernel )
    {
        toggle_guest_mode(v);
        rsp = v->arch.pv.kernel_sp;
        cs = FLAT_USER_CS64;
    }
    else
    {
        rsp = regs->rsp;
        cs = FLAT_KERNEL_CS64 & ~3UL;
    }
    rsp &= ~0xfUL;

    rflags = (regs->rflags & ~(X86_EFLAGS_IF | X86_EFLAGS_IOPL)) |
             (saved_mask ? 0 : X86_EFLAGS_IF) |
             ((unsigned long)v->arch.pv.iopl << 12);

    frame[n++] = regs->rcx;
    frame[n++] = regs->r11;
    if ( failsafe )
    {
        frame[n++] = regs->ds;
        frame[n++] = regs->es;
        frame[n++] = regs->fs;
        frame[n++] = regs->gs;
    }
    if ( has_err )
        frame[n++] = err;
    frame[n++] = regs->rip;
    frame[n++] = cs | ((uint64_t)saved_mask << 32);
    frame[n++] = rflags;
    frame[n++] = regs->rsp;
    frame[n++] = regs->ss;

    rsp -= n * sizeof(uint64_t);
    if ( copy_to_guest_va(rsp, frame, n * sizeof(uint64_t)) )
    {
        gprintk(XENLOG_ERR,
                "d%u v%u: cannot write a bounce frame at %016lx\n",
                v->domain->domain_id, v->vcpu_id, rsp);
        domain_crash_current();
    }

    regs->rsp = rsp;
    regs->rip = eip;
    regs->cs = FLAT_KERNEL_CS64;
    regs->ss = FLAT_KERNEL_SS64;
    regs->rflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_RF |
                      X86_EFLAGS_VM | X86_EFLAGS_AC);
    if ( mask )
        vi->evtchn_upcall_mask = 1;
    return 0;
}

int pv_inject_exception(struct cpu_user_regs *regs, unsigned int vector,
                        int error_code)
{
    struct vcpu *v = current;
    const struct trap_info *ti = &v->arch.pv.trap_ctxt[vector & 255];

    if ( !ti->address )
    {
        gprintk(XENLOG_ERR,
                "d%u v%u: unhandled trap %u (error %#x) at %016lx\n",
                v->domain->domain_id, v->vcpu_id, vector, error_code,
                (unsigned long)regs->rip);
        domain_crash_current();
    }
    return bounce(regs, ti->address, error_code >= 0 &&
                  vector_has_error_code(vector), error_code,
                  TI_GET_IF(ti), false);
}

int pv_inject_callback(struct cpu_user_regs *regs, unsigned long eip,
                       bool mask_events, bool failsafe)
{
    return bounce(regs, eip, false, 0, mask_events, failsafe);
}

/* Event upcall on the way back to the guest, if one is due. */
void pv_deliver_pending(struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    struct vcpu_info *vi = v->vcpu_info;
    unsigned long eip = v->arch.pv.cb[PV_CB_EVENT].eip;

    if ( !vi || !vi->evtchn_upcall_pending || vi->evtchn_upcall_mask ||
         !eip )
        return;
    /* The event callback always runs with events masked. */
    bounce(regs, eip, false, 0, true, false);
}

/* An exception raised while a guest ran: emulate it or bounce it. */
void pv_handle_guest_trap(struct cpu_user_regs *regs, unsigned long cr2)
{
    struct vcpu *v = current;
    unsigned int vec = regs->entry_vector;
    uint32_t err = regs->error_code;

    switch ( vec )
    {
    case 14:
    {
        if ( v->arch.pv.in_kernel && (err & PFEC_write) &&
             pv_ptwr_fault(regs, cr2) )
            return;
        if ( (err & (PFEC_write | 1)) == (PFEC_write | 1) &&
             pv_mmio_ro_fault(regs, cr2) )
            return;
        v->vcpu_info->arch.cr2 = cr2;
        /* The guest kernel runs in ring 3, but is not "user mode". */
        if ( v->arch.pv.in_kernel )
            err &= ~PFEC_user_mode;
        pv_inject_exception(regs, 14, err);
        return;
    }
    case 13:
        if ( pv_emulate_int_n(regs) )
            return;
        if ( err == 0 && v->arch.pv.in_kernel &&
             pv_emulate_privileged(regs) )
            return;
        pv_inject_exception(regs, 13, err);
        return;
    case 6:
        if ( pv_emulate_forced_cpuid(regs) )
            return;
        pv_inject_exception(regs, 6, -1);
        return;
    default:
        pv_inject_exception(regs, vec,
                            vector_has_error_code(vec) ? (int)err : -1);
        return;
    }
}

/* ---- hypercalls ---- */

long do_set_trap_table(unsigned long traps, unsigned long unused)
{
    struct vcpu *v = current;
    struct trap_info ti;
    unsigned int i;

    if ( !traps )
    {
        memset(v->arch.pv.trap_ctxt, 0, sizeof(v->arch.pv.trap_ctxt));
        return 0;
    }
    for ( i = 0; i < 256; i++ )
    {
        if ( copy_from_guest_va(&ti, traps + i * sizeof(ti), sizeof(ti)) )
            return -EFAULT;
        if ( !ti.address )
            return 0;
        if ( !guest_range_ok(ti.address, 1) )
            return -EINVAL;
        v->arch.pv.trap_ctxt[ti.vector] = ti;
    }
    return 0;
}

long do_iret(void)
{
    struct cpu_user_regs *regs = guest_cpu_user_regs();
    struct vcpu *v = current;
    struct iret_context ic;

    if ( copy_from_guest_va(&ic, regs->rsp, sizeof(ic)) )
    {
        gprintk(XENLOG_ERR, "d%u v%u: iret: bad frame at %016lx\n",
                v->domain->domain_id, v->vcpu_id, (unsigned long)regs->rsp);
        domain_crash_current();
    }
    if ( (ic.cs & 3) == 3 && v->arch.pv.in_kernel )
        toggle_guest_mode(v);

    regs->rip = ic.rip;
    regs->rflags = ic.rflags;
    regs->rsp = ic.rsp;
    if ( !(ic.flags & VGCF_in_syscall) )
    {
        regs->r11 = ic.r11;
        regs->rcx = ic.rcx;
    }
    v->vcpu_info->evtchn_upcall_mask = !(ic.rflags & X86_EFLAGS_IF);
    /* The return value is the guest's restored RAX. */
    return ic.rax;
}

static long register_callback(const struct callback_register *r)
{
    struct pv_vcpu *pv = &current->arch.pv;
    bool mask = r->flags & CALLBACKF_mask_events;
    int slot;

    if ( !guest_range_ok(r->address, 1) )
        return -EINVAL;
    switch ( r->type )
    {
    case CALLBACKTYPE_event: slot = PV_CB_EVENT; break;
    case CALLBACKTYPE_failsafe: slot = PV_CB_FAILSAFE; break;
    case CALLBACKTYPE_syscall: slot = PV_CB_SYSCALL; break;
    case CALLBACKTYPE_syscall32: slot = PV_CB_SYSCALL32; break;
    case CALLBACKTYPE_sysenter: slot = PV_CB_SYSENTER; break;
    case CALLBACKTYPE_nmi: slot = PV_CB_NMI; break;
    default: return -ENOSYS;
    }
    pv->cb[slot].eip = r->address;
    pv->cb[slot].mask_events = mask;
    return 0;
}

long do_callback_op(int cmd, unsigned long arg)
{
    switch ( cmd )
    {
    case CALLBACKOP_register:
    {
        struct callback_register r;

        if ( copy_from_guest(&r, arg) )
            return -EFAULT;
        return register_callback(&r);
    }
    case CALLBACKOP_unregister:
    {
        struct callback_unregister u;
        struct pv_vcpu *pv = &current->arch.pv;

        if ( copy_from_guest(&u, arg) )
            return -EFAULT;
        switch ( u.type )
        {
        case CALLBACKTYPE_event:
        case CALLBACKTYPE_failsafe:
            return -EINVAL;
        case CALLBACKTYPE_syscall: pv->cb[PV_CB_SYSCALL].eip = 0; return 0;
        case CALLBACKTYPE_syscall32:
            pv->cb[PV_CB_SYSCALL32].eip = 0;
            return 0;
        case CALLBACKTYPE_sysenter: pv->cb[PV_CB_SYSENTER].eip = 0; return 0;
        case CALLBACKTYPE_nmi: pv->cb[PV_CB_NMI].eip = 0; return 0;
        }
        return -ENOSYS;
    }
    }
    return -ENOSYS;
}

long do_set_callbacks(unsigned long event, unsigned long failsafe,
                      unsigned long syscall)
{
    struct callback_register r = { .type = CALLBACKTYPE_event,
                                   .address = event };
    long rc = register_callback(&r);

    if ( rc )
        return rc;
    r.type = CALLBACKTYPE_failsafe;
    r.address = failsafe;
    if ( (rc = register_callback(&r)) != 0 )
        return rc;
    r.type = CALLBACKTYPE_syscall;
    r.address = syscall;
    return register_callback(&r);
}

long do_stack_switch(unsigned long ss, unsigned long esp)
{
    struct pv_vcpu *pv = &current->arch.pv;

    pv->kernel_ss = ss | 3;
    pv->kernel_sp = esp;
    return 0;
}

static bool canonical(unsigned long a)
{
    return (int64_t)a >> 47 == 0 || (int64_t)a >> 47 == -1;
}

/* Load the user %gs selector; 0 or -EINVAL if the selector faults. */
int load_user_gs_sel(unsigned int sel);

long do_set_segment_base(unsigned int which, unsigned long base)
{
    struct vcpu *v = current;
    bool k = v->arch.pv.in_kernel;

    if ( which != SEGBASE_GS_USER_SEL && !canonical(base) )
        return -EINVAL;
    switch ( which )
    {
    case SEGBASE_FS:
        wrmsr(MSR_FS_BASE, base);
        v->arch.pv.fs_base = base;
        return 0;
    case SEGBASE_GS_USER:
        wrmsr(k ? MSR_SHADOW_GS_BASE : MSR_GS_BASE, base);
        v->arch.pv.gs_base_user = base;
        return 0;
    case SEGBASE_GS_KERNEL:
        wrmsr(k ? MSR_GS_BASE : MSR_SHADOW_GS_BASE, base);
        v->arch.pv.gs_base_kernel = base;
        return 0;
    case SEGBASE_GS_USER_SEL:
        if ( (base & 0xffff) && (base & 3) != 3 )
            return -EINVAL;
        if ( !k )
            return -EPERM;
        return load_user_gs_sel(base & 0xffff);
    }
    return -EINVAL;
}

long do_fpu_taskswitch(int set)
{
    struct vcpu *v = current;

    if ( set )
    {
        v->arch.pv.ctrlreg[0] |= X86_CR0_TS;
        write_cr0(read_cr0() | X86_CR0_TS);
    }
    else
    {
        v->arch.pv.ctrlreg[0] &= ~X86_CR0_TS;
        write_cr0(read_cr0() & ~X86_CR0_TS);
    }
    return 0;
}

long do_set_debugreg(int reg, unsigned long value)
{
    struct vcpu *v = current;

    switch ( reg )
    {
    case 0 ... 3:
        if ( !guest_range_ok(value, 1) )
            return -EPERM;
        break;
    case 6:
        value = (value & 0xe00f) | 0xffff0ff0;
        break;
    case 7:
        /* No I/O breakpoints, no general-detect. */
        if ( value & (1UL << 13) )
            return -EPERM;
        value = (value & 0xffff27ffUL) | 0x400;
        break;
    default:
        return -EINVAL;
    }
    v->arch.pv.debugreg[reg] = value;
    return 0;
}

long do_get_debugreg(int reg)
{
    if ( reg < 0 || reg > 7 || reg == 4 || reg == 5 )
        return -EINVAL;
    return current->arch.pv.debugreg[reg];
}
