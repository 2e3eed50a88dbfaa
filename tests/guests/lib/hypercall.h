/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall transport. The default is a raw SYSCALL from guest kernel
 * mode (RAX = number, args in RDI RSI RDX R10 R8; RCX/R11 clobbered), as
 * current Linux does. hypercall_page_call() goes through the page the
 * builder fills when the image has a HYPERCALL_PAGE note.
 */
#ifndef GUEST_HYPERCALL_H
#define GUEST_HYPERCALL_H

static inline long hypercall(unsigned long nr, unsigned long a1,
                             unsigned long a2, unsigned long a3,
                             unsigned long a4, unsigned long a5)
{
    register unsigned long r10 asm("r10") = a4;
    register unsigned long r8 asm("r8") = a5;
    long ret;

    /* A debug hypervisor may scribble on every argument register. */
    asm volatile("syscall"
                 : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
                   "+r"(r8)
                 : "0"(nr)
                 : "rcx", "r11", "r9", "memory");
    return ret;
}

/* Stub i of the hypercall page is at hypercall_page + i * 32. */
static inline long hypercall_page_call(unsigned long nr, unsigned long a1,
                                       unsigned long a2, unsigned long a3,
                                       unsigned long a4, unsigned long a5)
{
    register unsigned long r10 asm("r10") = a4;
    register unsigned long r8 asm("r8") = a5;
    extern char hypercall_page[] __attribute__((weak));
    unsigned long stub = (unsigned long)hypercall_page + nr * 32;
    long ret;

    asm volatile("call *%[stub]"
                 : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
                   "+r"(r8)
                 : [stub] "b"(stub)
                 : "rcx", "r11", "r9", "memory");
    return ret;
}

#define HC(nr, a1, a2, a3, a4, a5)                                      \
    hypercall(nr, (unsigned long)(a1), (unsigned long)(a2),             \
              (unsigned long)(a3), (unsigned long)(a4),                 \
              (unsigned long)(a5))

static inline long hc_set_trap_table(const void *table)
{
    return HC(__HYPERVISOR_set_trap_table, table, 0, 0, 0, 0);
}

static inline long hc_mmu_update(const void *req, unsigned int count,
                                 unsigned int *done, unsigned int dom)
{
    return HC(__HYPERVISOR_mmu_update, req, count, done, dom, 0);
}

static inline long hc_memory_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_memory_op, cmd, arg, 0, 0, 0);
}

static inline long hc_multicall(void *calls, unsigned int count)
{
    return HC(__HYPERVISOR_multicall, calls, count, 0, 0, 0);
}

static inline long hc_update_va_mapping(unsigned long va, uint64_t pte,
                                        unsigned long flags)
{
    return HC(__HYPERVISOR_update_va_mapping, va, pte, flags, 0, 0);
}

static inline long hc_set_timer_op(uint64_t timeout)
{
    return HC(__HYPERVISOR_set_timer_op, timeout, 0, 0, 0, 0);
}

static inline long hc_xen_version(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_xen_version, cmd, arg, 0, 0, 0);
}

static inline long hc_console_io(unsigned int cmd, unsigned int count,
                                 const void *buf)
{
    return HC(__HYPERVISOR_console_io, cmd, count, buf, 0, 0);
}

static inline long hc_grant_table_op(unsigned int cmd, void *arg,
                                     unsigned int count)
{
    return HC(__HYPERVISOR_grant_table_op, cmd, arg, count, 0, 0);
}

static inline long hc_vm_assist(unsigned int cmd, unsigned int type)
{
    return HC(__HYPERVISOR_vm_assist, cmd, type, 0, 0, 0);
}

static inline long hc_vcpu_op(unsigned int cmd, unsigned int vcpu, void *arg)
{
    return HC(__HYPERVISOR_vcpu_op, cmd, vcpu, arg, 0, 0);
}

static inline long hc_mmuext_op(const void *ops, unsigned int count,
                                unsigned int *done, unsigned int dom)
{
    return HC(__HYPERVISOR_mmuext_op, ops, count, done, dom, 0);
}

static inline long hc_sched_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_sched_op, cmd, arg, 0, 0, 0);
}

static inline long hc_callback_op(unsigned int cmd, const void *arg)
{
    return HC(__HYPERVISOR_callback_op, cmd, arg, 0, 0, 0);
}

static inline long hc_event_channel_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_event_channel_op, cmd, arg, 0, 0, 0);
}

static inline long hc_physdev_op(unsigned int cmd, void *arg)
{
    return HC(__HYPERVISOR_physdev_op, cmd, arg, 0, 0, 0);
}

#endif /* GUEST_HYPERCALL_H */
