/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Building the PV dom0 from its kernel (ELF, or a gzip/xz-compressed ELF,
 * or a Linux bzImage) and initrd: memory, the P2M list and M2P entries,
 * the initial page tables, start_info and the first vCPU's registers, in
 * the start-of-day layout of the Xen ABI.
 */
#include <xen/decompress.h>
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/lib.h>
#include <xen/libelf.h>
#include <xen/mm.h>
#include <xen/sched.h>
#include <xen/wallclock.h>
#include <xen/time.h>
#include <xen/xmalloc.h>
#include <public/xen.h>
#include <asm/mm.h>
#include <asm/pv.h>
#include <asm/pv_mm.h>
#include <asm/pv_dom0.h>
#include <asm/setup.h>

#define PT_FLAGS  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | \
                   _PAGE_USER)
#define MB4       (4UL << 20)

struct builder {
    struct domain *d;
    unsigned long nr_pages;
    unsigned long *p2m;             /* pfn -> mfn, hypervisor copy */
    unsigned long v_start, v_end;
    unsigned long pt_pfn, pt_used, pt_max;
};

static void *pfn_va(const struct builder *b, unsigned long pfn)
{
    return mfn_to_virt(b->p2m[pfn]);
}

static int write_guest(void *ctx, u64 dest, const void *src, size_t len)
{
    struct builder *b = ctx;

    while ( len )
    {
        unsigned long pfn = (dest - b->v_start) >> PAGE_SHIFT;
        size_t off = dest & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);

        if ( dest < b->v_start || pfn >= b->nr_pages )
            return -EINVAL;
        if ( src )
        {
            memcpy((char *)pfn_va(b, pfn) + off, src, n);
            src = (const char *)src + n;
        }
        else
            memset((char *)pfn_va(b, pfn) + off, 0, n);
        dest += n;
        len -= n;
    }
    return 0;
}

/* Page-table frames come, in order, from the reserved pfn range. */
static uint64_t *new_table(struct builder *b, unsigned long *mfn)
{
    unsigned long pfn;

    if ( b->pt_used >= b->pt_max )
        return NULL;
    pfn = b->pt_pfn + b->pt_used++;
    *mfn = b->p2m[pfn];
    return pfn_va(b, pfn);
}

static int map_one(struct builder *b, uint64_t *l4, unsigned long va,
                   unsigned long mfn, bool rw)
{
    uint64_t *t = l4;
    unsigned int level, idx[3] = { l4_index(va), l3_index(va), l2_index(va) };

    for ( level = 0; level < 3; level++ )
    {
        uint64_t *e = &t[idx[level]];

        if ( !(*e & _PAGE_PRESENT) )
        {
            unsigned long tmfn;
            uint64_t *nt = new_table(b, &tmfn);

            if ( !nt )
                return -ENOMEM;
            *e = ((uint64_t)tmfn << PAGE_SHIFT) | PT_FLAGS;
        }
        t = mfn_to_virt((*e & PADDR_MASK) >> PAGE_SHIFT);
    }
    t[l1_index(va)] = ((uint64_t)mfn << PAGE_SHIFT) | _PAGE_PRESENT |
                      _PAGE_ACCESSED | _PAGE_USER |
                      (rw ? _PAGE_RW | _PAGE_DIRTY : 0);
    return 0;
}

/* Tables needed to map [s, e) (not counting the L4). */
static unsigned long tables_for(unsigned long s, unsigned long e)
{
    unsigned long n = 0;

    if ( e <= s )
        return 0;
    n += ((e - 1) >> L4_PAGE_SHIFT) - (s >> L4_PAGE_SHIFT) + 1;  /* L3 */
    n += ((e - 1) >> L3_PAGE_SHIFT) - (s >> L3_PAGE_SHIFT) + 1;  /* L2 */
    n += ((e - 1) >> L2_PAGE_SHIFT) - (s >> L2_PAGE_SHIFT) + 1;  /* L1 */
    return n;
}

