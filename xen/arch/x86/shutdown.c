/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Machine reboot (ACPI reset register, then the keyboard controller, then a
 * triple fault) and power-off (ACPI S5 through PM1 control).
 */
#include <xen/lib.h>
#include <xen/shutdown.h>
#include <xen/smp.h>
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/system.h>
#include <asm/time.h>

void machine_halt(void)
{
    local_irq_disable();
    for ( ; ; )
        halt();
}

static void acpi_reset(void)
{
    const struct acpi_gas *r = &acpi_info.reset_reg;

    if ( !IS_ENABLED(CONFIG_ACPI_POWER) || !acpi_info.reset_supported )
        return;
    if ( r->space_id == ACPI_SPACE_IO && r->address < 0x10000 )
        outb(acpi_info.reset_value, r->address);
    else if ( r->space_id == ACPI_SPACE_MEM && r->address )
        *(volatile uint8_t *)__va(r->address) = acpi_info.reset_value;
    mdelay(50);
}

static void kbd_reset(void)
{
    unsigned int i;

    for ( i = 0; i < 10000 && (inb(0x64) & 0x02); i++ )
        udelay(10);
    outb(0xfe, 0x64);
    mdelay(50);
}

void machine_restart(unsigned int delay_ms)
{
    struct __packed { uint16_t limit; unsigned long base; } null_idt = { 0, 0 };

    local_irq_enable();
    mdelay(delay_ms);
    smp_send_stop();
    local_irq_disable();
    printk("Rebooting machine\n");

    acpi_reset();
    kbd_reset();
    /* Last resort: an exception with no IDT is a triple fault. */
    __asm__ __volatile__("lidt %0; int3" :: "m"(null_idt));
    machine_halt();
}

void machine_power_off(void)
{
    uint16_t typa = 0, typb = 0;

    smp_send_stop();
    local_irq_disable();
    if ( IS_ENABLED(CONFIG_ACPI_POWER) && acpi_info.pm1a_cnt )
    {
        if ( acpi_info.have_s5 )
        {
            typa = acpi_info.s5_typa;
            typb = acpi_info.s5_typb;
        }
        outw((typa << 10) | (1u << 13), acpi_info.pm1a_cnt);
        if ( acpi_info.pm1b_cnt )
            outw((typb << 10) | (1u << 13), acpi_info.pm1b_cnt);
        mdelay(100);
    }
    printk(XENLOG_ERR "Power off failed: halting\n");
    machine_halt();
}
