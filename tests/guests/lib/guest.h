/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test-guest library: what a 64-bit PV test kernel gets from lib/.
 * Each guest defines GUEST_NAME("name") and guest_main(); returning
 * from guest_main() passes.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/xen.h>
#include <public/errno.h>
#include <public/event_channel.h>
#include <public/features.h>
#include <public/grant_table.h>
#include <public/memory.h>
#include <public/sched.h>
#include <public/vcpu.h>
#include <public/version.h>

#include "compat.h"
#include "hypercall.h"

#define GUEST_NAME(n) const char guest_name[] = n
extern const char guest_name[];
void guest_main(void);

#define PAGE_SHIFT 12
#define PAGE_SIZE  4096UL
#define VIRT_BASE  0xffffffff80000000UL

/* x86 page-table entry bits. */
#define _PAGE_PRESENT  0x001UL
#define _PAGE_RW       0x002UL
#define _PAGE_USER     0x004UL
#define _PAGE_PWT      0x008UL
#define _PAGE_PCD      0x010UL
#define _PAGE_ACCESSED 0x020UL
#define _PAGE_DIRTY    0x040UL
#define _PAGE_PSE      0x080UL
#define _PAGE_GLOBAL   0x100UL
#define _PAGE_NX       (1UL << 63)
#define PTE_ADDR_MASK  0x000ffffffffff000UL
/* What Linux uses for kernel data, minus _PAGE_GLOBAL. */
#define PTE_KERNEL_RW  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PTE_KERNEL_RO  (_PAGE_PRESENT | _PAGE_ACCESSED)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define noreturn __attribute__((noreturn))
#define aligned_page __attribute__((aligned(4096), section(".bss.page")))
#define barrier() asm volatile("" ::: "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* ---- start of day (lib/start.c) ---- */
extern start_info_t *start_info;
extern shared_info_t *shared_info;
extern xen_pfn_t *mfn_list;         /* p2m: pfn -> mfn */
extern unsigned long *m2p;          /* machine_to_phys table */
extern unsigned long m2p_max_mfn;   /* from XENMEM_machphys_mapping */
extern unsigned long boot_v_end;    /* end of the builder's mapping */
/* Register state found at entry (lib/head.S). */
extern uint64_t entry_rsp, entry_rflags;
extern uint16_t entry_cs, entry_ss, entry_ds, entry_es, entry_fs, entry_gs;
extern char _text[], _etext[], _end[], boot_stack[], boot_stack_top[];
extern char hypercall_page[] __attribute__((weak)); /* HYPERCALL_PAGE note */

const char *cmdline_get(const char *key);   /* "key=value" -> value */
unsigned long cmdline_ulong(const char *key, unsigned long dflt);

/* ---- result and console (lib/console.c) ---- */
void console_write(const char *s, size_t len);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Informational line: "[name] ...". */
void info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
noreturn void guest_pass(void);
noreturn void guest_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* Shut down with `reason`; never returns (spins if the call does). */
noreturn void guest_shutdown(unsigned int reason);

#define CHECK(cond, fmt, ...)                                           \
    do {                                                                \
        if ( !(cond) )                                                  \
            guest_fail("line %d: " fmt, __LINE__, ##__VA_ARGS__);       \
    } while ( 0 )

/* Check that a hypercall expression returned `want`. */
#define CHECK_RC(expr, want)                                            \
    do {                                                                \
        long rc_ = (long)(expr);                                        \
        long want_ = (long)(want);                                      \
        if ( rc_ != want_ )                                             \
            guest_fail("line %d: %s returned %ld, expected %ld",        \
                       __LINE__, #expr, rc_, want_);                    \
    } while ( 0 )

/* ---- string.c ---- */
void *memset(void *s, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
bool memchr_nul(const void *s, size_t n);    /* a NUL in s[0..n)? */
const char *strstr(const char *h, const char *n);

/* ---- traps (lib/traps.c, lib/entry.S) ---- */
/* Saved state of a trap, lowest address first. */
struct trap_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10;
    uint64_t r9, r8, rax, rcx, rdx, rsi, rdi;
    uint64_t vector, error_code;
    uint64_t rip, cs, rflags, rsp, ss;
};
#define VEC_EVENT    256    /* event-channel upcall */
#define VEC_FAILSAFE 257

struct trap_record {
    unsigned int count;         /* traps fixed up since reset */
    unsigned int vector;
    uint64_t error_code, rip, cs, rflags, cr2;
};
extern struct trap_record last_trap;
/* Return true to resume at regs->rip (possibly changed). */
extern bool (*trap_hook)(struct trap_regs *regs);
void traps_init(void);
void fill_trap_table(trap_info_t *t);   /* the table traps_init loads */
extern bool iret_via_page;              /* return through the stub page */

/* Probes (lib/probe.S): return 0, or 1 when a trap was fixed up. */
int probe_read(const volatile void *p, uint64_t *val);
int probe_write(volatile void *p, uint64_t val);
int probe_ud2(void);
int probe_int3(void);
int probe_div0(void);
int probe_exec(const void *code);       /* call code; ret on success */
void xen_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4]);

