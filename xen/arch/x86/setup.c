/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * __start_xen(): the boot CPU's path from head.S to the idle loop.  Order
 * matters: command line and console first, then memory (boot allocator,
 * direct map, frame table, heaps), then ACPI, interrupts, time and SMP.
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/param.h>
#include <xen/shutdown.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>
#include <xen/sched.h>
#include <asm/acpi.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>

char cpu0_stack[STACK_SIZE] __aligned(STACK_SIZE)
    __section(".bss.stack_aligned");

extern char _start[], _end[];

static bool opt_test_poweroff;
#ifdef CONFIG_SELFTEST
boolean_param("test_poweroff", opt_test_poweroff);

/*
 * test_fault=ud|pf|gp|stack|bug|panic: fail on purpose once boot completes,
 * so the tests can check the crash path (register dump, call trace, panic
 * and reboot or 'noreboot').
 */
static char opt_test_fault[8];

static int parse_test_fault(const char *s)
{
    static const char *const kinds[] = { "ud", "pf", "gp", "stack", "bug",
                                         "panic" };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(kinds); i++ )
        if ( !strcmp(s, kinds[i]) )
        {
            strlcpy(opt_test_fault, s, sizeof(opt_test_fault));
            return 0;
        }
    return -EINVAL;
}
custom_param("test_fault", parse_test_fault);

/* Called through a volatile pointer: the compiler must not see the loop. */
static unsigned long (*volatile recurse_fn)(unsigned long);

static noinline unsigned long selftest_recurse(unsigned long depth)
{
    volatile char pad[512];

    pad[0] = (char)depth;
    return recurse_fn(depth + 1) + pad[0];
}

static noinline void selftest_fault(const char *kind)
{
    printk("Test mode: raising fault '%s'\n", kind);
    if ( !strcmp(kind, "ud") )
        __asm__ __volatile__("ud2");
    else if ( !strcmp(kind, "pf") )
        *(volatile unsigned long *)0xdead000 = 1;
    else if ( !strcmp(kind, "gp") )
        *(volatile unsigned long *)0x8000000000000000UL = 1;
    else if ( !strcmp(kind, "stack") )
    {
        recurse_fn = selftest_recurse;
        selftest_recurse(0);
    }
    else if ( !strcmp(kind, "bug") )
        BUG();
    panic("Test mode: panic requested\n");
}
#endif

bool construct_dom0(void);
void smp_ipi_init(void);


void __noreturn idle_loop(void)
{
    unsigned int cpu = smp_processor_id();

    for ( ; ; )
    {
        local_irq_disable();
        if ( softirq_pending(cpu) )
        {
            local_irq_enable();
            do_softirq();
            continue;
        }
        safe_halt();
    }
}

static void reserve_loader_data(void)
{
    unsigned int i;

    reserve_boot_pages(XEN_LOAD_ADDR, __pa(_end));
    reserve_boot_pages(ROUNDDOWN(boot_info.info_start, PAGE_SIZE),
                       ROUNDUP(boot_info.info_end, PAGE_SIZE));
    for ( i = 0; i < boot_info.nr_modules; i++ )
        reserve_boot_pages(ROUNDDOWN(boot_info.mods[i].start, PAGE_SIZE),
                           ROUNDUP(boot_info.mods[i].start +
                                   boot_info.mods[i].size, PAGE_SIZE));
}

static void init_memory(void)
{
    uint64_t ram = e820_ram_total();
    unsigned int i;

    printk("System RAM: %luMB (%lukB)\n", (unsigned long)(ram >> 20),
           (unsigned long)(ram >> 10));

    for ( i = 0; i < e820.nr_map; i++ )
    {
        uint64_t s = e820.map[i].addr, e = s + e820.map[i].size;

        if ( e820.map[i].type != E820_RAM || e <= MB(1) )
            continue;
        init_boot_pages(max(s, (uint64_t)MB(1)), e);
    }
    reserve_loader_data();

    /* Page tables for the rest of the direct map must be reachable now. */
    bootmem_limit_mfn = GB(4) >> PAGE_SHIFT;
    setup_directmap();
    bootmem_limit_mfn = ~0UL;

    max_page = PFN_UP(e820_max_ram_addr());
    init_frametable();
    protect_image();
    end_boot_allocator();
    mm_heap_ready();
}

