/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstore string helpers: permission strings ("b0", "r5") and the
 * escaping the CLI uses to show values.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs.h"

int xs_perm_letter(char c)
{
    switch ( c )
    {
    case 'n':
        return XS_PERM_NONE;
    case 'r':
        return XS_PERM_READ;
    case 'w':
        return XS_PERM_WRITE;
    case 'b':
        return XS_PERM_READ | XS_PERM_WRITE;
    default:
        return -1;
    }
}

static bool perm_from_string(struct xs_permissions *p, const char *s)
{
    unsigned long id = 0;
    const char *d;
    int perms = xs_perm_letter(s[0]);

    if ( perms < 0 )
        return false;
    p->perms = perms;
    if ( !s[1] || strlen(s) > 6 )
        return false;
    for ( d = s + 1; *d; d++ )
    {
        if ( *d < '0' || *d > '9' )
            return false;
        id = id * 10 + (unsigned long)(*d - '0');
    }
    p->id = (unsigned int)id;
    return true;
}

bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
                         const char *strings)
{
    unsigned int i;

    for ( i = 0; i < num; i++, strings += strlen(strings) + 1 )
        if ( !perm_from_string(&perms[i], strings) )
        {
            errno = EINVAL;
            return false;
        }
    return true;
}

bool xs_perm_to_string(const struct xs_permissions *perm, char *buf,
                       unsigned int len)
{
    static const char letter[] = { 'n', 'r', 'w', 'b' };
    int n;

    if ( perm->perms > (XS_PERM_READ | XS_PERM_WRITE) )
    {
        errno = EINVAL;
        return false;
    }
    n = snprintf(buf, len, "%c%u", letter[perm->perms], perm->id);
    if ( n < 0 || (unsigned int)n >= len )
    {
        errno = E2BIG;
        return false;
    }
    return true;
}

char *xs_sanitise_value(const char *val, unsigned int len)
{
    char *out = malloc(4 * (size_t)len + 1), *o = out;
    unsigned int i;

    if ( !out )
        return NULL;
    for ( i = 0; i < len; i++ )
    {
        unsigned char c = val[i];

        if ( c == '\\' )
        {
            *o++ = '\\';
            *o++ = '\\';
        }
        else if ( c < ' ' || c > '~' )
            o += sprintf(o, "\\%03o", c);
        else
            *o++ = c;
    }
    *o = '\0';
    return out;
}

char *xs_unsanitise_value(const char *s, unsigned int *len)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    unsigned int v, n;

    if ( !out )
        return NULL;
    while ( *s )
    {
        if ( *s != '\\' || !s[1] )
        {
            *o++ = *s++;
            continue;
        }
        s++;
        for ( v = 0, n = 0; n < 3 && *s >= '0' && *s <= '7'; n++ )
            v = v * 8 + (unsigned int)(*s++ - '0');
        *o++ = n ? (char)v : *s++;
    }
    *o = '\0';
    *len = o - out;
    return out;
}
