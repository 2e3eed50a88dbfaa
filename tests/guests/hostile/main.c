/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hostile: 100,000 hypercalls with random numbers and arguments: small
 * integers, random 64-bit values, pointers to random junk and wild
 * pointers (NULL, unmapped, non-canonical, the hypervisor's range, our
 * own read-only page tables). A seeded PRNG (module arg seed=N to
 * replay) picks them; calls that would legitimately end this guest
 * (iret, block/shutdown/poll, vCPU down, replacing our trap table or
 * callbacks, unmapping our own pages, console noise, kexec) are
 * steered away.
 * PASS if the guest is still alive and its traps still work afterwards.
 */
#include "guest.h"
#include <public/domctl.h>
#include <public/sysctl.h>

GUEST_NAME("hostile");

#define CALLS      100000
#define JUNK_PAGES 8

/* Placed last in the image (lib/guest.lds): overruns stay out of our data. */
static uint64_t junk[JUNK_PAGES][512]
    __attribute__((aligned(4096), section(".bss.junk")));
static uint64_t seed, rng;
static unsigned long counts[256];   /* by -rc; [0] = 0, [255] = other */

static unsigned long wild(void)
{
    static unsigned long w[] = {
        0, 1, 0xfff, 0x1000, 0x00007ffffffff000UL, 0x0000800000000000UL,
        0xffff800000000000UL, 0xffff82d080000000UL, 0xffff830000000000UL,
        0xffff87fffffff000UL, ~0UL, ~0UL - 7, 0 /* pt_base */,
        0 /* v_end */,
    };

    w[12] = start_info->pt_base;
    w[13] = boot_v_end;
    return w[rand64(&rng) % ARRAY_SIZE(w)];
}

static bool is_junk(unsigned long a)
{
    return a >= (unsigned long)junk && a < (unsigned long)junk + sizeof(junk);
}

static unsigned long pick_arg(void)
{
    uint64_t r = rand64(&rng);

    switch ( r % 8 )
    {
    case 0:
    case 1:
        return (r >> 8) % 64;
    case 2:
        return rand64(&rng);
    case 3:
        return (uint32_t)rand64(&rng);
    case 4:
    case 5:
        /* Within the first half, so arrays read on stay in junk. */
        return (unsigned long)&junk[0][0] +
               ((r >> 8) % (sizeof(junk) / 2 / 8)) * 8;
    case 6:
        return wild();
    default:
        return DOMID_SELF + (r >> 8) % 16;
    }
}

