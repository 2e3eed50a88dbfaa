/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk: log levels (loglvl=, guest_loglvl=), the "(XEN) " line prefix,
 * optional timestamps (console_timestamps=), the console ring buffer
 * (conring_size=) and the outputs chosen with console=.
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/spinlock.h>
#include <xen/time.h>
#include <xen/xmalloc.h>
#include <xen/mm.h>
#include <asm/console.h>

/* ---- log levels ---- */

enum { LVL_ERR, LVL_WARNING, LVL_INFO, LVL_DEBUG };

struct loglvl {
    int lower;      /* at or below: always printed */
    int upper;      /* at or below: printed, rate limited */
};

static struct loglvl xen_lvl = { LVL_WARNING, LVL_WARNING };
static struct loglvl guest_lvl = { -1, LVL_WARNING };

static int parse_level_word(const char *s, const char **end)
{
    static const struct { const char *w; int lvl; } words[] = {
        { "none", -1 }, { "error", LVL_ERR }, { "warning", LVL_WARNING },
        { "info", LVL_INFO }, { "debug", LVL_DEBUG }, { "all", LVL_DEBUG },
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(words); i++ )
    {
        size_t n = strlen(words[i].w);

        if ( !strncmp(s, words[i].w, n) && (s[n] == '\0' || s[n] == '/') )
        {
            *end = s + n;
            return words[i].lvl;
        }
    }
    return -2;
}

static int parse_loglvl_into(const char *s, struct loglvl *out)
{
    struct loglvl v;
    const char *e;

    v.lower = parse_level_word(s, &e);
    if ( v.lower == -2 )
        return -EINVAL;
    v.upper = v.lower;
    if ( *e == '/' )
    {
        v.upper = parse_level_word(e + 1, &e);
        if ( v.upper == -2 || *e )
            return -EINVAL;
        if ( v.upper < v.lower )
            v.upper = v.lower;
    }
    *out = v;
    return 0;
}

static int parse_loglvl(const char *s)
{
    return parse_loglvl_into(s, &xen_lvl);
}
custom_param("loglvl", parse_loglvl);

static int parse_guest_loglvl(const char *s)
{
    return parse_loglvl_into(s, &guest_lvl);
}
custom_param("guest_loglvl", parse_guest_loglvl);

/* ---- timestamps ---- */

enum { TS_NONE, TS_DATE, TS_DATEMS, TS_BOOT, TS_RAW };
static int timestamps = TS_NONE;
bool console_time_ready;

static int parse_timestamps(const char *s)
{
    static const char *const names[] = {
        [TS_NONE] = "none", [TS_DATE] = "date", [TS_DATEMS] = "datems",
        [TS_BOOT] = "boot", [TS_RAW] = "raw",
    };
    unsigned int i;

    if ( !*s )
    {
        timestamps = TS_DATE;
        return 0;
    }
    for ( i = 0; i < ARRAY_SIZE(names); i++ )
        if ( !strcmp(s, names[i]) )
        {
            timestamps = i;
            return 0;
        }
    i = parse_bool(s, NULL);
    if ( i == 0 || i == 1 )
    {
        timestamps = i ? TS_DATE : TS_NONE;
        return 0;
    }
    return -EINVAL;
}
custom_param("console_timestamps", parse_timestamps);

