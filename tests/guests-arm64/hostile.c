// SPDX-License-Identifier: GPL-2.0-only
/*
 * hostile (arm64): 50,000 hypercalls with random numbers and arguments
 * from a dom0 that runs with its MMU off: small integers, random 64-bit
 * values, pointers into a page of junk, and wild guest-physical addresses
 * (nothing, the flash, the emulated GIC, pass-through virtio-mmio and
 * PCIe windows, beyond RAM, beyond the IPA space), mostly aimed at the
 * hypercalls arm64 Xen implements.  A seeded PRNG picks them (replay:
 * seed=N in dom0's bootargs).
 * Calls that would legitimately end or blind this guest (shutdown,
 * block, poll, watchdog, vCPU down/up, console writes) are steered away.
 * PASS if the guest is still alive and its hypercalls still answer.
 */
#include "guest.h"
#include <public/xen.h>
#include <public/sched.h>
#include <public/vcpu.h>
#include <public/version.h>
#include <public/domctl.h>
#include <public/sysctl.h>

#define CALLS      50000
#define JUNK_WORDS (8 * 512)

static uint64_t junk[JUNK_WORDS] __attribute__((aligned(4096)));
static uint64_t rng;
static unsigned long counts[256]; /* by -rc; [0] = 0, [255] = other */

static unsigned long wild(void)
{
    static const unsigned long w[] = {
        0,
        1,
        0xfff,
        0x1000,
        0x04000000,
        0x08000000,
        0x080a0000,
        0x09000000,
        0x0a000000,
        0x0a003e00,
        0x10000000,
        0x3eff0000,
        0x4010000000UL,
        0x8000000000UL,
        0xfffffffff000UL,
        0x1000000000000UL,
        ~0UL,
        ~0UL - 7,
    };

    return w[rand64(&rng) % ARRAY_SIZE(w)];
}

/* Most calls go to what arm64 Xen implements, the rest anywhere. */
static unsigned long pick_nr(void)
{
    static const unsigned char implemented[] = {
        __HYPERVISOR_platform_op, __HYPERVISOR_memory_op,
        __HYPERVISOR_multicall,   __HYPERVISOR_xen_version,
        __HYPERVISOR_console_io,  __HYPERVISOR_grant_table_op,
        __HYPERVISOR_vcpu_op,     __HYPERVISOR_xsm_op,
        __HYPERVISOR_sched_op,    __HYPERVISOR_event_channel_op,
        __HYPERVISOR_physdev_op,  __HYPERVISOR_hvm_op,
        __HYPERVISOR_sysctl,      __HYPERVISOR_domctl,
        __HYPERVISOR_dm_op,       __HYPERVISOR_hypfs_op,
    };
    uint64_t r = rand64(&rng);

    switch ( r % 8 )
    {
    case 0:
        return rand64(&rng);
    case 1:
        return (r >> 8) % 64;
    default:
        return implemented[(r >> 8) % ARRAY_SIZE(implemented)];
    }
}

static bool is_junk(unsigned long a)
{
    return a >= (unsigned long)junk && a < (unsigned long)(junk + JUNK_WORDS);
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
        /* Within the first half, so structures read stay in junk. */
        return (unsigned long)&junk[(r >> 8) % (JUNK_WORDS / 2)];
    case 6:
        return wild();
    default:
        return DOMID_SELF + (r >> 8) % 16;
    }
}

/* Steer a call away from what would end or blind this guest. */
static void sanitize(unsigned long nr, unsigned long a[5])
{
    uint32_t cmd = a[0]; /* sub-op numbers are 32-bit */

    switch ( nr )
    {
    case __HYPERVISOR_sched_op:
    case __HYPERVISOR_sched_op_compat:
        if ( cmd < 8 )
            a[0] = SCHEDOP_yield;
        break;
    case __HYPERVISOR_vcpu_op:
        if ( cmd == VCPUOP_down || cmd == VCPUOP_up ||
             cmd == VCPUOP_initialise )
            a[0] = VCPUOP_is_up;
        break;
    case __HYPERVISOR_console_io:
        if ( cmd == CONSOLEIO_write )
            a[0] = CONSOLEIO_read;
        break;
    case __HYPERVISOR_multicall:
    case __HYPERVISOR_mmu_update:
    case __HYPERVISOR_mmuext_op:
        if ( is_junk(a[0]) )
            a[1] %= 64;
        break;
    case __HYPERVISOR_grant_table_op:
        if ( is_junk(a[1]) )
            a[2] %= 64;
        break;
    case __HYPERVISOR_sysctl:
    case __HYPERVISOR_domctl:
        /* Mostly the right interface version, so the sub-ops meet junk. */
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
}

void guest_main(const void *fdt);
void guest_main(const void *fdt)
{
    unsigned long i, nr, a[5], seed;
    xen_extraversion_t extra;
    unsigned int k;
    long rc;

    seed = dt_arg(fdt, "seed");
    if ( !seed )
        asm volatile("mrs %0, cntvct_el0" : "=r"(seed));
    seed |= 1;
    rng = seed;
    guest_printf("guest-arm64: hostile: seed %lu (replay: seed=%lu in "
                 "dom0's bootargs)\n",
                 seed, seed);

    for ( i = 0; i < CALLS; i++ )
    {
        if ( i % 4096 == 0 )
            for ( k = 0; k < JUNK_WORDS; k++ )
                junk[k] = rand64(&rng);
        nr = pick_nr();
        for ( k = 0; k < 5; k++ )
            a[k] = pick_arg();
        sanitize(nr, a);
        rc = hypercall(nr, a[0], a[1], a[2], a[3], a[4]);
        if ( rc >= 0 )
            counts[0]++;
        else if ( rc > -255 )
            counts[-rc]++;
        else
            counts[255]++;
    }

    guest_printf("guest-arm64: hostile: %u hypercalls, %lu returned >= 0, "
                 "%lu -ENOSYS, %lu -EFAULT, %lu -EINVAL\n",
                 CALLS, counts[0], counts[38], counts[14], counts[22]);
    memset(extra, 0, sizeof(extra));
    rc = hypercall(__HYPERVISOR_xen_version, XENVER_extraversion,
                   (unsigned long)extra, 0, 0, 0);
    if ( rc )
        guest_printf("guest-arm64: FAIL hostile: xen_version answers %lx "
                     "afterwards\n",
                     (unsigned long)rc);
    else
        guest_printf("guest-arm64: PASS hostile (Xen extraversion '%s')\n",
                     extra);
    guest_shutdown(SHUTDOWN_poweroff);
}
