/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstored: options, start-up (socket, fork, pid file) and the poll
 * loop that moves bytes for every connection.
 */
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xenstored.h"
#include "daemon.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
    stop = sig;
}

static void usage(FILE *f)
{
    fprintf(
        f,
        "Usage: xenstored [OPTION]...\n"
        "\n"
        "  -D, --no-domain-init    do not serve dom0's kernel (its ring),\n"
        "  -N, --no-fork           stay in the foreground,\n"
        "  -P, --output-pid        print the daemon's pid on stdout,\n"
        "  -F, --pid-file <file>   write the daemon's pid to <file>,\n"
        "  -T, --trace-file <file> log every request and reply to <file>,\n"
        "  -s, --socket <path>     listen on <path> (default " XENSTORED_SOCKET
        "),\n"
        "  -E, --entry-nb <nb>     nodes one domain may own (default 1000),\n"
        "  -S, --entry-size <size> value bytes of one node (default 2048),\n"
        "  -W, --watch-nb <nb>     watches of one connection (default 128),\n"
        "  -t, --transaction <nb>  open transactions per connection (10),\n"
        "  -A, --perm-nb <nb>      permission entries per node (5),\n"
        "  -H, -h, --help          print this message.\n"
        "Quotas apply to unprivileged connections only.\n");
}

static const struct option options[] = {
    { "no-domain-init", no_argument, NULL, 'D' },
    { "no-fork", no_argument, NULL, 'N' },
    { "output-pid", no_argument, NULL, 'P' },
    { "pid-file", required_argument, NULL, 'F' },
    { "trace-file", required_argument, NULL, 'T' },
    { "socket", required_argument, NULL, 's' },
    { "entry-nb", required_argument, NULL, 'E' },
    { "entry-size", required_argument, NULL, 'S' },
    { "watch-nb", required_argument, NULL, 'W' },
    { "transaction", required_argument, NULL, 't' },
    { "perm-nb", required_argument, NULL, 'A' },
    { "help", no_argument, NULL, 'H' },
    { NULL, 0, NULL, 0 },
};

static unsigned int number(const char *opt, const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);

    if ( !*s || *end || v < 1 || v > 0x7fffffff )
    {
        fprintf(stderr, "xenstored: bad value for %s: %s\n", opt, s);
        exit(2);
    }
    return (unsigned int)v;
}

static void daemonize(void)
{
    pid_t pid = fork();

    if ( pid < 0 )
    {
        perror("xenstored: fork");
        exit(1);
    }
    if ( pid > 0 )
        _exit(0);
    setsid();
    pid = fork();
    if ( pid < 0 )
        exit(1);
    if ( pid > 0 )
        _exit(0);
    if ( chdir("/") )
        exit(1);
}

static void quiet_stdio(void)
{
    if ( !freopen("/dev/null", "r", stdin) ||
         !freopen("/dev/null", "w", stdout) ||
         !freopen("/dev/null", "w", stderr) )
        exit(1);
}

static void write_pid_file(const char *file)
{
    FILE *f = fopen(file, "w");

    if ( !f || fprintf(f, "%ld\n", (long)getpid()) < 0 || fclose(f) )
    {
        fprintf(stderr, "xenstored: cannot write %s\n", file);
        exit(1);
    }
}

/*
 * One pass: poll the listener, every connection and the event channels
 * of the rings, move their bytes.
 */
static void serve(int lfd)
{
    struct pollfd *fds = NULL;
    struct conn **conns = NULL, *c;
    unsigned int n, i, cap = 0;

    while ( !stop )
    {
        for ( n = 0, c = connections; c; c = c->next )
            n++;
        if ( n + 2 > cap )
        {
            cap = (n + 2) * 2;
            fds = realloc(fds, cap * sizeof(*fds));
            conns = realloc(conns, cap * sizeof(*conns));
            if ( !fds || !conns )
                exit(1);
        }
        fds[0] = (struct pollfd){ .fd = lfd, .events = POLLIN };
        for ( i = 1, c = connections; c; c = c->next, i++ )
        {
            conns[i] = c;
            fds[i] = (struct pollfd){ .fd = c->fd, .events = POLLIN };
            if ( conn_wants_write(c) )
                fds[i].events |= POLLOUT;
        }
        /* A ring has no fd of its own: its event channel wakes us. */
        fds[n + 1] = (struct pollfd){ .fd = evtchn_fd(), .events = POLLIN };
        if ( poll(fds, n + 2, -1) < 0 )
            continue; /* EINTR: look at stop */
        if ( fds[0].revents & POLLIN )
            socket_accept(lfd);
        /* Input first: a request may queue output for other clients. */
        for ( i = 1; i <= n; i++ )
            if ( fds[i].revents && conn_input(conns[i]) < 0 )
            {
                conn_free(conns[i]);
                conns[i] = NULL;
            }
        if ( fds[n + 1].revents & POLLIN )
            ring_events();
        for ( c = connections; c; )
        {
            struct conn *next = c->next;

            if ( conn_flush(c) < 0 )
                conn_free(c);
            c = next;
        }
    }
    free(fds);
    free(conns);
}

int main(int argc, char **argv)
{
    const char *sock = XENSTORED_SOCKET, *pidfile = NULL, *tracefile = NULL;
    bool dofork = true, outputpid = false, domain_init = true;
    int opt, lfd;

    while ( (opt = getopt_long(argc, argv, "DNPF:T:s:E:S:W:t:A:Hh", options,
                               NULL)) != -1 )
    {
        switch ( opt )
        {
        case 'D':
            domain_init = false;
            break;
        case 'N':
            dofork = false;
            break;
        case 'P':
            outputpid = true;
            break;
        case 'F':
            pidfile = optarg;
            break;
        case 'T':
            tracefile = optarg;
            break;
        case 's':
            sock = optarg;
            break;
        case 'E':
            quota.nodes = number("--entry-nb", optarg);
            break;
        case 'S':
            quota.node_size = number("--entry-size", optarg);
            break;
        case 'W':
            quota.watches = number("--watch-nb", optarg);
            break;
        case 't':
            quota.transactions = number("--transaction", optarg);
            break;
        case 'A':
            quota.perms = number("--perm-nb", optarg);
            break;
        case 'H':
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if ( optind != argc )
    {
        fprintf(stderr, "xenstored: no arguments expected\n");
        return 2;
    }
    if ( tracefile && trace_open(tracefile) )
    {
        fprintf(stderr, "xenstored: cannot open %s\n", tracefile);
        return 1;
    }
    db_init();
    lfd = socket_listen(sock);
    if ( lfd < 0 )
        return 1;
    if ( domain_init && !dom0_available() )
        fprintf(
            stderr,
            "xenstored: no /proc/xen/xsd_kva and xsd_port (not dom0, or xenfs not mounted): serving the socket only\n");
    else if ( domain_init && dom0_connect() )
    {
        fprintf(
            stderr,
            "xenstored: cannot serve dom0's kernel (-D serves the socket only)\n");
        close(lfd);
        unlink(sock);
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    if ( dofork )
        daemonize();
    if ( pidfile )
        write_pid_file(pidfile);
    if ( outputpid )
    {
        printf("%ld\n", (long)getpid());
        fflush(stdout);
    }
    if ( dofork )
        quiet_stdio();
    serve(lfd);
    while ( connections )
        conn_free(connections);
    evtchn_close();
    close(lfd);
    unlink(sock);
    db_destroy();
    return 0;
}