/* Civil date from days since 1970-01-01 (proleptic Gregorian). */
static void civil_from_days(long z, int *y, unsigned int *m, unsigned int *d)
{
    long era, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    yoe = z - era * 146097;
    yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
    doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static size_t format_timestamp(char *buf, size_t len)
{
    s_time_t now;
    uint64_t secs;
    int y;
    unsigned int mo, d, rem;

    if ( timestamps == TS_NONE || !console_time_ready )
        return 0;
    now = NOW();
    switch ( timestamps )
    {
    case TS_RAW:
        return scnprintf(buf, len, "[%016lx] ", (unsigned long)now);
    case TS_BOOT:
        return scnprintf(buf, len, "[%5lu.%06lu] ",
                         (unsigned long)(now / NSEC_PER_SEC),
                         (unsigned long)(now % NSEC_PER_SEC) / 1000);
    default:
        secs = boot_wallclock + now / NSEC_PER_SEC;
        civil_from_days(secs / 86400, &y, &mo, &d);
        rem = secs % 86400;
        if ( timestamps == TS_DATEMS )
            return scnprintf(buf, len, "[%04d-%02u-%02u %02u:%02u:%02u.%03u] ",
                             y, mo, d, rem / 3600, (rem / 60) % 60, rem % 60,
                             (unsigned int)((now / 1000000) % 1000));
        return scnprintf(buf, len, "[%04d-%02u-%02u %02u:%02u:%02u] ",
                         y, mo, d, rem / 3600, (rem / 60) % 60, rem % 60);
    }
}

/* ---- console ring ---- */

#define CONRING_BOOT_SIZE (16 * 1024)
static char conring_boot[CONRING_BOOT_SIZE];
static char *conring = conring_boot;
static size_t conring_size = CONRING_BOOT_SIZE;
static size_t conring_prod;     /* total bytes ever written */
static uint64_t opt_conring_size;
size_param("conring_size", opt_conring_size);

static void conring_put(const char *s, size_t n)
{
    while ( n-- )
        conring[conring_prod++ & (conring_size - 1)] = *s++;
}

void console_init_ring(void)
{
    uint64_t want = opt_conring_size ? opt_conring_size : 64 * 1024;
    size_t size = PAGE_SIZE, i, first;
    unsigned int order;
    char *ring;
    unsigned long flags;
    extern spinlock_t console_lock;

    while ( size < want && size < (64UL << 20) )
        size <<= 1;
    if ( size <= conring_size )
        return;
    order = get_order_from_bytes(size);
    ring = alloc_xenheap_pages(order, 0);
    if ( !ring )
    {
        printk(XENLOG_WARNING "Unable to allocate console ring of %zu bytes\n",
               size);
        return;
    }
    spin_lock_irqsave(&console_lock, flags);
    first = conring_prod > conring_size ? conring_prod - conring_size : 0;
    for ( i = first; i < conring_prod; i++ )
        ring[i & (size - 1)] = conring[i & (conring_size - 1)];
    conring = ring;
    conring_size = size;
    spin_unlock_irqrestore(&console_lock, flags);
    printk(XENLOG_INFO "Allocated console ring of %zu KiB.\n", size >> 10);
}

/* Bytes before this one were cleared (sysctl readconsole, clear). */
static size_t conring_cleared;

size_t console_ring_oldest(void)
{
    size_t oldest = conring_prod > conring_size ? conring_prod - conring_size
                                                : 0;

    return max(oldest, READ_ONCE(conring_cleared));
}

void console_ring_clear(void)
{
    WRITE_ONCE(conring_cleared, READ_ONCE(conring_prod));
}

size_t console_ring_read(char *buf, size_t len, size_t *idx)
{
    size_t oldest = console_ring_oldest();
    size_t n = 0;

    if ( *idx < oldest )
        *idx = oldest;
    while ( n < len && *idx < conring_prod )
    {
        buf[n++] = conring[*idx & (conring_size - 1)];
        (*idx)++;
    }
    return n;
}

/* ---- outputs ---- */

static struct console_output *outputs;      /* registered drivers */
static char opt_console[64] = CONSOLE_DEFAULT;
static bool console_enabled;

static int parse_console(const char *s)
{
    const char *p = s;

    /* Validate the whole list before taking it. */
    while ( *p )
    {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);

        if ( !(n == 4 && !strncmp(p, "com1", 4)) &&
             !(n == 4 && !strncmp(p, "none", 4)) &&
             !(n == 3 && !strncmp(p, "vga", 3)) &&
             !(n == 4 && !strncmp(p, "com2", 4)) &&
             !(n == 6 && !strncmp(p, "dtuart", 6)) )
            return -EINVAL;
        p += n + (e != NULL);
    }
    if ( strlen(s) >= sizeof(opt_console) )
        return -EINVAL;
    strlcpy(opt_console, s, sizeof(opt_console));
    return 0;
}
custom_param("console", parse_console);

