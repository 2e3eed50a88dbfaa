/* SPDX-License-Identifier: GPL-2.0-only */
/* Softirqs: per-CPU pending bits, raised locally or by IPI. */
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <asm/system.h>

static softirq_handler handlers[NR_SOFTIRQS];
static unsigned long pending[NR_CPUS];

void open_softirq(int nr, softirq_handler handler)
{
    BUG_ON(nr < 0 || nr >= NR_SOFTIRQS);
    handlers[nr] = handler;
}

void raise_softirq(unsigned int nr)
{
    __atomic_fetch_or(&pending[smp_processor_id()], 1UL << nr,
                      __ATOMIC_SEQ_CST);
}

void cpu_raise_softirq(unsigned int cpu, unsigned int nr)
{
    unsigned long old = __atomic_fetch_or(&pending[cpu], 1UL << nr,
                                          __ATOMIC_SEQ_CST);

    /* Kick the other CPU only when the bit is new. */
    if ( cpu != smp_processor_id() && !(old & (1UL << nr)) )
        smp_send_event_check_cpu(cpu);
}

bool softirq_pending(unsigned int cpu)
{
    return __atomic_load_n(&pending[cpu], __ATOMIC_SEQ_CST) != 0;
}

/*
 * One softirq at a time, lowest number first: a handler may not return
 * (the scheduler switches stacks), and the others must stay pending.
 */
void do_softirq(void)
{
    unsigned int cpu = smp_processor_id();
    unsigned long todo;

    while ( (todo = __atomic_load_n(&pending[cpu], __ATOMIC_SEQ_CST)) != 0 )
    {
        unsigned int i = __builtin_ctzl(todo);

        __atomic_fetch_and(&pending[cpu], ~(1UL << i), __ATOMIC_SEQ_CST);
        if ( handlers[i] )
            handlers[i]();
    }
}
