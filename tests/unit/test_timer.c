/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for common/timer.c against a fake clock, fake arch timer
 * and an xmalloc (libc-backed here) that can be made to fail.
 */

#include "harness.h"
#include "../../xen/common/timer.c"

/* ---- xmalloc stand-in with failure injection --------------------------- */

static unsigned int xmalloc_fail;       /* fail this many calls */
static unsigned int xmalloc_live;

void *_xmalloc(size_t size, size_t align)
{
    void *p;

    if ( xmalloc_fail )
    {
        xmalloc_fail--;
        return NULL;
    }
    if ( posix_memalign(&p, align < sizeof(void *) ? sizeof(void *) : align,
                        size ? size : 1) )
        return NULL;
    xmalloc_live++;
    return p;
}

void *_xzalloc(size_t size, size_t align)
{
    void *p = _xmalloc(size, align);

    if ( p )
        memset(p, 0, size);
    return p;
}

void xfree(void *p)
{
    if ( p )
        xmalloc_live--;
    free(p);
}

/* ---- Fixture ------------------------------------------------------------ */

#define NR_T 600

struct probe {
    struct timer t;
    unsigned int fired;
    s_time_t fired_at;
    unsigned int seq;
};

static struct probe probes[NR_T];
static unsigned int fire_seq;
static struct probe *fire_log[4 * NR_T];

static void probe_fn(void *data)
{
    struct probe *p = data;

    /* Never early, and the lock is not held while we run. */
    assert_true(fake_now >= p->t.expires);
    assert_false(spin_is_locked(&this_cpu(timers).lock));
    assert_int_equal(p->t.status, TIMER_STATUS_inactive);
    p->fired++;
    p->fired_at = fake_now;
    p->seq = fire_seq;
    if ( fire_seq < ARRAY_SIZE(fire_log) )
        fire_log[fire_seq] = p;
    fire_seq++;
}

static int setup(void **state)
{
    unsigned int cpu;

    for ( cpu = 0; cpu < NR_CPUS; cpu++ )
        xfree(per_cpu(timers, cpu).heap);
    /* Growing the heap freed the arrays it replaced. */
    if ( xmalloc_live )
        return -1;
    memset(per_cpu__timers, 0, sizeof(per_cpu__timers));
    memset(probes, 0, sizeof(probes));
    fire_seq = 0;
    xmalloc_fail = 0;
    fake_cpu_id = 0;
    fake_now = 0;
    fake_last_reprogram = -1;
    fake_reprogram_calls = 0;
    fake_reprogram_hook = NULL;
    fake_irq_enabled = true;
    fake_softirq_reset();
    fake_log_reset();

    timer_init();
    assert_non_null(this_cpu(timers).heap);
    return 0;
}

static void init_probe(struct probe *p, unsigned int cpu)
{
    init_timer(&p->t, probe_fn, p, cpu);
}

/* Heap shape, back-pointers and status of every pending timer. */
static unsigned int check_heap(unsigned int cpu)
{
    struct timers *ts = &per_cpu(timers, cpu);
    struct timer *t;
    unsigned int i, n = 0;

    assert_false(spin_is_locked(&ts->lock));
    assert_true(fake_irq_enabled);
    assert_true(ts->size <= ts->limit);
    for ( i = 1; i <= ts->size; i++ )
    {
        assert_int_equal(ts->heap[i]->heap_offset, i);
        assert_int_equal(ts->heap[i]->status, TIMER_STATUS_in_heap);
        assert_int_equal(ts->heap[i]->cpu, cpu);
        if ( i > 1 )
            assert_true(ts->heap[i / 2]->expires <= ts->heap[i]->expires);
    }
    for ( t = ts->list; t; t = t->list_next, n++ )
    {
        assert_int_equal(t->status, TIMER_STATUS_in_list);
        assert_int_equal(t->heap_offset, 0);
    }

    return ts->size + n;
}

/* Advance the clock and run CPU 'cpu''s softirqs if the timer is due. */
static void advance_to(s_time_t now, unsigned int cpu)
{
    fake_now = now;
    if ( fake_last_reprogram && fake_last_reprogram <= now )
        raise_softirq(TIMER_SOFTIRQ);
    fake_run_softirqs(cpu);
}

