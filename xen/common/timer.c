/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software timers: a binary min-heap of pending timers per CPU, run from
 * TIMER_SOFTIRQ, with the arch timer programmed for the earliest expiry.
 */

#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/percpu.h>
#include <xen/smp.h>
#include <xen/softirq.h>
#include <xen/spinlock.h>
#include <xen/string.h>
#include <xen/time.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>

#define INITIAL_HEAP_LIMIT 16

/*
 * heap[1..size] holds the pending timers, heap[0] is unused so that a
 * timer's heap_offset is its index and 0 means "not in the heap".  The
 * heap grows (doubling) when full; if that allocation fails the timer
 * goes on the unsorted overflow list instead, which is scanned on every
 * run and drained back into the heap once memory is available again.
 * Nothing is ever dropped.
 */
struct timers
{
    spinlock_t lock;
    struct timer **heap;
    unsigned int size, limit;
    struct timer *list;
    struct timer *running; /* callback being run on this CPU */
};

static DEFINE_PER_CPU(struct timers, timers);

/* ---- Heap primitives (caller holds the lock) --------------------------- */

static void heap_set(struct timer **heap, unsigned int pos, struct timer *t)
{
    heap[pos] = t;
    t->heap_offset = pos;
}

static void sift_up(struct timer **heap, unsigned int pos)
{
    struct timer *t = heap[pos];

    while ( pos > 1 && t->expires < heap[pos / 2]->expires )
    {
        heap_set(heap, pos, heap[pos / 2]);
        pos /= 2;
    }
    heap_set(heap, pos, t);
}

static void sift_down(struct timer **heap, unsigned int size, unsigned int pos)
{
    struct timer *t = heap[pos];

    for ( ;; )
    {
        unsigned int c = pos * 2;

        if ( c > size )
            break;
        if ( c < size && heap[c + 1]->expires < heap[c]->expires )
            c++;
        if ( heap[c]->expires >= t->expires )
            break;
        heap_set(heap, pos, heap[c]);
        pos = c;
    }
    heap_set(heap, pos, t);
}

static bool heap_grow(struct timers *ts)
{
    unsigned int limit = ts->limit ? ts->limit * 2 : INITIAL_HEAP_LIMIT;
    struct timer **heap;

    if ( limit < ts->limit )
        return false;
    heap = xmalloc_array(struct timer *, limit + 1);
    if ( !heap )
        return false;

    if ( ts->heap )
        memcpy(heap, ts->heap, (ts->size + 1) * sizeof(*heap));
    xfree(ts->heap);
    ts->heap = heap;
    ts->limit = limit;

    return true;
}

static bool heap_add(struct timers *ts, struct timer *t)
{
    if ( ts->size == ts->limit && !heap_grow(ts) )
        return false;

    ts->size++;
    heap_set(ts->heap, ts->size, t);
    sift_up(ts->heap, ts->size);
    t->status = TIMER_STATUS_in_heap;

    return true;
}

static void heap_remove(struct timers *ts, struct timer *t)
{
    unsigned int pos = t->heap_offset;
    struct timer *last;

    ASSERT(pos && pos <= ts->size && ts->heap[pos] == t);

    last = ts->heap[ts->size--];
    t->heap_offset = 0;
    if ( pos > ts->size )
        return;

    heap_set(ts->heap, pos, last);
    if ( pos > 1 && last->expires < ts->heap[pos / 2]->expires )
        sift_up(ts->heap, pos);
    else
        sift_down(ts->heap, ts->size, pos);
}

static void list_remove(struct timers *ts, struct timer *t)
{
    struct timer **pp;

    for ( pp = &ts->list; *pp != t; pp = &(*pp)->list_next )
        ASSERT(*pp);
    *pp = t->list_next;
    t->list_next = NULL;
}

/* ---- Pending set: heap plus overflow list ------------------------------ */

