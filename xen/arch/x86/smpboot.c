/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bringing up the application processors: for each CPU in the MADT, a
 * guarded stack and a per-CPU area, then INIT-SIPI-SIPI through the
 * real-mode trampoline, one CPU at a time.
 */
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/param.h>
#include <xen/percpu.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>
#include <xen/sched.h>
#include <asm/acpi.h>
#include <asm/pv.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/mm.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>

unsigned int nr_cpu_ids = 1;
unsigned int num_online_cpus_count = 1;
bool cpu_online_map[NR_CPUS] = { [0] = true };
uint32_t x86_cpu_to_apicid[NR_CPUS];
unsigned long __per_cpu_offset[NR_CPUS];

static unsigned int opt_maxcpus;
integer_param("maxcpus", opt_maxcpus);

extern char trampoline_start[], trampoline_end[];
extern char tramp_gdtr[], tramp_far32[], tramp_far64[], tramp_cr3[];
extern char tramp_efer[], tramp_stack[], tramp_entry[], tramp_gdt[];
extern char tramp32[], tramp64[];

static paddr_t trampoline_phys;
static volatile bool ap_callin;



static void __noreturn start_secondary(void)
{
    unsigned int cpu = smp_processor_id();
    unsigned long stack = STACKS_VIRT_START + cpu * 2UL * STACK_SIZE;

    load_system_tables(cpu, stack);
    cpu_init_features();
    apic_setup_cpu();
    time_cpu_init();
    timer_cpu_init(cpu);
    pv_syscall_cpu_init(cpu);
    sched_start_cpu();

    __atomic_store_n(&cpu_online_map[cpu], true, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&num_online_cpus_count, 1, __ATOMIC_SEQ_CST);
    ap_callin = true;
    local_irq_enable();
    idle_loop();
}

/* A page of usable RAM below 640 KiB, clear of the loader's structures. */
static paddr_t find_trampoline_page(void)
{
    paddr_t pa;
    unsigned int i;

    for ( pa = 0x9e000; pa >= 0x10000; pa -= PAGE_SIZE )
    {
        bool ok = false;

        for ( i = 0; i < e820.nr_map; i++ )
            if ( e820.map[i].type == E820_RAM && e820.map[i].addr <= pa &&
                 e820.map[i].addr + e820.map[i].size >= pa + PAGE_SIZE )
                ok = true;
        if ( boot_info.info_start < pa + PAGE_SIZE &&
             boot_info.info_end > pa )
            ok = false;
        for ( i = 0; i < boot_info.nr_modules; i++ )
            if ( boot_info.mods[i].start < pa + PAGE_SIZE &&
                 boot_info.mods[i].start + boot_info.mods[i].size > pa )
                ok = false;
        if ( ok )
            return pa;
    }
    return 0;
}

static void patch32(const char *field, uint32_t v)
{
    *(uint32_t *)__va(trampoline_phys + (field - trampoline_start)) = v;
}

static void patch64(const char *field, uint64_t v)
{
    *(uint64_t *)__va(trampoline_phys + (field - trampoline_start)) = v;
}

static int alloc_cpu_stack(unsigned int cpu, unsigned long *stack)
{
    unsigned long va = STACKS_VIRT_START + cpu * 2UL * STACK_SIZE;
    void *mem = alloc_xenheap_pages(STACK_ORDER, 0);
    unsigned long mfn, i;

    if ( !mem )
        return -1;
    memset(mem, 0, STACK_SIZE);
    mfn = virt_to_mfn(mem);
    for ( i = 0; i < (STACK_SIZE >> PAGE_SHIFT); i++ )
        if ( i != STACK_GUARD_PAGE &&
             map_pages_to_xen(va + i * PAGE_SIZE, mfn + i, 1,
                              PAGE_HYPERVISOR_RW) )
            return -1;
    *stack = va;
    return 0;
}

static int boot_one_cpu(unsigned int cpu, uint32_t apicid)
{
    size_t pcpu_size = __per_cpu_end - __per_cpu_start;
    unsigned long stack;
    struct cpu_info *info;
    void *pcpu;
    unsigned int i;

    pcpu = alloc_xenheap_pages(get_order_from_bytes(pcpu_size), 0);
    if ( !pcpu || alloc_cpu_stack(cpu, &stack) )
    {
        printk(XENLOG_ERR "CPU%u: out of memory for its stack\n", cpu);
        return -1;
    }
    memset(pcpu, 0, pcpu_size);
    __per_cpu_offset[cpu] = (char *)pcpu - __per_cpu_start;
    x86_cpu_to_apicid[cpu] = apicid;

    if ( sched_init_cpu(cpu) )
    {
        printk(XENLOG_ERR "CPU%u: cannot create its idle vCPU\n", cpu);
        return -1;
    }
    info = (struct cpu_info *)(stack + STACK_SIZE) - 1;
    info->processor_id = cpu;
    info->per_cpu_offset = __per_cpu_offset[cpu];

    patch64(tramp_stack, (unsigned long)info);
    patch64(tramp_entry, (unsigned long)start_secondary);
    ap_callin = false;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);

    apic_send_ipi(apicid, APIC_DM_INIT | APIC_INT_LEVELTRIG |
                  APIC_INT_ASSERT);
    mdelay(10);
    for ( i = 0; i < 2; i++ )
    {
        apic_send_ipi(apicid, APIC_DM_STARTUP | (trampoline_phys >> 12));
        udelay(200);
    }
    /* TCG on a loaded host can be slow: wait up to 5 seconds. */
    for ( i = 0; i < 50000 && !ap_callin; i++ )
        udelay(100);
    if ( !ap_callin )
    {
        printk(XENLOG_ERR "CPU%u (APIC ID %u) did not respond\n", cpu,
               apicid);
        return -1;
    }
    return 0;
}

void smp_boot_cpus(void)
{
    uint32_t bsp = apic_current_id();
    unsigned int i, cpu = 1, limit = acpi_info.nr_cpus;

    x86_cpu_to_apicid[0] = bsp;
    if ( opt_maxcpus && opt_maxcpus < limit )
        limit = opt_maxcpus;
    if ( limit > NR_CPUS )
        limit = NR_CPUS;

    nr_cpu_ids = limit;
    trampoline_phys = find_trampoline_page();
    if ( !trampoline_phys && acpi_info.nr_cpus > 1 )
    {
        printk(XENLOG_ERR "No low memory for the AP trampoline\n");
        return;
    }
    if ( trampoline_phys )
    {
        memcpy(__va(trampoline_phys), trampoline_start,
               trampoline_end - trampoline_start);
        patch32(tramp_gdtr + 2, trampoline_phys + (tramp_gdt - trampoline_start));
        patch32(tramp_far32, trampoline_phys + (tramp32 - trampoline_start));
        patch32(tramp_far64, trampoline_phys + (tramp64 - trampoline_start));
        patch32(tramp_cr3, __pa(idle_pg_table));
        patch32(tramp_efer, rdmsr(MSR_EFER) & (EFER_LME | EFER_NXE));
    }

    for ( i = 0; i < acpi_info.nr_cpus && cpu < limit; i++ )
    {
        if ( acpi_info.apic_ids[i] == bsp )
            continue;
        if ( boot_one_cpu(cpu, acpi_info.apic_ids[i]) == 0 )
            cpu++;
    }
    nr_cpu_ids = cpu;
    printk("Brought up %u CPUs\n", num_online_cpus());
}