/* ---- Tests -------------------------------------------------------------- */

static void test_random_order(void **state)
{
    s_time_t earliest = STIME_MAX, t;
    unsigned int i;

    rng_seed(99);
    for ( i = 0; i < NR_T; i++ )
    {
        s_time_t e = 1000 + rng_below(100000);

        init_probe(&probes[i], 0);
        set_timer(&probes[i].t, e);
        earliest = min(earliest, e);
        /* The arch timer always holds the earliest deadline. */
        assert_int_equal(fake_last_reprogram, earliest);
        assert_true(timer_is_active(&probes[i].t));
    }
    assert_int_equal(check_heap(0), NR_T);
    assert_true(this_cpu(timers).limit >= NR_T);

    for ( t = 0; t <= 102000; t += 1 + rng_below(700) )
    {
        advance_to(t, 0);
        check_heap(0);
        for ( i = 0; i < NR_T; i++ )
            assert_int_equal(probes[i].fired, probes[i].t.expires <= t);
    }
    advance_to(200000, 0);

    assert_int_equal(fire_seq, NR_T);
    for ( i = 1; i < NR_T; i++ )
        assert_true(fire_log[i - 1]->t.expires <= fire_log[i]->t.expires);
    for ( i = 0; i < NR_T; i++ )
        assert_false(timer_is_active(&probes[i].t));
    assert_int_equal(fake_last_reprogram, 0);       /* nothing pending */
}

static void test_reprogram_earliest(void **state)
{
    struct probe *a = &probes[0], *b = &probes[1], *c = &probes[2];

    init_probe(a, 0);
    init_probe(b, 0);
    init_probe(c, 0);

    set_timer(&a->t, 100);
    assert_int_equal(fake_last_reprogram, 100);
    set_timer(&b->t, 50);
    assert_int_equal(fake_last_reprogram, 50);
    set_timer(&c->t, 200);
    assert_int_equal(fake_last_reprogram, 50);

    stop_timer(&b->t);
    assert_int_equal(fake_last_reprogram, 100);
    set_timer(&c->t, 70);                   /* moved earlier */
    assert_int_equal(fake_last_reprogram, 70);
    set_timer(&c->t, 300);                  /* head moved later */
    assert_int_equal(fake_last_reprogram, 100);
    stop_timer(&a->t);
    assert_int_equal(fake_last_reprogram, 300);
    stop_timer(&c->t);
    assert_int_equal(fake_last_reprogram, 0);
    assert_int_equal(check_heap(0), 0);
    assert_false(fake_softirq_is_pending(0, TIMER_SOFTIRQ));
}

static void test_stop_and_reset(void **state)
{
    struct probe *a = &probes[0];

    init_probe(a, 0);
    assert_false(timer_is_active(&a->t));
    set_timer(&a->t, 100);
    stop_timer(&a->t);
    assert_false(timer_is_active(&a->t));
    stop_timer(&a->t);                      /* harmless twice */
    advance_to(150, 0);
    assert_int_equal(a->fired, 0);

    set_timer(&a->t, 300);
    set_timer(&a->t, 200);                  /* re-set replaces */
    assert_int_equal(check_heap(0), 1);
    advance_to(199, 0);
    assert_int_equal(a->fired, 0);
    advance_to(250, 0);
    assert_int_equal(a->fired, 1);
    assert_int_equal(a->fired_at, 250);
    advance_to(400, 0);
    assert_int_equal(a->fired, 1);
}

static void test_past_deadline(void **state)
{
    struct probe *a = &probes[0], *b = &probes[1];

    fake_now = 1000;
    init_probe(a, 0);
    init_probe(b, 0);
    set_timer(&a->t, 500);
    /* The arch said "already passed": the softirq is raised instead. */
    assert_true(fake_softirq_is_pending(0, TIMER_SOFTIRQ));
    set_timer(&b->t, 0);
    fake_run_softirqs(0);
    assert_int_equal(a->fired, 1);
    assert_int_equal(b->fired, 1);
    assert_ptr_equal(fire_log[0], b);
    assert_int_equal(a->fired_at, 1000);
}

