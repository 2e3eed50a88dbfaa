/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test data for the decoder tests, made at run time: inputs of several
 * kinds, compressed by the host's gzip and xz in a scratch directory.
 */
#ifndef UNIT_TOOL_DATA_H
#define UNIT_TOOL_DATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tool_dir[256];

/* Group setup/teardown: a private scratch directory. */
static int tool_setup(void **state)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(tool_dir, sizeof(tool_dir), "%s/unit-decomp-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    return mkdtemp(tool_dir) ? 0 : -1;
}

static int tool_teardown(void **state)
{
    char cmd[300];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tool_dir);
    return system(cmd) ? -1 : 0;
}

static uint8_t *tool_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;

    if ( !f )
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc(n + 1);
    if ( buf && fread(buf, 1, n, f) != (size_t)n )
    {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void tool_write(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, len, f), len);
    fclose(f);
}

/* Run "cmd < in > out" over buf; returns the output (malloc'd). */
static __maybe_unused uint8_t *tool_filter(const char *cmd,
                                           const void *buf, size_t len,
                                           size_t *out_len)
{
    char in[300], out[300], line[1024];
    uint8_t *res;

    snprintf(in, sizeof(in), "%s/in", tool_dir);
    snprintf(out, sizeof(out), "%s/out", tool_dir);
    tool_write(in, buf, len);
    snprintf(line, sizeof(line), "%s < '%s' > '%s'", cmd, in, out);
    assert_int_equal(system(line), 0);
    res = tool_read(out, out_len);
    assert_non_null(res);
    return res;
}

enum data_kind {
    DATA_RANDOM,    /* incompressible */
    DATA_TEXT,      /* words with repeats: long and short matches */
    DATA_CODE,      /* x86-like: E8/E9 with small rel32 operands */
    DATA_ZERO,      /* one long run */
};

static const char *const words[] = {
    "hypervisor", "domain", "page", "table", "grant", "event", "channel",
    "the", "of", "xen", "guest", "kernel", "frame", "0", "1", "\n", " ",
};

static __maybe_unused uint8_t *make_data(enum data_kind kind, size_t len,
                                         uint64_t seed)
{
    uint8_t *p = malloc(len + 1);
    size_t i = 0;

    assert_non_null(p);
    rng_seed(seed);
    switch ( kind )
    {
    case DATA_RANDOM:
        for ( ; i < len; i++ )
            p[i] = rng_next() >> 32;
        break;
    case DATA_TEXT:
        while ( i < len )
        {
            const char *w = words[rng_below(ARRAY_SIZE(words))];
            size_t n = strlen(w);

            if ( n > len - i )
                n = len - i;
            memcpy(p + i, w, n);
            i += n;
            if ( i < len && rng_below(3) == 0 )
                p[i++] = ' ';
        }
        break;
    case DATA_CODE:
        while ( i < len )
        {
            unsigned int r = rng_below(16);

            if ( r < 3 && len - i >= 5 )
            {
                int32_t rel = (int32_t)rng_below(1 << 20) - (1 << 19);

                p[i] = r ? 0xe8 : 0xe9;
                memcpy(p + i + 1, &rel, 4);
                i += 5;
            }
            else
                p[i++] = r < 10 ? 0x48 + r : rng_next() >> 40;
        }
        break;
    case DATA_ZERO:
        memset(p, 0, len);
        break;
    }
    return p;
}

#endif /* UNIT_TOOL_DATA_H */
