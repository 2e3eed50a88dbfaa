// SPDX-License-Identifier: GPL-2.0-only
/*
 * batch (arm64): a multicall of 16,384 xen_version entries, and a nested
 * one, each entry's result checked.  Booted with test_preempt, every
 * entry is a continuation: the HVC is re-issued with the remaining work.
 */
#include "guest.h"
#include <public/xen.h>
#include <public/sched.h>
#include <public/version.h>

#define BATCH 16384

static struct multicall_entry mc[BATCH];

void guest_main(const void *fdt);
void guest_main(const void *fdt)
{
    long version =
        hypercall(__HYPERVISOR_xen_version, XENVER_version, 0, 0, 0, 0);
    unsigned int i, bad = 0;
    long rc;

    for ( i = 0; i < BATCH; i++ )
    {
        mc[i].op = __HYPERVISOR_xen_version;
        mc[i].result = 0x5a5a;
        mc[i].args[0] = i % 2 ? XENVER_pagesize : XENVER_version;
    }
    /* The last entry tries to nest: refused, the rest still done. */
    mc[BATCH - 1].op = __HYPERVISOR_multicall;
    rc = hypercall(__HYPERVISOR_multicall, (unsigned long)mc, BATCH, 0, 0, 0);
    for ( i = 0; i < BATCH - 1; i++ )
        if ( (long)mc[i].result != (i % 2 ? 4096 : version) )
            bad++;
    if ( rc || bad || (long)mc[BATCH - 1].result >= 0 )
        guest_printf("guest-arm64: FAIL batch: rc %lx, %u of %u results "
                     "wrong, nested entry %lx\n",
                     (unsigned long)rc, bad, BATCH,
                     (unsigned long)mc[BATCH - 1].result);
    else
        guest_printf("guest-arm64: PASS batch (%u entries)\n", BATCH);
    guest_shutdown(SHUTDOWN_poweroff);
}
