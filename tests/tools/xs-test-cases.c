/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cases of xs-test, in the order they run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xs-test.h"

static void malformed(void)
{
    struct cn *c = conn_open();
    static char big[XENSTORE_ABS_PATH_MAX + 2];
    bool ok;

    result("initial-tree",
           req(c, XS_DIRECTORY, 0, P("/\0")) == XS_DIRECTORY &&
               !strcmp(rb, "tool") && rh.len == 5 &&
               req(c, XS_DIRECTORY, 0, P("/tool\0")) == XS_DIRECTORY &&
               !strcmp(rb, "xenstored"),
           "/ is not {tool}, /tool not {xenstored}");
    result("read-no-nul", expect(c, "EINVAL", XS_READ, 0, P("/tool")), why);
    result("read-two-strings", expect(c, "EINVAL", XS_READ, 0, P("/tool\0x\0")),
           why);
    result("empty-payload", expect(c, "EINVAL", XS_READ, 0, NULL, 0), why);
    ok = expect(c, "EINVAL", XS_WRITE, 0, P("/a//b\0v")) &&
         expect(c, "EINVAL", XS_WRITE, 0, P("/a/\0v")) &&
         expect(c, "EINVAL", XS_WRITE, 0, P("/a b\0v")) &&
         expect(c, "EINVAL", XS_WRITE, 0, P("/a\001\0v")) &&
         expect(c, "EINVAL", XS_WRITE, 0, P("/a.b\0v")) &&
         expect(c, "EINVAL", XS_MKDIR, 0, P("\0"));
    result("bad-paths", ok, why);
    result("write-no-nul", expect(c, "EINVAL", XS_WRITE, 0, P("/abc")), why);
    big[0] = '/';
    memset(big + 1, 'a', XENSTORE_ABS_PATH_MAX);
    ok = expect(c, "EINVAL", XS_READ, 0, big, XENSTORE_ABS_PATH_MAX + 2);
    big[XENSTORE_ABS_PATH_MAX] = '\0';
    ok = ok && expect(c, "ENOENT", XS_READ, 0, big, XENSTORE_ABS_PATH_MAX + 1);
    memset(big, 'a', XENSTORE_REL_PATH_MAX + 1);
    big[XENSTORE_REL_PATH_MAX + 1] = '\0';
    ok = ok && expect(c, "EINVAL", XS_READ, 0, big, XENSTORE_REL_PATH_MAX + 2);
    result("path-lengths", ok, why);
    ok = expect(c, "EINVAL", XS_SET_PERMS, 0, P("/tool\0x5\0")) &&
         expect(c, "EINVAL", XS_SET_PERMS, 0, P("/tool\0r\0")) &&
         expect(c, "EINVAL", XS_SET_PERMS, 0, P("/tool\0r5x\0")) &&
         expect(c, "EINVAL", XS_SET_PERMS, 0, P("/tool\0r99999\0")) &&
         expect(c, "EINVAL", XS_SET_PERMS, 0, P("/tool\0")) &&
         expect(c, "EINVAL", XS_SET_PERMS, 0, P("/tool\0r1")) &&
         req(c, XS_GET_PERMS, 0, P("/tool\0")) == XS_GET_PERMS &&
         !strcmp(rb, "n0");
    result("bad-perms", ok, ok ? "" : why[0] ? why : "perms changed");
    ok = expect(c, "EINVAL", 99, 0, P("/\0")) &&
         expect(c, "EINVAL", 20, 0, P("/\0")) &&
         expect(c, "EINVAL", XS_ERROR, 0, P("EINVAL\0")) &&
         expect(c, "EINVAL", XS_WATCH_EVENT, 0, P("/\0t\0")) &&
         expect(c, "EINVAL", 0xffff, 0, NULL, 0);
    result("unknown-types", ok, why);
    ok = expect(c, "ENOENT", XS_READ, 12345, P("/tool\0")) &&
         expect(c, "ENOENT", XS_TRANSACTION_END, 0, P("T\0"));
    result("foreign-tx-id", ok, why);
    ok = expect(c, "OK", XS_MKDIR, 0, P("/tool\0")) &&
         expect(c, "OK", XS_RM, 0, P("/tool/nothing\0")) &&
         expect(c, "ENOENT", XS_RM, 0, P("/no/thing\0")) &&
         expect(c, "EINVAL", XS_RM, 0, P("/\0")) &&
         expect(c, "EINVAL", XS_WRITE, 0, P("@introduceDomain\0x")) &&
         expect(c, "EINVAL", XS_READ, 0, P("@bogus\0")) &&
         req(c, XS_GET_PERMS, 0, P("@releaseDomain\0")) == XS_GET_PERMS &&
         !strcmp(rb, "n0");
    result("node-edge-cases", ok, why);
    conn_close(c);

    c = conn_open();
    send_raw(c, XS_READ, 0, NULL, XENSTORE_PAYLOAD_MAX + 1);
    ok = rx(c) && rh.type == XS_ERROR && !strcmp(rb, "E2BIG");
    result("oversized-len", ok && !rx(c),
           ok ? "connection kept open" : "no E2BIG reply");
    conn_close(c);
}

