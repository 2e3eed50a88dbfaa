/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV MMU hypercalls: mmu_update, mmuext_op, update_va_mapping, and
 * the write emulation for read-only page tables (writable page-table
 * assist).  Every new entry is validated before it is written.
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/mm.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/system.h>
#include <asm/uaccess.h>

static struct page_info *owned_page(const struct domain *d,
                                    unsigned long mfn)
{
    struct page_info *pg;

    if ( !mfn_valid(mfn) )
        return NULL;
    pg = mfn_to_page(mfn);
    return page_get_owner(pg) == d ? pg : NULL;
}

int pv_mod_entry(struct domain *d, struct domain *owner, unsigned long mfn,
                 unsigned int idx, uint64_t val, bool preserve_ad)
{
    struct page_info *pg = owned_page(d, mfn);
    unsigned long type;
    uint64_t *slot, old;
    int rc;

    if ( !pg || idx >= PTES_PER_TABLE )
        return -EINVAL;
    type = pg->type_info & PGT_type_mask;
    slot = (uint64_t *)page_to_virt(pg) + idx;

    if ( !(pg->type_info & PGT_count_mask) || !is_pt_level(type) )
    {
        /* Not an in-use table: an ordinary write to a writable frame. */
        if ( get_page_type(pg, PGT_writable_page) )
            return -EINVAL;
        __atomic_store_n(slot, val, __ATOMIC_SEQ_CST);
        put_page_type(pg);
        return 0;
    }

    if ( type == PGT_l4_page_table && !is_guest_l4_slot(idx) )
    {
        gprintk(XENLOG_WARNING, "d%u: L4 update in the hypervisor's slot %u\n",
                d->domain_id, idx);
        return -EINVAL;
    }
    if ( type == PGT_l1_page_table )
        rc = get_page_from_l1e(&val, d, owner);
    else
        rc = get_page_from_lne(&val, d, type - (1UL << PGT_type_shift));
    if ( rc )
        return rc;

    if ( preserve_ad )
    {
        old = READ_ONCE(*slot);
        while ( !__atomic_compare_exchange_n(
                    slot, &old,
                    val | (old & (_PAGE_ACCESSED | _PAGE_DIRTY)), false,
                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) )
            ;
    }
    else
        old = __atomic_exchange_n(slot, val, __ATOMIC_SEQ_CST);

    if ( type == PGT_l1_page_table )
        put_page_from_l1e(old);
    else
    {
        put_page_from_lne(old);
        /* A whole subtree changed: the guest cannot invlpg all of it. */
        if ( old & _PAGE_PRESENT )
            flush_tlb_local();
    }
    return 0;
}

uint64_t *guest_l1e_for_va(unsigned long l4_mfn, unsigned long va,
                           unsigned long *l1_mfn)
{
    uint64_t *t = mfn_to_virt(l4_mfn), e;

    if ( !l4_mfn || !guest_range_ok(va, 1) )
        return NULL;
    e = t[l4_index(va)];
    if ( !(e & _PAGE_PRESENT) )
        return NULL;
    t = __va(e & PADDR_MASK);
    e = t[l3_index(va)];
    if ( !(e & _PAGE_PRESENT) || (e & _PAGE_PSE) )
        return NULL;
    t = __va(e & PADDR_MASK);
    e = t[l2_index(va)];
    if ( !(e & _PAGE_PRESENT) || (e & _PAGE_PSE) )
        return NULL;
    *l1_mfn = (e & PADDR_MASK) >> PAGE_SHIFT;
    return (uint64_t *)__va(e & PADDR_MASK) + l1_index(va);
}

static struct domain *foreign_owner(struct domain *d, unsigned int fd)
{
    struct domain *o;

    if ( fd == DOMID_SELF )
        return d;
    /* As on Xen: a domain may not name itself as the foreign owner. */
    if ( fd == d->domain_id )
    {
        gprintk(XENLOG_DEBUG, "d%u: cannot specify itself as foreign "
                "domain\n", d->domain_id);
        return NULL;
    }
    if ( !d->is_privileged )
        return NULL;
    o = rcu_lock_domain_by_id(fd);
    return o;
}

