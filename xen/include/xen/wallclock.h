/* SPDX-License-Identifier: GPL-2.0-only */
/* Wall-clock time as guests see it in shared_info. */
#ifndef XEN_WALLCLOCK_H
#define XEN_WALLCLOCK_H

#include <xen/types.h>

struct domain;

/* Write boot_wallclock into d's shared_info (version protocol). */
void update_domain_wallclock_time(struct domain *d);
/*
 * platform_op settime: wall time secs.nsecs was current at system time
 * stime; every domain's shared_info is updated.  0 or -EINVAL.
 */
long set_wallclock(uint64_t secs, uint32_t nsecs, uint64_t stime);
/* XENPF_settime32 / XENPF_settime64 from dom0's platform_op. */
struct xen_platform_op;
long platform_settime(const struct xen_platform_op *op);

#endif /* XEN_WALLCLOCK_H */
