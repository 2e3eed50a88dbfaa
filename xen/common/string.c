/* SPDX-License-Identifier: GPL-2.0-only */
/* Freestanding string, memory and number-parsing routines. */
#include <xen/lib.h>
#include <xen/string.h>

/*
 * Word-at-a-time when both sides are 8-byte aligned (kernel images and
 * whole pages are); the compiler must not turn these loops back into
 * calls to themselves.
 */
#define NO_LOOP_CALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

NO_LOOP_CALLS void *memcpy(void *dst, const void *src, size_t n)
{
    char *d = dst;
    const char *s = src;

    if ( !(((unsigned long)d | (unsigned long)s) & 7) )
    {
        uint64_t *dw = (uint64_t *)d;
        const uint64_t *sw = (const uint64_t *)s;

        for ( ; n >= 32; n -= 32, dw += 4, sw += 4 )
        {
            uint64_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];

            dw[0] = a;
            dw[1] = b;
            dw[2] = c;
            dw[3] = e;
        }
        for ( ; n >= 8; n -= 8 )
            *dw++ = *sw++;
        d = (char *)dw;
        s = (const char *)sw;
    }
    while ( n-- )
        *d++ = *s++;
    return dst;
}

NO_LOOP_CALLS void *memmove(void *dst, const void *src, size_t n)
{
    char *d = dst;
    const char *s = src;

    if ( d <= s || d >= s + n )
        return memcpy(dst, src, n);
    while ( n-- )
        d[n] = s[n];
    return dst;
}

NO_LOOP_CALLS void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;

    if ( !((unsigned long)p & 7) )
    {
        uint64_t v = 0x0101010101010101UL * (unsigned char)c;
        uint64_t *w = (uint64_t *)p;

        for ( ; n >= 32; n -= 32, w += 4 )
        {
            w[0] = v;
            w[1] = v;
            w[2] = v;
            w[3] = v;
        }
        for ( ; n >= 8; n -= 8 )
            *w++ = v;
        p = (unsigned char *)w;
    }
    while ( n-- )
        *p++ = (unsigned char)c;
    return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    for ( ; n; n--, x++, y++ )
        if ( *x != *y )
            return *x - *y;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for ( ; n; n--, p++ )
        if ( *p == (unsigned char)c )
            return (void *)p;
    return NULL;
}

size_t strlen(const char *s)
{
    const char *p = s;

    while ( *p )
        p++;
    return p - s;
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while ( n < max && s[n] )
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while ( *a && *a == *b )
    {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for ( ; n; n--, a++, b++ )
    {
        if ( *a != *b )
            return (unsigned char)*a - (unsigned char)*b;
        if ( !*a )
            break;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for ( ; ; s++ )
    {
        if ( *s == (char)c )
            return (char *)s;
        if ( !*s )
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    const char *last = NULL;

    for ( ; ; s++ )
    {
        if ( *s == (char)c )
            last = s;
        if ( !*s )
            return (char *)last;
    }
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);

    if ( size )
    {
        size_t n = len >= size ? size - 1 : len;

        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

size_t strlcat(char *dst, const char *src, size_t size)
{
    size_t dlen = strnlen(dst, size);

    if ( dlen == size )
        return dlen + strlen(src);
    return dlen + strlcpy(dst + dlen, src, size - dlen);
}

static int digit_value(char c)
{
    if ( c >= '0' && c <= '9' )
        return c - '0';
    if ( c >= 'a' && c <= 'z' )
        return c - 'a' + 10;
    if ( c >= 'A' && c <= 'Z' )
        return c - 'A' + 10;
    return 99;
}

/*
 * Base 0 accepts 0x (hex), leading 0 (octal) or decimal.  Saturates at
 * ULLONG_MAX on overflow, so callers that check ranges reject it.
 */
unsigned long long simple_strtoull(const char *s, const char **end,
                                   unsigned int base)
{
    unsigned long long v = 0;
    int d;

    if ( !base )
    {
        base = 10;
        if ( s[0] == '0' )
        {
            base = 8;
            if ( (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16 )
            {
                base = 16;
                s += 2;
            }
        }
    }
    else if ( base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
              digit_value(s[2]) < 16 )
        s += 2;

    while ( (d = digit_value(*s)) < (int)base )
    {
        if ( v > (~0ULL - d) / base )
            v = ~0ULL;
        else
            v = v * base + d;
        s++;
    }
    if ( end )
        *end = s;
    return v;
}

unsigned long simple_strtoul(const char *s, const char **end,
                             unsigned int base)
{
    return simple_strtoull(s, end, base);
}

long simple_strtol(const char *s, const char **end, unsigned int base)
{
    if ( *s == '-' )
        return -(long)simple_strtoull(s + 1, end, base);
    return simple_strtoull(s, end, base);
}