static bool console_wants(const char *name)
{
    const char *p = opt_console;
    size_t len = strlen(name);

    while ( *p )
    {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);

        if ( n == len && !strncmp(p, name, n) )
            return true;
        p += n + (e != NULL);
    }
    return false;
}

void console_register(struct console_output *out)
{
    out->next = outputs;
    outputs = out;
}

/*
 * Messages printed before the outputs were set up (while the command line
 * was parsed) are only in the ring: replay them now.
 */
void console_init_preirq(void)
{
    struct console_output *o;
    size_t end = conring_prod;

    console_enabled = true;
    if ( end > conring_size )
        return;                 /* wrapped: too early to matter */
    for ( o = outputs; o; o = o->next )
        if ( console_wants(o->name) )
            o->puts(conring, end);
}

DEFINE_SPINLOCK(console_lock);
static bool console_locking = true;

void console_force_unlock(void)
{
    console_locking = false;
}

static void emit(const char *s, size_t n)
{
    struct console_output *o;

    /* Without CONFIG_CONSOLE_RING the ring still holds early messages. */
    if ( IS_ENABLED(CONFIG_CONSOLE_RING) || !console_enabled )
        conring_put(s, n);
    if ( !console_enabled )
        return;
    for ( o = outputs; o; o = o->next )
        if ( console_wants(o->name) )
            o->puts(s, n);
}

static bool at_line_start = true;

static void emit_lines(const char *s)
{
    char ts[48];

    while ( *s )
    {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);

        if ( at_line_start )
        {
            emit("(XEN) ", 6);
            emit(ts, format_timestamp(ts, sizeof(ts)));
        }
        emit(s, n);
        at_line_start = nl != NULL;
        s += n;
    }
}

/* ---- rate limiting: 10 messages per 5 seconds, then a summary ---- */

static bool ratelimit_ok(void)
{
    static s_time_t window_start;
    static unsigned int in_window, missed;
    s_time_t now = console_time_ready ? NOW() : 0;

    if ( now - window_start > SECONDS(5) )
    {
        if ( missed )
        {
            char buf[64];

            snprintf(buf, sizeof(buf), "printk: %u messages suppressed.\n",
                     missed);
            emit_lines(buf);
        }
        window_start = now;
        in_window = 0;
        missed = 0;
    }
    if ( in_window < 10 )
    {
        in_window++;
        return true;
    }
    missed++;
    return false;
}

void vprintk(const char *fmt, va_list args)
{
    char buf[1024];
    const struct loglvl *lvl = &xen_lvl;
    int level = LVL_WARNING;
    unsigned long flags;
    bool locked = console_locking;

    if ( !strncmp(fmt, XENLOG_GUEST, 3) )
    {
        lvl = &guest_lvl;
        fmt += 3;
    }
    if ( fmt[0] == '<' && fmt[1] >= '0' && fmt[1] <= '3' && fmt[2] == '>' )
    {
        level = fmt[1] - '0';
        fmt += 3;
    }

    vsnprintf(buf, sizeof(buf), fmt, args);

    local_irq_save(flags);
    if ( locked )
        spin_lock(&console_lock);
    if ( level <= lvl->lower || (level <= lvl->upper && ratelimit_ok()) )
        emit_lines(buf);
    if ( locked )
        spin_unlock(&console_lock);
    local_irq_restore(flags);
}

void printk(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    vprintk(fmt, args);
    va_end(args);
}

/* ---- the console_io hypercall ---- */

#include <xen/event.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/sched.h>

/* ---- serial input: to dom0, or (after Ctrl-A x3) to the hypervisor ---- */

#include <xen/timer.h>

