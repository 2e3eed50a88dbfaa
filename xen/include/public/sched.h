/* SPDX-License-Identifier: MIT */
/*
 * sched_op (29): (cmd, arg).  Yielding, blocking, polling ports and
 * shutting a domain down.
 */
#ifndef XEN_PUBLIC_SCHED_H
#define XEN_PUBLIC_SCHED_H

#include "event_channel.h"

/* Give up the pCPU, stay runnable.  arg == NULL. */
#define SCHEDOP_yield           0
/*
 * Block until an event is pending for this vCPU.  Also clears its
 * upcall mask, atomically with going to sleep.  arg == NULL.
 */
#define SCHEDOP_block           1
/* Stop the domain: struct sched_shutdown. */
#define SCHEDOP_shutdown        2
/* Block until one of the ports is pending or the timeout: sched_poll. */
#define SCHEDOP_poll            3
/* Shut another domain down (privileged): sched_remote_shutdown. */
#define SCHEDOP_remote_shutdown 4
/* Record the shutdown reason to report on a later crash/kexec. */
#define SCHEDOP_shutdown_code   5
/* Create, feed or kill a watchdog: sched_watchdog. */
#define SCHEDOP_watchdog        6
/* dom0: run this vCPU on one pCPU for now: sched_pin_override. */
#define SCHEDOP_pin_override    7

struct sched_shutdown {
    uint32_t reason;            /* IN: SHUTDOWN_* */
};
typedef struct sched_shutdown sched_shutdown_t;
DEFINE_XEN_GUEST_HANDLE(sched_shutdown_t);

struct sched_poll {
    XEN_GUEST_HANDLE(evtchn_port_t) ports;  /* IN */
    uint32_t nr_ports;          /* IN */
    uint32_t _pad0;
    uint64_t timeout;           /* IN: absolute system time, 0 = none */
};
typedef struct sched_poll sched_poll_t;
DEFINE_XEN_GUEST_HANDLE(sched_poll_t);

struct sched_remote_shutdown {
    domid_t domain_id;          /* IN */
    uint16_t _pad0;
    uint32_t reason;            /* IN: SHUTDOWN_* */
};
typedef struct sched_remote_shutdown sched_remote_shutdown_t;
DEFINE_XEN_GUEST_HANDLE(sched_remote_shutdown_t);

/*
 * id 0 creates a watchdog and returns its id; a non-zero id with a
 * non-zero timeout (seconds) feeds it, with timeout 0 destroys it.
 */
struct sched_watchdog {
    uint32_t id;                /* IN/OUT */
    uint32_t timeout;           /* IN */
};
typedef struct sched_watchdog sched_watchdog_t;
DEFINE_XEN_GUEST_HANDLE(sched_watchdog_t);

struct sched_pin_override {
    int32_t pcpu;               /* IN: -1 ends the override */
};
typedef struct sched_pin_override sched_pin_override_t;
DEFINE_XEN_GUEST_HANDLE(sched_pin_override_t);

/* Shutdown reasons (also reported in domctl getdomaininfo). */
#define SHUTDOWN_poweroff   0   /* halt, clean up */
#define SHUTDOWN_reboot     1   /* restart */
#define SHUTDOWN_suspend    2   /* save state, can resume */
#define SHUTDOWN_crash      3   /* fatal error */
#define SHUTDOWN_watchdog   4   /* watchdog expired */
#define SHUTDOWN_soft_reset 5   /* reset without destroying */
#define SHUTDOWN_MAX        5

#endif /* XEN_PUBLIC_SCHED_H */
