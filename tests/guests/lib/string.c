/* SPDX-License-Identifier: GPL-2.0-only */
/* The few string functions a freestanding guest needs (gcc may call them). */
#include "guest.h"

void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;

    while ( n-- )
        *p++ = (unsigned char)c;
    return s;
}

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;

    while ( n-- )
        *dp++ = *sp++;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *ap = a, *bp = b;

    for ( ; n; n--, ap++, bp++ )
        if ( *ap != *bp )
            return *ap - *bp;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;

    while ( s[n] )
        n++;
    return n;
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

int strcmp(const char *a, const char *b)
{
    return strncmp(a, b, (size_t)-1);
}

uint64_t rand64(uint64_t *state)
{
    uint64_t x = *state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545f4914f6cdd1dULL;
}

bool memchr_nul(const void *s, size_t n)
{
    const char *p = s;

    while ( n-- )
        if ( !*p++ )
            return true;
    return false;
}

const char *strstr(const char *h, const char *n)
{
    size_t len = strlen(n);

    for ( ; *h; h++ )
        if ( !strncmp(h, n, len) )
            return h;
    return NULL;
}
