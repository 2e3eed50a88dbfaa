/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * System time from the TSC (calibrated against PIT channel 2), the wall
 * clock from the CMOS RTC, and the per-CPU timer interrupt on the local
 * APIC timer (TSC-deadline mode when available, else one-shot).
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/time.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/system.h>
#include <asm/time.h>

unsigned long cpu_khz;
static uint64_t boot_tsc;
static uint64_t tsc_hz;
static uint64_t ns_per_tsc_fp;       /* ns per TSC tick, 32.32 fixed point */
static uint64_t tsc_per_ns_fp;       /* TSC ticks per ns, 32.32 */
static uint64_t apic_hz;            /* APIC timer ticks per second (div 1) */
static uint64_t apic_per_ns_fp;      /* APIC ticks per ns, 32.32 */
static bool use_tsc_deadline;

s_time_t get_s_time(void)
{
    uint64_t delta = rdtsc_ordered() - boot_tsc;

    return (s_time_t)(((unsigned __int128)delta * ns_per_tsc_fp) >> 32);
}

static uint64_t stime_to_tsc(s_time_t t)
{
    return boot_tsc + (uint64_t)(((unsigned __int128)t * tsc_per_ns_fp) >> 32);
}

void udelay(unsigned long us)
{
    uint64_t hz = tsc_hz ? tsc_hz : 1000000000ULL;
    uint64_t end = rdtsc() + us * (hz / 1000000);

    while ( (int64_t)(rdtsc() - end) < 0 )
        cpu_relax();
}

void mdelay(unsigned long ms)
{
    while ( ms-- )
        udelay(1000);
}

/* Count TSC ticks over 'ms' milliseconds of PIT channel 2. */
static uint64_t pit_measure_tsc(unsigned int ms)
{
    unsigned int count = 1193182u * ms / 1000;
    uint64_t start, end;
    unsigned long spins = 0;

    outb((inb(0x61) & ~0x02) | 0x01, 0x61);  /* gate on, speaker off */
    outb(0xb0, 0x43);                       /* ch2, lo/hi, mode 0, binary */
    outb(count & 0xff, 0x42);
    outb(count >> 8, 0x42);
    start = rdtsc();
    while ( !(inb(0x61) & 0x20) && ++spins < 100000000UL )
        ;
    end = rdtsc();
    return end - start;
}

/* hz / 1e9 in 32.32 fixed point, without a 128-bit division. */
static uint64_t per_ns_fp(uint64_t hz)
{
    return ((hz / NSEC_PER_SEC) << 32) +
           ((hz % NSEC_PER_SEC) << 32) / NSEC_PER_SEC;
}

static void set_tsc_scale(uint64_t hz)
{
    tsc_per_ns_fp = per_ns_fp(hz);
    tsc_hz = hz;
    cpu_khz = hz / 1000;
    ns_per_tsc_fp = ((uint64_t)NSEC_PER_SEC << 32) / hz;
}

static void timer_interrupt(void)
{
    apic_eoi();
    raise_softirq(TIMER_SOFTIRQ);
}

static void calibrate_apic_timer(void)
{
    uint64_t t0, t1;
    uint32_t left;

    apic_write(APIC_TDCR, 0xb);              /* divide by 1 */
    apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
    apic_write(APIC_TMICT, 0xffffffff);
    t0 = rdtsc();
    udelay(10000);
    left = apic_read(APIC_TMCCT);
    t1 = rdtsc();
    apic_write(APIC_TMICT, 0);
    apic_hz = (uint64_t)(0xffffffffu - left) * tsc_hz / (t1 - t0);
    if ( !apic_hz )
        apic_hz = 1000000000ULL;
    apic_per_ns_fp = per_ns_fp(apic_hz);
}

uint64_t read_rtc_seconds(void)
{
    uint8_t r[6], b;
    unsigned int i, spins = 0;
    static const uint8_t regs[6] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };
    int y, m, d;
    long days;

    /* Wait out an update in progress (bounded). */
    do {
        outb(0x0a, 0x70);
    } while ( (inb(0x71) & 0x80) && ++spins < 1000000 );
    for ( i = 0; i < 6; i++ )
    {
        outb(regs[i], 0x70);
        r[i] = inb(0x71);
    }
    outb(0x0b, 0x70);
    b = inb(0x71);
    if ( !(b & 0x04) )                      /* BCD */
        for ( i = 0; i < 6; i++ )
            r[i] = (r[i] & 0x0f) + (r[i] >> 4) * 10;
    if ( !(b & 0x02) && (r[2] & 0x80) )     /* 12-hour clock, PM */
        r[2] = ((r[2] & 0x7f) % 12) + 12;

    y = 2000 + r[5];
    m = r[4];
    d = r[3];
    if ( m < 1 || m > 12 || d < 1 || d > 31 )
        return 0;
    /* Days from civil date (proleptic Gregorian). */
    y -= m <= 2;
    days = (long)(y >= 0 ? y : y - 399) / 400 * 146097;
    {
        long yoe = y - (long)(y >= 0 ? y : y - 399) / 400 * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

        days += doe - 719468;
    }
    return (uint64_t)days * 86400 + r[2] * 3600 + r[1] * 60 + r[0];
}

