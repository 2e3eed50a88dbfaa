// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic timer: system time is the physical counter scaled to
 * nanoseconds since boot; each CPU's timer heap is driven by the EL2
 * physical timer (CNTHP), whose PPI comes from the device tree.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/softirq.h>
#include <xen/time.h>
#include <libfdt.h>
#include <asm/gic.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>
#include <asm/vtimer.h>

unsigned long cpu_khz;
unsigned int timer_irq_hyp = 26, timer_irq_virt = 27, timer_irq_phys = 30;

static uint64_t boot_count;
/* ns = ticks * mult >> 32, ticks = ns * rmult >> 32 (frequency >= 1 MHz). */
static uint64_t ns_mult, tick_mult;
static unsigned int cntfrq;

static inline uint64_t read_counter(void)
{
    isb();
    return READ_SYSREG(cntpct_el0);
}

static uint64_t mul_shr32(uint64_t a, uint64_t m)
{
    return (uint64_t)(((unsigned __int128)a * m) >> 32);
}

s_time_t get_s_time(void)
{
    return mul_shr32(read_counter() - boot_count, ns_mult);
}

/* System time at which the counter reads cnt (0 if that was before boot). */
s_time_t counter_to_stime(uint64_t cnt)
{
    return cnt > boot_count ? (s_time_t)mul_shr32(cnt - boot_count, ns_mult)
                            : 0;
}

static uint64_t ns_to_ticks(s_time_t ns)
{
    return mul_shr32(ns, tick_mult);
}

/* Interrupts "arm,armv8-timer": secure phys, phys, virt, hyp (PPIs). */
static void read_timer_node(void)
{
    const void *fdt = device_tree_flattened;
    int node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
    const fdt32_t *p;
    int len;

    if ( node < 0 )
        node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv7-timer");
    if ( node < 0 )
        return;
    p = fdt_getprop(fdt, node, "interrupts", &len);
    if ( p && len >= 4 * 3 * 4 )
    {
        timer_irq_phys = fdt32_to_cpu(p[3 * 1 + 1]) + 16;
        timer_irq_virt = fdt32_to_cpu(p[3 * 2 + 1]) + 16;
        timer_irq_hyp = fdt32_to_cpu(p[3 * 3 + 1]) + 16;
    }
    p = fdt_getprop(fdt, node, "clock-frequency", &len);
    if ( p && len == 4 && fdt32_to_cpu(*p) )
        cntfrq = fdt32_to_cpu(*p);
}

void preinit_time(void)
{
    read_timer_node();
    if ( !cntfrq )
        cntfrq = READ_SYSREG(cntfrq_el0);
    if ( cntfrq < 1000000 )
        panic("Timer frequency %u Hz is unusable\n", cntfrq);
    cpu_khz = cntfrq / 1000;
    ns_mult = ((uint64_t)NSEC_PER_SEC << 32) / cntfrq;
    tick_mult = ((uint64_t)cntfrq << 32) / NSEC_PER_SEC;
    boot_count = read_counter();
    console_time_ready = true;
    printk("Generic timer: %u.%03u MHz, PPIs hyp %u virt %u phys %u\n",
           cntfrq / 1000000, (cntfrq / 1000) % 1000, timer_irq_hyp,
           timer_irq_virt, timer_irq_phys);
}

int reprogram_timer(s_time_t timeout)
{
    if ( !timeout )
    {
        WRITE_SYSREG(0, cnthp_ctl_el2);
        return 1;
    }
    if ( timeout <= NOW() )
        return 0;
    WRITE_SYSREG(boot_count + ns_to_ticks(timeout), cnthp_cval_el2);
    WRITE_SYSREG(CNTx_CTL_ENABLE, cnthp_ctl_el2);
    isb();
    return 1;
}

static void hyp_timer_interrupt(unsigned int irq, struct cpu_user_regs *regs)
{
    if ( !(READ_SYSREG(cnthp_ctl_el2) & CNTx_CTL_PENDING) )
        return;
    /* Disarm: the softirq reprograms for the next deadline. */
    WRITE_SYSREG(0, cnthp_ctl_el2);
    raise_softirq(TIMER_SOFTIRQ);
}

void time_cpu_init(void)
{
    WRITE_SYSREG(0, cnthp_ctl_el2);
    request_irq(timer_irq_hyp, hyp_timer_interrupt, "hyp-timer");
    vtimer_init();
}

void udelay(unsigned long us)
{
    uint64_t end = read_counter() + us * (cntfrq / 1000000);

    while ( read_counter() < end )
        cpu_relax();
}

void mdelay(unsigned long ms)
{
    while ( ms-- )
        udelay(1000);
}