static void transactions(void)
{
    struct cn *a = conn_open(), *b = conn_open();
    unsigned int t1, t2, t3;
    bool ok;

    write_node(a, "/t/x", "1");
    req_str(a, XS_TRANSACTION_START, 0, "");
    t1 = atoi(rb);
    write_node(a, "/t/x", "x"); /* outside: not in t1 */
    ok = req(a, XS_WRITE, t1, P("/t/y\0in-tx")) == XS_WRITE &&
         expect(b, "ENOENT", XS_READ, 0, P("/t/y\0")) &&
         req(a, XS_READ, t1, P("/t/y\0")) == XS_READ && !strcmp(rb, "in-tx") &&
         expect(b, "ENOENT", XS_READ, t1, P("/t/y\0")) &&
         expect(a, "EBUSY", XS_TRANSACTION_START, t1, P("\0")) &&
         expect(a, "EINVAL", XS_TRANSACTION_END, t1, P("X\0")) &&
         expect(a, "OK", XS_TRANSACTION_END, t1, P("T\0")) &&
         req(b, XS_READ, 0, P("/t/y\0")) == XS_READ && !strcmp(rb, "in-tx");
    result("tx-commit", ok, why);

    req_str(a, XS_TRANSACTION_START, 0, "");
    t2 = atoi(rb);
    ok = req(a, XS_RM, t2, P("/t\0")) == XS_RM &&
         expect(a, "ENOENT", XS_READ, t2, P("/t/x\0")) &&
         expect(a, "OK", XS_TRANSACTION_END, t2, P("F\0")) &&
         req(a, XS_READ, 0, P("/t/x\0")) == XS_READ && !strcmp(rb, "x") &&
         expect(a, "ENOENT", XS_READ, t2, P("/t/x\0"));
    result("tx-abort", ok, why);

    /* t1 reads /t/x, b changes it, t1's unrelated write must not land. */
    req_str(a, XS_TRANSACTION_START, 0, "");
    t1 = atoi(rb);
    req(a, XS_READ, t1, P("/t/x\0"));
    write_node(b, "/t/x", "changed");
    req(a, XS_WRITE, t1, P("/t/z\0zz"));
    ok = expect(a, "EAGAIN", XS_TRANSACTION_END, t1, P("T\0")) &&
         expect(b, "ENOENT", XS_READ, 0, P("/t/z\0"));
    result("tx-conflict-read", ok, why);

    /* A new child in a directory the transaction listed is a conflict. */
    req_str(a, XS_TRANSACTION_START, 0, "");
    t2 = atoi(rb);
    req(a, XS_DIRECTORY, t2, P("/t\0"));
    write_node(b, "/t/new", "n");
    req(a, XS_WRITE, t2, P("/u/w\0w"));
    ok = expect(a, "EAGAIN", XS_TRANSACTION_END, t2, P("T\0")) &&
         expect(b, "ENOENT", XS_READ, 0, P("/u\0"));
    result("tx-conflict-directory", ok, why);

    /* Something changed before the transaction looked: still a conflict. */
    req_str(a, XS_TRANSACTION_START, 0, "");
    t3 = atoi(rb);
    write_node(b, "/t/x", "again");
    req(a, XS_READ, t3, P("/t/x\0"));
    req(a, XS_WRITE, t3, P("/t/x2\0v"));
    ok = expect(a, "EAGAIN", XS_TRANSACTION_END, t3, P("T\0"));
    result("tx-snapshot", ok, why);

    /* Two transactions on disjoint nodes both commit. */
    req_str(a, XS_TRANSACTION_START, 0, "");
    t1 = atoi(rb);
    req_str(b, XS_TRANSACTION_START, 0, "");
    t2 = atoi(rb);
    req(a, XS_WRITE, t1, P("/t/x\0A"));
    req(b, XS_WRITE, t2, P("/t/new\0B"));
    ok = expect(a, "OK", XS_TRANSACTION_END, t1, P("T\0")) &&
         expect(b, "OK", XS_TRANSACTION_END, t2, P("T\0"));
    result("tx-disjoint", ok, why);
    ok = expect(b, "ENOENT", XS_READ, t1, P("/t/x\0"));
    result("tx-other-connection", ok, why);
    conn_close(a);
    conn_close(b);
}

