// SPDX-License-Identifier: GPL-2.0-only
/*
 * balloon (arm64): dom0 gives a frame of its 1:1 RAM back with
 * decrease_reservation and takes it back with populate_physmap, as
 * Linux's balloon driver does under gntdev: one extent each time; the
 * same frame twice gives 0 the second time; a frame that is not RAM
 * gives 0; the frame is usable again after populate.
 */
#include "guest.h"
#include <public/xen.h>
#include <public/sched.h>
#include <public/memory.h>

static uint64_t page[2][512] __attribute__((aligned(4096)));

static long reservation(unsigned int cmd, xen_pfn_t gfn)
{
    static xen_pfn_t list[1];
    static struct xen_memory_reservation r;

    list[0] = gfn;
    memset(&r, 0, sizeof(r));
    r.extent_start.p = list;
    r.nr_extents = 1;
    r.domid = DOMID_SELF;
    return hypercall(__HYPERVISOR_memory_op, cmd, (unsigned long)&r, 0, 0,
                     0);
}

static bool fail(const char *what, long rc)
{
    guest_printf("guest-arm64: FAIL balloon: %s (%lx)\n", what,
                 (unsigned long)rc);
    return false;
}

static bool run(void)
{
    xen_pfn_t gfn = (unsigned long)&page[1][0] >> 12;
    long rc;

    page[1][0] = 0x1234;
    if ( (rc = reservation(XENMEM_decrease_reservation, gfn)) != 1 )
        return fail("decrease_reservation of a RAM frame", rc);
    if ( (rc = reservation(XENMEM_decrease_reservation, gfn)) != 0 )
        return fail("the same frame given back twice", rc);
    /* Flash at IPA 0: not RAM. */
    if ( (rc = reservation(XENMEM_decrease_reservation, 0)) != 0 )
        return fail("decrease_reservation of a non-RAM frame", rc);
    if ( (rc = reservation(XENMEM_populate_physmap, gfn)) != 1 )
        return fail("populate_physmap of the frame given back", rc);
    if ( (rc = reservation(XENMEM_populate_physmap, gfn)) > 1 )
        return fail("populate_physmap of a mapped frame", rc);
    page[1][1] = 0x5678;
    if ( page[1][1] != 0x5678 )
        return fail("the frame is not usable again", page[1][1]);
    page[0][0] = 1;
    return true;
}

void guest_main(const void *fdt);
void guest_main(const void *fdt)
{
    if ( run() )
        guest_printf("guest-arm64: PASS balloon\n");
    guest_shutdown(SHUTDOWN_poweroff);
}
