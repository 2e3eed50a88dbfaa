// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stores to MMIO frames dom0 may only read (the MSI-X tables and PBAs the
 * hypervisor programs, msix_ro_frame()): as on Xen, the store is dropped
 * and the guest goes on at the next instruction, instead of faulting
 * again and again on a mapping it cannot make writable.  Plain MOV stores
 * (what MMIO accessors compile to) are understood; anything else gets
 * the page fault.
 */
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/uaccess.h>

int pv_mmio_ro_fault(struct cpu_user_regs *regs, unsigned long addr)
{
    struct vcpu *v = current;
    unsigned long l4 = v->arch.pv.in_kernel ? v->arch.pv.guest_table
                                            : v->arch.pv.guest_table_user;
    unsigned long l1_mfn, mfn;
    uint64_t *pte = guest_l1e_for_va(l4, addr, &l1_mfn);
    unsigned int n, i = 0, ml, imm = 0, op;
    bool opsz16 = false;
    uint8_t b[15];

    if ( !pte || !(*pte & _PAGE_PRESENT) || (*pte & _PAGE_RW) )
        return 0;
    mfn = (*pte & PADDR_MASK) >> PAGE_SHIFT;
    if ( !msix_ro_frame(mfn) )
        return 0;

    for ( n = 0; n < sizeof(b); n++ )
        if ( copy_from_guest_va(&b[n], regs->rip + n, 1) )
            break;
    for ( ; i < n && (b[i] == 0x66 || (b[i] & 0xf0) == 0x40); i++ )
        if ( b[i] == 0x66 )
            opsz16 = true;
    if ( i >= n )
        return 0;
    op = b[i++];
    switch ( op )
    {
    case 0x88: case 0x89:               /* mov reg, mem */
        break;
    case 0xc6:                          /* mov imm8, mem */
        imm = 1;
        break;
    case 0xc7:                          /* mov imm16/32, mem */
        imm = opsz16 ? 2 : 4;
        break;
    default:
        return 0;
    }
    ml = modrm_len(&b[i], n - i);
    if ( !ml || (b[i] >> 6) == 3 || i + ml + imm > n )
        return 0;
    gprintk(XENLOG_DEBUG, "d%u: store to read-only MSI-X MFN %lx dropped\n",
            v->domain->domain_id, mfn);
    regs->rip += i + ml + imm;
    return 1;
}
