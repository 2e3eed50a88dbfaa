/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host benchmark (not a test): unxz() throughput on a 64 MiB kernel-like
 * input compressed like Linux's bzImage payload.  Usage: bench_unxz DIR
 * (DIR caches the input and its .xz between runs).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../../xen/common/inflate.c"
#include "../../xen/common/unxz.c"

#define INPUT_SIZE  (64UL << 20)
#define RUNS        3

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;

    if ( !f )
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc(n ? n : 1);
    if ( !buf || fread(buf, 1, n, f) != (size_t)n )
    {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/*
 * Machine code is what a kernel is mostly made of: take the host's
 * shared libraries and programs, largest first, up to 64 MiB.
 */
static int make_input(const char *dir)
{
    char cmd[1024];

    snprintf(cmd, sizeof(cmd),
             "cd '%s' && { for f in $(ls -S /usr/lib/x86_64-linux-gnu/*.so* "
             "/usr/lib/aarch64-linux-gnu/*.so* /usr/bin/* 2>/dev/null); do "
             "[ -f \"$f\" ] && cat \"$f\"; done; "
             "for i in 1 2 3 4 5 6 7 8; do cat /usr/bin/* 2>/dev/null; "
             "done; } "
             "| head -c %lu > input && "
             "xz -T1 --check=crc32 --x86 --lzma2=dict=32MiB -c input "
             "> input.xz", dir, INPUT_SIZE);
    fprintf(stderr, "bench_unxz: making %lu MiB of test data with xz "
            "(takes a minute, cached in %s)\n", INPUT_SIZE >> 20, dir);
    return system(cmd);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    char path[1024], xpath[1024];
    uint8_t *ref, *xz, *out;
    size_t len, xlen, out_len;
    double best = 0;
    int i, rc;

    mkdir(dir, 0755);
    snprintf(path, sizeof(path), "%s/input", dir);
    snprintf(xpath, sizeof(xpath), "%s/input.xz", dir);
    ref = read_all(path, &len);
    xz = read_all(xpath, &xlen);
    if ( !ref || !xz || !len )
    {
        free(ref);
        free(xz);
        if ( make_input(dir) )
            return 1;
        ref = read_all(path, &len);
        xz = read_all(xpath, &xlen);
        if ( !ref || !xz )
            return 1;
    }

    out = malloc(len);
    memset(out, 0, len);            /* fault the pages in first */
    for ( i = 0; i < RUNS; i++ )
    {
        struct timespec a, b;
        double s;

        clock_gettime(CLOCK_MONOTONIC, &a);
        rc = unxz(xz, xlen, out, len, &out_len);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if ( rc || out_len != len || memcmp(out, ref, len) )
        {
            fprintf(stderr, "bench_unxz: decode failed (rc %d)\n", rc);
            return 1;
        }
        s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
        if ( len / s > best )
            best = len / s;
    }

    printf("unxz: %.1f MB/s of output (%zu -> %zu bytes, best of %d)\n",
           best / 1e6, xlen, len, RUNS);
    return 0;
}
