/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore: one binary for xenstore-read, -write, -ls, -list, -rm,
 * -exists, -chmod and -watch, chosen by the name it runs under or by
 * its first argument ("xenstore read ..."), with the options and exit
 * statuses of Xen's tools.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

static char *out_buf;
static size_t out_len, out_cap;

void output(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if ( n < 0 )
        err(1, "output");
    if ( out_len + n + 1 > out_cap )
    {
        out_cap = out_len + n + 1024;
        out_buf = realloc(out_buf, out_cap);
        if ( !out_buf )
            err(1, "malloc");
    }
    va_start(ap, fmt);
    vsnprintf(out_buf + out_len, n + 1, fmt, ap);
    va_end(ap);
    out_len += n;
}

static const struct {
    const char *name;
    enum mode mode;
    const char *usage;
} modes[] = {
    { "read", MODE_read, "[-h] [-p] [-s] [-R] key [...]" },
    { "write", MODE_write, "[-h] [-s] [-R] key value [...]" },
    { "rm", MODE_rm, "[-h] [-s] [-t] key [...]" },
    { "exists", MODE_exists, "[-h] [-p] [-s] key [...]" },
    { "list", MODE_list, "[-h] [-p] [-s] key [...]" },
    { "ls", MODE_ls, "[-h] [-f] [-p] [-s] [path]" },
    { "chmod", MODE_chmod, "[-h] [-u] [-r] [-s] key <mode [modes...]>" },
    { "watch", MODE_watch, "[-h] [-n NR] key" },
};
#define NMODES (sizeof(modes) / sizeof(modes[0]))

static const char *progname;
static int mode_idx = -1;
static bool via_subcommand;

static void __attribute__((noreturn)) usage(void)
{
    if ( mode_idx < 0 )
        errx(1, "Usage: %s <mode> [-h] [...]", progname);
    errx(1, "Usage: %s %s%s%s", progname,
         via_subcommand ? modes[mode_idx].name : "", via_subcommand ? " " : "",
         modes[mode_idx].usage);
}

static int one_key(struct xs_handle *h, xs_transaction_t t, enum mode m,
                   char **argv, const struct cli_opts *o)
{
    unsigned int len, num, i;
    char *val, *s, **list;

    switch ( m )
    {
    case MODE_read:
        val = xs_read(h, t, argv[0], &len);
        if ( !val )
        {
            warnx("couldn't read path %s", argv[0]);
            return 1;
        }
        s = o->raw ? NULL : xs_sanitise_value(val, len);
        if ( o->prefix )
            output("%s: ", argv[0]);
        output("%s\n", s ? s : val);
        free(s);
        free(val);
        return 0;
    case MODE_write:
        val = o->raw ? strdup(argv[1]) : xs_unsanitise_value(argv[1], &len);
        if ( !val )
            err(1, "malloc");
        if ( o->raw )
            len = strlen(val);
        i = xs_write(h, t, argv[0], val, len);
        free(val);
        if ( !i )
        {
            warnx("could not write path %s", argv[0]);
            return 1;
        }
        return 0;
    case MODE_exists:
        val = xs_read(h, t, argv[0], NULL);
        free(val);
        return val ? 0 : 1;
    case MODE_list:
        list = xs_directory(h, t, argv[0], &num);
        if ( !list )
        {
            warnx("could not list path %s", argv[0]);
            return 1;
        }
        for ( i = 0; i < num; i++ )
            output("%s%s%s\n", o->prefix ? argv[0] : "", o->prefix ? "/" : "",
                   list[i]);
        free(list);
        return 0;
    default:
        return 1;
    }
}

/* rm -t also removes parents left empty and without a value. */
static int do_rm(struct xs_handle *h, xs_transaction_t t, const char *key,
                 bool tidy)
{
    char *p = strdup(key), *slash, *val, **kids;
    unsigned int len, num;
    int ret = 0;

    if ( !p )
        err(1, "malloc");
    for ( ;; )
    {
        if ( !xs_rm(h, t, p) )
        {
            warnx("could not remove path %s", p);
            ret = 1;
            break;
        }
        if ( !tidy || !(slash = strrchr(p, '/')) || slash == p )
            break;
        *slash = '\0';
        val = xs_read(h, t, p, &len);
        kids = val && !len ? xs_directory(h, t, p, &num) : NULL;
        free(val);
        free(kids);
        if ( !kids || num )
            break;
    }
    free(p);
    return ret;
}

