/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host stand-ins for what the hypervisor provides elsewhere: console,
 * BUG/ASSERT/panic (turned into cmocka failures), clock, arch timer,
 * softirqs, the interrupt flag and "machine memory".
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>

#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/time.h>
#include <asm/page.h>
#include <asm/system.h>

#include "fake.h"

/* ---- CPU, interrupts, memory ------------------------------------------- */

unsigned int fake_cpu_id;
bool fake_irq_enabled = true;
unsigned int nr_cpu_ids = NR_CPUS;
unsigned int num_online_cpus_count = NR_CPUS;
bool cpu_online_map[NR_CPUS] = { true, true, true, true };
uint64_t boot_wallclock;

unsigned char *fake_ram;
size_t fake_ram_size;

static void __attribute__((constructor)) fake_ram_init(void)
{
    void *p = mmap(NULL, FAKE_RAM_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    if ( p == MAP_FAILED )
    {
        perror("fake: mmap of fake RAM");
        exit(2);
    }
    fake_ram = p;
    fake_ram_size = FAKE_RAM_SIZE;
}

/* Single-threaded: any spinning on a lock can never end. */
void fake_cpu_relax(void)
{
    fail_msg("cpu_relax(): spinning on a lock nobody can release");
}

/* ---- Console ------------------------------------------------------------ */

static char log_lines[FAKE_LOG_LINES][512];
static unsigned int log_next, log_total;

void fake_log_reset(void)
{
    log_next = 0;
    log_total = 0;
}

unsigned int fake_log_count(void)
{
    return log_total;
}

bool fake_log_contains(const char *needle)
{
    unsigned int i, n = log_total < FAKE_LOG_LINES ? log_total
                                                   : FAKE_LOG_LINES;

    for ( i = 0; i < n; i++ )
        if ( strstr(log_lines[i], needle) )
            return true;

    return false;
}

const char *fake_log_last(void)
{
    if ( !log_total )
        return "";
    return log_lines[(log_next + FAKE_LOG_LINES - 1) % FAKE_LOG_LINES];
}

void vprintk(const char *fmt, va_list args)
{
    vsnprintf(log_lines[log_next], sizeof(log_lines[0]), fmt, args);
    if ( getenv("FAKE_LOG_ECHO") )
        fprintf(stderr, "printk: %s", log_lines[log_next]);
    log_next = (log_next + 1) % FAKE_LOG_LINES;
    log_total++;
}

void printk(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    vprintk(fmt, args);
    va_end(args);
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vsnprintf(buf, size, fmt, args);
    va_end(args);

    if ( n < 0 )
        return 0;
    return size ? ((size_t)n < size ? n : (int)size - 1) : 0;
}

/* ---- Fatal errors become cmocka assertion failures ---------------------- */

void panic(const char *fmt, ...)
{
    static char msg[512];
    va_list args;

    va_start(args, fmt);
    vsnprintf(msg, sizeof(msg), fmt, args);
    va_end(args);
    printk("PANIC: %s", msg);

    mock_assert(0, msg, __FILE__, __LINE__);
    abort();
}

void __bug(const char *file, int line)
{
    mock_assert(0, "BUG", file, line);
    abort();
}

void __assert_failed(const char *expr, const char *file, int line)
{
    mock_assert(0, expr, file, line);
    abort();
}

/* ---- Clock and arch timer ---------------------------------------------- */

s_time_t fake_now;
s_time_t fake_last_reprogram;
unsigned int fake_reprogram_calls;
void (*fake_reprogram_hook)(s_time_t timeout);

s_time_t get_s_time(void)
{
    return fake_now;
}

int reprogram_timer(s_time_t timeout)
{
    fake_last_reprogram = timeout;
    fake_reprogram_calls++;
    if ( fake_reprogram_hook )
        fake_reprogram_hook(timeout);

    return timeout == 0 || timeout > fake_now;
}

/* ---- Softirqs ----------------------------------------------------------- */

static softirq_handler handlers[NR_SOFTIRQS];
static unsigned long pending[NR_CPUS];

void fake_softirq_reset(void)
{
    unsigned int i;

    for ( i = 0; i < NR_CPUS; i++ )
        pending[i] = 0;
}

void open_softirq(int nr, softirq_handler handler)
{
    assert_true(nr >= 0 && nr < NR_SOFTIRQS);
    handlers[nr] = handler;
}

void cpu_raise_softirq(unsigned int cpu, unsigned int nr)
{
    assert_true(cpu < NR_CPUS && nr < NR_SOFTIRQS);
    pending[cpu] |= 1UL << nr;
}

void raise_softirq(unsigned int nr)
{
    cpu_raise_softirq(smp_processor_id(), nr);
}

bool softirq_pending(unsigned int cpu)
{
    return pending[cpu] != 0;
}

bool fake_softirq_is_pending(unsigned int cpu, unsigned int nr)
{
    return pending[cpu] & (1UL << nr);
}

void do_softirq(void)
{
    unsigned int cpu = smp_processor_id();

    while ( pending[cpu] )
    {
        unsigned int nr = __builtin_ctzl(pending[cpu]);

        pending[cpu] &= ~(1UL << nr);
        assert_non_null(handlers[nr]);
        handlers[nr]();
    }
}

void fake_run_softirqs(unsigned int cpu)
{
    fake_cpu_id = cpu;
    do_softirq();
}