static void write_hypercall_page(void *page)
{
    uint8_t *p = page;
    unsigned int i;

    memset(page, 0xcc, PAGE_SIZE);
    for ( i = 0; i < PAGE_SIZE / 32; i++, p += 32 )
    {
        uint8_t *s = p;

        *s++ = 0x51;                            /* push %rcx */
        *s++ = 0x41; *s++ = 0x53;               /* push %r11 */
        if ( i == __HYPERVISOR_iret )
            *s++ = 0x50;                        /* push %rax */
        *s++ = 0xb8;                            /* mov $i, %eax */
        memcpy(s, &i, 4);
        s += 4;
        *s++ = 0x0f; *s++ = 0x05;               /* syscall */
        if ( i == __HYPERVISOR_iret )
            continue;                           /* iret never returns */
        *s++ = 0x41; *s++ = 0x5b;               /* pop %r11 */
        *s++ = 0x59;                            /* pop %rcx */
        *s++ = 0xc3;                            /* ret */
    }
}

/* Find the ELF inside what the loader gave: raw, compressed or bzImage. */
static int unpack_kernel(const void *img, size_t len, const void **elf,
                         size_t *elf_len, struct page_info **tmp,
                         unsigned int *tmp_order)
{
    const void *payload = img;
    size_t plen = len, out;
    struct page_info *pg;
    int rc;

    *tmp = NULL;
    if ( bzimage_payload(img, len, &payload, &plen) != 0 )
    {
        payload = img;
        plen = len;
    }
    if ( !decompress_known(payload, plen) )
    {
        *elf = payload;
        *elf_len = plen;
        return 0;
    }
    rc = decompress_out_size(payload, plen, &out);
    if ( rc )
        return rc;
    *tmp_order = get_order_from_bytes(out);
    pg = alloc_domheap_pages(NULL, *tmp_order, MEMF_no_scrub);
    if ( !pg )
        return -ENOMEM;
    rc = decompress(payload, plen, page_to_virt(pg), out, elf_len);
    if ( rc )
    {
        free_domheap_pages(pg, *tmp_order);
        return rc;
    }
    *tmp = pg;
    *elf = page_to_virt(pg);
    return 0;
}

static int alloc_dom0_memory(struct builder *b)
{
    unsigned long pfn = 0;
    unsigned int order = 18;

    b->p2m = xmalloc_array(unsigned long, b->nr_pages);
    if ( !b->p2m )
        return -ENOMEM;
    b->d->max_pages = b->nr_pages;
    while ( pfn < b->nr_pages )
    {
        struct page_info *pg;
        unsigned long i;

        while ( order && (1UL << order) > b->nr_pages - pfn )
            order--;
        pg = alloc_domheap_pages(b->d, order, 0);
        if ( !pg )
        {
            if ( order == 0 )
                return -ENOMEM;
            order--;
            continue;
        }
        if ( domain_assign_page(b->d, pg, order, false) )
            return -ENOMEM;
        for ( i = 0; i < (1UL << order); i++, pfn++ )
        {
            b->p2m[pfn] = page_to_mfn(pg) + i;
            set_gpfn_from_mfn(b->p2m[pfn], pfn);
        }
    }
    return 0;
}

