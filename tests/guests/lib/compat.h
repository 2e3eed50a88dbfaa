/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Definitions the public headers do not carry yet. Each block goes away
 * once its header lands in xen/include/public/.
 */
#ifndef GUEST_COMPAT_H
#define GUEST_COMPAT_H

#if __has_include(<public/callback.h>)
#include <public/callback.h>
#else
/* callback_op (30), from Xen's public/callback.h. */
#define CALLBACKTYPE_event     0
#define CALLBACKTYPE_failsafe  1
#define CALLBACKTYPE_syscall   2
#define CALLBACKTYPE_sysenter  3
#define CALLBACKTYPE_nmi       4
#define CALLBACKTYPE_syscall32 7
#define CALLBACKF_mask_events  (1 << 0)
#define CALLBACKOP_register    0
#define CALLBACKOP_unregister  1

struct callback_register {
    uint16_t type;
    uint16_t flags;
    uint32_t _pad0;
    xen_callback_t address;
};

struct callback_unregister {
    uint16_t type;
    uint16_t _unused;
};
#endif

#endif /* GUEST_COMPAT_H */