/*
 * mmu_update and mmuext_op preempted after element i: the count done so
 * far goes to *pdone, and the call resumes at element i with the rest of
 * the count flagged MMU_UPDATE_PREEMPTED (so it reads *pdone back).
 */
static long batch_continue(unsigned int nr, unsigned long base,
                           size_t elem, unsigned int i, unsigned int count,
                           unsigned int done, unsigned long pdone,
                           unsigned int foreigndom)
{
    done += i;
    if ( pdone && copy_to_guest_va(pdone, &done, sizeof(done)) )
        return -EFAULT;
    return hypercall_continue(nr, base + i * elem,
                              (count - i) | MMU_UPDATE_PREEMPTED, pdone,
                              foreigndom);
}

long do_mmu_update(unsigned long ureqs, unsigned int count,
                   unsigned long pdone, unsigned int foreigndom)
{
    struct domain *d = current->domain;
    struct domain *owner = foreign_owner(d, foreigndom);
    unsigned int i, done = 0;
    long rc = 0;

    if ( !owner )
        return -ESRCH;
    if ( count & MMU_UPDATE_PREEMPTED )
    {
        count &= ~MMU_UPDATE_PREEMPTED;
        if ( pdone && copy_from_guest_va(&done, pdone, sizeof(done)) )
            return -EFAULT;
    }
    for ( i = 0; i < count; i++ )
    {
        struct mmu_update req;
        unsigned long mfn;

        if ( i && hypercall_preempt_check() )
            return batch_continue(__HYPERVISOR_mmu_update, ureqs, sizeof(req),
                                  i, count, done, pdone, foreigndom);

        if ( copy_from_guest_va(&req, ureqs + i * sizeof(req), sizeof(req)) )
        {
            rc = -EFAULT;
            break;
        }
        mfn = req.ptr >> PAGE_SHIFT;
        switch ( req.ptr & 3 )
        {
        case MMU_NORMAL_PT_UPDATE:
        case MMU_PT_UPDATE_PRESERVE_AD:
            if ( req.ptr & 4 )
            {
                rc = -EINVAL;   /* entries are 8-byte aligned */
                break;
            }
            rc = pv_mod_entry(d, owner, mfn, (req.ptr & ~PAGE_MASK) >> 3,
                              req.val,
                              (req.ptr & 3) == MMU_PT_UPDATE_PRESERVE_AD);
            break;
        case MMU_MACHPHYS_UPDATE:
        {
            struct page_info *pg = owned_page(owner, mfn);

            if ( !pg )
            {
                rc = -EINVAL;
                break;
            }
            set_gpfn_from_mfn(mfn, req.val);
            break;
        }
        default:
            rc = -ENOSYS;
            break;
        }
        if ( rc )
        {
            gprintk(XENLOG_DEBUG, "d%u: mmu_update %u of %u failed: %ld\n",
                    d->domain_id, i, count, rc);
            break;
        }
    }
    done += i;
    if ( pdone && copy_to_guest_va(pdone, &done, sizeof(done)) && !rc )
        rc = -EFAULT;
    return rc;
}

static void flush_for(unsigned long flags, unsigned long va)
{
    switch ( flags & UVMF_FLUSHTYPE_MASK )
    {
    case UVMF_TLB_FLUSH:
        if ( (flags & ~UVMF_FLUSHTYPE_MASK) == UVMF_LOCAL )
            flush_tlb_local();
        else
            flush_tlb_all_cpus();
        break;
    case UVMF_INVLPG:
        if ( (flags & ~UVMF_FLUSHTYPE_MASK) == UVMF_LOCAL )
            invlpg((void *)va);
        else
            flush_tlb_all_cpus();
        break;
    }
}