static void watches(void)
{
    struct cn *w = conn_open(), *c = conn_open();
    const char *e;
    bool ok;

    write_node(c, "/w/a/b", "1");
    ok = expect(w, "OK", XS_WATCH, 0, P("/w/a\0tok\0")) &&
         (e = event(w, 1000)) && !strcmp(e, "/w/a");
    result("watch-on-register", ok, ok ? "" : "no initial event");
    write_node(c, "/w/a/b/c", "2");
    ok = (e = event(w, 1000)) && !strcmp(e, "/w/a/b/c");
    result("watch-child-write", ok, e ? e : "no event");
    write_node(c, "/w/other", "2");
    ok = !event(w, 200);
    result("watch-unrelated", ok, "event for a path outside the watch");
    req(w, XS_WATCH, 0, P("/w/a/b/c/d\0deep\0"));
    event(w, 1000);
    req(c, XS_RM, 0, P("/w/a/b\0"));
    ok = (e = event(w, 1000)) && !strcmp(e, "/w/a/b") && (e = event(w, 1000)) &&
         !strcmp(e, "/w/a/b/c/d");
    result("watch-rm", ok, e ? e : "missing event");
    ok = expect(w, "EEXIST", XS_WATCH, 0, P("/w/a\0tok\0")) &&
         expect(w, "ENOENT", XS_UNWATCH, 0, P("/w/a\0other\0")) &&
         expect(w, "EINVAL", XS_WATCH, 0, P("/w/a\0")) &&
         expect(w, "EINVAL", XS_WATCH, 0, P("@nonsense\0t\0")) &&
         expect(w, "OK", XS_WATCH, 0, P("@introduceDomain\0i\0")) &&
         expect(w, "OK", XS_UNWATCH, 0, P("/w/a\0tok\0"));
    result("watch-errors", ok, why);
    event(w, 200);
    write_node(c, "/w/a/x", "1");
    ok = !event(w, 200);
    result("unwatch", ok, "event after unwatch");
    ok = expect(w, "OK", XS_RESET_WATCHES, 0, P("\0")) &&
         expect(w, "ENOENT", XS_UNWATCH, 0, P("/w/a/b/c/d\0deep\0"));
    result("reset-watches", ok, why);
    conn_close(w);
    conn_close(c);
}

static void directory_part(void)
{
    struct cn *c = conn_open();
    char path[64];
    unsigned int i, off = 0, names = 0, calls = 0, l;
    char gen[32] = "";
    bool ok = true, done = false;

    for ( i = 0; i < 300; i++ )
    {
        snprintf(path, sizeof(path), "/dp/child-with-a-long-name-%03u", i);
        write_node(c, path, "");
    }
    result("directory-too-big", expect(c, "E2BIG", XS_DIRECTORY, 0, P("/dp\0")),
           why);
    while ( !done && ok && calls++ < 10 )
    {
        char arg[32];

        l = snprintf(arg, sizeof(arg), "/dp%c%u", 0, off) + 1;
        ok = req(c, XS_DIRECTORY_PART, 0, arg, l) == XS_DIRECTORY_PART;
        if ( !ok )
            break;
        if ( gen[0] && strcmp(gen, rb) )
            ok = false;
        snprintf(gen, sizeof(gen), "%s", rb);
        for ( i = strlen(rb) + 1; i < rh.len; i += l + 1 )
        {
            l = strlen(rb + i);
            if ( !l )
            {
                done = true;
                break;
            }
            names++;
            off += l + 1;
        }
    }
    result("directory-part", ok && done && names == 300 && calls > 1,
           "did not get all 300 names in several parts");
    result("directory-part-bad-offset",
           expect(c, "EINVAL", XS_DIRECTORY_PART, 0, P("/dp\0999999\0")) &&
               expect(c, "EINVAL", XS_DIRECTORY_PART, 0, P("/dp\0x\0")),
           why);
    req(c, XS_RM, 0, P("/dp\0"));
    conn_close(c);
}

