/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vcpus: a second vCPU from start to stop. VCPUOP_is_up/up/down on
 * missing and uninitialised vCPUs, VCPUOP_initialise with a
 * vcpu_guest_context like Linux's (own stack, current L4, copied trap
 * table, callbacks, Xen's default GDT), vCPU 1 reporting through shared
 * memory, an IPI bound to vCPU 1 (running, then waking it from
 * SCHEDOP_block), VCPUOP_down by the vCPU itself and a second VCPUOP_up
 * resuming it after that call, then a remote down.
 */
#include "guest.h"

GUEST_NAME("vcpus");

#define MS 1000000ULL
#define ARG_MAGIC 0x5eca11ed0dd5UL

/* vCPU 1's progress, as it reports it. */
enum {
    ST_NONE,
    ST_RUNNING,     /* entered, events enabled, waiting for `go` */
    ST_RESUMED,     /* VCPUOP_down returned after the second up */
};

static char stack1[4 * PAGE_SIZE] aligned_page;
static vcpu_guest_context_t ctxt;

static volatile unsigned int stage;
static volatile unsigned int go;
/* vCPU 0 asks for one SCHEDOP_block; vCPU 1 reports entering it. */
static volatile unsigned int block_req, blocking, block_done;
static volatile unsigned long spins;
static volatile uint64_t seen_arg;
static volatile uint16_t seen_cs;
static volatile int seen_trap;
static volatile long down_rc = 1;
/* IPI deliveries, by the vCPU that took them. */
static evtchn_port_t ipi;
static volatile unsigned int ipi_on[2];

_Static_assert(sizeof(vcpu_guest_context_t) == 5168,
               "vcpu_guest_context is 5168 bytes");

static long vcpu_op(unsigned int cmd, unsigned int vcpu, void *arg)
{
    return hc_vcpu_op(cmd, vcpu, arg);
}

static bool on_vcpu1(void)
{
    return this_vcpu() == &shared_info->vcpu_info[1];
}

static void on_event(evtchn_port_t port)
{
    if ( port == ipi )
        ipi_on[on_vcpu1()]++;
}

/* vCPU 1 starts here with RDI from its context. */
static noreturn void vcpu1_main(uint64_t arg)
{
    uint16_t cs;

    asm volatile("mov %%cs, %0" : "=r"(cs));
    seen_arg = arg;
    seen_cs = cs;
    /* The trap table came with the context. */
    seen_trap = probe_ud2();
    events_enable();
    WRITE_ONCE(stage, ST_RUNNING);
    while ( !READ_ONCE(go) )
    {
        if ( READ_ONCE(block_req) && !block_done )
        {
            /* Masked first, as Linux's idle does: block unmasks. */
            events_disable();
            WRITE_ONCE(blocking, 1);
            hc_sched_op(SCHEDOP_block, NULL);
            events_enable();
            WRITE_ONCE(block_done, 1);
        }
        else
            hc_sched_op(SCHEDOP_yield, NULL);
    }
    events_disable();
    down_rc = vcpu_op(VCPUOP_down, 1, NULL);
    /* Runs again only after the next VCPUOP_up. */
    WRITE_ONCE(stage, ST_RESUMED);
    for ( ;; )
    {
        spins++;
        hc_sched_op(SCHEDOP_yield, NULL);
    }
}

/* Yield until cond holds or ms milliseconds pass; true if it held. */
#define WAIT_FOR(cond, ms)                                              \
    ({                                                                  \
        uint64_t end_ = system_time_ns() + (ms) * MS;                   \
        while ( !(cond) && system_time_ns() < end_ )                    \
            hc_sched_op(SCHEDOP_yield, NULL);                           \
        (bool)(cond);                                                   \
    })

static void fill_context(vcpu_guest_context_t *c)
{
    extern char event_callback[], failsafe_callback[];
    unsigned long top = (unsigned long)stack1 + sizeof(stack1);

    memset(c, 0, sizeof(*c));
    c->flags = VGCF_in_kernel;
    /* As if called: the return-address slot is below the top. */
    c->user_regs.rip = (unsigned long)vcpu1_main;
    c->user_regs.rsp = top - 8;
    c->user_regs.rdi = ARG_MAGIC;
    c->user_regs.cs = FLAT_KERNEL_CS;
    c->user_regs.ss = FLAT_KERNEL_SS;
    c->user_regs.rflags = 0x200;
    fill_trap_table(c->trap_ctxt);
    /* No gdt_frames: Xen's default GDT holds the FLAT_* selectors. */
    c->gdt_ents = 0;
    c->kernel_ss = FLAT_KERNEL_SS;
    c->kernel_sp = top - 8;
    c->ctrlreg[3] = xen_pfn_to_cr3(current_l4_mfn());
    c->event_callback_eip = (unsigned long)event_callback;
    c->failsafe_callback_eip = (unsigned long)failsafe_callback;
}

static void enumerate(void)
{
    CHECK_RC(vcpu_op(VCPUOP_is_up, 0, NULL), 1);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 1, NULL), 0);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 2, NULL), -XEN_ENOENT);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 1000, NULL), -XEN_ENOENT);
    CHECK_RC(vcpu_op(VCPUOP_up, 2, NULL), -XEN_ENOENT);
    CHECK_RC(vcpu_op(VCPUOP_down, 2, NULL), -XEN_ENOENT);
    CHECK_RC(vcpu_op(VCPUOP_initialise, 2, &ctxt), -XEN_ENOENT);
    /* Not initialised yet: cannot come up. */
    CHECK_RC(vcpu_op(VCPUOP_up, 1, NULL), -XEN_EINVAL);
}