int pv_dom0_construct(struct domain *d, const struct dom0_spec *spec)
{
    struct builder b = { .d = d, .nr_pages = spec->nr_pages };
    struct elf_binary elf;
    struct elf_dom_parms parms;
    const void *kimg;
    size_t klen;
    struct page_info *tmp = NULL;
    unsigned int tmp_order = 0, i;
    unsigned long v_initrd = 0, v_p2m, v_si, v_pt, v_stack, v_end;
    unsigned long nr_pt, pfn, l4_mfn = 0, p2m_pfn = 0, p2m_len, p2m_frames = 0;
    unsigned long initrd_pfn = 0, initrd_pages = PFN_UP(spec->initrd_len);
    bool p2m_separate, initrd_by_pfn;
    uint64_t *l4;
    struct start_info *si;
    struct vcpu *v = d->vcpu[0];
    int rc;

    rc = unpack_kernel(spec->kernel, spec->kernel_len, &kimg, &klen, &tmp,
                       &tmp_order);
    if ( rc )
    {
        printk(XENLOG_ERR "Dom0 kernel: cannot unpack (rc %d)\n", rc);
        return rc;
    }
    rc = elf_init(&elf, kimg, klen);
    if ( !rc )
        rc = elf_xen_parse(&elf, &parms);
    if ( rc )
    {
        printk(XENLOG_ERR "Dom0 kernel: not a Xen PV ELF image (rc %d)\n",
               rc);
        goto out;
    }
    if ( parms.virt_entry == ELF_UNSET_ADDR ||
         elf.ehdr.e_machine != ELF_EM_X86_64 )
    {
        printk(XENLOG_ERR "Dom0 kernel: not a 64-bit PV kernel\n");
        rc = -EINVAL;
        goto out;
    }
    if ( !(parms.f_supported[0] & (1u << XENFEAT_dom0)) )
    {
        printk(XENLOG_ERR "Dom0 kernel does not support Dom0 operation\n");
        rc = -EINVAL;
        goto out;
    }
    if ( parms.f_required[0] & ~DOM0_FEATURES_OFFERED )
    {
        printk(XENLOG_ERR "Dom0 kernel requires unsupported features %#x\n",
               parms.f_required[0] & ~DOM0_FEATURES_OFFERED);
        rc = -EINVAL;
        goto out;
    }
    if ( parms.f_required[0] & (1u << XENFEAT_writable_page_tables) )
        d->vm_assist |= 1UL << VMASST_TYPE_writable_pagetables;

    /* ---- virtual layout ---- */
    b.v_start = parms.virt_base;
    initrd_by_pfn = parms.mod_start_pfn && spec->initrd_len;
    p2m_separate = parms.p2m_base != ELF_UNSET_ADDR &&
                   parms.p2m_base < 0x0000800000000000UL;
    v_initrd = ROUNDUP(parms.virt_kend, PAGE_SIZE);
    v_p2m = v_initrd + (initrd_by_pfn ? 0 : initrd_pages * PAGE_SIZE);
    p2m_len = ROUNDUP(b.nr_pages * sizeof(unsigned long), PAGE_SIZE);
    v_si = v_p2m + (p2m_separate ? 0 : p2m_len);
    v_pt = v_si + PAGE_SIZE;
    for ( nr_pt = 1; ; nr_pt++ )
    {
        v_stack = v_pt + nr_pt * PAGE_SIZE;
        v_end = ROUNDUP(v_stack + PAGE_SIZE, MB4);
        if ( v_end - (v_stack + PAGE_SIZE) < (512UL << 10) )
            v_end += MB4;
        if ( 1 + tables_for(b.v_start, v_end) <= nr_pt )
            break;
    }
    b.v_end = v_end;
    pfn = (v_end - b.v_start) >> PAGE_SHIFT;
    if ( initrd_by_pfn )
    {
        initrd_pfn = pfn;
        pfn += initrd_pages;
    }
    if ( p2m_separate )
    {
        p2m_pfn = pfn;
        p2m_frames = (p2m_len >> PAGE_SHIFT) +
                     tables_for(parms.p2m_base, parms.p2m_base + p2m_len);
        pfn += p2m_frames;
    }
    if ( pfn > b.nr_pages )
    {
        printk(XENLOG_ERR "Dom0 needs %lu pages for its initial mapping, "
               "has %lu\n", pfn, b.nr_pages);
        rc = -ENOMEM;
        goto out;
    }

    rc = alloc_dom0_memory(&b);
    if ( rc )
    {
        printk(XENLOG_ERR "Not enough memory for dom0 (%lu pages)\n",
               b.nr_pages);
        goto out;
    }

    /* ---- contents ---- */
    rc = elf_load_image(&elf, &parms, write_guest, &b);
    if ( rc )
    {
        printk(XENLOG_ERR "Dom0 kernel: loading failed (rc %d)\n", rc);
        goto out;
    }
    if ( spec->initrd_len )
    {
        if ( initrd_by_pfn )
        {
            unsigned long done;

            for ( done = 0; done < spec->initrd_len; done += PAGE_SIZE )
                memcpy(pfn_va(&b, initrd_pfn + (done >> PAGE_SHIFT)),
                       (const char *)spec->initrd + done,
                       min(PAGE_SIZE, spec->initrd_len - done));
        }
        else
            write_guest(&b, v_initrd, spec->initrd, spec->initrd_len);
    }

    /* ---- page tables ---- */
    b.pt_pfn = (v_pt - b.v_start) >> PAGE_SHIFT;
    b.pt_max = nr_pt;
    l4 = new_table(&b, &l4_mfn);
    if ( !l4 )
    {
        rc = -ENOMEM;
        goto out;
    }
    for ( pfn = 0; pfn < ((v_end - b.v_start) >> PAGE_SHIFT); pfn++ )
    {
        unsigned long va = b.v_start + (pfn << PAGE_SHIFT);
        bool is_pt = va >= v_pt && va < v_pt + nr_pt * PAGE_SIZE;

        if ( map_one(&b, l4, va, b.p2m[pfn], !is_pt) )
        {
            printk(XENLOG_ERR "Dom0: out of page-table frames\n");
            rc = -ENOMEM;
            goto out;
        }
    }
    if ( p2m_separate )
    {
        /* The p2m list with its own tables, after the data frames. */
        unsigned long data = p2m_len >> PAGE_SHIFT;

        b.pt_pfn = p2m_pfn + data;
        b.pt_used = 0;
        b.pt_max = p2m_frames - data;
        for ( pfn = 0; pfn < data; pfn++ )
            if ( map_one(&b, l4, parms.p2m_base + (pfn << PAGE_SHIFT),
                         b.p2m[p2m_pfn + pfn], true) )
            {
                rc = -ENOMEM;
                goto out;
            }
        for ( pfn = 0; pfn < b.nr_pages; pfn++ )
            ((unsigned long *)pfn_va(&b, p2m_pfn + (pfn >> 9)))[pfn & 511] =
                b.p2m[pfn];
        /* The p2m's own tables are mapped writable: not pinned below. */
    }
    else
        write_guest(&b, v_p2m, b.p2m, b.nr_pages * sizeof(unsigned long));

    if ( parms.virt_hypercall != ELF_UNSET_ADDR )
    {
        unsigned long hpfn = (parms.virt_hypercall - b.v_start) >> PAGE_SHIFT;

        if ( hpfn >= b.nr_pages )
        {
            rc = -EINVAL;
            goto out;
        }
        write_hypercall_page(pfn_va(&b, hpfn));
    }

    /* ---- start_info ---- */
    si = pfn_va(&b, (v_si - b.v_start) >> PAGE_SHIFT);
    memset(si, 0, PAGE_SIZE);
    strlcpy(si->magic, "xen-3.0-x86_64", sizeof(si->magic));
    si->nr_pages = b.nr_pages;
    si->shared_info = __pa(d->shared_info);
    si->flags = SIF_PRIVILEGED | SIF_INITDOMAIN |
                (initrd_by_pfn ? SIF_MOD_START_PFN : 0);
    si->pt_base = v_pt;
    si->nr_pt_frames = nr_pt;
    si->mfn_list = p2m_separate ? parms.p2m_base : v_p2m;
    si->mod_start = initrd_by_pfn ? initrd_pfn : (spec->initrd_len ? v_initrd
                                                                   : 0);
    si->mod_len = spec->initrd_len;
    strlcpy((char *)si->cmd_line, spec->cmdline, sizeof(si->cmd_line));
    if ( p2m_separate )
    {
        si->first_p2m_pfn = p2m_pfn;
        si->nr_p2m_frames = p2m_frames;
    }

    /* ---- validate and pin the tables, load the vCPU ---- */
    rc = pv_pin_table(d, l4_mfn, PGT_l4_page_table);
    if ( rc )
    {
        printk(XENLOG_ERR "Dom0: initial page tables rejected (rc %d)\n", rc);
        goto out;
    }
    rc = pv_vcpu_set_baseptr(v, l4_mfn, false);
    if ( rc )
        goto out;

    for ( i = 0; i < XEN_LEGACY_MAX_VCPUS; i++ )
        d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;
    update_domain_wallclock_time(d);

    memset(&v->arch.user_regs, 0, sizeof(v->arch.user_regs));
    v->arch.user_regs.rip = parms.virt_entry;
    v->arch.user_regs.rsp = v_stack + PAGE_SIZE;
    v->arch.user_regs.rsi = v_si;
    v->arch.user_regs.rflags = 0x200;
    v->arch.user_regs.cs = FLAT_KERNEL_CS64;
    v->arch.user_regs.ss = FLAT_KERNEL_SS64;
    v->arch.pv.in_kernel = true;
    v->is_initialised = true;

    printk("Dom0 kernel: %s %s, entry %#lx, %lu pages, "
           "mapped %#lx-%#lx\n", parms.guest_os, parms.guest_ver,
           (unsigned long)parms.virt_entry, b.nr_pages, b.v_start, v_end);
    rc = 0;

 out:
    if ( tmp )
        free_domheap_pages(tmp, tmp_order);
    xfree(b.p2m);
    return rc;
}