static void domains(void)
{
    struct cn *c = conn_open();
    bool ok;

    ok = expect(c, "EINVAL", XS_INTRODUCE, 0,
                P("1\0abc\0"
                  "5\0")) &&
         expect(c, "EINVAL", XS_INTRODUCE, 0,
                P("1\0"
                  "4096\0")) &&
         expect(c, "EINVAL", XS_INTRODUCE, 0,
                P("1\0"
                  "4096\0"
                  "0\0")) &&
         expect(c, "EINVAL", XS_INTRODUCE, 0,
                P("32752\0"
                  "4096\0"
                  "1\0")) &&
         expect(c, "ENOSYS", XS_INTRODUCE, 0,
                P("1\0"
                  "4096\0"
                  "1\0"));
    result("introduce", ok, why);
    ok = expect(c, "EINVAL", XS_RELEASE, 0, P("0\0")) &&
         expect(c, "ENOENT", XS_RELEASE, 0, P("7\0")) &&
         expect(c, "ENOENT", XS_RESUME, 0, P("7\0")) &&
         expect(c, "ENOENT", XS_SET_TARGET, 0,
                P("7\0"
                  "8\0")) &&
         expect(c, "EINVAL", XS_SET_TARGET, 0, P("7\0")) &&
         req(c, XS_IS_DOMAIN_INTRODUCED, 0, P("0\0")) ==
             XS_IS_DOMAIN_INTRODUCED &&
         !strcmp(rb, "T") &&
         req(c, XS_IS_DOMAIN_INTRODUCED, 0, P("7\0")) ==
             XS_IS_DOMAIN_INTRODUCED &&
         !strcmp(rb, "F") &&
         expect(c, "EINVAL", XS_IS_DOMAIN_INTRODUCED, 0, P("x\0")) &&
         req(c, XS_GET_DOMAIN_PATH, 0, P("7\0")) == XS_GET_DOMAIN_PATH &&
         !strcmp(rb, "/local/domain/7") &&
         expect(c, "EINVAL", XS_GET_DOMAIN_PATH, 0, P("-1\0"));
    result("domain-requests", ok, why);
    ok = req(c, XS_CONTROL, 0, P("check\0")) == XS_CONTROL &&
         strstr(rb, " 0 errors") &&
         expect(c, "EINVAL", XS_CONTROL, 0, P("no-such-command\0"));
    result("control", ok, ok ? "" : rb);
    conn_close(c);
}

/* A connection that acts for domain 5, with the daemon's small quotas. */
static struct cn *as_dom5(void)
{
    struct cn *c = conn_open();

    req(c, XS_CONTROL, 0,
        P("as-domain\0"
          "5\0"));
    return c;
}

static void permissions(void)
{
    struct cn *d0 = conn_open(), *u = as_dom5();
    bool ok;

    req(d0, XS_MKDIR, 0, P("/local/domain/5\0"));
    req(d0, XS_SET_PERMS, 0, P("/local/domain/5\0n5\0"));
    write_node(d0, "/perm/secret", "s");
    ok = expect(u, "EACCES", XS_READ, 0, P("/perm/secret\0")) &&
         expect(u, "EACCES", XS_DIRECTORY, 0, P("/tool\0")) &&
         expect(u, "EACCES", XS_WRITE, 0, P("/perm/secret\0x")) &&
         expect(u, "EACCES", XS_WRITE, 0, P("/perm/new\0x")) &&
         expect(u, "EACCES", XS_INTRODUCE, 0,
                P("1\0"
                  "1\0"
                  "1\0")) &&
         expect(u, "EACCES", XS_CONTROL, 0, P("check\0"));
    result("perms-denied", ok, why);
    req(d0, XS_SET_PERMS, 0, P("/perm/secret\0n0\0r5\0"));
    ok = req(u, XS_READ, 0, P("/perm/secret\0")) == XS_READ &&
         !strcmp(rb, "s") &&
         expect(u, "EACCES", XS_WRITE, 0, P("/perm/secret\0x"));
    result("perms-read-grant", ok, ok ? "" : why[0] ? why : rb);
    req(d0, XS_SET_PERMS, 0, P("/perm/secret\0r0\0b5\0"));
    ok = expect(u, "OK", XS_WRITE, 0, P("/perm/secret\0mine")) &&
         expect(u, "EPERM", XS_SET_PERMS, 0, P("/perm/secret\0b5\0")) &&
         req(d0, XS_GET_PERMS, 0, P("/perm/secret\0")) == XS_GET_PERMS &&
         !memcmp(rb, "r0\0b5\0", 6);
    result("perms-write-grant", ok, why);
    ok = expect(u, "OK", XS_WRITE, 0, P("data/x\0v")) &&
         req(d0, XS_GET_PERMS, 0, P("/local/domain/5/data/x\0")) ==
             XS_GET_PERMS &&
         !strcmp(rb, "n5") && req(u, XS_READ, 0, P("data/x\0")) == XS_READ &&
         !strcmp(rb, "v");
    result("perms-inherit-relative", ok, ok ? "" : rb);
    /* The default (first entry) applies to domains not listed. */
    req(d0, XS_SET_PERMS, 0, P("/perm/secret\0r0\0"));
    ok = req(u, XS_READ, 0, P("/perm/secret\0")) == XS_READ;
    result("perms-default-entry", ok, "others' default r did not apply");
    conn_close(u);
    conn_close(d0);
}

