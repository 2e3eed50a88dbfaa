/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory access.  On arm64 hypercall arguments are guest virtual
 * addresses, translated through the guest's stage 1 and stage 2; until
 * guests run on this port every access fails with -EFAULT.
 */
#ifndef ASM_UACCESS_H
#define ASM_UACCESS_H

#include <xen/errno.h>
#include <xen/types.h>

/* Any address is a guest address on arm: only wrap-around is refused. */
static inline bool guest_range_ok(unsigned long va, size_t n)
{
    return va + n >= va;
}

int copy_from_guest_va(void *to, unsigned long va, size_t n);
int copy_to_guest_va(unsigned long va, const void *from, size_t n);
int clear_guest_va(unsigned long va, size_t n);

#define copy_from_guest(ptr, va) \
    copy_from_guest_va((ptr), (va), sizeof(*(ptr)))
#define copy_to_guest(va, ptr) \
    copy_to_guest_va((va), (ptr), sizeof(*(ptr)))

#endif /* ASM_UACCESS_H */
