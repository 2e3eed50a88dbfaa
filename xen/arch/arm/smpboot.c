// SPDX-License-Identifier: GPL-2.0-only
/*
 * Secondary CPUs: the /cpus nodes of the device tree give their MPIDRs;
 * each gets a stack and a per-CPU area and is started with PSCI CPU_ON at
 * secondary_start (head.S), one at a time.
 */
#include <xen/lib.h>
#include <xen/mm.h>
#include <xen/param.h>
#include <xen/percpu.h>
#include <xen/sched.h>
#include <xen/smp.h>
#include <xen/timer.h>
#include <libfdt.h>
#include <asm/gic.h>
#include <asm/p2m.h>
#include <asm/psci.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/time.h>

#define MPIDR_HWID_MASK 0xff00ffffffUL

unsigned int nr_cpu_ids = 1;
unsigned int num_online_cpus_count = 1;
bool cpu_online_map[NR_CPUS] = { [0] = true };
unsigned long __per_cpu_offset[NR_CPUS];
uint64_t cpu_logical_map[NR_CPUS];

static unsigned int opt_maxcpus;
integer_param("maxcpus", opt_maxcpus);

/* Read by secondary_start once its MMU is on: its initial SP. */
unsigned long smp_up_stack;
static volatile bool cpu_callin;
static unsigned int nr_dt_cpus;
static uint64_t dt_mpidr[NR_CPUS];

extern char secondary_start[];

void smp_init_cpus(void)
{
    const void *fdt = device_tree_flattened;
    uint64_t self = READ_SYSREG(mpidr_el1) & MPIDR_HWID_MASK;
    int cpus = fdt_path_offset(fdt, "/cpus"), node;
    unsigned int n = 1;
    bool found_self = false;

    cpu_logical_map[0] = self;
    if ( cpus < 0 )
        return;
    fdt_for_each_subnode(node, fdt, cpus)
    {
        const char *type = fdt_getprop(fdt, node, "device_type", NULL);
        const char *status = fdt_getprop(fdt, node, "status", NULL);
        paddr_t mpidr, unused;

        if ( !type || strcmp(type, "cpu") ||
             dt_get_reg(node, 0, &mpidr, &unused) )
            continue;
        if ( status && strcmp(status, "okay") && strcmp(status, "ok") )
            continue;
        if ( mpidr == self )
        {
            found_self = true;
            continue;
        }
        if ( n == NR_CPUS )
        {
            printk(XENLOG_WARNING "More CPUs than NR_CPUS=%u; ignoring %#lx\n",
                   NR_CPUS, (unsigned long)mpidr);
            continue;
        }
        dt_mpidr[n++] = mpidr;
    }
    if ( !found_self )
        printk(XENLOG_WARNING "Boot CPU %#lx missing from /cpus\n",
               (unsigned long)self);
    nr_dt_cpus = n;
    printk("SMP: %u CPU(s) in the device tree\n", n);
}

void start_secondary(unsigned int cpu);
void start_secondary(unsigned int cpu)
{
    gic_cpu_init();
    p2m_cpu_init();
    time_cpu_init();
    timer_cpu_init(cpu);
    sched_start_cpu();

    __atomic_store_n(&cpu_online_map[cpu], true, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&num_online_cpus_count, 1, __ATOMIC_SEQ_CST);
    cpu_callin = true;
    local_irq_enable();
    idle_loop();
}

static int boot_one_cpu(unsigned int cpu, uint64_t mpidr)
{
    size_t pcpu_size = __per_cpu_end - __per_cpu_start;
    struct cpu_info *info;
    void *pcpu, *stack;
    unsigned int i;
    int rc;

    pcpu = alloc_xenheap_pages(get_order_from_bytes(pcpu_size), 0);
    stack = alloc_xenheap_pages(STACK_ORDER, 0);
    if ( !pcpu || !stack )
    {
        printk(XENLOG_ERR "CPU%u: out of memory for its stack\n", cpu);
        return -1;
    }
    memset(pcpu, 0, pcpu_size);
    memset(stack, 0, STACK_SIZE);
    if ( unmap_xen_pages((unsigned long)stack,
                         STACK_GUARD_SIZE >> PAGE_SHIFT) )
    {
        printk(XENLOG_ERR "CPU%u: cannot set up its stack guard\n", cpu);
        return -1;
    }
    __per_cpu_offset[cpu] = (char *)pcpu - __per_cpu_start;
    cpu_logical_map[cpu] = mpidr;

    if ( sched_init_cpu(cpu) )
    {
        printk(XENLOG_ERR "CPU%u: cannot create its idle vCPU\n", cpu);
        return -1;
    }
    info = (struct cpu_info *)((char *)stack + STACK_SIZE) - 1;
    info->processor_id = cpu;
    info->per_cpu_offset = __per_cpu_offset[cpu];
    smp_up_stack = (unsigned long)info;
    cpu_callin = false;
    /* It reads smp_up_stack with its caches on: ordinary coherence. */
    dsb(ish);

    rc = psci_cpu_on(mpidr, __pa(secondary_start), cpu);
    if ( rc != PSCI_SUCCESS )
    {
        printk(XENLOG_ERR "CPU%u (MPIDR %#lx): PSCI CPU_ON failed (%d)\n",
               cpu, (unsigned long)mpidr, rc);
        return -1;
    }
    /* TCG on a loaded host can be slow: wait up to 5 seconds. */
    for ( i = 0; i < 50000 && !cpu_callin; i++ )
        udelay(100);
    if ( !cpu_callin )
    {
        printk(XENLOG_ERR "CPU%u (MPIDR %#lx) did not respond\n", cpu,
               (unsigned long)mpidr);
        return -1;
    }
    return 0;
}

void smp_boot_cpus(void)
{
    unsigned int i, cpu = 1, limit = nr_dt_cpus ? nr_dt_cpus : 1;

    if ( opt_maxcpus && opt_maxcpus < limit )
        limit = opt_maxcpus;
    nr_cpu_ids = limit;
    for ( i = 1; i < nr_dt_cpus && cpu < limit; i++ )
        if ( boot_one_cpu(cpu, dt_mpidr[i]) == 0 )
            cpu++;
    nr_cpu_ids = cpu;
    printk("Brought up %u CPUs\n", num_online_cpus());
}
