// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 side of domains and vCPUs.  The port runs no guests yet: only the
 * idle domain exists, so creating any other domain is refused, and every
 * guest-facing hook below fails the way a guest would see it fail.
 */
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/irq.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/grant_table.h>
#include <asm/guest-abi.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <asm/uaccess.h>

int arch_domain_create(struct domain *d)
{
    printk(XENLOG_ERR "d%u: guests are not supported on arm64 yet\n",
           d->domain_id);
    return -EOPNOTSUPP;
}

int arch_vcpu_create(struct vcpu *v)
{
    return 0;
}

/* Only idle vCPUs exist: switching means running the idle loop. */
void context_switch(struct vcpu *prev, struct vcpu *next)
{
    BUG_ON(!is_idle_vcpu(next));
    set_current(next);
    reset_stack_and_call((void (*)(void))idle_loop);
}

void __noreturn reset_stack_and_call(void (*fn)(void))
{
    struct cpu_info *ci = get_cpu_info();

    __asm__ __volatile__("mov sp, %0; mov x29, xzr; br %1"
                         :: "r"(ci), "r"(fn) : "memory");
    __builtin_unreachable();
}

void ret_to_guest(void)
{
    BUG();
}

int arch_set_info_guest(struct vcpu *v, unsigned long ctxt);
int arch_set_info_guest(struct vcpu *v, unsigned long ctxt)
{
    return -EOPNOTSUPP;
}

void update_vcpu_system_time(struct vcpu *v)
{
    /* arm guests read the generic timer; vcpu_info time is unused. */
}

/* No stage-2 yet: no guest address can be translated. */
int copy_from_guest_va(void *to, unsigned long va, size_t n)
{
    return -EFAULT;
}

int copy_to_guest_va(unsigned long va, const void *from, size_t n)
{
    return -EFAULT;
}

int clear_guest_va(unsigned long va, size_t n)
{
    return -EFAULT;
}

void *get_guest_frame_writable(struct domain *d, unsigned long gfn)
{
    return NULL;
}

void put_guest_frame_writable(struct domain *d, unsigned long gfn)
{
}

struct domain *page_owner_of(unsigned long mfn)
{
    struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return NULL;
    pg = mfn_to_page(mfn);
    return (pg->count_info & PGC_xen_heap) ? NULL : pg->v.owner;
}

/* arm has no physical IRQs as event channels (PIRQs). */
bool pirq_mapped(const struct domain *d, unsigned int pirq)
{
    return false;
}

void pirq_set_bound(struct domain *d, unsigned int pirq, bool bound)
{
}

long arch_remove_page(struct domain *d, unsigned long gmfn,
                      unsigned int order)
{
    return -ENOSYS;
}

long arch_populate_page(struct domain *d, bool populate, unsigned long *frame,
                        unsigned int order)
{
    return -ENOSYS;
}

long arch_memory_map(struct domain *d, bool machine, unsigned long buf,
                     unsigned int room, unsigned int *nr)
{
    return -ENOSYS;
}

long arch_max_gpfn(struct domain *d)
{
    return -ENOSYS;
}

long arch_machphys_mfn_list(unsigned long arg)
{
    return -ENOSYS;
}

long arch_memory_exchange(unsigned long arg)
{
    return -ENOSYS;
}

int arch_grant_map(struct domain *d, struct domain *owner, uint64_t host_addr,
                   uint32_t flags, unsigned long mfn, bool ro)
{
    return -ENOSYS;
}

int arch_grant_unmap(struct domain *d, uint64_t host_addr, uint32_t flags,
                     unsigned long mfn)
{
    return -ENOSYS;
}

void arch_evtchn_inject(struct vcpu *v)
{
    vgic_inject_irq(v->domain, v, v->domain->arch.evtchn_irq);
}
