// SPDX-License-Identifier: GPL-2.0-only
/* Inter-processor interrupts (SGIs): event check, function call, stop. */
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/gic.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>

static DEFINE_SPINLOCK(call_lock);
static struct {
    void (*fn)(void *);
    void *info;
    unsigned int pending;
} call_data;

void smp_send_event_check_cpu(unsigned int cpu)
{
    if ( cpu < NR_CPUS && cpu_online(cpu) )
        gic_send_sgi(cpu, GIC_SGI_EVENT_CHECK);
}

static void __noreturn stop_this_cpu(void)
{
    local_irq_disable();
    for ( ; ; )
        halt();
}

void handle_sgi(unsigned int sgi, struct cpu_user_regs *regs)
{
    void (*fn)(void *);
    void *info;

    switch ( sgi )
    {
    case GIC_SGI_EVENT_CHECK:
        /* The wake-up is the point; softirqs run on the way to idle. */
        break;
    case GIC_SGI_CALL_FUNCTION:
        fn = call_data.fn;
        info = call_data.info;
        __atomic_fetch_sub(&call_data.pending, 1, __ATOMIC_SEQ_CST);
        fn(info);
        break;
    case GIC_SGI_STOP:
        stop_this_cpu();
    default:
        printk(XENLOG_WARNING "CPU%u: unexpected SGI %u\n",
               smp_processor_id(), sgi);
    }
}

/* Run fn(info) on every other online CPU; wait for them to start it. */
void smp_call_function(void (*fn)(void *), void *info, bool wait)
{
    unsigned int others = num_online_cpus() - 1;

    if ( !others )
        return;
    spin_lock(&call_lock);
    call_data.fn = fn;
    call_data.info = info;
    __atomic_store_n(&call_data.pending, others, __ATOMIC_SEQ_CST);
    gic_send_sgi_allbutself(GIC_SGI_CALL_FUNCTION);
    if ( wait )
    {
        unsigned long spins = 0;

        while ( __atomic_load_n(&call_data.pending, __ATOMIC_SEQ_CST) &&
                ++spins < 100000000UL )
            cpu_relax();
        if ( spins == 100000000UL )
            printk(XENLOG_WARNING "CPU%u: no answer to a function-call IPI\n",
                   smp_processor_id());
    }
    spin_unlock(&call_lock);
}

/* The others stop at once; SGIs are delivered even to a CPU in WFI. */
void smp_send_stop(void)
{
    if ( num_online_cpus() > 1 && gic_ops )
    {
        gic_send_sgi_allbutself(GIC_SGI_STOP);
        mdelay(10);
    }
}

void smp_ipi_init(void)
{
    /* SGIs 0-15 are enabled by the GIC drivers' per-CPU set-up. */
}