long do_update_va_mapping(unsigned long va, uint64_t val, unsigned long flags)
{
    struct vcpu *v = current;
    unsigned long l1_mfn;
    uint64_t *pl1e = guest_l1e_for_va(v->arch.pv.guest_table, va, &l1_mfn);
    long rc;

    if ( !pl1e )
        return -EINVAL;
    rc = pv_mod_entry(v->domain, v->domain, l1_mfn,
                      ((unsigned long)pl1e & ~PAGE_MASK) >> 3, val, false);
    if ( rc )
        return rc;
    flush_for(flags, va);
    return 0;
}

long do_update_va_mapping_otherdomain(unsigned long va, uint64_t val,
                                      unsigned long flags, domid_t domid)
{
    struct vcpu *v = current;
    struct domain *owner = foreign_owner(v->domain, domid);
    unsigned long l1_mfn;
    uint64_t *pl1e;
    long rc;

    if ( !owner )
        return -ESRCH;
    pl1e = guest_l1e_for_va(v->arch.pv.guest_table, va, &l1_mfn);
    if ( !pl1e )
        return -EINVAL;
    rc = pv_mod_entry(v->domain, owner, l1_mfn,
                      ((unsigned long)pl1e & ~PAGE_MASK) >> 3, val, false);
    if ( !rc )
        flush_for(flags, va);
    return rc;
}

int pv_vcpu_set_baseptr(struct vcpu *v, unsigned long mfn, bool user)
{
    unsigned long *slot = user ? &v->arch.pv.guest_table_user
                               : &v->arch.pv.guest_table;
    unsigned long old = *slot;
    int rc;

    if ( user && mfn == 0 )
    {
        *slot = 0;
    }
    else
    {
        if ( !mfn_valid(mfn) )
            return -EINVAL;
        rc = get_page_and_type(mfn_to_page(mfn), v->domain,
                               PGT_l4_page_table);
        if ( rc )
            return rc;
        *slot = mfn;
    }
    if ( v == current )
        pv_update_cr3(v);
    if ( old )
        put_page_and_type(mfn_to_page(old));
    return 0;
}

static unsigned long pin_type(unsigned int cmd)
{
    return (unsigned long)(cmd - MMUEXT_PIN_L1_TABLE + 1) << PGT_type_shift;
}

