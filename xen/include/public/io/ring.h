/* SPDX-License-Identifier: MIT */
/*
 * Shared request/response rings for split drivers.  One page (or 2^n
 * pages) holds a 64-byte header and a power-of-two array of slots, each
 * big enough for a request or a response.  The front end produces
 * requests and consumes responses; the back end does the opposite.
 * Indices run freely and are masked by the ring size on use.
 *
 * Event suppression: a side only notifies the other when the index it
 * publishes passes the other side's *_event mark, which that side sets
 * to "one past what I have consumed" before it goes idle.
 *
 * The user may define xen_mb(), xen_rmb() and xen_wmb() (full, read and
 * write barriers) before including this file; otherwise GCC builtins
 * are used.  RING_COPY_* need __typeof__ (GCC, clang).
 */
#ifndef XEN_PUBLIC_IO_RING_H
#define XEN_PUBLIC_IO_RING_H

#include <stddef.h>
#include "../xen.h"

#ifndef xen_mb
#define xen_mb()  __sync_synchronize()
#endif
#ifndef xen_rmb
#define xen_rmb() __sync_synchronize()
#endif
#ifndef xen_wmb
#define xen_wmb() __sync_synchronize()
#endif

#define XEN_PAGE_SHIFT 12
#define XEN_PAGE_SIZE  (1UL << XEN_PAGE_SHIFT)

typedef unsigned int RING_IDX;

/* Round down to a power of two (arguments up to 2^32). */
#define __RD2(_x)  (((_x) & 0x00000002) ? 0x2 : ((_x) & 0x1))
#define __RD4(_x)  (((_x) & 0x0000000c) ? __RD2((_x) >> 2) << 2 : __RD2(_x))
#define __RD8(_x)  (((_x) & 0x000000f0) ? __RD4((_x) >> 4) << 4 : __RD4(_x))
#define __RD16(_x) (((_x) & 0x0000ff00) ? __RD8((_x) >> 8) << 8 : __RD8(_x))
#define __RD32(_x) (((_x) & 0xffff0000) ? __RD16((_x) >> 16) << 16 : \
                    __RD16(_x))

/* Slots that fit in _sz bytes after the header of the shared ring _s. */
#define __RING_SIZE(_s, _sz) \
    (__RD32(((_sz) - (long)(_s)->ring + (long)(_s)) / sizeof((_s)->ring[0])))

/* The same, as a constant expression, from the ring type's name. */
#define __CONST_RING_SIZE(_name, _sz) \
    (__RD32(((_sz) - offsetof(struct _name##_sring, ring)) / \
            sizeof(((struct _name##_sring *)0)->ring[0])))

/*
 * Declare the shared ring (struct NAME_sring) and the private front and
 * back views of it (struct NAME_front_ring, struct NAME_back_ring).
 */
#define DEFINE_RING_TYPES(__name, __req_t, __rsp_t)                     \
                                                                        \
union __name##_sring_entry {                                            \
    __req_t req;                                                        \
    __rsp_t rsp;                                                        \
};                                                                      \
                                                                        \
struct __name##_sring {                                                 \
    RING_IDX req_prod, req_event;                                       \
    RING_IDX rsp_prod, rsp_event;                                       \
    uint8_t __pvt[4];       /* driver specific, unused */               \
    uint8_t __pad[44];      /* header is 64 bytes */                    \
    union __name##_sring_entry ring[1]; /* really RING_SIZE entries */  \
};                                                                      \
                                                                        \
struct __name##_front_ring {                                            \
    RING_IDX req_prod_pvt;  /* requests made, not yet pushed */         \
    RING_IDX rsp_cons;      /* responses consumed */                    \
    unsigned int nr_ents;                                               \
    struct __name##_sring *sring;                                       \
};                                                                      \
                                                                        \
struct __name##_back_ring {                                             \
    RING_IDX rsp_prod_pvt;  /* responses made, not yet pushed */        \
    RING_IDX req_cons;      /* requests consumed */                     \
    unsigned int nr_ents;                                               \
    struct __name##_sring *sring;                                       \
};                                                                      \
                                                                        \
typedef struct __name##_sring __name##_sring_t;                         \
typedef struct __name##_front_ring __name##_front_ring_t;               \
typedef struct __name##_back_ring __name##_back_ring_t

/* Initialise a fresh shared ring (front end, before granting it). */
#define SHARED_RING_INIT(_s) do {                                       \
    unsigned int __i;                                                   \
    (_s)->req_prod = (_s)->rsp_prod = 0;                                \
    (_s)->req_event = (_s)->rsp_event = 1;                              \
    for ( __i = 0; __i < sizeof((_s)->__pvt); __i++ )                   \
        (_s)->__pvt[__i] = 0;                                           \
    for ( __i = 0; __i < sizeof((_s)->__pad); __i++ )                   \
        (_s)->__pad[__i] = 0;                                           \
} while ( 0 )

/* Attach a private view to a shared ring of _size bytes at index _i. */
#define FRONT_RING_ATTACH(_r, _s, _i, _size) do {                       \
    (_r)->req_prod_pvt = (_i);                                          \
    (_r)->rsp_cons = (_i);                                              \
    (_r)->nr_ents = __RING_SIZE(_s, _size);                             \
    (_r)->sring = (_s);                                                 \
} while ( 0 )

#define FRONT_RING_INIT(_r, _s, _size) FRONT_RING_ATTACH(_r, _s, 0, _size)

#define BACK_RING_ATTACH(_r, _s, _i, _size) do {                        \
    (_r)->rsp_prod_pvt = (_i);                                          \
    (_r)->req_cons = (_i);                                              \
    (_r)->nr_ents = __RING_SIZE(_s, _size);                             \
    (_r)->sring = (_s);                                                 \
} while ( 0 )

