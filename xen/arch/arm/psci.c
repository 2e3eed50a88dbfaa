// SPDX-License-Identifier: GPL-2.0-only
/*
 * The host's PSCI firmware (SMC or HVC conduit, from /psci's "method"):
 * starting CPUs, powering the system off and resetting it.
 */
#include <xen/lib.h>
#include <libfdt.h>
#include <asm/psci.h>
#include <asm/setup.h>

uint32_t psci_ver;
static bool use_hvc;
static uint32_t fn_cpu_on = PSCI_0_2_FN_CPU_ON;

static long psci_call(uint32_t fn, unsigned long a0, unsigned long a1,
                      unsigned long a2)
{
    register unsigned long x0 __asm__("x0") = fn;
    register unsigned long x1 __asm__("x1") = a0;
    register unsigned long x2 __asm__("x2") = a1;
    register unsigned long x3 __asm__("x3") = a2;

    if ( use_hvc )
        __asm__ __volatile__("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2),
                             "+r"(x3) :: "x4", "x5", "x6", "x7", "x8", "x9",
                             "x10", "x11", "x12", "x13", "x14", "x15",
                             "x16", "x17", "memory");
    else
        __asm__ __volatile__("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2),
                             "+r"(x3) :: "x4", "x5", "x6", "x7", "x8", "x9",
                             "x10", "x11", "x12", "x13", "x14", "x15",
                             "x16", "x17", "memory");
    return (long)x0;
}

void psci_init(void)
{
    const void *fdt = device_tree_flattened;
    const char *method;
    const fdt32_t *p;
    int node, len;
    bool v02;

    node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
    v02 = node >= 0;
    if ( node < 0 )
        node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-1.0");
    v02 |= node >= 0;
    if ( node < 0 )
        node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci");
    if ( node < 0 )
    {
        printk(XENLOG_WARNING "PSCI: not in the device tree; "
               "one CPU, no power off\n");
        return;
    }
    method = fdt_getprop(fdt, node, "method", NULL);
    if ( !method || (strcmp(method, "smc") && strcmp(method, "hvc")) )
    {
        printk(XENLOG_WARNING "PSCI: unknown method; not using it\n");
        return;
    }
    /* From EL2 an HVC would trap to ourselves: only SMC can reach it. */
    use_hvc = !strcmp(method, "hvc");
    if ( use_hvc )
    {
        printk(XENLOG_WARNING "PSCI: HVC conduit unusable at EL2\n");
        return;
    }
    if ( v02 )
        psci_ver = psci_call(PSCI_0_2_FN_VERSION, 0, 0, 0);
    else
    {
        psci_ver = 0x1;    /* 0.1: function ids from the node */
        p = fdt_getprop(fdt, node, "cpu_on", &len);
        if ( p && len == 4 )
            fn_cpu_on = fdt32_to_cpu(*p);
    }
    printk("PSCI: version %u.%u via %s\n", psci_ver >> 16, psci_ver & 0xffff,
           method);
}

int psci_cpu_on(uint64_t mpidr, paddr_t entry, unsigned long context)
{
    if ( !psci_ver )
        return PSCI_NOT_SUPPORTED;
    return psci_call(fn_cpu_on, mpidr, entry, context);
}

void psci_system_off(void)
{
    if ( psci_ver >= 0x2 )
        psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

void psci_system_reset(void)
{
    if ( psci_ver >= 0x2 )
        psci_call(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
}