long do_mmuext_op(unsigned long uops, unsigned int count, unsigned long pdone,
                  unsigned int foreigndom)
{
    struct vcpu *v = current;
    struct domain *d = v->domain;
    unsigned int i, done = 0;
    long rc = 0;

    if ( foreigndom != DOMID_SELF && foreigndom != d->domain_id )
        return -EINVAL;
    if ( count & MMU_UPDATE_PREEMPTED )
    {
        count &= ~MMU_UPDATE_PREEMPTED;
        if ( pdone && copy_from_guest_va(&done, pdone, sizeof(done)) )
            return -EFAULT;
    }

    for ( i = 0; i < count; i++ )
    {
        struct mmuext_op op;
        struct page_info *pg;

        if ( i && hypercall_preempt_check() )
            return batch_continue(__HYPERVISOR_mmuext_op, uops, sizeof(op), i,
                                  count, done, pdone, foreigndom);

        if ( copy_from_guest_va(&op, uops + i * sizeof(op), sizeof(op)) )
        {
            rc = -EFAULT;
            break;
        }
        switch ( op.cmd )
        {
        case MMUEXT_PIN_L1_TABLE:
        case MMUEXT_PIN_L2_TABLE:
        case MMUEXT_PIN_L3_TABLE:
        case MMUEXT_PIN_L4_TABLE:
            if ( !owned_page(d, op.arg1.mfn) )
                rc = -EINVAL;
            else
                rc = pv_pin_table(d, op.arg1.mfn, pin_type(op.cmd));
            break;

        case MMUEXT_UNPIN_TABLE:
            pg = owned_page(d, op.arg1.mfn);
            if ( !pg || !(pg->type_info & PGT_pinned) )
            {
                rc = -EINVAL;
                break;
            }
            __atomic_fetch_and(&pg->type_info, ~PGT_pinned, __ATOMIC_SEQ_CST);
            put_page_and_type(pg);
            break;

        case MMUEXT_NEW_BASEPTR:
            rc = pv_vcpu_set_baseptr(v, op.arg1.mfn, false);
            break;

        case MMUEXT_NEW_USER_BASEPTR:
            rc = pv_vcpu_set_baseptr(v, op.arg1.mfn, true);
            break;

        case MMUEXT_TLB_FLUSH_LOCAL:
            flush_tlb_local();
            break;

        case MMUEXT_INVLPG_LOCAL:
            if ( guest_range_ok(op.arg1.linear_addr, 1) )
                invlpg((void *)op.arg1.linear_addr);
            break;

        case MMUEXT_TLB_FLUSH_MULTI:
        case MMUEXT_INVLPG_MULTI:
        case MMUEXT_TLB_FLUSH_ALL:
        case MMUEXT_INVLPG_ALL:
            flush_tlb_all_cpus();
            break;

        case MMUEXT_FLUSH_CACHE:
        case MMUEXT_FLUSH_CACHE_GLOBAL:
            if ( !d->is_privileged )
                rc = -EACCES;
            else
                __asm__ __volatile__("wbinvd" ::: "memory");
            break;

        case MMUEXT_SET_LDT:
            rc = pv_set_ldt(v, op.arg1.linear_addr, op.arg2.nr_ents);
            break;

        case MMUEXT_CLEAR_PAGE:
            pg = owned_page(d, op.arg1.mfn);
            if ( !pg || get_page_type(pg, PGT_writable_page) )
            {
                rc = -EINVAL;
                break;
            }
            memset(page_to_virt(pg), 0, PAGE_SIZE);
            put_page_type(pg);
            break;

        case MMUEXT_COPY_PAGE:
        {
            struct page_info *src = owned_page(d, op.arg2.src_mfn);

            pg = owned_page(d, op.arg1.mfn);
            if ( !pg || !src || get_page_type(pg, PGT_writable_page) )
            {
                rc = -EINVAL;
                break;
            }
            memcpy(page_to_virt(pg), page_to_virt(src), PAGE_SIZE);
            put_page_type(pg);
            break;
        }

        default:
            rc = -ENOSYS;
            break;
        }
        if ( rc )
        {
            gprintk(XENLOG_DEBUG, "d%u: mmuext_op %u (cmd %u) failed: %ld\n",
                    d->domain_id, i, op.cmd, rc);
            break;
        }
    }
    done += i;
    if ( pdone && copy_to_guest_va(pdone, &done, sizeof(done)) && !rc )
        rc = -EFAULT;
    return rc;
}

/* ---- writable page-table assist ---- */

/* Length of a ModRM operand (ModRM, SIB, displacement). */
unsigned int modrm_len(const uint8_t *p, unsigned int avail)
{
    unsigned int mod, rm, len = 1;

    if ( avail < 1 )
        return 0;
    mod = p[0] >> 6;
    rm = p[0] & 7;
    if ( mod == 3 )
        return 1;
    if ( rm == 4 )
    {
        if ( avail < 2 )
            return 0;
        len++;
        if ( mod == 0 && (p[1] & 7) == 5 )
            len += 4;
    }
    if ( mod == 0 && rm == 5 )
        len += 4;
    else if ( mod == 1 )
        len += 1;
    else if ( mod == 2 )
        len += 4;
    return len <= avail ? len : 0;
}

static unsigned long *reg_of(struct cpu_user_regs *r, unsigned int n)
{
    unsigned long *regs[16] = {
        (unsigned long *)&r->rax, (unsigned long *)&r->rcx,
        (unsigned long *)&r->rdx, (unsigned long *)&r->rbx,
        (unsigned long *)&r->rsp, (unsigned long *)&r->rbp,
        (unsigned long *)&r->rsi, (unsigned long *)&r->rdi,
        (unsigned long *)&r->r8, (unsigned long *)&r->r9,
        (unsigned long *)&r->r10, (unsigned long *)&r->r11,
        (unsigned long *)&r->r12, (unsigned long *)&r->r13,
        (unsigned long *)&r->r14, (unsigned long *)&r->r15,
    };

    return regs[n & 15];
}

