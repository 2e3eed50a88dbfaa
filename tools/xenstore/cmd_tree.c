/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore-ls, xenstore-chmod and xenstore-watch: the commands that walk
 * a subtree or wait for events.
 */
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define TAG          " = \"...\""
#define TAG_LEN      ((int)strlen(TAG))
#define PERMS_COLUMN 60

static void print_perms(struct xs_handle *h, const char *path, const char *name)
{
    struct xs_permissions *p;
    unsigned int n, i;
    char buf[16];

    p = xs_get_permissions(h, XBT_NULL, path, &n);
    if ( !p )
    {
        warn("\ncould not access permissions for %s", name);
        return;
    }
    fputs("  (", stdout);
    for ( i = 0; i < n; i++ )
    {
        if ( i )
            putchar(',');
        if ( xs_perm_to_string(&p[i], buf, sizeof(buf)) )
            fputs(buf, stdout);
    }
    putchar(')');
    free(p);
}

/*
 * One line per node: indented name (or full path with -f) and quoted
 * value, cut to the terminal width; "-p" adds the permissions.
 */
void do_ls(struct xs_handle *h, const char *path, int depth,
           const struct cli_opts *o, int max_width)
{
    unsigned int num, i, len;
    char **e = xs_directory(h, XBT_NULL, path, &num), *full, *val, *s;
    int w;

    if ( !e )
        err(1, "xs_directory (%s)", path);
    for ( i = 0; i < num; i++ )
    {
        if ( asprintf(&full, "%s%s%s", path,
                      path[strlen(path) - 1] == '/' ? "" : "/", e[i]) < 0 )
            err(1, "asprintf");
        w = 0;
        if ( o->flat )
            w = printf("%s", full);
        else
            w = printf("%*s%.*s", depth, "",
                       max_width - TAG_LEN - depth > 0
                           ? max_width - TAG_LEN - depth
                           : 0,
                       e[i]);
        val = xs_read(h, XBT_NULL, full, &len);
        s = val ? xs_sanitise_value(val, len) : NULL;
        if ( !s )
            printf(":\n");
        else if ( !o->flat && max_width < w + (int)len + TAG_LEN )
            printf(" = \"%.*s\\...\"",
                   max_width - TAG_LEN - w > 0 ? max_width - TAG_LEN - w : 0,
                   s);
        else
        {
            w += printf(" = \"%s\"", s);
            if ( o->prefix && !o->flat )
                for ( putchar(' '), w++; w < PERMS_COLUMN && w < max_width;
                      w++ )
                    putchar((w & 1) ? '.' : ' ');
        }
        if ( s && o->prefix )
            print_perms(h, full, e[i]);
        if ( s )
            putchar('\n');
        free(s);
        free(val);
        do_ls(h, full, depth + 1, o, max_width);
        free(full);
    }
    free(e);
}

static int parse_mode(const char *m, struct xs_permissions *p)
{
    int perms = xs_perm_letter(m[0]);

    if ( perms < 0 )
        errx(1, "Invalid permission specification: '%c'", m[0]);
    p->perms = perms;
    p->id = atoi(m + 1);
    return 0;
}

static void chmod_one(struct xs_handle *h, xs_transaction_t t, char *path,
                      struct xs_permissions *p, int n, bool upto, bool recurse)
{
    unsigned int num, i;
    char **kids, *sep, *child;

    if ( !path[0] )
        return;
    if ( !xs_set_permissions(h, t, path, p, n) )
        err(1, "Error occurred setting permissions on '%s'", path);
    if ( upto && (sep = strrchr(path, '/')) )
    {
        /* The same permissions on every parent up to the root. */
        *sep = '\0';
        chmod_one(h, t, path, p, n, true, false);
        *sep = '/';
    }
    if ( !recurse || !(kids = xs_directory(h, t, path, &num)) )
        return;
    for ( i = 0; i < num; i++ )
    {
        if ( asprintf(&child, "%s/%s", strcmp(path, "/") ? path : "", kids[i]) <
             0 )
            err(1, "asprintf");
        chmod_one(h, t, child, p, n, false, true);
        free(child);
    }
    free(kids);
}

int do_chmod(struct xs_handle *h, xs_transaction_t t, char *path, char **modes,
             int nmodes, const struct cli_opts *o)
{
    struct xs_permissions *p = calloc(nmodes, sizeof(*p));
    int i;

    if ( !p )
        err(1, "calloc");
    for ( i = 0; i < nmodes; i++ )
        parse_mode(modes[i], &p[i]);
    chmod_one(h, t, path, p, nmodes, o->upto, o->recurse);
    free(p);
    return 0;
}

int do_watch(struct xs_handle *h, char **paths, int n, int max_events)
{
    char **vec;
    int i, count;

    for ( i = 0; i < n; i++ )
        if ( !xs_watch(h, paths[i], paths[i]) )
            errx(1, "Unable to add watch on %s\n", paths[i]);
    for ( count = 0; max_events == -1 || count < max_events; count++ )
    {
        vec = xs_read_watch(h, NULL);
        if ( !vec )
            err(1, "xs_read_watch");
        printf("%s\n", vec[XS_WATCH_PATH]);
        fflush(stdout);
        free(vec);
    }
    return 0;
}