static char serial_rx[512];
static unsigned int rx_prod, rx_cons;
static bool input_to_dom0;
static unsigned int ctrl_a_count;
static struct timer input_timer;

#define INPUT_POLL MILLISECS(20)

static void console_rx_char(char c)
{
    if ( rx_prod - rx_cons < sizeof(serial_rx) )
        serial_rx[rx_prod++ % sizeof(serial_rx)] = c;
    if ( hardware_domain )
        send_guest_global_virq(hardware_domain, VIRQ_CONSOLE);
}

static void announce_input(void)
{
    printk("*** Serial input to %s (type 'CTRL-a' three times to switch "
           "input)\n", input_to_dom0 ? "DOM0" : "Xen");
}

static void console_input(char c)
{
    if ( c == 0x01 )
    {
        if ( ++ctrl_a_count == 3 )
        {
            ctrl_a_count = 0;
            input_to_dom0 = !input_to_dom0 && hardware_domain;
            announce_input();
        }
        return;
    }
    /* Ctrl-A pressed fewer than three times is passed on. */
    for ( ; ctrl_a_count; ctrl_a_count-- )
        if ( input_to_dom0 )
            console_rx_char(0x01);
    if ( input_to_dom0 )
        console_rx_char(c);
    else if ( c == 'h' )
        printk("No debug keys yet; CTRL-a three times gives input to dom0\n");
}

static void input_poll(void *unused)
{
    struct console_output *o;
    int c;

    for ( o = outputs; o; o = o->next )
        if ( o->getc && console_wants(o->name) )
            while ( (c = o->getc()) >= 0 )
                console_input(c);
    set_timer(&input_timer, NOW() + INPUT_POLL);
}

void console_init_input(void)
{
    init_timer(&input_timer, input_poll, NULL, 0);
    set_timer(&input_timer, NOW() + INPUT_POLL);
}

void console_input_to_dom0(void)
{
    input_to_dom0 = true;
    announce_input();
}

/*
 * Guest output: the hardware domain's goes out as it is (it is the
 * console's owner); other domains' lines get a "(dN) " prefix, are
 * filtered to printable characters and count against guest_loglvl.
 */
static void guest_console_write(struct domain *d, const char *buf, size_t n)
{
    unsigned long flags;
    size_t i;

    if ( d == hardware_domain || d->is_privileged )
    {
        local_irq_save(flags);
        spin_lock(&console_lock);
        emit(buf, n);
        spin_unlock(&console_lock);
        local_irq_restore(flags);
        return;
    }
    {
        char line[160];
        size_t o = 0;

        for ( i = 0; i < n && o < sizeof(line) - 1; i++ )
            if ( (buf[i] >= 0x20 && buf[i] < 0x7f) || buf[i] == '\n' ||
                 buf[i] == '\t' )
                line[o++] = buf[i];
        line[o] = '\0';
        printk(XENLOG_G_INFO "(d%u) %s", d->domain_id, line);
    }
}

long do_console_io(int cmd, unsigned int count, unsigned long buffer)
{
    struct domain *d = current->domain;
    char kbuf[128];

    switch ( cmd )
    {
    case CONSOLEIO_write:
    {
        unsigned int done = 0;

        while ( done < count )
        {
            unsigned int chunk = min_t(unsigned int, count - done,
                                       sizeof(kbuf));

            if ( copy_from_guest_va(kbuf, buffer + done, chunk) )
                return -EFAULT;
            guest_console_write(d, kbuf, chunk);
            done += chunk;
        }
        return 0;
    }
    case CONSOLEIO_read:
    {
        unsigned int n = 0;

        if ( !d->is_privileged )
            return -EPERM;
        while ( n < count && rx_cons != rx_prod && n < sizeof(kbuf) )
            kbuf[n++] = serial_rx[rx_cons++ % sizeof(serial_rx)];
        if ( n && copy_to_guest_va(buffer, kbuf, n) )
            return -EFAULT;
        return n;
    }
    }
    return -ENOSYS;
}
