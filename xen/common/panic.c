/* SPDX-License-Identifier: GPL-2.0-only */
/* panic(), BUG() and failed assertions: report, then reboot or halt. */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/shutdown.h>
#include <xen/smp.h>
#include <asm/system.h>

bool opt_noreboot;
boolean_param("noreboot", opt_noreboot);

void panic(const char *fmt, ...)
{
    static volatile int panicking;
    char buf[256];
    va_list args;

    local_irq_disable();
    /* A second CPU panicking at once just stops. */
    if ( __atomic_fetch_add(&panicking, 1, __ATOMIC_SEQ_CST) )
        machine_halt();

    va_start(args, fmt);
    vsnprintf(buf, sizeof(buf), fmt, args);
    va_end(args);

    console_force_unlock();
    printk(XENLOG_ERR "\n****************************************\n");
    printk(XENLOG_ERR "Panic on CPU %u:\n", smp_processor_id());
    printk(XENLOG_ERR "%s", buf);
    if ( !*buf || buf[strlen(buf) - 1] != '\n' )
        printk(XENLOG_ERR "\n");
    printk(XENLOG_ERR "****************************************\n\n");

    if ( opt_noreboot )
    {
        printk(XENLOG_ERR "Manual reset required ('noreboot' specified)\n");
        machine_halt();
    }
    printk(XENLOG_ERR "Reboot in five seconds...\n");
    machine_restart(5000);
}

void __bug(const char *file, int line)
{
    panic("Xen BUG at %s:%d\n", file, line);
}

void __assert_failed(const char *expr, const char *file, int line)
{
    panic("Assertion '%s' failed at %s:%d\n", expr, file, line);
}
