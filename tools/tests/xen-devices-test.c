/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xentest: run in dom0, checks Linux's Xen device nodes against the
 * hypervisor (privcmd hypercall, evtchn loopback, gntalloc + gntdev
 * mapping of one page) and prints "xentest: NAME ok|FAIL reason".
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xen-sys/Linux/evtchn.h>
#include <xen-sys/Linux/gntalloc.h>
#include <xen-sys/Linux/gntdev.h>

/*
 * privcmd's hypercall ioctl (Linux include/uapi/xen/privcmd.h), declared
 * here so the test builds without kernel headers.
 */
struct privcmd_hypercall {
    uint64_t op;
    uint64_t arg[5];
};
#define IOCTL_PRIVCMD_HYPERCALL \
    _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))

#define HYPERVISOR_xen_version 17
#define XENVER_version         0
#define PAGE                   4096

static int failures;

static void ok(const char *name, const char *what)
{
    printf("xentest: %s ok%s%s\n", name, *what ? " " : "", what);
    fflush(stdout);
}

/* fail NAME STEP: a failed call, with errno's name and number. */
static void fail(const char *name, const char *step)
{
    int e = errno;

    printf("xentest: %s FAIL %s: %s (errno %d)\n", name, step, strerror(e), e);
    fflush(stdout);
    failures++;
}

static void fail_msg(const char *name, const char *msg)
{
    printf("xentest: %s FAIL %s\n", name, msg);
    fflush(stdout);
    failures++;
}

static void test_privcmd(void)
{
    struct privcmd_hypercall h = {
        .op = HYPERVISOR_xen_version,
        .arg = { XENVER_version, 0 },
    };
    char buf[64];
    int fd, v;

    fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
    if ( fd < 0 )
    {
        fail("privcmd", "open /dev/xen/privcmd");
        return;
    }
    v = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
    if ( v < 0 )
        fail("privcmd", "IOCTL_PRIVCMD_HYPERCALL xen_version");
    else if ( v < 0x40000 )
    {
        snprintf(buf, sizeof(buf), "xen_version 0x%x, expected >= 0x40000", v);
        fail_msg("privcmd", buf);
    }
    else
    {
        snprintf(buf, sizeof(buf), "xen_version 0x%x (%d.%d)", v, v >> 16,
                 v & 0xffff);
        ok("privcmd", buf);
    }
    close(fd);
}

/*
 * Loopback channel inside dom0: fd a holds an unbound port for dom0,
 * fd b binds to it; a notify on b's end must show up as a read on a.
 */
static void test_evtchn(void)
{
    struct ioctl_evtchn_bind_unbound_port u = { .remote_domain = 0 };
    struct ioctl_evtchn_bind_interdomain bi = { .remote_domain = 0 };
    struct ioctl_evtchn_port n;
    struct pollfd p;
    unsigned int got = ~0u;
    char buf[96];
    int a, b = -1, pa = -1, pb = -1, r;

    a = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC);
    if ( a < 0 )
    {
        fail("evtchn", "open /dev/xen/evtchn");
        return;
    }
    b = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC);
    if ( b < 0 )
    {
        fail("evtchn", "open /dev/xen/evtchn (second)");
        goto out;
    }
    pa = ioctl(a, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &u);
    if ( pa < 0 )
    {
        fail("evtchn", "IOCTL_EVTCHN_BIND_UNBOUND_PORT remote_domain 0");
        goto out;
    }
    bi.remote_port = pa;
    pb = ioctl(b, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bi);
    if ( pb < 0 )
    {
        snprintf(buf, sizeof(buf),
                 "IOCTL_EVTCHN_BIND_INTERDOMAIN remote 0 port %d", pa);
        fail("evtchn", buf);
        goto out;
    }
    n.port = pb;
    if ( ioctl(b, IOCTL_EVTCHN_NOTIFY, &n) < 0 )
    {
        snprintf(buf, sizeof(buf), "IOCTL_EVTCHN_NOTIFY port %d", pb);
        fail("evtchn", buf);
        goto out;
    }
    p.fd = a;
    p.events = POLLIN;
    r = poll(&p, 1, 5000);
    if ( r < 0 )
    {
        fail("evtchn", "poll");
        goto out;
    }
    if ( r == 0 )
    {
        snprintf(buf, sizeof(buf),
                 "no event on port %d within 5 s of notifying port %d", pa, pb);
        fail_msg("evtchn", buf);
        goto out;
    }
    if ( read(a, &got, sizeof(got)) != sizeof(got) )
    {
        fail("evtchn", "read");
        goto out;
    }
    if ( got != (unsigned int)pa )
    {
        snprintf(buf, sizeof(buf), "read port %u, expected %d", got, pa);
        fail_msg("evtchn", buf);
        goto out;
    }
    /* Writing the port back unmasks it. */
    if ( write(a, &got, sizeof(got)) != sizeof(got) )
    {
        fail("evtchn", "write (unmask)");
        goto out;
    }
    snprintf(buf, sizeof(buf), "ports %d <-> %d", pa, pb);
    ok("evtchn", buf);
