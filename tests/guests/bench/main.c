/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * bench: hypervisor path costs in guest TSC cycles, median of many:
 * a null hypercall round trip, EVTCHNOP_send to the upcall on the same
 * vCPU, one mmu_update of 1,000 L1 entries, and rdtsc itself. Prints
 * "bench NAME=CYCLES" lines for tests/bench/run; figures, no verdict
 * (it fails only when a call it times does not work).
 */
#include "guest.h"

GUEST_NAME("bench");

#define NULL_RUNS  10000
#define EVT_RUNS   1000
#define MMU_RUNS   50
#define MMU_BATCH  1000
#define WARMUP     20

static uint64_t samples[NULL_RUNS];

static inline uint64_t tsc(void)
{
    uint32_t lo, hi;

    asm volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) :: "memory");
    return ((uint64_t)hi << 32) | lo;
}

static void sift(uint64_t *a, size_t i, size_t n)
{
    for ( ;; )
    {
        size_t c = 2 * i + 1;
        uint64_t t;

        if ( c >= n )
            return;
        if ( c + 1 < n && a[c + 1] > a[c] )
            c++;
        if ( a[i] >= a[c] )
            return;
        t = a[i];
        a[i] = a[c];
        a[c] = t;
        i = c;
    }
}

static void sort(uint64_t *a, size_t n)
{
    size_t i;

    for ( i = n / 2; i-- > 0; )
        sift(a, i, n);
    for ( i = n; i-- > 1; )
    {
        uint64_t t = a[0];

        a[0] = a[i];
        a[i] = t;
        sift(a, 0, i);
    }
}

/* Prints the machine-readable median line and a human one. */
static void report(const char *name, uint64_t *a, size_t n)
{
    sort(a, n);
    printf("bench %s=%lu\n", name, (unsigned long)a[n / 2]);
    info("%s: median %lu min %lu p90 %lu max %lu over %lu runs", name,
         (unsigned long)a[n / 2], (unsigned long)a[0],
         (unsigned long)a[n * 9 / 10], (unsigned long)a[n - 1],
         (unsigned long)n);
}

static void bench_rdtsc(void)
{
    size_t i;

    for ( i = 0; i < NULL_RUNS; i++ )
    {
        uint64_t t0 = tsc();

        samples[i] = tsc() - t0;
    }
    report("rdtsc_cycles", samples, NULL_RUNS);
}

static void bench_null(void)
{
    size_t i;
    long rc;

    for ( i = 0; i < WARMUP; i++ )
        hc_xen_version(XENVER_version, NULL);
    for ( i = 0; i < NULL_RUNS; i++ )
    {
        uint64_t t0 = tsc();

        rc = hc_xen_version(XENVER_version, NULL);
        samples[i] = tsc() - t0;
        if ( rc <= 0 )
            guest_fail("xen_version returned %ld", rc);
    }
    report("null_hypercall_cycles", samples, NULL_RUNS);
}

/* ---- event channel send to upcall ---- */
static evtchn_port_t port;
static volatile uint64_t upcall_tsc;
static volatile unsigned int upcalls;

/* Stamps first, then does the 2-level bookkeeping for our one port. */
static void stamp_upcall(void)
{
    vcpu_info_t *v = this_vcpu();

    upcall_tsc = tsc();
    WRITE_ONCE(v->evtchn_upcall_pending, 0);
    __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
    evtchn_clear(port);
    upcalls++;
}

static void bench_event(void)
{
    size_t i;
    long rc;

    CHECK_RC(evtchn_bind_ipi(0, &port), 0);
    evtchn_unmask_local(port);
    upcall_hook = stamp_upcall;
    events_enable();
    for ( i = 0; i < WARMUP + EVT_RUNS; i++ )
    {
        unsigned int before = upcalls;
        uint64_t t0 = tsc();

        rc = evtchn_send(port);
        if ( rc || upcalls != before + 1 )
            guest_fail("send %lu: returned %ld, %u upcalls", (unsigned long)i,
                       rc, upcalls - before);
        if ( i >= WARMUP )
            samples[i - WARMUP] = upcall_tsc - t0;
    }
    events_disable();
    upcall_hook = NULL;
    CHECK_RC(evtchn_close(port), 0);
    report("evtchn_send_upcall_cycles", samples, EVT_RUNS);
}

/* ---- 1,000-entry mmu_update ---- */
static mmu_update_t req[2][MMU_BATCH];

/*
 * Two pinned L1 tables hooked in nowhere; the batch rewrites 1,000 of
 * their entries between read-only mappings of two data frames.
 */
static void bench_mmu(void)
{
    uint64_t *l1[2], pte[2];
    unsigned long mfn[2];
    unsigned int done, t, k;
    size_t i;
    long rc;

    for ( k = 0; k < 2; k++ )
        pte[k] = ((uint64_t)virt_to_mfn(alloc_page()) << PAGE_SHIFT) |
                 PTE_KERNEL_RO;
    for ( t = 0; t < 2; t++ )
    {
        l1[t] = alloc_page();
        mfn[t] = virt_to_mfn(l1[t]);
    }
    for ( i = 0; i < MMU_BATCH; i++ )
    {
        unsigned long maddr = (mfn[i / 512] << PAGE_SHIFT) + (i % 512) * 8;

        l1[i / 512][i % 512] = pte[0];
        for ( k = 0; k < 2; k++ )
        {
            req[k][i].ptr = maddr | MMU_NORMAL_PT_UPDATE;
            req[k][i].val = pte[k];
        }
    }
    for ( t = 0; t < 2; t++ )
    {
        CHECK_RC(set_page_ro(l1[t]), 0);
        CHECK_RC(pin_table(1, mfn[t]), 0);
    }

    /* Odd runs map the second frame, even runs the first again. */
    for ( i = 0; i < WARMUP + MMU_RUNS; i++ )
    {
        uint64_t t0;

        done = 0;
        t0 = tsc();
        rc = hc_mmu_update(req[(i + 1) % 2], MMU_BATCH, &done, DOMID_SELF);
        if ( i >= WARMUP )
            samples[i - WARMUP] = tsc() - t0;
        if ( rc || done != MMU_BATCH )
            guest_fail("mmu_update of %u entries returned %ld, done %u",
                       MMU_BATCH, rc, done);
    }
    /* The hypervisor may add flags of its own (_PAGE_USER on x86_64). */
    CHECK((l1[1][MMU_BATCH - 513] & PTE_ADDR_MASK) ==
              (pte[(WARMUP + MMU_RUNS) % 2] & PTE_ADDR_MASK),
          "the last batch did not land: %#lx",
          (unsigned long)l1[1][MMU_BATCH - 513]);
    for ( t = 0; t < 2; t++ )
        CHECK_RC(unpin_table(mfn[t]), 0);
    report("mmu_update_1000_cycles", samples, MMU_RUNS);
}

void guest_main(void)
{
    events_init();
    bench_rdtsc();
    bench_null();
    bench_event();
    bench_mmu();
}
