/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Console output through console_io(CONSOLEIO_write), a small printf,
 * and the one result line every guest prints before shutting down.
 */
#include "guest.h"

void console_write(const char *s, size_t len)
{
    hc_console_io(CONSOLEIO_write, len, s);
}

static void put(char *buf, size_t size, size_t *pos, char c)
{
    if ( *pos + 1 < size )
        buf[*pos] = c;
    (*pos)++;
}

static void put_num(char *buf, size_t size, size_t *pos, uint64_t v,
                    unsigned int base, bool neg, int width, char pad,
                    bool upper, const char *prefix)
{
    char tmp[24];
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = 0, len;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while ( v );
    len = n + (neg ? 1 : 0) + (int)strlen(prefix);
    if ( pad == '0' )
    {
        if ( neg )
            put(buf, size, pos, '-');
        while ( *prefix )
            put(buf, size, pos, *prefix++);
    }
    for ( ; width > len; width-- )
        put(buf, size, pos, pad);
    if ( pad != '0' )
    {
        if ( neg )
            put(buf, size, pos, '-');
        while ( *prefix )
            put(buf, size, pos, *prefix++);
    }
    while ( n )
        put(buf, size, pos, tmp[--n]);
}

/* %[-#0][width][.prec][l|ll|z](d|i|u|x|X|p|s|c|%) */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t pos = 0;

    for ( ; *fmt; fmt++ )
    {
        bool alt = false, left = false;
        int width = 0, lng = 0, prec = -1;
        char pad = ' ';
        uint64_t v;
        const char *s;

        if ( *fmt != '%' )
        {
            put(buf, size, &pos, *fmt);
            continue;
        }
        for ( fmt++; ; fmt++ )
        {
            if ( *fmt == '#' )
                alt = true;
            else if ( *fmt == '0' )
                pad = '0';
            else if ( *fmt == '-' )
                left = true;
            else
                break;
        }
        while ( *fmt >= '0' && *fmt <= '9' )
            width = width * 10 + (*fmt++ - '0');
        if ( *fmt == '.' )
        {
            prec = 0;
            for ( fmt++; *fmt >= '0' && *fmt <= '9'; fmt++ )
                prec = prec * 10 + (*fmt - '0');
        }
        while ( *fmt == 'l' || *fmt == 'z' )
        {
            lng++;
            fmt++;
        }
        switch ( *fmt )
        {
        case 'd':
        case 'i':
        {
            int64_t sv = lng ? va_arg(ap, long) : va_arg(ap, int);

            put_num(buf, size, &pos, sv < 0 ? -(uint64_t)sv : (uint64_t)sv,
                    10, sv < 0, width, pad, false, "");
            break;
        }
        case 'u':
        case 'x':
        case 'X':
            v = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            put_num(buf, size, &pos, v, *fmt == 'u' ? 10 : 16, false, width,
                    pad, *fmt == 'X', alt && *fmt != 'u' ? "0x" : "");
            break;
        case 'p':
            v = (unsigned long)va_arg(ap, void *);
            put_num(buf, size, &pos, v, 16, false, width, pad, false, "0x");
            break;
        case 'c':
            put(buf, size, &pos, (char)va_arg(ap, int));
            break;
        case 's':
        {
            size_t len;

            s = va_arg(ap, const char *);
            if ( !s )
                s = "(null)";
            for ( len = 0; s[len] && (prec < 0 || (int)len < prec); len++ )
                ;
            if ( !left )
                for ( ; width > (int)len; width-- )
                    put(buf, size, &pos, ' ');
            for ( size_t i = 0; i < len; i++ )
                put(buf, size, &pos, s[i]);
            for ( ; width > (int)len; width-- )
                put(buf, size, &pos, ' ');
            break;
        }
        case '%':
            put(buf, size, &pos, '%');
            break;
        default:
            put(buf, size, &pos, '?');
            break;
        }
    }
    if ( size )
        buf[pos < size ? pos : size - 1] = '\0';
    return (int)pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int printf(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    console_write(buf, strlen(buf));
    return n;
}

void info(const char *fmt, ...)
{
    char buf[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    printf("[%s] %s\n", guest_name, buf);
}

static bool finished;

noreturn void guest_shutdown(unsigned int reason)
{
    sched_shutdown_t sd = { .reason = reason };
    long rc;

    rc = hc_sched_op(SCHEDOP_shutdown, &sd);
    printf("[%s] SCHEDOP_shutdown(%u) returned %ld\n", guest_name, reason,
           rc);
    for ( ;; )
        hc_sched_op(SCHEDOP_yield, NULL);
}

/*
 * SHUTDOWN_reboot: for dom0, Xen 4.17 resets the machine at once, which
 * QEMU -no-reboot turns into an exit. poweroff would halt the CPUs and
 * leave QEMU running until the runner's timeout.
 */
noreturn void guest_pass(void)
{
    if ( !finished )
    {
        finished = true;
        printf("guest %s: PASS\n", guest_name);
    }
    guest_shutdown(SHUTDOWN_reboot);
}

noreturn void guest_fail(const char *fmt, ...)
{
    char buf[400];
    va_list ap;

    if ( !finished )
    {
        finished = true;
        va_start(ap, fmt);
        vsnprintf(buf, sizeof(buf), fmt, ap);
        va_end(ap);
        printf("guest %s: FAIL %s\n", guest_name, buf);
    }
    guest_shutdown(SHUTDOWN_reboot);
}
