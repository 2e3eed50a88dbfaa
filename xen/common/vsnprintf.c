/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vsnprintf for the hypervisor: flags - 0 + space #, width, precision,
 * length modifiers hh h l ll z t j, conversions d i u x X o c s p %.
 * %pS prints a symbol (symbol+off/size).
 */
#include <xen/lib.h>
#include <xen/symbols.h>

struct out {
    char *buf;
    size_t size, pos;
};

static void put(struct out *o, char c)
{
    if ( o->pos + 1 < o->size )
        o->buf[o->pos] = c;
    o->pos++;
}

static void put_str(struct out *o, const char *s, int width, int prec,
                    bool left)
{
    int len = 0, i;

    if ( !s )
        s = "(NULL)";
    while ( (prec < 0 || len < prec) && s[len] )
        len++;
    if ( !left )
        for ( i = len; i < width; i++ )
            put(o, ' ');
    for ( i = 0; i < len; i++ )
        put(o, s[i]);
    if ( left )
        for ( i = len; i < width; i++ )
            put(o, ' ');
}

#define F_LEFT  1
#define F_PLUS  2
#define F_SPACE 4
#define F_ALT   8
#define F_ZERO  16
#define F_UPPER 32

static void put_num(struct out *o, unsigned long long v, bool neg,
                    unsigned int base, int width, int prec, unsigned int fl)
{
    char tmp[24];
    const char *digits = (fl & F_UPPER) ? "0123456789ABCDEF"
                                        : "0123456789abcdef";
    int n = 0, len, pad;
    char sign = 0;
    const char *prefix = "";

    if ( neg )
        sign = '-';
    else if ( fl & F_PLUS )
        sign = '+';
    else if ( fl & F_SPACE )
        sign = ' ';
    if ( (fl & F_ALT) && base == 16 && v )
        prefix = (fl & F_UPPER) ? "0X" : "0x";
    else if ( (fl & F_ALT) && base == 8 )
        prefix = "0";

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while ( v );

    len = n > prec ? n : prec;
    len += (sign != 0) + (int)strlen(prefix);
    pad = width > len ? width - len : 0;

    if ( !(fl & F_LEFT) && !((fl & F_ZERO) && prec < 0) )
        for ( ; pad > 0; pad-- )
            put(o, ' ');
    if ( sign )
        put(o, sign);
    for ( ; *prefix; prefix++ )
        put(o, *prefix);
    if ( !(fl & F_LEFT) && (fl & F_ZERO) && prec < 0 )
        for ( ; pad > 0; pad-- )
            put(o, '0');
    for ( ; prec > n; prec-- )
        put(o, '0');
    while ( n )
        put(o, tmp[--n]);
    for ( ; pad > 0; pad-- )
        put(o, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
    struct out o = { buf, size, 0 };

    for ( ; *fmt; fmt++ )
    {
        unsigned int fl = 0, base = 10;
        int width = -1, prec = -1, lng = 0;
        unsigned long long v;
        bool neg = false, is_signed = false;

        if ( *fmt != '%' )
        {
            put(&o, *fmt);
            continue;
        }

        for ( ; ; )
        {
            fmt++;
            if ( *fmt == '-' ) fl |= F_LEFT;
            else if ( *fmt == '+' ) fl |= F_PLUS;
            else if ( *fmt == ' ' ) fl |= F_SPACE;
            else if ( *fmt == '#' ) fl |= F_ALT;
            else if ( *fmt == '0' ) fl |= F_ZERO;
            else break;
        }
        if ( *fmt == '*' )
        {
            width = va_arg(args, int);
            if ( width < 0 )
            {
                fl |= F_LEFT;
                width = -width;
            }
            fmt++;
        }
        else
            for ( width = 0; *fmt >= '0' && *fmt <= '9'; fmt++ )
                width = width * 10 + (*fmt - '0');
        if ( *fmt == '.' )
        {
            fmt++;
            if ( *fmt == '*' )
            {
                prec = va_arg(args, int);
                fmt++;
            }
            else
                for ( prec = 0; *fmt >= '0' && *fmt <= '9'; fmt++ )
                    prec = prec * 10 + (*fmt - '0');
        }
        for ( ; ; fmt++ )
        {
            if ( *fmt == 'l' ) lng++;
            else if ( *fmt == 'h' ) lng--;
            else if ( *fmt == 'z' || *fmt == 't' || *fmt == 'j' ) lng = 2;
            else break;
        }

        switch ( *fmt )
        {
        case '\0':
            fmt--;
            continue;
        case '%':
            put(&o, '%');
            continue;
        case 'c':
            put(&o, (char)va_arg(args, int));
            continue;
        case 's':
            put_str(&o, va_arg(args, const char *), width, prec,
                    fl & F_LEFT);
            continue;
        case 'p':
        {
            void *p = va_arg(args, void *);

            if ( fmt[1] == 'S' || fmt[1] == 's' )
            {
                char sym[128];

                fmt++;
                symbols_describe((unsigned long)p, sym, sizeof(sym));
                put_str(&o, sym, width, prec, fl & F_LEFT);
                continue;
            }
            put_num(&o, (unsigned long)p, false, 16, 16, -1, F_ZERO);
            continue;
        }
        case 'd':
        case 'i':
            is_signed = true;
            break;
        case 'u':
            break;
        case 'X':
            fl |= F_UPPER;
            /* fall through */
        case 'x':
            base = 16;
            break;
        case 'o':
            base = 8;
            break;
        default:
            put(&o, '%');
            put(&o, *fmt);
            continue;
        }

        if ( is_signed )
        {
            long long s;

            if ( lng >= 2 ) s = va_arg(args, long long);
            else if ( lng == 1 ) s = va_arg(args, long);
            else if ( lng == -1 ) s = (short)va_arg(args, int);
            else if ( lng <= -2 ) s = (signed char)va_arg(args, int);
            else s = va_arg(args, int);
            neg = s < 0;
            v = neg ? -(unsigned long long)s : (unsigned long long)s;
        }
        else
        {
            if ( lng >= 2 ) v = va_arg(args, unsigned long long);
            else if ( lng == 1 ) v = va_arg(args, unsigned long);
            else if ( lng == -1 ) v = (unsigned short)va_arg(args, int);
            else if ( lng <= -2 ) v = (unsigned char)va_arg(args, int);
            else v = va_arg(args, unsigned int);
        }
        put_num(&o, v, neg, base, width, prec, fl);
    }

    if ( size )
        buf[o.pos < size ? o.pos : size - 1] = '\0';
    return o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    if ( size == 0 )
        return 0;
    return (size_t)n >= size ? (int)size - 1 : n;
}
