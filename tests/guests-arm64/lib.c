// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arm64 test guests' runtime: console output through console_io,
 * shutdown through sched_op, a PRNG, and the exception report.  The
 * guest runs with its MMU off, so memory is Device memory: no unaligned
 * accesses (built with -mstrict-align) and no FP/SIMD.
 */
#include "guest.h"
#include <public/xen.h>
#include <public/sched.h>

void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;

    while ( n-- )
        *p++ = c;
    return s;
}

static size_t put_num(char *b, size_t pos, size_t max, unsigned long v,
                      unsigned int base)
{
    char t[24];
    int n = 0;

    do
    {
        t[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while ( v );
    while ( n && pos < max )
        b[pos++] = t[--n];
    return pos;
}

void guest_printf(const char *fmt, ...)
{
    char buf[256];
    size_t pos = 0, max = sizeof(buf) - 1;
    va_list ap;

    va_start(ap, fmt);
    for ( ; *fmt && pos < max; fmt++ )
    {
        if ( *fmt != '%' )
        {
            buf[pos++] = *fmt;
            continue;
        }
        fmt++;
        if ( *fmt == 'l' )
            fmt++;
        switch ( *fmt )
        {
        case 'u':
            pos = put_num(buf, pos, max, va_arg(ap, unsigned long), 10);
            break;
        case 'x':
            pos = put_num(buf, pos, max, va_arg(ap, unsigned long), 16);
            break;
        case 's':
        {
            const char *s = va_arg(ap, const char *);

            while ( *s && pos < max )
                buf[pos++] = *s++;
            break;
        }
        default:
            buf[pos++] = *fmt;
            break;
        }
    }
    va_end(ap);
    buf[pos] = 0;
    hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, pos, (unsigned long)buf,
              0, 0);
}

void guest_shutdown(unsigned int reason)
{
    struct sched_shutdown s;

    s.reason = reason;
    for ( ;; )
        hypercall(__HYPERVISOR_sched_op, SCHEDOP_shutdown, (unsigned long)&s, 0,
                  0, 0);
}

uint64_t rand64(uint64_t *state)
{
    uint64_t x = *state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545f4914f6cdd1dUL;
}

unsigned long dt_arg(const void *fdt, const char *name)
{
    const unsigned char *p = fdt;
    size_t len, i, j, n;
    unsigned long v = 0;

    if ( !p || p[0] != 0xd0 || p[1] != 0x0d || p[2] != 0xfe || p[3] != 0xed )
        return 0;
    len = (size_t)p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7];
    for ( n = 0; name[n]; n++ )
        ;
    for ( i = 0; i + n + 1 < len; i++ )
    {
        for ( j = 0; j < n && p[i + j] == (unsigned char)name[j]; j++ )
            ;
        /* A word start: after a space or NUL, or a property value's start. */
        if ( j < n || p[i + n] != '=' ||
             (i % 4 && p[i - 1] != ' ' && p[i - 1] != 0) )
            continue;
        for ( i += n + 1; i < len && p[i] >= '0' && p[i] <= '9'; i++ )
            v = v * 10 + (p[i] - '0');
        return v;
    }
    return 0;
}

void guest_exception(unsigned long esr, unsigned long elr, unsigned long far);
void guest_exception(unsigned long esr, unsigned long elr, unsigned long far)
{
    guest_printf("guest-arm64: FAIL exception ESR %lx at %lx, FAR %lx\n", esr,
                 elr, far);
    guest_shutdown(SHUTDOWN_crash);
}
