/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Boot option parsing: splits the command line into name[=value] words
 * and applies each one to the matching entry of a kernel_param table.
 */

#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/string.h>

char saved_cmdline[1024];

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool word_is(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && !memcmp(s, word, n);
}

int parse_bool(const char *s, const char *e)
{
    static const char *const yes[] = {"1", "yes", "true", "on", "enable"};
    static const char *const no[] = {"0", "no", "false", "off", "disable"};
    size_t n = e ? (size_t)(e - s) : strlen(s);
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(yes); i++ )
        if ( word_is(s, n, yes[i]) )
            return 1;
    for ( i = 0; i < ARRAY_SIZE(no); i++ )
        if ( word_is(s, n, no[i]) )
            return 0;

    return -1;
}

/*
 * Unsigned number, decimal or 0x-prefixed hex, with overflow detection.
 * *ps is left after the last digit; no digits at all is -EINVAL.
 */
static int parse_number(const char *s, const char **ps, uint64_t *out)
{
    unsigned int base = 10, digits = 0;
    uint64_t v = 0;

    if ( s[0] == '0' && (s[1] == 'x' || s[1] == 'X') )
    {
        base = 16;
        s += 2;
    }

    for ( ;; s++, digits++ )
    {
        unsigned int d;

        if ( *s >= '0' && *s <= '9' )
            d = *s - '0';
        else if ( base == 16 && *s >= 'a' && *s <= 'f' )
            d = *s - 'a' + 10;
        else if ( base == 16 && *s >= 'A' && *s <= 'F' )
            d = *s - 'A' + 10;
        else
            break;

        if ( v > (UINT64_MAX - d) / base )
            return -ERANGE;
        v = v * base + d;
    }

    *ps = s;
    *out = v;

    return digits ? 0 : -EINVAL;
}

/* Number with a B/K/M/G/T suffix (none means KiB); 0 or -E*. */
static int parse_size(const char *s, const char **ps, uint64_t *out)
{
    /* Units by lower-case letter; the index times 10 is the shift. */
    static const char units[] = "bkmgt";
    unsigned int shift = 10;
    const char *u;
    uint64_t v;
    int rc = parse_number(s, ps, &v);

    if ( rc )
        return rc;

    u = **ps ? strchr(units, **ps | 0x20) : NULL;
    if ( u )
    {
        shift = 10 * (u - units);
        (*ps)++;
    }

    if ( v > (UINT64_MAX >> shift) )
        return -ERANGE;
    *out = v << shift;

    return 0;
}

/* On a malformed or overflowing number nothing is used: *ps == s. */
uint64_t parse_size_and_unit(const char *s, const char **ps)
{
    const char *end;
    uint64_t v;

    if ( parse_size(s, &end, &v) )
    {
        if ( ps )
            *ps = s;
        return 0;
    }
    if ( ps )
        *ps = end;

    return v;
}

/* Store v into an unsigned variable of len bytes if it fits. */
static int assign_uint(const struct kernel_param *p, uint64_t v)
{
    switch ( p->len )
    {
    case 1:
        if ( v > UINT8_MAX )
            return -ERANGE;
        *(uint8_t *)p->par.var = v;
        return 0;
    case 2:
        if ( v > UINT16_MAX )
            return -ERANGE;
        *(uint16_t *)p->par.var = v;
        return 0;
    case 4:
        if ( v > UINT32_MAX )
            return -ERANGE;
        *(uint32_t *)p->par.var = v;
        return 0;
    case 8:
        *(uint64_t *)p->par.var = v;
        return 0;
    }

    return -EINVAL;
}