static void periodic_fn(void *data)
{
    struct probe *p = data;

    p->fired++;
    p->fired_at = fake_now;
    if ( p->fired < 5 )
        set_timer(&p->t, p->t.expires + 100);
}

static void test_rearm_from_callback(void **state)
{
    struct probe *p = &probes[0];
    s_time_t t;

    init_timer(&p->t, periodic_fn, p, 0);
    set_timer(&p->t, 100);
    for ( t = 100; t <= 1000; t += 100 )
    {
        advance_to(t, 0);
        assert_int_equal(p->fired, t / 100 < 5 ? t / 100 : 5);
        assert_int_equal(timer_is_active(&p->t), p->fired < 5);
        if ( p->fired < 5 )
            assert_int_equal(fake_last_reprogram, t + 100);
    }

    /* Late by several periods: catches up within one run. */
    p->fired = 0;
    set_timer(&p->t, 2000);
    advance_to(2450, 0);
    assert_int_equal(p->fired, 5);
    assert_int_equal(p->fired_at, 2450);
}

static struct probe *victim;

static void stopper_fn(void *data)
{
    struct probe *p = data;

    p->fired++;
    stop_timer(&victim->t);
}

static void killer_fn(void *data)
{
    struct probe *p = data;

    p->fired++;
    kill_timer(&p->t);
    kill_timer(&victim->t);
}

static void test_kill(void **state)
{
    struct probe *a = &probes[0], *b = &probes[1], *c = &probes[2];

    init_probe(a, 0);
    set_timer(&a->t, 100);
    kill_timer(&a->t);
    assert_false(timer_is_active(&a->t));
    assert_int_equal(a->t.status, TIMER_STATUS_invalid);
    set_timer(&a->t, 100);                  /* ignored once killed */
    assert_false(timer_is_active(&a->t));
    stop_timer(&a->t);
    migrate_timer(&a->t, 1);
    assert_int_equal(a->t.cpu, 0);
    kill_timer(&a->t);
    advance_to(200, 0);
    assert_int_equal(a->fired, 0);
    assert_int_equal(check_heap(0), 0);

    /* A callback kills itself and another due timer. */
    init_timer(&b->t, killer_fn, b, 0);
    init_probe(c, 0);
    victim = c;
    set_timer(&b->t, 300);
    set_timer(&c->t, 300);
    advance_to(300, 0);
    assert_int_equal(b->fired, 1);
    assert_int_equal(c->fired, 0);
    assert_int_equal(b->t.status, TIMER_STATUS_invalid);
    assert_int_equal(check_heap(0), 0);

    /* Re-initialised, it works again. */
    init_probe(c, 0);
    set_timer(&c->t, 400);
    advance_to(400, 0);
    assert_int_equal(c->fired, 1);
}

static void test_callback_stops_other(void **state)
{
    struct probe *a = &probes[0], *b = &probes[1];

    init_timer(&a->t, stopper_fn, a, 0);
    init_probe(b, 0);
    victim = b;
    set_timer(&a->t, 100);
    set_timer(&b->t, 101);
    advance_to(200, 0);
    assert_int_equal(a->fired, 1);
    assert_int_equal(b->fired, 0);
    assert_false(timer_is_active(&b->t));
}

static void test_remote_cpu(void **state)
{
    struct probe *a = &probes[0];
    unsigned int calls;

    assert_int_equal(timer_cpu_init(1), 0);
    init_probe(a, 1);
    calls = fake_reprogram_calls;
    set_timer(&a->t, 500);                  /* from CPU 0 */
    assert_int_equal(fake_reprogram_calls, calls);
    assert_true(fake_softirq_is_pending(1, TIMER_SOFTIRQ));
    assert_false(fake_softirq_is_pending(0, TIMER_SOFTIRQ));
    assert_int_equal(check_heap(1), 1);
    assert_int_equal(check_heap(0), 0);

    /* CPU 1 programs its own timer. */
    fake_run_softirqs(1);
    assert_int_equal(fake_reprogram_calls, calls + 1);
    assert_int_equal(fake_last_reprogram, 500);
    assert_int_equal(a->fired, 0);

    /* CPU 0's softirq never runs CPU 1's timers. */
    fake_now = 600;
    raise_softirq(TIMER_SOFTIRQ);
    fake_run_softirqs(0);
    assert_int_equal(a->fired, 0);
    cpu_raise_softirq(1, TIMER_SOFTIRQ);    /* CPU 1's timer interrupt */
    fake_run_softirqs(1);
    assert_int_equal(a->fired, 1);
    assert_int_equal(a->fired_at, 600);
}