out:
    if ( pb >= 0 )
    {
        n.port = pb;
        ioctl(b, IOCTL_EVTCHN_UNBIND, &n);
    }
    if ( pa >= 0 )
    {
        n.port = pa;
        ioctl(a, IOCTL_EVTCHN_UNBIND, &n);
    }
    if ( b >= 0 )
        close(b);
    close(a);
}

/*
 * dom0 grants one of its pages to itself (gntalloc), maps the grant
 * (gntdev) and checks that both mappings see each other's writes.
 */
static void test_gntdev(void)
{
    struct ioctl_gntalloc_alloc_gref ag = {
        .domid = 0,
        .flags = GNTALLOC_FLAG_WRITABLE,
        .count = 1,
    };
    struct ioctl_gntalloc_dealloc_gref dg;
    struct ioctl_gntdev_map_grant_ref mg = { .count = 1 };
    struct ioctl_gntdev_unmap_grant_ref ug;
    volatile uint32_t *pa = MAP_FAILED, *pd = MAP_FAILED;
    char buf[96];
    int fa, fd = -1, alloced = 0, mapped = 0, i;

    fa = open("/dev/xen/gntalloc", O_RDWR | O_CLOEXEC);
    if ( fa < 0 )
    {
        fail("gntdev", "open /dev/xen/gntalloc");
        return;
    }
    if ( ioctl(fa, IOCTL_GNTALLOC_ALLOC_GREF, &ag) < 0 )
    {
        fail("gntdev", "IOCTL_GNTALLOC_ALLOC_GREF domid 0 writable");
        goto out;
    }
    alloced = 1;
    pa = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fa, ag.index);
    if ( pa == MAP_FAILED )
    {
        fail("gntdev", "mmap gntalloc");
        goto out;
    }
    for ( i = 0; i < PAGE / 4; i++ )
        pa[i] = 0x5a000000u + i;

    fd = open("/dev/xen/gntdev", O_RDWR | O_CLOEXEC);
    if ( fd < 0 )
    {
        fail("gntdev", "open /dev/xen/gntdev");
        goto out;
    }
    mg.refs[0].domid = 0;
    mg.refs[0].ref = ag.gref_ids[0];
    if ( ioctl(fd, IOCTL_GNTDEV_MAP_GRANT_REF, &mg) < 0 )
    {
        snprintf(buf, sizeof(buf), "IOCTL_GNTDEV_MAP_GRANT_REF domid 0 ref %u",
                 ag.gref_ids[0]);
        fail("gntdev", buf);
        goto out;
    }
    mapped = 1;
    pd = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, mg.index);
    if ( pd == MAP_FAILED )
    {
        snprintf(buf, sizeof(buf), "mmap gntdev (grant ref %u)",
                 ag.gref_ids[0]);
        fail("gntdev", buf);
        goto out;
    }
    for ( i = 0; i < PAGE / 4; i++ )
    {
        if ( pd[i] != 0x5a000000u + i )
        {
            snprintf(buf, sizeof(buf),
                     "gntdev mapping word %d is 0x%08x, expected 0x%08x", i,
                     pd[i], 0x5a000000u + i);
            fail_msg("gntdev", buf);
            goto out;
        }
    }
    pd[7] = 0xc0ffee07u;
    if ( pa[7] != 0xc0ffee07u )
    {
        snprintf(buf, sizeof(buf),
                 "wrote 0x%08x through gntdev, gntalloc sees 0x%08x",
                 0xc0ffee07u, pa[7]);
        fail_msg("gntdev", buf);
        goto out;
    }
    if ( munmap((void *)pd, PAGE) < 0 )
    {
        pd = MAP_FAILED;
        fail("gntdev", "munmap gntdev");
        goto out;
    }
    pd = MAP_FAILED;
    ug.index = mg.index;
    ug.count = 1;
    ug.pad = 0;
    mapped = 0;
    if ( ioctl(fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &ug) < 0 )
    {
        fail("gntdev", "IOCTL_GNTDEV_UNMAP_GRANT_REF");
        goto out;
    }
    snprintf(buf, sizeof(buf), "grant ref %u", ag.gref_ids[0]);
    ok("gntdev", buf);
