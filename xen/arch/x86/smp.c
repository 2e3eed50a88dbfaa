/* SPDX-License-Identifier: GPL-2.0-only */
/* Inter-processor interrupts: event check (wake-up) and function calls. */
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/system.h>

void smp_send_event_check_cpu(unsigned int cpu)
{
    if ( cpu < NR_CPUS && cpu_online(cpu) )
        apic_send_ipi(x86_cpu_to_apicid[cpu],
                      APIC_DM_FIXED | EVENT_CHECK_VECTOR);
}

static void event_check_interrupt(void)
{
    /* The wake-up is the point; softirqs run on the way back to idle. */
    apic_eoi();
}

static void call_function_interrupt(void)
{
    apic_eoi();
    smp_call_function_interrupt();
}

void arch_send_call_function_ipi(void)
{
    apic_send_ipi(0, APIC_DM_FIXED | APIC_DEST_ALLBUT | CALL_FUNCTION_VECTOR);
}

static void __noreturn stop_this_cpu(void *unused)
{
    local_irq_disable();
    for ( ; ; )
        halt();
}

void smp_send_stop(void)
{
    if ( num_online_cpus() > 1 && local_irq_is_enabled() )
        smp_call_function((void (*)(void *))stop_this_cpu, NULL, true);
}

void smp_ipi_init(void);
void smp_ipi_init(void)
{
    set_irq_handler(EVENT_CHECK_VECTOR, event_check_interrupt);
    set_irq_handler(CALL_FUNCTION_VECTOR, call_function_interrupt);
}