#define BACK_RING_INIT(_r, _s, _size) BACK_RING_ATTACH(_r, _s, 0, _size)

/* Number of slots. */
#define RING_SIZE(_r) ((_r)->nr_ents)

/* Front end: slots free for new requests. */
#define RING_FREE_REQUESTS(_r) \
    (RING_SIZE(_r) - ((_r)->req_prod_pvt - (_r)->rsp_cons))

/* Front end: no room for another request. */
#define RING_FULL(_r) (RING_FREE_REQUESTS(_r) == 0)

/* Front end: responses published and not yet consumed. */
#define RING_HAS_UNCONSUMED_RESPONSES(_r) \
    ((_r)->sring->rsp_prod - (_r)->rsp_cons)

/*
 * Back end: requests it may consume now: those published, but no more
 * than there are free response slots for.
 */
#define RING_HAS_UNCONSUMED_REQUESTS(_r)                                \
    (((_r)->sring->req_prod - (_r)->req_cons) <                         \
     (RING_SIZE(_r) - ((_r)->req_cons - (_r)->rsp_prod_pvt)) ?          \
     ((_r)->sring->req_prod - (_r)->req_cons) :                         \
     (RING_SIZE(_r) - ((_r)->req_cons - (_r)->rsp_prod_pvt)))

/* Slot of index _idx. */
#define RING_GET_REQUEST(_r, _idx) \
    (&((_r)->sring->ring[(_idx) & (RING_SIZE(_r) - 1)].req))
#define RING_GET_RESPONSE(_r, _idx) \
    (&((_r)->sring->ring[(_idx) & (RING_SIZE(_r) - 1)].rsp))

/*
 * Copy a slot in one read of the shared memory, so the other side cannot
 * change it between checks (use these in back ends).
 */
#define RING_COPY_REQUEST(_r, _idx, _dst) do {                          \
    *(_dst) = *(volatile __typeof__(_dst))RING_GET_REQUEST(_r, _idx);   \
} while ( 0 )
#define RING_COPY_RESPONSE(_r, _idx, _dst) do {                         \
    *(_dst) = *(volatile __typeof__(_dst))RING_GET_RESPONSE(_r, _idx);  \
} while ( 0 )

/* Sanity checks against a misbehaving peer. */
#define RING_REQUEST_CONS_OVERFLOW(_r, _cons) \
    (((_cons) - (_r)->rsp_prod_pvt) >= RING_SIZE(_r))
#define RING_REQUEST_PROD_OVERFLOW(_r, _prod) \
    (((_prod) - (_r)->rsp_prod_pvt) > RING_SIZE(_r))
#define RING_RESPONSE_PROD_OVERFLOW(_r, _prod) \
    (((_prod) - (_r)->rsp_cons) > RING_SIZE(_r))

/* Publish private progress without deciding about notification. */
#define RING_PUSH_REQUESTS(_r) do {                                     \
    xen_wmb();                                                          \
    (_r)->sring->req_prod = (_r)->req_prod_pvt;                         \
} while ( 0 )

#define RING_PUSH_RESPONSES(_r) do {                                    \
    xen_wmb();                                                          \
    (_r)->sring->rsp_prod = (_r)->rsp_prod_pvt;                         \
} while ( 0 )

/*
 * Publish, and set _notify if the peer asked to be told about an index
 * in the range just published.
 */
#define RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(_r, _notify) do {           \
    RING_IDX __old = (_r)->sring->req_prod;                             \
    RING_IDX __new = (_r)->req_prod_pvt;                                \
    xen_wmb();                                                          \
    (_r)->sring->req_prod = __new;                                      \
    xen_mb();                                                           \
    (_notify) = ((RING_IDX)(__new - (_r)->sring->req_event) <           \
                 (RING_IDX)(__new - __old));                            \
} while ( 0 )

#define RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(_r, _notify) do {          \
    RING_IDX __old = (_r)->sring->rsp_prod;                             \
    RING_IDX __new = (_r)->rsp_prod_pvt;                                \
    xen_wmb();                                                          \
    (_r)->sring->rsp_prod = __new;                                      \
    xen_mb();                                                           \
    (_notify) = ((RING_IDX)(__new - (_r)->sring->rsp_event) <           \
                 (RING_IDX)(__new - __old));                            \
} while ( 0 )

/*
 * Before going idle: ask for a notification at the next index, then
 * look again so a request published in between is not missed.
 */
#define RING_FINAL_CHECK_FOR_REQUESTS(_r, _work_to_do) do {             \
    (_work_to_do) = RING_HAS_UNCONSUMED_REQUESTS(_r);                   \
    if ( _work_to_do )                                                  \
        break;                                                          \
    (_r)->sring->req_event = (_r)->req_cons + 1;                        \
    xen_mb();                                                           \
    (_work_to_do) = RING_HAS_UNCONSUMED_REQUESTS(_r);                   \
} while ( 0 )

#define RING_FINAL_CHECK_FOR_RESPONSES(_r, _work_to_do) do {            \
    (_work_to_do) = RING_HAS_UNCONSUMED_RESPONSES(_r);                  \
    if ( _work_to_do )                                                  \
        break;                                                          \
    (_r)->sring->rsp_event = (_r)->rsp_cons + 1;                        \
    xen_mb();                                                           \
    (_work_to_do) = RING_HAS_UNCONSUMED_RESPONSES(_r);                  \
} while ( 0 )

#endif /* XEN_PUBLIC_IO_RING_H */