out:
    if ( pd != MAP_FAILED )
        munmap((void *)pd, PAGE);
    if ( mapped )
    {
        ug.index = mg.index;
        ug.count = 1;
        ug.pad = 0;
        ioctl(fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &ug);
    }
    if ( fd >= 0 )
        close(fd);
    if ( pa != MAP_FAILED )
        munmap((void *)pa, PAGE);
    if ( alloced )
    {
        dg.index = ag.index;
        dg.count = 1;
        ioctl(fa, IOCTL_GNTALLOC_DEALLOC_GREF, &dg);
    }
    close(fa);
}

/*
 * msix-ro: an MSI-X table the hypervisor programs (driver bound, MSI-X
 * enabled) cannot be changed from dom0 through a writable sysfs mapping:
 * a child stores a pattern into the upper address of the table's last
 * entry; afterwards the entry must be unchanged (Xen drops such stores;
 * a fault of the child would keep it unchanged too).
 */
static void test_msix_ro(void)
{
    const char *name = "msix-ro";
    DIR *dir = opendir("/sys/bus/pci/devices");
    struct dirent *de;
    char path[600], dev[300] = "", what[700];
    uint8_t cfg[256];
    uint32_t tbl = 0, before, after;
    unsigned int last = 0;
    volatile uint32_t *e;
    uint8_t *p;
    size_t off, len;
    int fd, status = 0, i;
    bool stuck = false;
    pid_t child;

    if ( !dir )
        return fail(name, "opendir /sys/bus/pci/devices");
    while ( !dev[0] && (de = readdir(dir)) )
    {
        unsigned int cap, guard = 0;

        if ( de->d_name[0] == '.' )
            continue;
        snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver",
                 de->d_name);
        if ( access(path, F_OK) )
            continue;
        snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config",
                 de->d_name);
        fd = open(path, O_RDONLY);
        if ( fd < 0 )
            continue;
        memset(cfg, 0, sizeof(cfg));
        if ( read(fd, cfg, sizeof(cfg)) < 64 || !(cfg[6] & 0x10) )
        {
            close(fd);
            continue;
        }
        close(fd);
        for ( cap = cfg[0x34] & 0xfc; cap && cap < 0xf8 && guard++ < 48;
              cap = cfg[cap + 1] & 0xfc )
            if ( cfg[cap] == 0x11 && (cfg[cap + 3] & 0x80) )
            {
                memcpy(&tbl, &cfg[cap + 4], 4);
                last = (cfg[cap + 2] | (cfg[cap + 3] << 8)) & 0x7ff;
                snprintf(dev, sizeof(dev), "%s", de->d_name);
                break;
            }
    }
    closedir(dir);
    if ( !dev[0] )
        return fail_msg(name, "no device with MSI-X enabled");

    snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource%u", dev,
             tbl & 7);
    off = (tbl & ~7u) + last * 16 + 4;
    len = (off + 4 + PAGE - 1) & ~(size_t)(PAGE - 1);
    fd = open(path, O_RDWR);
    if ( fd < 0 )
        return fail(name, "open the MSI-X BAR");
    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if ( p == MAP_FAILED )
    {
        close(fd);
        return fail(name, "mmap the MSI-X BAR writable");
    }
    e = (volatile uint32_t *)(p + off);
    before = *e;
    fflush(stdout);
    child = fork();
    if ( child == 0 )
    {
        *e = before ^ 0x5a5a5a5a;
        _exit(0);
    }
    /*
     * Xen 4.17 leaves a user store faulting for ever (the kernel retries
     * it): a child still stuck after 3 s is killed, its store undone.
     */
    for ( i = 0; child > 0 && i < 30; i++ )
    {
        if ( waitpid(child, &status, WNOHANG) == child )
            break;
        usleep(100000);
    }
    if ( child > 0 && i == 30 )
    {
        kill(child, SIGKILL);
        stuck = true;
    }
    if ( child < 0 || (i == 30 && waitpid(child, &status, 0) < 0) )
    {
        munmap(p, len);
        close(fd);
        return fail(name, "fork/wait");
    }
    after = *e;
    if ( after != before )
    {
        *e = before;
        snprintf(what, sizeof(what), "%s: the store reached the MSI-X "
                 "table (%#x -> %#x)", dev, before, after);
        fail_msg(name, what);
    }
    else
    {
        snprintf(what, sizeof(what), "%s: table unchanged, the store %s", dev,
                 stuck ? "kept faulting" :
                 WIFSIGNALED(status) ? "faulted" : "was dropped");
        ok(name, what);
    }
    munmap(p, len);
    close(fd);
}

int main(int argc, char **argv)
{
    if ( argc > 1 && !strcmp(argv[1], "msix") )
    {
        test_msix_ro();
        return failures ? 1 : 0;
    }
    test_privcmd();
    test_evtchn();
    test_gntdev();
    return failures ? 1 : 0;
}