/*
 * A guest kernel store to one of its read-only L1 tables: emulate the
 * instruction on the 8-byte entry as a validated update.  Covered: MOV
 * (reg, imm), XCHG, CMPXCHG, the ALU forms AND/OR/XOR/ADD/SUB with an
 * immediate or register, and BT/BTS/BTR/BTC -- what Linux's PTE helpers
 * compile to (set_pte, ptep_get_and_clear, clear_bit, test_and_clear_bit).
 * Operand sizes 1, 2, 4 or 8 bytes, all within one entry.  Returns 1 if
 * handled, 0 to deliver the page fault to the guest.
 */
int pv_ptwr_fault(struct cpu_user_regs *regs, unsigned long addr)
{
    struct vcpu *v = current;
    struct domain *d = v->domain;
    unsigned long l1_mfn, mfn, gpr = 0;
    uint64_t *pte, cur, val, opnd = 0, mask, res;
    struct page_info *pg;
    uint8_t b[16];
    unsigned int n, i = 0, rex = 0, ml, reg, sz = 4, shift, op;
    bool opsz16 = false, byte_op = false, has_imm = false, set_cf = false;
    bool cf = false, write = true, write_reg = false;
    unsigned int imm_bytes = 0;
    unsigned long rip_next;

    if ( !(d->vm_assist & (1UL << VMASST_TYPE_writable_pagetables)) )
        return 0;
    pte = guest_l1e_for_va(v->arch.pv.guest_table, addr, &l1_mfn);
    if ( !pte || !(*pte & _PAGE_PRESENT) || (*pte & _PAGE_RW) )
        return 0;
    mfn = (*pte & PADDR_MASK) >> PAGE_SHIFT;
    pg = owned_page(d, mfn);
    if ( !pg || (pg->type_info & PGT_type_mask) != PGT_l1_page_table ||
         !(pg->type_info & PGT_count_mask) )
        return 0;

    for ( n = 0; n < sizeof(b); n++ )
        if ( copy_from_guest_va(&b[n], regs->rip + n, 1) )
            break;
    for ( ; i < n; i++ )
    {
        if ( b[i] == 0x66 )
            opsz16 = true;
        else if ( b[i] != 0xf0 && b[i] != 0x2e && b[i] != 0x3e &&
                  b[i] != 0x26 && b[i] != 0x36 && b[i] != 0x64 &&
                  b[i] != 0x65 )
            break;
    }
    if ( i < n && (b[i] & 0xf0) == 0x40 )
        rex = b[i++];
    if ( i >= n )
        return 0;
    op = b[i++];
    if ( op == 0x0f )
    {
        if ( i >= n )
            return 0;
        op = 0x100 | b[i++];
    }

    switch ( op )
    {
    case 0x88: case 0x80: case 0xc6: case 0x86:
        byte_op = true;
        break;
    }
    sz = byte_op ? 1 : (rex & 8) ? 8 : opsz16 ? 2 : 4;
    if ( i >= n )
        return 0;
    ml = modrm_len(&b[i], n - i);
    if ( !ml )
        return 0;
    reg = ((b[i] >> 3) & 7) | ((rex & 4) ? 8 : 0);
    if ( (b[i] >> 6) == 3 )
        return 0;                           /* not a memory operand */
    switch ( op )
    {
    case 0x80: case 0x83: case 0xc6: case 0x1ba:
        imm_bytes = 1;
        break;
    case 0x81: case 0xc7:
        imm_bytes = sz == 2 ? 2 : 4;
        break;
    }
    if ( i + ml + imm_bytes > n )
        return 0;
    rip_next = regs->rip + i + ml + imm_bytes;
    if ( imm_bytes )
    {
        int64_t imm = 0;

        memcpy(&imm, &b[i + ml], imm_bytes);
        if ( imm_bytes == 1 )
            imm = (int8_t)imm;
        else if ( imm_bytes == 2 )
            imm = (int16_t)imm;
        else
            imm = (int32_t)imm;
        opnd = imm;
        has_imm = true;
    }
    else
    {
        gpr = *reg_of(regs, reg);
        opnd = gpr;
    }

    /* The operand must lie within the one 8-byte entry. */
    shift = (addr & 7) * 8;
    if ( (addr & 7) + sz > 8 )
        return 0;
    mask = sz == 8 ? ~0ULL : (((1ULL << (sz * 8)) - 1) << shift);
    cur = READ_ONCE(((uint64_t *)page_to_virt(pg))[(addr & ~PAGE_MASK) >> 3]);
    val = (cur & mask) >> shift;            /* the old operand */
    res = val;

    switch ( op )
    {
    case 0x88: case 0x89:                   /* mov reg, mem */
    case 0xc6: case 0xc7:                   /* mov imm, mem */
        res = opnd;
        break;
    case 0x86: case 0x87:                   /* xchg */
        res = opnd;
        write_reg = true;
        break;
    case 0x80: case 0x81: case 0x83:
        switch ( (b[i] >> 3) & 7 )
        {
        case 0: res = val + opnd; break;
        case 1: res = val | opnd; break;
        case 4: res = val & opnd; break;
        case 5: res = val - opnd; break;
        case 6: res = val ^ opnd; break;
        default: return 0;
        }
        break;
    case 0x01: res = val + opnd; break;     /* add reg, mem */
    case 0x09: res = val | opnd; break;
    case 0x21: res = val & opnd; break;
    case 0x29: res = val - opnd; break;
    case 0x31: res = val ^ opnd; break;
    case 0x1b1:                             /* cmpxchg */
        if ( (regs->rax & (mask >> shift)) == val )
        {
            res = opnd;
            regs->rflags |= 0x40;
        }
        else
        {
            write = false;
            regs->rax = (sz == 4) ? (uint32_t)val
                                  : (regs->rax & ~(mask >> shift)) | val;
            regs->rflags &= ~0x40UL;
        }
        break;
    case 0x1ba:                             /* bt/bts/btr/btc imm */
    case 0x1ab: case 0x1b3: case 0x1bb:     /* bts/btr/btc reg */
    {
        unsigned int kind = op == 0x1ba ? (b[i] >> 3) & 7
                          : op == 0x1ab ? 5 : op == 0x1b3 ? 6 : 7;
        unsigned int bit = opnd & (sz * 8 - 1);

        if ( op != 0x1ba && opnd >= sz * 8 )
            return 0;                       /* bit outside the entry */
        cf = (val >> bit) & 1;
        set_cf = true;
        switch ( kind )
        {
        case 4: write = false; break;
        case 5: res = val | (1ULL << bit); break;
        case 6: res = val & ~(1ULL << bit); break;
        case 7: res = val ^ (1ULL << bit); break;
        default: return 0;
        }
        break;
    }
    default:
        return 0;
    }
    (void)has_imm;

    if ( write )
    {
        uint64_t newval = (cur & ~mask) | ((res << shift) & mask);

        if ( pv_mod_entry(d, d, mfn, (addr & ~PAGE_MASK) >> 3, newval,
                          false) )
            return 0;
    }
    if ( write_reg )
    {
        unsigned long *r = reg_of(regs, reg);

        *r = sz == 8 ? val : sz == 4 ? (uint32_t)val
                       : (*r & ~((1UL << (sz * 8)) - 1)) | val;
    }
    if ( set_cf )
        regs->rflags = (regs->rflags & ~1UL) | cf;
    else if ( op != 0x1b1 && write )
        regs->rflags = (regs->rflags & ~0x40UL) |
                       ((res & (mask >> shift)) ? 0 : 0x40);
    regs->rip = rip_next;
    return 1;
}
