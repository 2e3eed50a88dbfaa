// SPDX-License-Identifier: GPL-2.0-only
/* Halting, rebooting and powering off the machine (through PSCI). */
#include <xen/lib.h>
#include <xen/shutdown.h>
#include <xen/smp.h>
#include <asm/psci.h>
#include <asm/system.h>
#include <asm/time.h>

void machine_halt(void)
{
    local_irq_disable();
    for ( ; ; )
        halt();
}

void machine_restart(unsigned int delay_ms)
{
    local_irq_enable();
    mdelay(delay_ms);
    smp_send_stop();
    local_irq_disable();
    printk("Rebooting machine\n");
    psci_system_reset();
    printk(XENLOG_ERR "Reset failed: halting\n");
    machine_halt();
}

void machine_power_off(void)
{
    smp_send_stop();
    local_irq_disable();
    psci_system_off();
    printk(XENLOG_ERR "Power off failed: halting\n");
    machine_halt();
}