/* Earliest pending expiry, clamped to >= 1 (0 means "nothing pending"). */
static s_time_t earliest(const struct timers *ts)
{
    const struct timer *t;
    s_time_t e = STIME_MAX;
    bool any = ts->size;

    if ( ts->size )
        e = ts->heap[1]->expires;
    for ( t = ts->list; t; t = t->list_next )
    {
        e = min(e, t->expires);
        any = true;
    }

    return any ? max(e, (s_time_t)1) : 0;
}

/* Returns true if the earliest deadline may have changed. */
static bool activate(struct timers *ts, struct timer *t)
{
    if ( heap_add(ts, t) )
        return t->heap_offset == 1;

    t->list_next = ts->list;
    ts->list = t;
    t->status = TIMER_STATUS_in_list;

    return true;
}

static bool deactivate(struct timers *ts, struct timer *t)
{
    bool head = false;

    if ( t->status == TIMER_STATUS_in_heap )
    {
        head = t->heap_offset == 1;
        heap_remove(ts, t);
    }
    else if ( t->status == TIMER_STATUS_in_list )
    {
        list_remove(ts, t);
        head = true;
    }
    t->status = TIMER_STATUS_inactive;

    return head;
}

/* Move overflow timers back into the heap while it can take them. */
static void drain_list(struct timers *ts)
{
    while ( ts->list )
    {
        struct timer *t = ts->list;

        ts->list = t->list_next;
        t->list_next = NULL;
        if ( !heap_add(ts, t) )
        {
            t->list_next = ts->list;
            ts->list = t;
            break;
        }
    }
}

/*
 * The earliest deadline of 'cpu' changed.  The local timer is programmed
 * directly (unless the softirq handler is running callbacks: it
 * reprograms when done); a remote CPU is asked to do it itself.
 */
static void kick(unsigned int cpu, struct timers *ts)
{
    s_time_t next;

    if ( cpu != smp_processor_id() )
    {
        cpu_raise_softirq(cpu, TIMER_SOFTIRQ);
        return;
    }
    if ( ts->running )
        return;

    next = earliest(ts);
    if ( !reprogram_timer(next) && next )
        raise_softirq(TIMER_SOFTIRQ);
}

/* Lock the heap the timer is on; NULL (unlocked) if it is not usable. */
static struct timers *lock_timer(struct timer *t, unsigned long *flags)
{
    for ( ;; )
    {
        unsigned int cpu = READ_ONCE(t->cpu);
        struct timers *ts;

        BUG_ON(cpu >= NR_CPUS);
        ts = &per_cpu(timers, cpu);
        spin_lock_irqsave(&ts->lock, *flags);
        if ( likely(t->cpu == cpu) )
        {
            if ( t->status != TIMER_STATUS_invalid )
                return ts;
            spin_unlock_irqrestore(&ts->lock, *flags);
            return NULL;
        }
        spin_unlock_irqrestore(&ts->lock, *flags);
    }
}

/* ---- Interface ---------------------------------------------------------- */

void init_timer(struct timer *t, void (*fn)(void *), void *data,
                unsigned int cpu)
{
    BUG_ON(cpu >= NR_CPUS);
    memset(t, 0, sizeof(*t));
    t->function = fn;
    t->data = data;
    t->cpu = cpu;
    t->status = TIMER_STATUS_inactive;
}

void set_timer(struct timer *t, s_time_t expires)
{
    unsigned long flags;
    struct timers *ts = lock_timer(t, &flags);
    bool changed;

    if ( !ts )
        return;

    changed = deactivate(ts, t);
    t->expires = expires;
    changed |= activate(ts, t);
    if ( changed )
        kick(t->cpu, ts);

    spin_unlock_irqrestore(&ts->lock, flags);
}

void stop_timer(struct timer *t)
{
    unsigned long flags;
    struct timers *ts = lock_timer(t, &flags);

    if ( !ts )
        return;

    if ( deactivate(ts, t) )
        kick(t->cpu, ts);

    spin_unlock_irqrestore(&ts->lock, flags);
}

