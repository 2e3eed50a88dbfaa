/* SPDX-License-Identifier: MIT */
/*
 * Xenstore wire protocol: message header and types, error names, and
 * the shared ring page a domain uses to talk to xenstored.  The same
 * framing is used on xenstored's Unix socket.
 */
#ifndef XEN_PUBLIC_IO_XS_WIRE_H
#define XEN_PUBLIC_IO_XS_WIRE_H

#include <stdint.h>

enum xsd_sockmsg_type {
    XS_CONTROL              = 0,  /* implementation-defined commands */
    XS_DIRECTORY            = 1,
    XS_READ                 = 2,
    XS_GET_PERMS            = 3,
    XS_WATCH                = 4,
    XS_UNWATCH              = 5,
    XS_TRANSACTION_START    = 6,
    XS_TRANSACTION_END      = 7,
    XS_INTRODUCE            = 8,
    XS_RELEASE              = 9,
    XS_GET_DOMAIN_PATH      = 10,
    XS_WRITE                = 11,
    XS_MKDIR                = 12,
    XS_RM                   = 13,
    XS_SET_PERMS            = 14,
    XS_WATCH_EVENT          = 15, /* unsolicited */
    XS_ERROR                = 16, /* reply carrying an error name */
    XS_IS_DOMAIN_INTRODUCED = 17,
    XS_RESUME               = 18,
    XS_SET_TARGET           = 19,
    /* 20 was XS_RESTRICT */
    XS_RESET_WATCHES        = 21,
    XS_DIRECTORY_PART       = 22,

    XS_TYPE_COUNT,                /* one past the last type */
    XS_INVALID              = 0xffff
};
#define XS_DEBUG XS_CONTROL       /* older name */

/* Old write-mode strings. */
#define XS_WRITE_NONE        "NONE"
#define XS_WRITE_CREATE      "CREATE"
#define XS_WRITE_CREATE_EXCL "CREATE|EXCL"

/*
 * Error replies carry one of these names (with its NUL).  The order is
 * part of the protocol's history; XSD_ERRORS(F) expands F(name) for
 * each one.
 */
#define XSD_ERRORS(F) \
    F(EINVAL) F(EACCES) F(EEXIST) F(EISDIR) F(ENOENT) F(ENOMEM) \
    F(ENOSPC) F(EIO) F(ENOTEMPTY) F(ENOSYS) F(EROFS) F(EBUSY) \
    F(EAGAIN) F(EISCONN) F(E2BIG) F(EPERM)

/* With <errno.h> included first: a table of {errno, "ENAME"}. */
#ifdef EINVAL
struct xsd_errors {
    int errnum;
    const char *errstring;
};
#define XSD_ERROR(x) { x, #x },
static const struct xsd_errors xsd_errors[]
#if defined(__GNUC__)
__attribute__((unused))
#endif
    = { XSD_ERRORS(XSD_ERROR) };
#undef XSD_ERROR
#endif

/* Message header; len bytes of payload follow. */
struct xsd_sockmsg {
    uint32_t type;              /* XS_* */
    uint32_t req_id;            /* echoed in the reply */
    uint32_t tx_id;             /* transaction, 0 if none */
    uint32_t len;               /* payload bytes */
};

/* Fields of an XS_WATCH_EVENT payload. */
enum xs_watch_type {
    XS_WATCH_PATH = 0,
    XS_WATCH_TOKEN
};

/* The ring page shared between a domain and xenstored. */
#define XENSTORE_RING_SIZE 1024
typedef uint32_t XENSTORE_RING_IDX;
#define MASK_XENSTORE_IDX(idx) ((idx) & (XENSTORE_RING_SIZE - 1))

struct xenstore_domain_interface {
    char req[XENSTORE_RING_SIZE];   /* requests to xenstored */
    char rsp[XENSTORE_RING_SIZE];   /* replies and watch events */
    XENSTORE_RING_IDX req_cons, req_prod;
    XENSTORE_RING_IDX rsp_cons, rsp_prod;
    uint32_t server_features;       /* XENSTORE_SERVER_FEATURE_* */
    uint32_t connection;            /* XENSTORE_CONNECTED / _RECONNECT */
    uint32_t error;                 /* XENSTORE_ERROR_* */
};

/* Limits of the protocol. */
#define XENSTORE_PAYLOAD_MAX  4096
#define XENSTORE_ABS_PATH_MAX 3072
#define XENSTORE_REL_PATH_MAX 2048

/* server_features bits */
#define XENSTORE_SERVER_FEATURE_RECONNECTION 1  /* "connection" works */
#define XENSTORE_SERVER_FEATURE_ERROR        2  /* "error" works */

/* connection: the guest sets RECONNECT; the server resets the ring and */
/* sets CONNECTED again. */
#define XENSTORE_CONNECTED 0
#define XENSTORE_RECONNECT 1

/* error: why the server stopped serving the ring. */
#define XENSTORE_ERROR_NONE    0
#define XENSTORE_ERROR_COMM    1  /* bad message framing */
#define XENSTORE_ERROR_RINGIDX 2  /* impossible ring indices */
#define XENSTORE_ERROR_PROTO   3  /* protocol violation */

#endif /* XEN_PUBLIC_IO_XS_WIRE_H */
