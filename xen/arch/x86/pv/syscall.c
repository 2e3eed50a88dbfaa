/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SYSCALL from a PV guest: each CPU has a small stub (two pages at
 * STUBS_VIRT_START + cpu * 8K: code, then data) that moves from the guest's
 * stack to the CPU's own and joins syscall_common.  From guest kernel mode
 * a SYSCALL is a hypercall; from guest user mode it goes to the guest's
 * registered syscall callback.
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <asm/mm.h>
#include <asm/msr.h>
#include <asm/pv.h>
#include <asm/system.h>

#define STUB_BYTES 8192UL
#define FMASK (0x40000UL | 0x4000UL | 0x3000UL | 0x400UL | 0x200UL | 0x100UL)

extern char syscall_common[];

static unsigned long stub_va(unsigned int cpu)
{
    return STUBS_VIRT_START + cpu * STUB_BYTES;
}

static void emit32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

/*
 *   mov  %rsp, scratch(%rip)
 *   mov  stack(%rip), %rsp
 *   push $FLAT_KERNEL_SS
 *   push scratch(%rip)
 *   jmp  syscall_common
 * scratch and stack are the first two words of the data page.
 */
void pv_syscall_cpu_init(unsigned int cpu)
{
    uint8_t *code = alloc_xenheap_page();
    uint64_t *data = alloc_xenheap_page();
    unsigned long va = stub_va(cpu), pc;
    unsigned int o = 0;

    if ( !code || !data )
        panic("No memory for the syscall stubs of CPU%u\n", cpu);
    memset(code, 0xcc, PAGE_SIZE);
    memset(data, 0, PAGE_SIZE);
    /* Where the CPU puts ring-3 frames: the end of cpu_info's ss slot. */
    data[1] = STACKS_VIRT_START + cpu * 2UL * STACK_SIZE;
    if ( cpu == 0 )
    {
        extern char cpu0_stack[];

        data[1] = (unsigned long)cpu0_stack;
    }
    data[1] += STACK_SIZE - CPUINFO_SIZE + UREGS_es;

#define RIPREL(target) \
    emit32(&code[o], (uint32_t)((target) - (va + o + 4))); o += 4
    code[o++] = 0x48; code[o++] = 0x89; code[o++] = 0x25;
    RIPREL(va + PAGE_SIZE);
    code[o++] = 0x48; code[o++] = 0x8b; code[o++] = 0x25;
    RIPREL(va + PAGE_SIZE + 8);
    code[o++] = 0x68;
    emit32(&code[o], FLAT_KERNEL_SS64);
    o += 4;
    code[o++] = 0xff; code[o++] = 0x35;
    RIPREL(va + PAGE_SIZE);
    code[o++] = 0xe9;
    pc = (unsigned long)syscall_common;
    RIPREL(pc);
#undef RIPREL

    if ( map_pages_to_xen(va, virt_to_mfn(code), 1, PAGE_HYPERVISOR_RX) ||
         map_pages_to_xen(va + PAGE_SIZE, virt_to_mfn(data), 1,
                          PAGE_HYPERVISOR_RW) )
        panic("Cannot map the syscall stubs of CPU%u\n", cpu);

    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
    /* SYSCALL: CS 0xe008, SS 0xe010.  SYSRET base 0xe023 (unused). */
    wrmsr(MSR_STAR, ((uint64_t)GDT_RING3_CS32 << 48) |
                    ((uint64_t)__HYPERVISOR_CS << 32));
    wrmsr(MSR_LSTAR, va);
    wrmsr(MSR_CSTAR, va);
    wrmsr(MSR_SYSCALL_MASK, FMASK);
}

void pv_hypercall(struct cpu_user_regs *regs)
{
    unsigned long args[6] = { regs->rdi, regs->rsi, regs->rdx,
                              regs->r10, regs->r8, regs->r9 };
    unsigned long nr = regs->rax;
    bool known;
    long ret = hypercall_dispatch(nr, args, &known);

    if ( !known )
        gprintk(XENLOG_DEBUG, "d%u: unknown hypercall %lu\n",
                current->domain->domain_id, nr);
    if ( hypercall_take_continuation(&nr, args) )
    {
        /* Back to the SYSCALL (2 bytes) with the remaining work. */
        regs->rax = nr;
        regs->rdi = args[0];
        regs->rsi = args[1];
        regs->rdx = args[2];
        regs->r10 = args[3];
        regs->r8 = args[4];
        regs->rip -= 2;
        return;
    }
    regs->rax = ret;
}

void do_syscall(struct cpu_user_regs *regs);
void do_syscall(struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    const struct pv_callback *cb = &v->arch.pv.cb[PV_CB_SYSCALL];

    /* SYSCALL left interrupts off; hypercalls run with them on. */
    local_irq_enable();
    if ( v->arch.pv.in_kernel )
    {
        pv_hypercall(regs);
        return;
    }
    if ( !cb->eip )
    {
        /* No handler: the guest sees #UD, as SYSCALL would raise it. */
        regs->rip -= 2;
        pv_inject_exception(regs, 6, -1);
        return;
    }
    /* RCX and R11 hold the user RIP and RFLAGS, as SYSCALL left them. */
    pv_inject_callback(regs, cb->eip, cb->mask_events, false);
}