/* Steer a call away from what would end or blind this guest. */
static bool sanitize(unsigned long nr, unsigned long a[5])
{
    /* Sub-op numbers are 32-bit: the hypervisor ignores the rest. */
    uint32_t cmd = a[0];

    switch ( nr )
    {
    case __HYPERVISOR_iret:
    case __HYPERVISOR_set_callbacks:
    /*
     * dom0 is trusted with kexec: Xen 4.17 takes a #GP and panics in
     * kimage_entry_ind() when kexec_load_v1 gets a junk image.
     */
    case __HYPERVISOR_kexec_op:
        return false;
    case __HYPERVISOR_set_trap_table:
        /* NULL clears the table; junk would install random handlers. */
        a[0] = wild() | 1;
        break;
    case __HYPERVISOR_sched_op:
    case __HYPERVISOR_sched_op_compat:
        if ( cmd < 8 )
            a[0] = SCHEDOP_yield;
        break;
    case __HYPERVISOR_vcpu_op:
        if ( cmd == VCPUOP_down || cmd == VCPUOP_send_nmi )
            a[0] = VCPUOP_is_up;
        break;
    case __HYPERVISOR_callback_op:
        if ( cmd < 2 )
            a[0] = cmd + 2;
        break;
    case __HYPERVISOR_console_io:
        if ( cmd == CONSOLEIO_write )
            a[0] = CONSOLEIO_read;
        break;
    case __HYPERVISOR_update_va_mapping:
    case __HYPERVISOR_update_va_mapping_otherdomain:
        /* Clearing one of our own PTEs is allowed, and fatal to us. */
        if ( a[0] >= VIRT_BASE && a[0] < boot_v_end + (4UL << 20) )
            a[0] = wild();
        break;
    case __HYPERVISOR_set_debugreg:
        if ( cmd == 7 )
            a[1] = 0;
        break;
    case __HYPERVISOR_mmu_update:
    case __HYPERVISOR_mmuext_op:
    case __HYPERVISOR_multicall:
        if ( is_junk(a[0]) )
            a[1] %= 64;
        break;
    case __HYPERVISOR_grant_table_op:
        if ( is_junk(a[1]) )
            a[2] %= 64;
        break;
    case __HYPERVISOR_sysctl:
    case __HYPERVISOR_domctl:
        /*
         * Mostly the right interface version, so that the sub-ops (not
         * just the version check) meet the junk; low sub-op numbers.
         */
        if ( is_junk(a[0]) && rand64(&rng) % 4 )
        {
            uint32_t *op = (uint32_t *)a[0];

            op[0] %= 40;
            op[1] = nr == __HYPERVISOR_sysctl ? XEN_SYSCTL_INTERFACE_VERSION
                                              : XEN_DOMCTL_INTERFACE_VERSION;
            if ( nr == __HYPERVISOR_domctl && rand64(&rng) % 2 )
                op[2] = (op[2] & ~0xffffU) | (rand64(&rng) % 4);
        }
        break;
    }
    return true;
}

static void refill_junk(void)
{
    unsigned int i, j;

    for ( i = 0; i < JUNK_PAGES; i++ )
        for ( j = 0; j < 512; j++ )
            junk[i][j] = rand64(&rng);
}

void guest_main(void)
{
    unsigned long i, done = 0, skipped = 0, nr, a[5];
    char line[256];
    size_t pos;
    long rc;

    seed = cmdline_ulong("seed", 0);
    if ( !seed )
        seed = rdtsc() | 1;
    rng = seed;
    info("seed %lu (replay with module argument seed=%lu)",
         (unsigned long)seed, (unsigned long)seed);

    for ( i = 0; i < CALLS; i++ )
    {
        unsigned int k;

        if ( i % 4096 == 0 )
            refill_junk();
        nr = rand64(&rng) % 5 ? rand64(&rng) % 64 : rand64(&rng);
        for ( k = 0; k < 5; k++ )
            a[k] = pick_arg();
        if ( !sanitize(nr, a) )
        {
            skipped++;
            continue;
        }
        rc = hypercall(nr, a[0], a[1], a[2], a[3], a[4]);
        done++;
        if ( rc >= 0 )
            counts[0]++;
        else if ( rc > -255 )
            counts[-rc]++;
        else
            counts[255]++;
    }

    /* Still alive: print the counts, then check traps and hypercalls. */
    info("%lu hypercalls made, %lu steered away; returns >= 0: %lu",
         done, skipped, counts[0]);
    pos = 0;
    for ( i = 1; i < 256; i++ )
    {
        if ( !counts[i] )
            continue;
        if ( i == 255 )
            pos += snprintf(line + pos, sizeof(line) - pos, " other:%lu",
                            counts[i]);
        else
            pos += snprintf(line + pos, sizeof(line) - pos, " -%lu:%lu", i,
                            counts[i]);
        if ( pos > 180 )
        {
            info("errors by code:%s", line);
            pos = 0;
        }
    }
    if ( pos )
        info("errors by code:%s", line);

    traps_init();
    CHECK(probe_int3() == 1 && last_trap.vector == 3,
          "traps no longer work after the storm");
    CHECK(hc_xen_version(XENVER_version, NULL) >= (4L << 16),
          "xen_version broken after the storm");
}