void migrate_timer(struct timer *t, unsigned int new_cpu)
{
    struct timers *from, *to;
    unsigned long flags;
    unsigned int old_cpu;
    bool active;

    BUG_ON(new_cpu >= NR_CPUS);
    to = &per_cpu(timers, new_cpu);

    /* Take both locks, lower CPU first, and recheck the timer's CPU. */
    for ( ;; )
    {
        old_cpu = READ_ONCE(t->cpu);
        if ( old_cpu == new_cpu )
            return;
        BUG_ON(old_cpu >= NR_CPUS);
        from = &per_cpu(timers, old_cpu);

        local_irq_save(flags);
        if ( old_cpu < new_cpu )
        {
            spin_lock(&from->lock);
            spin_lock(&to->lock);
        }
        else
        {
            spin_lock(&to->lock);
            spin_lock(&from->lock);
        }
        if ( likely(t->cpu == old_cpu) )
            break;
        spin_unlock(&from->lock);
        spin_unlock(&to->lock);
        local_irq_restore(flags);
    }

    if ( t->status != TIMER_STATUS_invalid )
    {
        active = timer_is_active(t);
        if ( active && deactivate(from, t) )
            kick(old_cpu, from);
        t->cpu = new_cpu;
        if ( active && activate(to, t) )
            kick(new_cpu, to);
    }

    spin_unlock(&from->lock);
    spin_unlock(&to->lock);
    local_irq_restore(flags);
}

void kill_timer(struct timer *t)
{
    unsigned long flags;
    struct timers *ts = lock_timer(t, &flags);
    unsigned int cpu;

    if ( !ts )
        return;

    if ( deactivate(ts, t) )
        kick(t->cpu, ts);
    t->status = TIMER_STATUS_invalid;

    spin_unlock_irqrestore(&ts->lock, flags);

    /* The caller may free the timer next: wait out a running callback. */
    for ( cpu = 0; cpu < NR_CPUS; cpu++ )
        while ( cpu != smp_processor_id() &&
                READ_ONCE(per_cpu(timers, cpu).running) == t )
            cpu_relax();
}

bool timer_is_active(const struct timer *t)
{
    return t->status == TIMER_STATUS_in_heap ||
           t->status == TIMER_STATUS_in_list;
}

/* Earliest expired timer (heap head or overflow entry), or NULL. */
static struct timer *next_expired(struct timers *ts, s_time_t now)
{
    struct timer *best = ts->size ? ts->heap[1] : NULL, *t;

    for ( t = ts->list; t; t = t->list_next )
        if ( !best || t->expires < best->expires )
            best = t;

    return best && best->expires <= now ? best : NULL;
}

static void timer_softirq_action(void)
{
    struct timers *ts = &this_cpu(timers);
    unsigned long flags;
    s_time_t next;

    spin_lock_irqsave(&ts->lock, flags);

    for ( ;; )
    {
        s_time_t now = NOW();
        struct timer *t;

        drain_list(ts);

        while ( (t = next_expired(ts, now)) != NULL )
        {
            void (*fn)(void *) = t->function;
            void *data = t->data;

            deactivate(ts, t);

            /* Unlocked: the callback may set, stop or kill timers. */
            ts->running = t;
            spin_unlock_irqrestore(&ts->lock, flags);
            fn(data);
            spin_lock_irqsave(&ts->lock, flags);
            ts->running = NULL;
        }

        next = earliest(ts);
        /* 0: the deadline passed while we were programming it. */
        if ( reprogram_timer(next) || !next )
            break;
    }

    spin_unlock_irqrestore(&ts->lock, flags);
}

int timer_cpu_init(unsigned int cpu)
{
    struct timers *ts;
    unsigned long flags;
    bool ok = true;

    BUG_ON(cpu >= NR_CPUS);
    ts = &per_cpu(timers, cpu);

    spin_lock_irqsave(&ts->lock, flags);
    if ( !ts->heap )
        ok = heap_grow(ts);
    spin_unlock_irqrestore(&ts->lock, flags);

    return ok ? 0 : -ENOMEM;
}

void timer_init(void)
{
    open_softirq(TIMER_SOFTIRQ, timer_softirq_action);
    if ( timer_cpu_init(0) )
        panic("timer: no memory for the boot CPU's timer heap\n");
}