static void initialise(void)
{
    long rc;

    /* Masked until vCPU 1 says otherwise, as Linux does. */
    shared_info->vcpu_info[1].evtchn_upcall_mask = 1;
    CHECK_RC(vcpu_op(VCPUOP_initialise, 1, (void *)8), -XEN_EFAULT);

    /* A non-canonical RIP is refused and leaves the vCPU as it was. */
    fill_context(&ctxt);
    ctxt.user_regs.rip = 0x8000000000000000UL;
    rc = vcpu_op(VCPUOP_initialise, 1, &ctxt);
    CHECK(rc < 0, "initialise with a non-canonical RIP returned %ld", rc);
    info("initialise with a non-canonical RIP: %ld", rc);
    CHECK_RC(vcpu_op(VCPUOP_up, 1, NULL), -XEN_EINVAL);

    fill_context(&ctxt);
    CHECK_RC(vcpu_op(VCPUOP_initialise, 1, &ctxt), 0);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 1, NULL), 0);
    CHECK_RC(vcpu_op(VCPUOP_initialise, 1, &ctxt), -XEN_EEXIST);
    CHECK(stage == ST_NONE, "vCPU 1 ran before VCPUOP_up");
}

static void run_and_report(void)
{
    evtchn_status_t st;

    CHECK_RC(vcpu_op(VCPUOP_up, 1, NULL), 0);
    CHECK(WAIT_FOR(stage == ST_RUNNING, 2000),
          "vCPU 1 did not report within 2 s (stage %u)", stage);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 1, NULL), 1);
    CHECK(seen_arg == ARG_MAGIC, "vCPU 1 got RDI %#lx, expected %#lx",
          (unsigned long)seen_arg, ARG_MAGIC);
    CHECK(seen_cs == FLAT_KERNEL_CS, "vCPU 1 runs with CS %#x",
          seen_cs);
    CHECK(seen_trap == 1, "ud2 on vCPU 1 was not fixed up (%d)",
          seen_trap);
    /* Up and running: initialised all the same. */
    CHECK_RC(vcpu_op(VCPUOP_initialise, 1, &ctxt), -XEN_EEXIST);

    /* An IPI bound to vCPU 1 runs its upcall there. */
    CHECK_RC(evtchn_bind_ipi(1, &ipi), 0);
    CHECK_RC(evtchn_status(ipi, &st), 0);
    CHECK(st.status == EVTCHNSTAT_ipi && st.vcpu == 1,
          "IPI port %u: status %u vcpu %u", ipi, st.status, st.vcpu);
    evtchn_unmask_local(ipi);
    CHECK_RC(evtchn_send(ipi), 0);
    CHECK(WAIT_FOR(ipi_on[1] == 1, 2000),
          "IPI for vCPU 1 not delivered there within 2 s "
          "(on vCPU 0: %u, on vCPU 1: %u)", ipi_on[0], ipi_on[1]);
    CHECK(ipi_on[0] == 0, "IPI for vCPU 1 ran on vCPU 0");

    /* And wakes vCPU 1 from SCHEDOP_block. */
    WRITE_ONCE(block_req, 1);
    CHECK(WAIT_FOR(blocking, 2000), "vCPU 1 did not get to block");
    WAIT_FOR(false, 20);
    CHECK_RC(evtchn_send(ipi), 0);
    CHECK(WAIT_FOR(block_done && ipi_on[1] == 2, 2000),
          "IPI did not wake vCPU 1 from SCHEDOP_block within 2 s "
          "(woken %u, deliveries %u)", block_done, ipi_on[1]);
    CHECK(ipi_on[0] == 0, "IPI for vCPU 1 ran on vCPU 0");
}

static void down_and_up(void)
{
    unsigned long n;

    /* vCPU 1 takes itself down. */
    WRITE_ONCE(go, 1);
    CHECK(WAIT_FOR(vcpu_op(VCPUOP_is_up, 1, NULL) == 0, 2000),
          "vCPU 1 still up 2 s after it called VCPUOP_down");
    CHECK(stage == ST_RUNNING, "vCPU 1 ran on after VCPUOP_down");
    CHECK_RC(vcpu_op(VCPUOP_initialise, 1, &ctxt), -XEN_EEXIST);

    /* Up again: it resumes after its VCPUOP_down, which returned 0. */
    CHECK_RC(vcpu_op(VCPUOP_up, 1, NULL), 0);
    CHECK(WAIT_FOR(stage == ST_RESUMED, 2000),
          "vCPU 1 did not resume after the second VCPUOP_up");
    CHECK(down_rc == 0, "VCPUOP_down on itself returned %ld", down_rc);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 1, NULL), 1);
    CHECK(WAIT_FOR(spins > 10, 2000), "vCPU 1 is not spinning (%lu)",
          spins);

    /* vCPU 0 takes it down: down at once, and it stops running. */
    CHECK_RC(vcpu_op(VCPUOP_down, 1, NULL), 0);
    CHECK_RC(vcpu_op(VCPUOP_is_up, 1, NULL), 0);
    WAIT_FOR(false, 20);
    n = spins;
    WAIT_FOR(false, 50);
    CHECK(spins == n, "vCPU 1 ran %lu more loops while down", spins - n);
    /* Down twice is fine. */
    CHECK_RC(vcpu_op(VCPUOP_down, 1, NULL), 0);
}

void guest_main(void)
{
    secondary_stack_lo = (unsigned long)stack1;
    secondary_stack_hi = (unsigned long)stack1 + sizeof(stack1);
    secondary_vcpu_id = 1;
    events_init();
    event_hook = on_event;

    enumerate();
    initialise();
    run_and_report();
    down_and_up();
}
