/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local APIC access in xAPIC (MMIO) or x2APIC (MSR) mode, IPIs, and
 * masking of the legacy 8259 PICs and IO-APIC pins at boot.
 */
#include <xen/lib.h>
#include <xen/smp.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/system.h>
#include <asm/time.h>

bool x2apic_enabled;
paddr_t lapic_phys = 0xfee00000;
static volatile uint8_t *lapic_va;

uint32_t apic_read(unsigned int reg)
{
    if ( x2apic_enabled )
        return rdmsr(MSR_X2APIC_FIRST + (reg >> 4));
    return *(volatile uint32_t *)(lapic_va + reg);
}

void apic_write(unsigned int reg, uint32_t v)
{
    if ( x2apic_enabled )
        wrmsr(MSR_X2APIC_FIRST + (reg >> 4), v);
    else
        *(volatile uint32_t *)(lapic_va + reg) = v;
}

void apic_eoi(void)
{
    apic_write(APIC_EOI, 0);
}

uint32_t apic_current_id(void)
{
    if ( x2apic_enabled )
        return apic_read(APIC_ID);
    return apic_read(APIC_ID) >> 24;
}

int apic_wait_icr_idle(void)
{
    unsigned int i;

    if ( x2apic_enabled )
        return 0;
    for ( i = 0; i < 1000000; i++ )
    {
        if ( !(apic_read(APIC_ICR) & APIC_ICR_BUSY) )
            return 0;
        cpu_relax();
    }
    return -1;
}

void apic_send_ipi(uint32_t apicid, uint32_t icr_low)
{
    if ( x2apic_enabled )
    {
        wrmsr(MSR_X2APIC_FIRST + (APIC_ICR >> 4),
              ((uint64_t)apicid << 32) | icr_low);
        return;
    }
    apic_wait_icr_idle();
    apic_write(APIC_ICR2, apicid << 24);
    apic_write(APIC_ICR, icr_low);
}

static void spurious_interrupt(void)
{
    /* No EOI for the spurious vector. */
}

static void error_interrupt(void)
{
    uint32_t esr;

    apic_write(APIC_ESR, 0);
    esr = apic_read(APIC_ESR);
    apic_eoi();
    printk(XENLOG_WARNING "APIC error on CPU%u: %02x\n", smp_processor_id(),
           esr);
}

void apic_setup_cpu(void)
{
    uint64_t base = rdmsr(MSR_IA32_APICBASE);

    base |= APICBASE_ENABLE;
    if ( x2apic_enabled )
        base |= APICBASE_EXTD;
    wrmsr(MSR_IA32_APICBASE, base);

    if ( !x2apic_enabled )
    {
        apic_write(APIC_DFR, 0xffffffff);   /* flat model */
        apic_write(APIC_LDR, 0);
    }
    apic_write(APIC_TASKPRI, 0);
    apic_write(APIC_SPIV, APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR);
    apic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
    apic_write(APIC_LVT1, smp_processor_id() ? APIC_LVT_MASKED
                                             : APIC_DM_NMI);
    apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
    apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
    apic_write(APIC_ESR, 0);
    apic_write(APIC_ESR, 0);
    apic_eoi();
}

void apic_init_bsp(void)
{
    uint64_t base = rdmsr(MSR_IA32_APICBASE);

    if ( !X86_FEATURE_APIC(&boot_cpu_data) )
        panic("No local APIC: this hypervisor needs one\n");
    lapic_phys = base & PADDR_MASK;
    lapic_va = __va(lapic_phys);

    /* Firmware may already have switched to x2APIC: keep it then. */
    x2apic_enabled = (base & APICBASE_EXTD) ||
        (IS_ENABLED(CONFIG_X2APIC) && X86_FEATURE_X2APIC(&boot_cpu_data));

    set_irq_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt);
    set_irq_handler(ERROR_APIC_VECTOR, error_interrupt);
    apic_setup_cpu();
    printk("Local APIC: %s mode, BSP APIC ID %u\n",
           x2apic_enabled ? "x2APIC" : "xAPIC", apic_current_id());
}

void pic_disable(void)
{
    /* Remap the 8259s away from the exception vectors, then mask them. */
    outb(0x11, 0x20);
    outb(0x11, 0xa0);
    outb(0x20, 0x21);
    outb(0x28, 0xa1);
    outb(0x04, 0x21);
    outb(0x02, 0xa1);
    outb(0x01, 0x21);
    outb(0x01, 0xa1);
    outb(0xff, 0x21);
    outb(0xff, 0xa1);
}

void ioapic_mask_all(void)
{
    unsigned int i, pin, pins;

    for ( i = 0; i < acpi_info.nr_ioapics; i++ )
    {
        volatile uint32_t *io = __va(acpi_info.ioapics[i].addr);

        io[0] = 1;                          /* version register */
        pins = ((io[4] >> 16) & 0xff) + 1;
        acpi_info.ioapics[i].nr_pins = pins;
        for ( pin = 0; pin < pins; pin++ )
        {
            io[0] = 0x10 + 2 * pin;
            io[4] = 1u << 16;               /* masked */
        }
        printk("IOAPIC[%u]: apic_id %u, address %#lx, GSI %u-%u\n", i,
               acpi_info.ioapics[i].id,
               (unsigned long)acpi_info.ioapics[i].addr,
               acpi_info.ioapics[i].gsi_base,
               acpi_info.ioapics[i].gsi_base + pins - 1);
    }
}
