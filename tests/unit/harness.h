/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared test plumbing: cmocka includes, the fake platform, and a macro
 * to name test cases "<group>/<case>" as tests/unit/run reports them.
 */
#ifndef UNIT_HARNESS_H
#define UNIT_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fake.h"

#define UNIT_TEST(group, name, setup, teardown) \
    { #group "/" #name, test_##name, setup, teardown, NULL }

/* Deterministic pseudo-random numbers (xorshift64*), seedable per test. */
static uint64_t rng_state = 88172645463325252ULL;

static inline void rng_seed(uint64_t s)
{
    rng_state = s ? s : 1;
}

static inline uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static inline unsigned long rng_below(unsigned long n)
{
    return rng_next() % n;
}

#endif /* UNIT_HARNESS_H */
