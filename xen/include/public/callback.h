/* SPDX-License-Identifier: MIT */
/*
 * callback_op (30): (cmd, arg).  Guest entry points the hypervisor
 * jumps to: event upcall, failsafe, system call, NMI.
 */
#ifndef XEN_PUBLIC_CALLBACK_H
#define XEN_PUBLIC_CALLBACK_H

#include "xen.h"

#define CALLBACKTYPE_event               0  /* event channel upcall */
#define CALLBACKTYPE_failsafe            1  /* bad segment on return */
#define CALLBACKTYPE_syscall             2  /* x86_64: 64-bit SYSCALL */
#define CALLBACKTYPE_sysenter_deprecated 3  /* old number of sysenter */
#define CALLBACKTYPE_nmi                 4  /* NMI delivery */
#define CALLBACKTYPE_sysenter            5  /* x86: 32-bit SYSENTER */
/* 6 is not assigned */
#define CALLBACKTYPE_syscall32           7  /* x86_64: 32-bit SYSCALL */

#if __XEN_INTERFACE_VERSION__ < 0x00030207
#undef CALLBACKTYPE_sysenter
#define CALLBACKTYPE_sysenter CALLBACKTYPE_sysenter_deprecated
#endif

/* Mask events while the callback runs (ignored for event and NMI). */
#define _CALLBACKF_mask_events 0
#define CALLBACKF_mask_events  (1U << _CALLBACKF_mask_events)

#define CALLBACKOP_register   0
struct callback_register {
    uint16_t type;              /* IN: CALLBACKTYPE_* */
    uint16_t flags;             /* IN: CALLBACKF_* */
    uint32_t _pad0;
    xen_callback_t address;     /* IN: entry VA */
};
typedef struct callback_register callback_register_t;
DEFINE_XEN_GUEST_HANDLE(callback_register_t);

/* The event and failsafe callbacks cannot be unregistered. */
#define CALLBACKOP_unregister 1
struct callback_unregister {
    uint16_t type;              /* IN: CALLBACKTYPE_* */
    uint16_t _unused;
};
typedef struct callback_unregister callback_unregister_t;
DEFINE_XEN_GUEST_HANDLE(callback_unregister_t);

#endif /* XEN_PUBLIC_CALLBACK_H */
