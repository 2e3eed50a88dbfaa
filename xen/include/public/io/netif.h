/* SPDX-License-Identifier: MIT */
/*
 * Network device rings (netfront <-> netback): one ring for transmit,
 * one for receive.  A packet may span several slots (NETTXF_more_data /
 * NETRXF_more_data) and may be followed by extra-info slots.
 *
 * Xenstore keys (see docs/misc/xenstore-paths.md):
 *  backend:  feature-sg, feature-gso-tcpv4, feature-gso-tcpv6,
 *            feature-ipv6-csum-offload, feature-rx-copy, feature-rx-flip,
 *            feature-multicast-control, feature-split-event-channels,
 *            multi-queue-max-queues, feature-ctrl-ring, mac, bridge,
 *            script, hotplug-status
 *  frontend: tx-ring-ref, rx-ring-ref, event-channel (or
 *            event-channel-tx/-rx), request-rx-copy, feature-rx-notify,
 *            feature-sg, feature-gso-tcpv4, feature-gso-tcpv6,
 *            feature-no-csum-offload, feature-ipv6-csum-offload,
 *            multi-queue-num-queues + queue-<n>/..., mac, handle
 */
#ifndef XEN_PUBLIC_IO_NETIF_H
#define XEN_PUBLIC_IO_NETIF_H

#include "ring.h"
#include "../grant_table.h"

/* Fewest slots a backend must accept for one packet. */
#define XEN_NETIF_NR_SLOTS_MIN 18

/* Largest packet size field. */
#define XEN_NETIF_MAX_TX_SIZE 0xFFFF

/* ------------------------------------------------------------------ */
/* Transmit (guest -> backend)                                         */

#define _NETTXF_csum_blank     0    /* checksum still to be filled in */
#define NETTXF_csum_blank      (1U << _NETTXF_csum_blank)
#define _NETTXF_data_validated 1    /* checksum already checked */
#define NETTXF_data_validated  (1U << _NETTXF_data_validated)
#define _NETTXF_more_data      2    /* packet continues in the next slot */
#define NETTXF_more_data       (1U << _NETTXF_more_data)
#define _NETTXF_extra_info     3    /* netif_extra_info slot follows */
#define NETTXF_extra_info      (1U << _NETTXF_extra_info)

struct netif_tx_request {
    grant_ref_t gref;           /* page holding the data */
    uint16_t offset;            /* within the page */
    uint16_t flags;             /* NETTXF_* */
    uint16_t id;                /* echoed in the response */
    uint16_t size;              /* first slot: whole packet; else slot */
};
typedef struct netif_tx_request netif_tx_request_t;

/* Extra information slots. */
#define XEN_NETIF_EXTRA_TYPE_NONE      0
#define XEN_NETIF_EXTRA_TYPE_GSO       1
#define XEN_NETIF_EXTRA_TYPE_MCAST_ADD 2
#define XEN_NETIF_EXTRA_TYPE_MCAST_DEL 3
#define XEN_NETIF_EXTRA_TYPE_HASH      4
#define XEN_NETIF_EXTRA_TYPE_XDP       5
#define XEN_NETIF_EXTRA_TYPE_MAX       6

#define _XEN_NETIF_EXTRA_FLAG_MORE 0    /* another extra slot follows */
#define XEN_NETIF_EXTRA_FLAG_MORE  (1U << _XEN_NETIF_EXTRA_FLAG_MORE)

#define XEN_NETIF_GSO_TYPE_NONE  0
#define XEN_NETIF_GSO_TYPE_TCPV4 1
#define XEN_NETIF_GSO_TYPE_TCPV6 2

struct netif_extra_gso {
    uint16_t size;              /* MSS */
    uint8_t type;               /* XEN_NETIF_GSO_TYPE_* */
    uint8_t pad;
    uint16_t features;          /* zero */
};

struct netif_extra_mcast {
    uint8_t addr[6];            /* Ethernet address */
};

struct netif_extra_hash {
    uint8_t type;
    uint8_t algorithm;
    uint8_t value[4];
};

struct netif_extra_xdp {
    uint16_t headroom;
    uint16_t pad[2];
};

union netif_extra_info_u {
    struct netif_extra_gso gso;
    struct netif_extra_mcast mcast;
    struct netif_extra_hash hash;
    struct netif_extra_xdp xdp;
    uint16_t pad[3];
};

struct netif_extra_info {
    uint8_t type;               /* XEN_NETIF_EXTRA_TYPE_* */
    uint8_t flags;              /* XEN_NETIF_EXTRA_FLAG_* */
    union netif_extra_info_u u;
};
typedef struct netif_extra_info netif_extra_info_t;

struct netif_tx_response {
    uint16_t id;
    int16_t status;             /* NETIF_RSP_* */
};
typedef struct netif_tx_response netif_tx_response_t;

/* ------------------------------------------------------------------ */
/* Receive (backend -> guest): the guest posts empty granted pages.    */

struct netif_rx_request {
    uint16_t id;                /* echoed in the response */
    uint16_t pad;
    grant_ref_t gref;           /* page to copy the data into */
};
typedef struct netif_rx_request netif_rx_request_t;

#define _NETRXF_data_validated 0
#define NETRXF_data_validated  (1U << _NETRXF_data_validated)
#define _NETRXF_csum_blank     1
#define NETRXF_csum_blank      (1U << _NETRXF_csum_blank)
#define _NETRXF_more_data      2
#define NETRXF_more_data       (1U << _NETRXF_more_data)
#define _NETRXF_extra_info     3
#define NETRXF_extra_info      (1U << _NETRXF_extra_info)
#define _NETRXF_gso_prefix     4    /* GSO prefix slot (old) */
#define NETRXF_gso_prefix      (1U << _NETRXF_gso_prefix)

struct netif_rx_response {
    uint16_t id;
    uint16_t offset;            /* of the data in the page */
    uint16_t flags;             /* NETRXF_* */
    int16_t status;             /* bytes, or NETIF_RSP_* if negative */
};
typedef struct netif_rx_response netif_rx_response_t;

DEFINE_RING_TYPES(netif_tx, struct netif_tx_request, struct netif_tx_response);
DEFINE_RING_TYPES(netif_rx, struct netif_rx_request, struct netif_rx_response);

#define NETIF_RSP_DROPPED -2
#define NETIF_RSP_ERROR   -1
#define NETIF_RSP_OKAY     0
#define NETIF_RSP_NULL     1    /* slot carried no data (extra info) */

#endif /* XEN_PUBLIC_IO_NETIF_H */
