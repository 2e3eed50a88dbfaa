// SPDX-License-Identifier: GPL-2.0-only
/* Inter-processor interrupts (SGIs): event check, function call, stop. */
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/gic.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>

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
    switch ( sgi )
    {
    case GIC_SGI_EVENT_CHECK:
        /* The wake-up is the point; softirqs run on the way to idle. */
        break;
    case GIC_SGI_CALL_FUNCTION:
        smp_call_function_interrupt();
        break;
    case GIC_SGI_STOP:
        stop_this_cpu();
    default:
        printk(XENLOG_WARNING "CPU%u: unexpected SGI %u\n",
               smp_processor_id(), sgi);
    }
}

void arch_send_call_function_ipi(void)
{
    gic_send_sgi_allbutself(GIC_SGI_CALL_FUNCTION);
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