static void test_migrate(void **state)
{
    struct probe *a = &probes[0], *b = &probes[1];

    timer_cpu_init(2);
    init_probe(a, 0);
    init_probe(b, 0);
    set_timer(&a->t, 100);
    set_timer(&b->t, 200);
    assert_int_equal(fake_last_reprogram, 100);

    migrate_timer(&a->t, 2);
    assert_int_equal(a->t.cpu, 2);
    assert_true(timer_is_active(&a->t));
    assert_int_equal(check_heap(0), 1);
    assert_int_equal(check_heap(2), 1);
    assert_int_equal(fake_last_reprogram, 200);     /* CPU 0's new head */
    assert_true(fake_softirq_is_pending(2, TIMER_SOFTIRQ));

    advance_to(150, 0);
    assert_int_equal(a->fired, 0);
    fake_run_softirqs(2);
    assert_int_equal(a->fired, 1);

    /* Inactive timers just change CPU; same CPU is a no-op. */
    migrate_timer(&a->t, 3);
    assert_int_equal(a->t.cpu, 3);
    assert_false(timer_is_active(&a->t));
    migrate_timer(&b->t, 0);
    assert_int_equal(check_heap(0), 1);

    /* Back to CPU 0, below the current head. */
    fake_cpu_id = 0;
    set_timer(&a->t, 170);
    migrate_timer(&a->t, 0);
    assert_int_equal(fake_last_reprogram, 170);
    advance_to(250, 0);
    assert_int_equal(a->fired, 2);
    assert_int_equal(b->fired, 1);
}

static void test_heap_growth_failure(void **state)
{
    const unsigned int n = 100;
    unsigned int i;

    rng_seed(5);
    xmalloc_fail = ~0U;
    for ( i = 0; i < n; i++ )
    {
        init_probe(&probes[i], 0);
        set_timer(&probes[i].t, 1000 + rng_below(5000));
    }
    /* The first 16 fit the preallocated heap; the rest wait on a list. */
    assert_int_equal(this_cpu(timers).size, INITIAL_HEAP_LIMIT);
    assert_int_equal(check_heap(0), n);
    for ( i = 0; i < n; i++ )
        assert_true(timer_is_active(&probes[i].t));

    /* The arch timer still sees the earliest of all. */
    {
        s_time_t e = STIME_MAX;

        for ( i = 0; i < n; i++ )
            e = min(e, probes[i].t.expires);
        assert_int_equal(fake_last_reprogram, e);
    }

    /* Listed timers can be stopped and re-set. */
    stop_timer(&probes[n - 1].t);
    stop_timer(&probes[0].t);
    set_timer(&probes[n - 2].t, 4000);
    assert_int_equal(check_heap(0), n - 2);

    /* Half the run without memory, then memory comes back. */
    advance_to(3000, 0);
    assert_int_equal(check_heap(0) + fire_seq, n - 2);
    xmalloc_fail = 0;
    raise_softirq(TIMER_SOFTIRQ);
    fake_run_softirqs(0);
    assert_null(this_cpu(timers).list);
    assert_int_equal(check_heap(0) + fire_seq, n - 2);
    advance_to(4000, 0);
    assert_int_equal(probes[n - 2].fired, 1);
    advance_to(10000, 0);

    assert_int_equal(fire_seq, n - 2);
    for ( i = 1; i < fire_seq; i++ )
        assert_true(fire_log[i - 1]->t.expires <= fire_log[i]->t.expires);
    assert_int_equal(probes[0].fired + probes[n - 1].fired, 0);
    assert_int_equal(probes[n - 2].fired_at, 4000);
    assert_int_equal(check_heap(0), 0);
}

static struct probe *late;

static void slow_arch(s_time_t timeout)
{
    /* Programming took so long that the deadline passed meanwhile. */
    if ( timeout && late && !late->fired )
        fake_now = timeout + 1;
}