/* Apply one option; 0 or -E* (the variable is untouched on error). */
static int apply_param(const struct kernel_param *p, bool negated,
                       const char *val, bool has_val)
{
    const char *end;
    uint64_t v;
    size_t n;
    int rc;

    switch ( p->type )
    {
    case OPT_BOOL:
        if ( negated && has_val )
            return -EINVAL;
        rc = has_val ? parse_bool(val, NULL) : !negated;
        if ( rc < 0 )
            return -EINVAL;
        if ( p->len != sizeof(bool) )
            return -EINVAL;
        *(bool *)p->par.var = rc;
        return 0;

    case OPT_UINT:
        rc = parse_number(val, &end, &v);
        if ( !rc && *end )
            rc = -EINVAL;
        return rc ?: assign_uint(p, v);

    case OPT_SIZE:
        rc = parse_size(val, &end, &v);
        if ( !rc && *end )
            rc = -EINVAL;
        return rc ?: assign_uint(p, v);

    case OPT_STR:
        n = strlen(val);
        if ( n + 1 > p->len )
            return -E2BIG;
        memcpy(p->par.var, val, n + 1);
        return 0;

    case OPT_CUSTOM:
        return p->par.func(val);
    }

    return -EINVAL;
}

static const struct kernel_param *find_param(const char *name,
                                             const struct kernel_param *start,
                                             const struct kernel_param *end)
{
    const struct kernel_param *p;

    for ( p = start; p < end; p++ )
        if ( !strcmp(p->name, name) )
            return p;

    return NULL;
}

int parse_params(const char *cmdline, const struct kernel_param *start,
                 const struct kernel_param *end)
{
    char name[MAX_PARAM_NAME + 1], val[MAX_PARAM_VALUE + 1];
    const char *s = cmdline;
    int rejected = 0;

    if ( !s )
        return 0;

    for ( ;; )
    {
        const char *w, *eq, *we;
        const struct kernel_param *p;
        size_t nlen, vlen, ncut, vcut;
        bool negated = false;
        int rc;

        while ( is_space(*s) )
            s++;
        if ( !*s )
            break;

        w = s;
        while ( *s && !is_space(*s) )
            s++;
        we = s;
        for ( eq = w; eq < we && *eq != '='; eq++ )
            ;

        nlen = eq - w;
        vlen = eq < we ? (size_t)(we - eq - 1) : 0;

        /* Over-long words are cut for the log line, then rejected. */
        ncut = min_t(size_t, nlen, MAX_PARAM_NAME);
        memcpy(name, w, ncut);
        name[ncut] = '\0';
        vcut = min_t(size_t, vlen, MAX_PARAM_VALUE);
        memcpy(val, eq < we ? eq + 1 : eq, vcut);
        val[vcut] = '\0';

        if ( nlen > MAX_PARAM_NAME || vlen > MAX_PARAM_VALUE )
        {
            printk(XENLOG_ERR
                   "parameter \"%s\" has invalid value \"%s\", rc=%d!\n",
                   name, val, nlen > MAX_PARAM_NAME ? -ENAMETOOLONG : -E2BIG);
            rejected++;
            continue;
        }

        p = find_param(name, start, end);
        if ( !p && !strncmp(name, "no-", 3) )
        {
            p = find_param(name + 3, start, end);
            if ( p && p->type == OPT_BOOL )
                negated = true;
            else
                p = NULL;
        }

        if ( !p )
        {
            printk(XENLOG_WARNING "parameter \"%s\" unknown!\n", name);
            rejected++;
            continue;
        }

        rc = apply_param(p, negated, val, eq < we);
        if ( rc )
        {
            printk(XENLOG_ERR
                   "parameter \"%s\" has invalid value \"%s\", rc=%d!\n",
                   name, val, rc);
            rejected++;
        }
    }

    return rejected;
}

void cmdline_parse(const char *cmdline)
{
    size_t n;

    if ( !cmdline )
        return;

    n = strnlen(cmdline, sizeof(saved_cmdline) - 1);
    memcpy(saved_cmdline, cmdline, n);
    saved_cmdline[n] = '\0';
    if ( cmdline[n] )
        printk(XENLOG_WARNING "saved command line cut to %u bytes\n",
               (unsigned int)sizeof(saved_cmdline) - 1);

    parse_params(cmdline, __param_start, __param_end);
}
