/* SPDX-License-Identifier: MIT */
/*
 * The PV console ring page: a byte ring each way with free-running
 * indices (masked by the array size).  Primary console: the page and
 * port come from start_info (x86 PV) or HVM_PARAM_CONSOLE_* (arm).
 */
#ifndef XEN_PUBLIC_IO_CONSOLE_H
#define XEN_PUBLIC_IO_CONSOLE_H

#include <stdint.h>

typedef uint32_t XENCONS_RING_IDX;

#define MASK_XENCONS_IDX(idx, ring) ((idx) & (sizeof(ring) - 1))

struct xencons_interface {
    char in[1024];              /* backend -> guest (keyboard) */
    char out[2048];             /* guest -> backend (screen) */
    XENCONS_RING_IDX in_cons;   /* written by the guest */
    XENCONS_RING_IDX in_prod;   /* written by the backend */
    XENCONS_RING_IDX out_cons;  /* written by the backend */
    XENCONS_RING_IDX out_prod;  /* written by the guest */
};

#endif /* XEN_PUBLIC_IO_CONSOLE_H */