static void test_deadline_passed_while_programming(void **state)
{
    struct probe *a = &probes[0], *b = &probes[1];

    init_probe(a, 0);
    init_probe(b, 0);
    set_timer(&a->t, 100);
    set_timer(&b->t, 150);
    late = b;
    fake_reprogram_hook = slow_arch;
    advance_to(100, 0);
    /* One softirq run fired both. */
    assert_int_equal(a->fired, 1);
    assert_int_equal(b->fired, 1);
    assert_int_equal(b->fired_at, 151);
    assert_int_equal(fake_last_reprogram, 0);
}

static void test_random_ops(void **state)
{
    const unsigned int n = 64;
    unsigned int i, round;

    rng_seed(2024);
    for ( i = 0; i < n; i++ )
        init_probe(&probes[i], 0);

    for ( round = 0; round < 20000; round++ )
    {
        struct probe *p = &probes[rng_below(n)];
        unsigned int fired = fire_seq;

        switch ( rng_below(4) )
        {
        case 0:
        case 1:
            set_timer(&p->t, fake_now + 1 + rng_below(1000));
            assert_true(timer_is_active(&p->t));
            break;
        case 2:
            stop_timer(&p->t);
            assert_false(timer_is_active(&p->t));
            break;
        case 3:
            advance_to(fake_now + rng_below(50), 0);
            break;
        }
        check_heap(0);
        /* The arch timer always holds the head (0 when idle). */
        if ( this_cpu(timers).size )
            assert_int_equal(fake_last_reprogram,
                             this_cpu(timers).heap[1]->expires);
        else if ( fake_last_reprogram != -1 )
            assert_int_equal(fake_last_reprogram, 0);
        for ( i = fired; i < fire_seq && i < ARRAY_SIZE(fire_log); i++ )
            assert_true(fire_log[i]->fired_at >= fire_log[i]->t.expires);
        if ( fire_seq > ARRAY_SIZE(fire_log) / 2 )
            fire_seq = 0;
    }
}

static void test_cpu_init(void **state)
{
    assert_null(per_cpu(timers, 3).heap);
    xmalloc_fail = 1;
    assert_int_equal(timer_cpu_init(3), -ENOMEM);
    assert_int_equal(timer_cpu_init(3), 0);
    assert_non_null(per_cpu(timers, 3).heap);
    assert_int_equal(per_cpu(timers, 3).limit, INITIAL_HEAP_LIMIT);
    /* Again: nothing changes. */
    assert_int_equal(timer_cpu_init(3), 0);
    assert_int_equal(per_cpu(timers, 3).limit, INITIAL_HEAP_LIMIT);

    /* A CPU whose heap could not be allocated still runs timers. */
    fake_cpu_id = 1;
    xmalloc_fail = ~0U;
    init_probe(&probes[0], 1);
    set_timer(&probes[0].t, 10);
    assert_int_equal(probes[0].t.status, TIMER_STATUS_in_list);
    advance_to(10, 1);
    assert_int_equal(probes[0].fired, 1);
    xmalloc_fail = 0;
}

static void test_irqs_restored(void **state)
{
    struct probe *a = &probes[0];

    init_probe(a, 0);
    fake_irq_enabled = false;
    set_timer(&a->t, 10);
    stop_timer(&a->t);
    migrate_timer(&a->t, 1);
    kill_timer(&a->t);
    assert_false(fake_irq_enabled);
    fake_irq_enabled = true;
    check_heap(0);
    check_heap(1);
}

int main(void)
{
#define T(name) UNIT_TEST(timer, name, setup, NULL)
    static const struct CMUnitTest tests[] = {
        T(random_order),
        T(reprogram_earliest),
        T(stop_and_reset),
        T(past_deadline),
        T(rearm_from_callback),
        T(kill),
        T(callback_stops_other),
        T(remote_cpu),
        T(migrate),
        T(heap_growth_failure),
        T(deadline_passed_while_programming),
        T(random_ops),
        T(cpu_init),
        T(irqs_restored),
    };
#undef T

    return cmocka_run_group_tests_name("timer", tests, NULL, NULL);
}