static int perform(struct xs_handle *h, xs_transaction_t t, enum mode m,
                   int argc, char **argv, const struct cli_opts *o)
{
    int i, step = m == MODE_write ? 2 : 1;

    if ( m == MODE_chmod )
        return do_chmod(h, t, argv[0], argv + 1, argc - 1, o);
    for ( i = 0; i < argc; i += step )
    {
        if ( m == MODE_rm ? do_rm(h, t, argv[i], o->tidy)
                          : one_key(h, t, m, argv + i, o) )
            return 1;
    }
    return 0;
}

static enum mode parse_options(int *argc, char ***argv, struct cli_opts *o)
{
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "flat", no_argument, NULL, 'f' },
        { "socket", no_argument, NULL, 's' },
        { "prefix", no_argument, NULL, 'p' },
        { "tidy", no_argument, NULL, 't' },
        { "upto", no_argument, NULL, 'u' },
        { "recurse", no_argument, NULL, 'r' },
        { "raw", no_argument, NULL, 'R' },
        { "number", required_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    enum mode m = modes[mode_idx].mode;
    int c;

    while ( (c = getopt_long(*argc, *argv, "+hfsputrRn:", longopts, NULL)) !=
            -1 )
    {
        if ( (c == 'f' && m != MODE_ls) ||
             (c == 'p' && m != MODE_read && m != MODE_list && m != MODE_ls) ||
             (c == 't' && m != MODE_rm) ||
             ((c == 'u' || c == 'r') && m != MODE_chmod) ||
             (c == 'R' && m != MODE_read && m != MODE_write) ||
             (c == 'n' && m != MODE_watch) || c == 'h' || c == '?' )
            usage();
        o->flat |= c == 'f';
        o->prefix |= c == 'p';
        o->tidy |= c == 't';
        o->upto |= c == 'u';
        o->recurse |= c == 'r';
        o->raw |= c == 'R';
        if ( c == 'n' )
            o->nr_watches = atoi(optarg);
    }
    *argc -= optind;
    *argv += optind;
    return m;
}

int main(int argc, char **argv)
{
    struct cli_opts o = { .nr_watches = -1 };
    const char *cmd;
    struct xs_handle *h;
    xs_transaction_t t = XBT_NULL;
    struct winsize ws;
    int ret, max_width = 80;
    bool tx;
    enum mode m;
    size_t i;

    cmd = strrchr(argv[0], '/');
    progname = cmd ? cmd + 1 : argv[0];
    if ( !strncmp(progname, "xenstore-", 9) )
        cmd = progname + 9;
    else if ( argc < 2 )
        usage();
    else
    {
        cmd = argv[1];
        via_subcommand = true;
        argc--;
        argv++;
    }
    for ( i = 0; i < NMODES; i++ )
        if ( !strcmp(cmd, modes[i].name) )
            mode_idx = i;
    if ( mode_idx < 0 )
        errx(1, "unknown mode %s\n", cmd);
    m = parse_options(&argc, &argv, &o);
    if ( (m != MODE_ls && argc == 0) || (m == MODE_write && argc % 2) ||
         (m == MODE_chmod && argc < 2) )
        usage();

    /* Like Xen's ls: 80 columns unless the terminal says otherwise. */
    if ( m == MODE_ls && !o.flat && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) )
        max_width = ws.ws_col - 2;
    h = xs_open(0);
    if ( !h )
        err(1, "xs_open");
    if ( m == MODE_ls )
    {
        do_ls(h, argc ? argv[0] : "/", 0, &o, o.flat ? INT_MAX / 2 : max_width);
        xs_close(h);
        return 0;
    }
    if ( m == MODE_watch )
        return do_watch(h, argv, argc, o.nr_watches);
    tx = m == MODE_read ? argc > 1 : m == MODE_write ? argc > 2 : true;
    for ( ;; )
    {
        if ( tx && (t = xs_transaction_start(h)) == XBT_NULL )
            errx(1, "couldn't start transaction");
        ret = perform(h, t, m, argc, argv, &o);
        if ( !tx || xs_transaction_end(h, t, ret != 0) )
            break;
        if ( ret || errno != EAGAIN )
            errx(1, "couldn't end transaction");
        out_len = 0; /* somebody else changed the store: again */
    }
    if ( out_len )
        fwrite(out_buf, 1, out_len, stdout);
    xs_close(h);
    return ret;
}
