// SPDX-License-Identifier: GPL-2.0-only
/*
 * The wall clock: seconds and nanoseconds at system time 0 (from the RTC
 * at boot, or set by dom0 through platform_op), published to guests in
 * shared_info with the odd/even wc_version protocol.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/time.h>
#include <xen/wallclock.h>
#include <public/platform.h>

uint64_t boot_wallclock;
uint32_t boot_wallclock_nsec;

void update_domain_wallclock_time(struct domain *d)
{
    struct shared_info *s = d->shared_info;

    WRITE_ONCE(s->wc_version, s->wc_version + 1);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    s->wc_sec = (uint32_t)boot_wallclock;
    s->wc_sec_hi = (uint32_t)(boot_wallclock >> 32);
    s->wc_nsec = boot_wallclock_nsec;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    WRITE_ONCE(s->wc_version, s->wc_version + 1);
}

long set_wallclock(uint64_t secs, uint32_t nsecs, uint64_t stime)
{
    uint64_t wall_ns = secs * NSEC_PER_SEC + nsecs;
    struct domain *d;

    if ( nsecs >= NSEC_PER_SEC || wall_ns < stime )
        return -EINVAL;
    wall_ns -= stime;
    boot_wallclock = wall_ns / NSEC_PER_SEC;
    boot_wallclock_nsec = wall_ns % NSEC_PER_SEC;
    for ( d = domain_list; d; d = d->next_in_list )
        update_domain_wallclock_time(d);
    return 0;
}

long platform_settime(const struct xen_platform_op *op)
{
    if ( op->cmd == XENPF_settime32 )
        return set_wallclock(op->u.settime32.secs, op->u.settime32.nsecs,
                             op->u.settime32.system_time);
    if ( op->u.settime64.mbz )
        return -EINVAL;
    return set_wallclock(op->u.settime64.secs, op->u.settime64.nsecs,
                         op->u.settime64.system_time);
}
