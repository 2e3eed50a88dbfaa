/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * C entry: keeps start_info, maps shared_info, finds the M2P, installs
 * the trap table, then runs the guest and passes if it returns.
 */
#include "guest.h"

start_info_t *start_info;
shared_info_t *shared_info;
xen_pfn_t *mfn_list;
unsigned long *m2p = (unsigned long *)__MACH2PHYS_VIRT_START;
unsigned long m2p_max_mfn;
uint64_t entry_rsp, entry_rflags;
uint16_t entry_cs, entry_ss, entry_ds, entry_es, entry_fs, entry_gs;

/* Tokens of the command line are "word" or "key=value". */
const char *cmdline_get(const char *key)
{
    static char val[128];
    const char *p = (const char *)start_info->cmd_line;
    size_t klen = strlen(key);

    while ( *p )
    {
        const char *tok = p;
        size_t n = 0;

        while ( *p && *p != ' ' )
            p++;
        if ( (size_t)(p - tok) > klen && !strncmp(tok, key, klen) &&
             tok[klen] == '=' )
        {
            tok += klen + 1;
            while ( tok < p && n + 1 < sizeof(val) )
                val[n++] = *tok++;
            val[n] = '\0';
            return val;
        }
        while ( *p == ' ' )
            p++;
    }
    return NULL;
}

unsigned long cmdline_ulong(const char *key, unsigned long dflt)
{
    const char *s = cmdline_get(key);
    unsigned long v = 0, base = 10;

    if ( !s || !*s )
        return dflt;
    if ( s[0] == '0' && s[1] == 'x' )
    {
        base = 16;
        s += 2;
    }
    for ( ; *s; s++ )
    {
        unsigned int d;

        if ( *s >= '0' && *s <= '9' )
            d = *s - '0';
        else if ( *s >= 'a' && *s <= 'f' )
            d = *s - 'a' + 10;
        else
            break;
        if ( d >= base )
            break;
        v = v * base + d;
    }
    return v;
}

void mm_init(void);

void lib_start(start_info_t *si)
{
    struct xen_machphys_mapping mapping;
    long rc;

    start_info = si;
    mfn_list = (xen_pfn_t *)si->mfn_list;

    rc = hc_memory_op(XENMEM_machphys_mapping, &mapping);
    if ( rc == 0 )
    {
        m2p = (unsigned long *)mapping.v_start;
        m2p_max_mfn = mapping.max_mfn;
    }

    mm_init();
    shared_info = map_mfn(si->shared_info >> PAGE_SHIFT, PTE_KERNEL_RW);
    if ( !shared_info )
        guest_fail("cannot map shared_info at %#lx", si->shared_info);
    traps_init();
    if ( rc )
        guest_fail("XENMEM_machphys_mapping returned %ld", rc);

    guest_main();
    guest_pass();
}
