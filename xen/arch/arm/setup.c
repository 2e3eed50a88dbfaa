// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot CPU's path from head.S to the idle loop: device tree, memory,
 * console, interrupts, time and the other CPUs, in that order.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/param.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <xen/shutdown.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/timer.h>
#include <asm/p2m.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>

char cpu0_stack[STACK_SIZE] __aligned(STACK_SIZE)
    __section(".bss.stack_aligned");
unsigned long xen_phys_offset;
paddr_t pl011_paddr;
struct cpuinfo_arm boot_cpu_data;

static bool opt_test_poweroff;
boolean_param("test_poweroff", opt_test_poweroff);

static char opt_test_fault[16];
string_param("test_fault", opt_test_fault);

void __noreturn idle_loop(void)
{
    for ( ;; )
    {
        local_irq_disable();
        if ( softirq_pending(smp_processor_id()) )
        {
            local_irq_enable();
            do_softirq();
            continue;
        }
        safe_halt();
    }
}

void identify_boot_cpu(void)
{
    struct cpuinfo_arm *c = &boot_cpu_data;
    static const unsigned int pa_bits[] = { 32, 36, 40, 42, 44, 48, 52 };

    c->midr = READ_SYSREG(midr_el1);
    c->mpidr = READ_SYSREG(mpidr_el1);
    c->pfr0 = READ_SYSREG(id_aa64pfr0_el1);
    c->mmfr0 = READ_SYSREG(id_aa64mmfr0_el1);
    c->mmfr1 = READ_SYSREG(id_aa64mmfr1_el1);
    c->isar0 = READ_SYSREG(id_aa64isar0_el1);
    c->pa_bits = (c->mmfr0 & 0xf) < ARRAY_SIZE(pa_bits)
                 ? pa_bits[c->mmfr0 & 0xf] : 48;
}

void print_cpu_info(void)
{
    const struct cpuinfo_arm *c = &boot_cpu_data;

    printk("CPU: MIDR %08lx (implementer %#lx, part %#lx, r%lup%lu)\n",
           (unsigned long)c->midr, (unsigned long)(c->midr >> 24) & 0xff,
           (unsigned long)(c->midr >> 4) & 0xfff,
           (unsigned long)(c->midr >> 20) & 0xf,
           (unsigned long)c->midr & 0xf);
    printk("CPU: %u-bit physical addresses, GIC system registers %s\n",
           c->pa_bits, ((c->pfr0 >> 24) & 0xf) ? "present" : "absent");
}

static unsigned int timers_fired;
static struct timer check_timers[NR_CPUS];
static struct timer poweroff_timer;

static void check_timer_fn(void *data)
{
    __atomic_fetch_add(&timers_fired, 1, __ATOMIC_SEQ_CST);
}

static void test_poweroff_fn(void *data)
{
    if ( __atomic_load_n(&timers_fired, __ATOMIC_SEQ_CST) <
         num_online_cpus() )
    {
        set_timer(data, NOW() + MILLISECS(10));
        return;
    }
    printk("Timer check: fired on all %u CPUs\n", num_online_cpus());
    printk("Test mode: powering off\n");
    machine_power_off();
}

/* test_poweroff: one timer on every CPU, then power off. */
static void start_self_test(void)
{
    unsigned int cpu;

    for_each_online_cpu ( cpu )
    {
        init_timer(&check_timers[cpu], check_timer_fn, NULL, cpu);
        set_timer(&check_timers[cpu], NOW() + MILLISECS(20));
    }
    init_timer(&poweroff_timer, test_poweroff_fn, &poweroff_timer, 0);
    set_timer(&poweroff_timer, NOW() + MILLISECS(30));
}

static unsigned long (*volatile recurse_fn)(unsigned long);

static noinline unsigned long selftest_recurse(unsigned long depth)
{
    volatile char pad[512];

    pad[0] = (char)depth;
    return recurse_fn(depth + 1) + pad[0];
}

/* test_fault=: the crash paths the boot tests check. */
static noinline void selftest_fault(const char *kind)
{
    printk("Test mode: raising fault '%s'\n", kind);
    if ( !strcmp(kind, "pagefault") )
    {
        volatile unsigned long *volatile bad = (unsigned long *)0x10;

        *bad = 1;
    }
    else if ( !strcmp(kind, "undef") )
        __asm__ __volatile__(".inst 0x00000000");
    else if ( !strcmp(kind, "stack") )
    {
        recurse_fn = selftest_recurse;
        selftest_recurse(0);
    }
    panic("Test mode: panic requested\n");
}

void __noreturn start_xen(paddr_t fdt_pa, paddr_t load_pa);
void __noreturn start_xen(paddr_t fdt_pa, paddr_t load_pa)
{
    size_t fdt_size;

    setup_pagetables();
    fdt_size = boot_fdt_init(fdt_pa);
    cmdline_parse(bootinfo.xen_cmdline);
    pl011_init();
    console_init_preirq();

    printk("Xen version " XEN_FULLVERSION " (clean-room, Xen ABI) arm64 "
           "debug=%c\n", IS_ENABLED(CONFIG_DEBUG) ? 'y' : 'n');
    printk("Command line: %s\n", saved_cmdline);
    printk("Loaded at %#lx, device tree at %#lx (%zu bytes)\n",
           (unsigned long)load_pa, (unsigned long)fdt_pa, fdt_size);
    if ( !fdt_size )
        panic("No usable device tree at %#lx\n", (unsigned long)fdt_pa);

    identify_boot_cpu();
    print_cpu_info();
    setup_directmap_and_frametable();
    console_init_ring();
    preinit_time();
    timer_init();
    scheduler_init();

    gic_preinit();
    gic_init();
    gic_cpu_init();
    p2m_cpu_init();
    smp_ipi_init();
    time_cpu_init();
    psci_init();
    local_irq_enable();

    smp_init_cpus();
    smp_boot_cpus();
    console_init_input();

    construct_dom0();
    printk("Memory: %lu MiB free in the heaps\n", total_heap_pages() >> 8);
    printk("Boot complete, entering idle loop\n");

    if ( opt_test_fault[0] )
        selftest_fault(opt_test_fault);
    if ( IS_ENABLED(CONFIG_SELFTEST) && opt_test_poweroff )
        start_self_test();
    idle_loop();
}
