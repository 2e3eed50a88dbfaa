/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory access.  Guest addresses are checked to be canonical and
 * outside the hypervisor's range before any access; faults are caught.
 */
#ifndef ASM_UACCESS_H
#define ASM_UACCESS_H

#include <xen/errno.h>
#include <xen/types.h>
#include <asm/layout.h>

extern bool cpu_has_smap;

unsigned long __raw_copy(void *to, const void *from, size_t n);
unsigned long __raw_clear(void *to, size_t n);

/* [va, va + n) is canonical guest space, clear of the hypervisor's slots. */
static inline bool guest_range_ok(unsigned long va, size_t n)
{
    unsigned long end = va + n;

    if ( end < va )
        return false;
    if ( n == 0 )
        return true;
    /* Lower canonical half, or upper half above the hypervisor's range. */
    if ( end <= 0x0000800000000000UL )
        return true;
    return va >= HV_VIRT_END;
}

static inline int copy_from_guest_va(void *to, unsigned long va, size_t n)
{
    if ( !guest_range_ok(va, n) )
        return -EFAULT;
    return __raw_copy(to, (const void *)va, n) ? -EFAULT : 0;
}

static inline int copy_to_guest_va(unsigned long va, const void *from,
                                   size_t n)
{
    if ( !guest_range_ok(va, n) )
        return -EFAULT;
    return __raw_copy((void *)va, from, n) ? -EFAULT : 0;
}

static inline int clear_guest_va(unsigned long va, size_t n)
{
    if ( !guest_range_ok(va, n) )
        return -EFAULT;
    return __raw_clear((void *)va, n) ? -EFAULT : 0;
}

#define copy_from_guest(ptr, va) \
    copy_from_guest_va((ptr), (va), sizeof(*(ptr)))
#define copy_to_guest(va, ptr) \
    copy_to_guest_va((va), (ptr), sizeof(*(ptr)))

/* Exception-table fixup for a fault at 'rip' in the hypervisor, or 0. */
unsigned long search_exception_table(unsigned long rip);

#endif /* ASM_UACCESS_H */