/* ---- memory (lib/mm.c) ---- */
static inline unsigned long pfn_to_mfn(unsigned long pfn)
{
    return mfn_list[pfn];
}
static inline unsigned long mfn_to_pfn(unsigned long mfn)
{
    return m2p[mfn];
}
static inline unsigned long virt_to_pfn(const void *va)
{
    return ((unsigned long)va - VIRT_BASE) >> PAGE_SHIFT;
}
static inline void *pfn_to_virt(unsigned long pfn)
{
    return (void *)(VIRT_BASE + (pfn << PAGE_SHIFT));
}
static inline unsigned long virt_to_mfn(const void *va)
{
    return pfn_to_mfn(virt_to_pfn(va));
}
/* Current top-level table (CR3) as an MFN. */
unsigned long current_l4_mfn(void);
/* VA of a page-table frame (must lie in the builder's mapping). */
uint64_t *table_va(unsigned long mfn);
/* The entry at `level` (1..4) mapping va, or NULL if a level is absent. */
uint64_t *pt_entry(unsigned long va, int level);
/* Machine address of that entry (for mmu_update). */
uint64_t pt_entry_maddr(unsigned long va, int level);
/* Bump allocator over a page pool in .bss: zeroed, mapped RW. */
void *alloc_page(void);
/* Map mfn at a free scratch VA (flags: PTE bits); returns VA or NULL. */
void *map_mfn(unsigned long mfn, unsigned long flags);
bool in_map_area(unsigned long va);     /* a map_mfn() slot? */
long remap(void *va, unsigned long mfn, unsigned long flags);
long set_page_ro(void *va);
long set_page_rw(void *va);
long pin_table(unsigned int level, unsigned long mfn);
long unpin_table(unsigned long mfn);

/* ---- events (lib/evtchn.c) ---- */
/* Called for every pending, unmasked port found by the upcall. */
extern void (*event_hook)(evtchn_port_t port);
extern volatile unsigned long events_seen;
void events_init(void);         /* register the event callback */
void events_enable(void);       /* clear this vCPU's upcall mask */
void events_disable(void);
vcpu_info_t *this_vcpu(void);
/* Replaces the 2-level scan in the upcall when set. */
extern void (*upcall_hook)(void);
/*
 * A guest that starts a second vCPU runs it on [lo, hi): this_vcpu()
 * there is vcpu_info[secondary_vcpu_id].
 */
extern unsigned long secondary_stack_lo, secondary_stack_hi;
extern unsigned int secondary_vcpu_id;
void evtchn_mask(evtchn_port_t port);
void evtchn_unmask_local(evtchn_port_t port);   /* 2-level, in memory */
bool evtchn_pending(evtchn_port_t port);
void evtchn_clear(evtchn_port_t port);
long evtchn_alloc_unbound(domid_t remote, evtchn_port_t *port);
long evtchn_bind_interdomain(domid_t remote, evtchn_port_t rport,
                             evtchn_port_t *port);
long evtchn_bind_ipi(unsigned int vcpu, evtchn_port_t *port);
long evtchn_bind_virq(unsigned int virq, unsigned int vcpu,
                      evtchn_port_t *port);
long evtchn_send(evtchn_port_t port);
long evtchn_close(evtchn_port_t port);
long evtchn_unmask(evtchn_port_t port);
long evtchn_status(evtchn_port_t port, evtchn_status_t *st);

/* ---- time ---- */
uint64_t system_time_ns(void);  /* from this vCPU's vcpu_time_info */
static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* ---- a seeded PRNG (xorshift64*) ---- */
uint64_t rand64(uint64_t *state);

#endif /* GUEST_H */
