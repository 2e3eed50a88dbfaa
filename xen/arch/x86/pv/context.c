/* SPDX-License-Identifier: GPL-2.0-only */
/* Loading a vcpu_guest_context into a PV vCPU (VCPUOP_initialise). */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/xmalloc.h>
#include <public/xen.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>

int arch_set_info_guest(struct vcpu *v, unsigned long ctxt);

static bool canonical(unsigned long a)
{
    return (int64_t)a >> 47 == 0 || (int64_t)a >> 47 == -1;
}

int arch_set_info_guest(struct vcpu *v, unsigned long uctxt)
{
    struct vcpu_guest_context *c = xmalloc(struct vcpu_guest_context);
    struct pv_vcpu *pv = &v->arch.pv;
    unsigned long cr3;
    unsigned int i;
    int rc = -EINVAL;

    if ( !c )
        return -ENOMEM;
    if ( copy_from_guest(c, uctxt) )
    {
        rc = -EFAULT;
        goto out;
    }
    if ( !canonical(c->user_regs.rip) || !canonical(c->fs_base) ||
         !canonical(c->gs_base_kernel) || !canonical(c->gs_base_user) ||
         !canonical(c->event_callback_eip) ||
         !canonical(c->failsafe_callback_eip) ||
         !canonical(c->syscall_callback_eip) || c->ldt_ents > 8192 ||
         c->gdt_ents > 16 * 512 )
        goto out;
    cr3 = c->ctrlreg[3] >> PAGE_SHIFT;
    rc = pv_vcpu_set_baseptr(v, cr3, false);
    if ( rc )
        goto out;
    if ( c->gdt_ents )
    {
        unsigned long frames[16];

        for ( i = 0; i < 16; i++ )
            frames[i] = c->gdt_frames[i];
        rc = pv_set_gdt(v, frames, c->gdt_ents);
        if ( rc )
            goto out;
    }

    if ( c->ldt_ents )
    {
        rc = pv_set_ldt(v, c->ldt_base, c->ldt_ents);
        if ( rc )
            goto out;
    }
    v->arch.user_regs = c->user_regs;
    for ( i = 0; i < 256; i++ )
        pv->trap_ctxt[i] = c->trap_ctxt[i];
    pv->kernel_ss = c->kernel_ss | 3;
    pv->kernel_sp = c->kernel_sp;
    pv->cb[PV_CB_EVENT].eip = c->event_callback_eip;
    pv->cb[PV_CB_FAILSAFE].eip = c->failsafe_callback_eip;
    pv->cb[PV_CB_FAILSAFE].mask_events =
        c->flags & VGCF_failsafe_disables_events;
    pv->cb[PV_CB_SYSCALL].eip = c->syscall_callback_eip;
    pv->cb[PV_CB_SYSCALL].mask_events =
        c->flags & VGCF_syscall_disables_events;
    pv->fs_base = c->fs_base;
    pv->gs_base_kernel = c->gs_base_kernel;
    pv->gs_base_user = c->gs_base_user;
    pv->in_kernel = c->flags & VGCF_in_kernel;
    /* The virtual I/O privilege level comes from the context's RFLAGS. */
    pv->iopl = (c->user_regs.rflags >> 12) & 3;
    pv->ctrlreg[0] = c->ctrlreg[0] & X86_CR0_TS;
    pv->fpu_initialised = c->flags & VGCF_i387_valid;
    if ( pv->fpu_initialised )
        memcpy(pv->fpu_ctxt, &c->fpu_ctxt, sizeof(pv->fpu_ctxt));
    v->arch.user_regs.cs = FLAT_KERNEL_CS64;
    v->arch.user_regs.ss = FLAT_KERNEL_SS64;
    v->arch.user_regs.rflags |= 0x200;
    v->is_initialised = true;
    rc = 0;
 out:
    xfree(c);
    return rc;
}
