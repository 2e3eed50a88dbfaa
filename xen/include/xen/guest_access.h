/* SPDX-License-Identifier: GPL-2.0-only */
/* Access to guest memory from common code (arch implementation). */
#ifndef XEN_GUEST_ACCESS_H
#define XEN_GUEST_ACCESS_H

#include <asm/uaccess.h>

#endif /* XEN_GUEST_ACCESS_H */