/* Boot self-test: a timer on every CPU must fire before powering off. */
static unsigned int timers_fired;
static struct timer *check_timers;

static void check_timer_fn(void *data)
{
    __atomic_fetch_add(&timers_fired, 1, __ATOMIC_SEQ_CST);
}

static void test_poweroff_fn(void *data)
{
    if ( __atomic_load_n(&timers_fired, __ATOMIC_SEQ_CST) !=
         num_online_cpus() )
    {
        set_timer(data, NOW() + MILLISECS(10));
        return;
    }
    printk("Timer check: fired on all %u CPUs\n", num_online_cpus());
    printk("Test mode: powering off\n");
    machine_power_off();
}

static void start_self_test(void)
{
    static struct timer poweroff_timer;
    unsigned int cpu;

    check_timers = xzalloc_array(struct timer, NR_CPUS);
    BUG_ON(!check_timers);
    for_each_online_cpu ( cpu )
    {
        init_timer(&check_timers[cpu], check_timer_fn, NULL, cpu);
        set_timer(&check_timers[cpu], NOW() + MILLISECS(20));
    }
    init_timer(&poweroff_timer, test_poweroff_fn, &poweroff_timer, 0);
    set_timer(&poweroff_timer, NOW() + MILLISECS(30));
}

void __start_xen(uint32_t magic, paddr_t info)
{
    int rc;

    get_cpu_info()->processor_id = 0;
    get_cpu_info()->per_cpu_offset = 0;
    BUILD_BUG_ON(sizeof(struct cpu_info) != CPUINFO_SIZE);
    if ( rdmsr(MSR_EFER) & EFER_NXE )
        _page_nx = _PAGE_NX_BIT;

    idt_init();
    load_system_tables(0, (unsigned long)cpu0_stack);

    rc = multiboot_parse(magic, info);
    cmdline_parse(boot_info.cmdline);
    ns16550_init();
    console_init_preirq();

    printk("Xen version " XEN_FULLVERSION " (clean-room, Xen ABI) x86_64 "
           "debug=%c\n", IS_ENABLED(CONFIG_DEBUG) ? 'y' : 'n');
    printk("Bootloader: %s (Multiboot%s)\n", boot_info.loader,
           boot_info.multiboot2 ? "2" : "1");
    printk("Command line: %s\n", saved_cmdline);
    if ( rc )
        panic("Boot loader gave no usable memory map (rc=%d)\n", rc);

    identify_boot_cpu();
    cpu_init_features();
    print_cpu_info();

    e820_sanitise();
    e820_print();
    init_memory();
    console_init_ring();
    timer_init();
    scheduler_init();
    m2p_init();

    acpi_boot_init(boot_info.rsdp);
    if ( !acpi_info.nr_cpus )
    {
        acpi_info.nr_cpus = 1;
        acpi_info.apic_ids[0] = 0;
    }
    pic_disable();
    apic_init_bsp();
    ioapic_mask_all();
    gsi_init();
    smp_ipi_init();
    early_time_init();
    time_cpu_init();
    pv_syscall_cpu_init(0);
    local_irq_enable();

    smp_boot_cpus();
    console_init_input();

    /*
     * Every CPU is past the trampoline: drop the low 1:1 mapping, and make
     * the boot direct map of the low 4 GiB non-executable.
     */
    idle_pg_table[0] = 0;
    {
        extern pte_t l2_bootmap[4 * PTES_PER_TABLE];
        unsigned int i;

        for ( i = 0; i < ARRAY_SIZE(l2_bootmap); i++ )
            l2_bootmap[i] |= _PAGE_NX;
    }
    flush_tlb_local();

    printk("Heap: %lu MiB free of %lu MiB\n",
           (avail_xenheap_pages() + avail_domheap_pages()) >> 8,
           total_heap_pages() >> 8);
    construct_dom0();

    printk("Boot complete, entering idle loop\n");
#ifdef CONFIG_SELFTEST
    if ( opt_test_fault[0] )
        selftest_fault(opt_test_fault);
#endif
    if ( opt_test_poweroff )
        start_self_test();
    idle_loop();
    for ( ; ; )
        ;
}
