/* SPDX-License-Identifier: GPL-2.0-only */
/* Inter-processor interrupts: event check (wake-up) and function calls. */
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/system.h>

static DEFINE_SPINLOCK(call_lock);
static struct {
    void (*fn)(void *);
    void *info;
    unsigned int pending;
} call_data;

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
    void (*fn)(void *) = call_data.fn;
    void *info = call_data.info;

    apic_eoi();
    __atomic_fetch_sub(&call_data.pending, 1, __ATOMIC_SEQ_CST);
    fn(info);
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
    apic_send_ipi(0, APIC_DM_FIXED | APIC_DEST_ALLBUT | CALL_FUNCTION_VECTOR);
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
