// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cross-CPU function calls: one call at a time, delivered to every other
 * online CPU by the architecture's function-call IPI.
 */
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/spinlock.h>
#include <asm/system.h>

static DEFINE_SPINLOCK(call_lock);
static struct {
    void (*fn)(void *);
    void *info;
    unsigned int pending;
} call_data;

/* The arch's IPI handler calls this (after acknowledging the IPI). */
void smp_call_function_interrupt(void)
{
    void (*fn)(void *) = call_data.fn;
    void *info = call_data.info;

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
    arch_send_call_function_ipi();
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