static void quotas(void)
{
    struct cn *u = as_dom5();
    char big[200], path[64];
    unsigned int i;
    int t = 0;
    bool ok;

    memset(big, 'v', sizeof(big));
    memcpy(big, "q\0", 2);
    ok = expect(u, "OK", XS_WRITE, 0, big, 2 + 100) &&
         expect(u, "ENOSPC", XS_WRITE, 0, big, 2 + 101);
    result("quota-node-size", ok, why);
    for ( i = 0; i < 30; i++ )
    {
        snprintf(path, sizeof(path), "n%u", i);
        t = req_str(u, XS_MKDIR, 0, path);
        if ( t == XS_ERROR )
            break;
    }
    ok = t == XS_ERROR && !strcmp(rb, "ENOSPC") && i < 20;
    result("quota-nodes", ok, "no ENOSPC within 20 nodes");
    for ( i = 0; i < 5; i++ )
    {
        snprintf(path, sizeof(path), "w%u%c", i, 0);
        t = req(u, XS_WATCH, 0, path, strlen(path) + 2);
        if ( t == XS_ERROR )
            break;
    }
    result("quota-watches", i == 4 && !strcmp(rb, "E2BIG"),
           "5th watch not refused with E2BIG");
    for ( i = 0; i < 4; i++ )
        if ( req(u, XS_TRANSACTION_START, 0, P("\0")) == XS_ERROR )
            break;
    result("quota-transactions", i == 3 && !strcmp(rb, "ENOSPC"),
           "4th transaction not refused with ENOSPC");
    result("quota-perms",
           expect(u, "ENOSPC", XS_SET_PERMS, 0, P("q\0n5\0r1\0r2\0r3\0")) &&
               expect(u, "OK", XS_SET_PERMS, 0, P("q\0n5\0r1\0r2\0")),
           why);
    conn_close(u);
}

/* Clients that die with watches, transactions and half a message. */
static void killed_clients(void)
{
    struct cn *c;
    pid_t pid;
    int i, st;

    for ( i = 0; i < 3; i++ )
    {
        pid = fork();
        if ( pid == 0 )
        {
            struct cn *k = conn_open();
            struct xsd_sockmsg h = { XS_WRITE, 1, 0, 100 };

            req(k, XS_WATCH, 0, P("/\0dead\0"));
            req(k, XS_TRANSACTION_START, 0, P("\0"));
            req(k, XS_WRITE, atoi(rb), P("/k/tx\0v"));
            if ( write(k->fd, &h, i == 0 ? 7 : sizeof(h)) < 0 ||
                 (i == 2 && write(k->fd, "/k/a\0", 5) < 0) )
                _exit(1);
            _exit(0);
        }
        waitpid(pid, &st, 0);
    }
    c = conn_open();
    write_node(c, "/k/after", "1"); /* fires at the dead clients' watch */
    result("killed-mid-message",
           req(c, XS_READ, 0, P("/k/after\0")) == XS_READ &&
               expect(c, "ENOENT", XS_READ, 0, P("/k/tx\0")) &&
               expect(c, "ENOENT", XS_READ, 0, P("/k/a\0")),
           "daemon lost or kept a dead client's changes");
    conn_close(c);
}

/* Random messages must get replies and leave the store consistent. */
static void fuzz(void)
{
    struct cn *c = conn_open();
    char buf[600];
    unsigned int i, j, len;
    int lost = 0;

    srand(1);
    for ( i = 0; i < 400; i++ )
    {
        len = rand() % sizeof(buf);
        for ( j = 0; j < len; j++ )
            buf[j] = "/ab\0@0r5T"[rand() % 9];
        if ( req(c, rand() % 24, rand() % 3, buf, len) < 0 )
            lost++;
    }
    conn_close(c);
    c = conn_open();
    result("fuzz",
           !lost && req(c, XS_CONTROL, 0, P("check\0")) == XS_CONTROL &&
               strstr(rb, " 0 errors"),
           lost ? "requests without reply" : rb);
    conn_close(c);
}

void run_cases(void)
{
    malformed();
    transactions();
    watches();
    directory_part();
    domains();
    permissions();
    quotas();
    killed_clients();
    fuzz();
}
