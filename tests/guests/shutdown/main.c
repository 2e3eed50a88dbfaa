/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * shutdown: SCHEDOP_shutdown as dom0, one boot per reason (module arg
 * reason=N). What the guest can observe is checked here (bad pointers,
 * unknown domains, SCHEDOP_shutdown_code); then it announces the call
 * and makes it. It must not return: tests/guests/run checks how the
 * machine ends (reset: QEMU exits; poweroff: the machine halts).
 */
#include "guest.h"

GUEST_NAME("shutdown");

static const char *const names[] = {
    "poweroff", "reboot", "suspend", "crash", "watchdog", "soft_reset",
};

void guest_main(void)
{
    unsigned long reason = cmdline_ulong("reason", ~0UL);
    sched_shutdown_t sd;
    sched_remote_shutdown_t rs = { .domain_id = 1000, .reason = 0 };
    long rc;

    CHECK(reason <= SHUTDOWN_MAX, "no reason=0..%d on the command line",
          SHUTDOWN_MAX);
    CHECK_RC(hc_sched_op(SCHEDOP_shutdown, (void *)8), -XEN_EFAULT);
    CHECK_RC(hc_sched_op(SCHEDOP_shutdown_code, (void *)8), -XEN_EFAULT);
    CHECK_RC(hc_sched_op(SCHEDOP_remote_shutdown, &rs), -XEN_ESRCH);
    /* Same code as the shutdown below: it would override the reason. */
    sd.reason = reason;
    CHECK_RC(hc_sched_op(SCHEDOP_shutdown_code, &sd), 0);

    printf("guest shutdown: calling SCHEDOP_shutdown(%lu, %s)\n", reason,
           names[reason]);
    rc = hc_sched_op(SCHEDOP_shutdown, &sd);
    guest_fail("SCHEDOP_shutdown(%s) returned %ld", names[reason], rc);
}
