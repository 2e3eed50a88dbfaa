/* SPDX-License-Identifier: MIT */
/*
 * Block device ring (blkfront <-> blkback).  Requests name data pages
 * by grant reference; sectors are 512 bytes whatever the disk's own
 * sector size.
 *
 * Xenstore keys (see docs/misc/xenstore-paths.md):
 *  backend:  sectors, info (VDISK_*), sector-size, physical-sector-size,
 *            feature-flush-cache, feature-barrier, feature-discard
 *            (+ discard-granularity, discard-alignment, discard-secure),
 *            feature-persistent, feature-max-indirect-segments,
 *            max-ring-page-order, multi-queue-max-queues,
 *            mode, params, type, physical-device, hotplug-status
 *  frontend: ring-ref or ring-page-order + ring-ref0..N, event-channel,
 *            protocol (XEN_IO_PROTO_ABI_*), feature-persistent,
 *            multi-queue-num-queues + queue-<n>/{ring-ref*,event-channel},
 *            virtual-device, device-type
 */
#ifndef XEN_PUBLIC_IO_BLKIF_H
#define XEN_PUBLIC_IO_BLKIF_H

#include "ring.h"
#include "../grant_table.h"

typedef uint16_t blkif_vdev_t;
typedef uint64_t blkif_sector_t;

#define BLKIF_OP_READ             0
#define BLKIF_OP_WRITE            1
#define BLKIF_OP_WRITE_BARRIER    2 /* write, ordered against all others */
#define BLKIF_OP_FLUSH_DISKCACHE  3 /* flush the disk's write cache */
#define BLKIF_OP_RESERVED_1       4 /* used by another implementation */
#define BLKIF_OP_DISCARD          5 /* blkif_request_discard */
#define BLKIF_OP_INDIRECT         6 /* blkif_request_indirect */

/* Segments carried directly in a request. */
#define BLKIF_MAX_SEGMENTS_PER_REQUEST 11

/* Pages of segment descriptors an indirect request may point to. */
#define BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST 8

/* One data page (part): sectors first_sect..last_sect of the page. */
struct blkif_request_segment {
    grant_ref_t gref;
    uint8_t first_sect, last_sect;  /* 0..7 */
    uint16_t _pad0;
};

#define BLKIF_SEGS_PER_INDIRECT_FRAME \
    (XEN_PAGE_SIZE / sizeof(struct blkif_request_segment))

/* READ, WRITE, WRITE_BARRIER, FLUSH_DISKCACHE */
struct blkif_request {
    uint8_t operation;          /* BLKIF_OP_* */
    uint8_t nr_segments;        /* 1..11 (0 for a pure flush) */
    blkif_vdev_t handle;        /* device, ignored by most backends */
    uint32_t _pad0;
    uint64_t id;                /* echoed in the response */
    blkif_sector_t sector_number;
    struct blkif_request_segment seg[BLKIF_MAX_SEGMENTS_PER_REQUEST];
};
typedef struct blkif_request blkif_request_t;

/* DISCARD: same slot size, different layout. */
#define BLKIF_DISCARD_SECURE (1 << 0)   /* erase securely */
struct blkif_request_discard {
    uint8_t operation;          /* BLKIF_OP_DISCARD */
    uint8_t flag;               /* BLKIF_DISCARD_* */
    blkif_vdev_t handle;
    uint32_t _pad0;
    uint64_t id;
    blkif_sector_t sector_number;
    uint64_t nr_sectors;
};
typedef struct blkif_request_discard blkif_request_discard_t;

/* INDIRECT: the segments are in granted pages, not in the slot. */
struct blkif_request_indirect {
    uint8_t operation;          /* BLKIF_OP_INDIRECT */
    uint8_t indirect_op;        /* BLKIF_OP_READ or _WRITE */
    uint16_t nr_segments;
    uint32_t _pad0;
    uint64_t id;
    blkif_sector_t sector_number;
    blkif_vdev_t handle;
    uint16_t _pad1;
    grant_ref_t indirect_grefs[BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST];
    uint32_t _pad2;
};
typedef struct blkif_request_indirect blkif_request_indirect_t;

struct blkif_response {
    uint64_t id;                /* from the request */
    uint8_t operation;          /* from the request */
    uint8_t _pad0;
    int16_t status;             /* BLKIF_RSP_* */
    uint32_t _pad1;
};
typedef struct blkif_response blkif_response_t;

#define BLKIF_RSP_EOPNOTSUPP  -2    /* operation not supported */
#define BLKIF_RSP_ERROR       -1
#define BLKIF_RSP_OKAY         0

DEFINE_RING_TYPES(blkif, struct blkif_request, struct blkif_response);

/* Bits of the backend's "info" key. */
#define VDISK_CDROM     0x1
#define VDISK_REMOVABLE 0x2
#define VDISK_READONLY  0x4

#endif /* XEN_PUBLIC_IO_BLKIF_H */