void early_time_init(void)
{
    uint64_t ticks;

    boot_tsc = rdtsc();
    ticks = pit_measure_tsc(50);
    set_tsc_scale(ticks * 20);
    boot_wallclock = read_rtc_seconds();
    console_time_ready = true;

    use_tsc_deadline = IS_ENABLED(CONFIG_TSC_DEADLINE) &&
                       X86_FEATURE_TSC_DEADLINE(&boot_cpu_data);
    calibrate_apic_timer();
    set_irq_handler(LOCAL_TIMER_VECTOR, timer_interrupt);

    printk("TSC: %lu.%03lu MHz; APIC timer: %lu.%03lu MHz, %s mode\n",
           (unsigned long)(tsc_hz / 1000000),
           (unsigned long)(tsc_hz / 1000) % 1000,
           (unsigned long)(apic_hz / 1000000),
           (unsigned long)(apic_hz / 1000) % 1000,
           use_tsc_deadline ? "TSC-deadline" : "one-shot");
}

void time_cpu_init(void)
{
    apic_write(APIC_TDCR, 0xb);
    apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR |
               (use_tsc_deadline ? APIC_TIMER_TSCDEADLINE : 0));
}

int reprogram_timer(s_time_t timeout)
{
    s_time_t delta;
    uint64_t ticks;

    if ( timeout == 0 )
    {
        if ( use_tsc_deadline )
            wrmsr(MSR_IA32_TSC_DEADLINE, 0);
        else
            apic_write(APIC_TMICT, 0);
        return 1;
    }
    delta = timeout - NOW();
    if ( delta <= 0 )
        return 0;
    if ( use_tsc_deadline )
    {
        wrmsr(MSR_IA32_TSC_DEADLINE, stime_to_tsc(timeout));
        return 1;
    }
    ticks = ((unsigned __int128)delta * apic_per_ns_fp) >> 32;
    if ( ticks == 0 )
        ticks = 1;
    if ( ticks > 0xffffffffu )
        ticks = 0xffffffffu;
    apic_write(APIC_TMICT, (uint32_t)ticks);
    return 1;
}

/* ---- guest time: vcpu_time_info and the shared wall clock ---- */

#include <xen/sched.h>
#include <asm/pv_dom0.h>

/*
 * The guest computes system time as
 *   system_time + ((tsc - tsc_timestamp) << shift) * mul >> 32
 * (a negative shift shifts right), so find shift so that mul < 2^32.
 */
static void tsc_scale_for_guest(uint32_t *mul, int8_t *shift)
{
    uint64_t fp = ns_per_tsc_fp;        /* ns per tick, 32.32 */
    int s = 0;

    while ( fp >= (1ULL << 32) )
    {
        fp >>= 1;
        s++;
    }
    while ( fp && fp < (1ULL << 31) )
    {
        fp <<= 1;
        s--;
    }
    *mul = (uint32_t)fp;
    *shift = (int8_t)s;
}

void update_vcpu_system_time(struct vcpu *v)
{
    struct vcpu_time_info *t;
    uint64_t tsc;

    if ( !v->vcpu_info )
        return;
    t = &v->vcpu_info->time;
    tsc = rdtsc_ordered();
    /* Odd version: an update is in progress. */
    WRITE_ONCE(t->version, (t->version + 1) | 1);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    t->tsc_timestamp = tsc;
    t->system_time = (s_time_t)(((unsigned __int128)(tsc - boot_tsc) *
                                 ns_per_tsc_fp) >> 32);
    tsc_scale_for_guest(&t->tsc_to_system_mul, &t->tsc_shift);
    t->flags = XEN_PVCLOCK_TSC_STABLE_BIT;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    WRITE_ONCE(t->version, t->version + 1);
}

