/* SPDX-License-Identifier: MIT */
/*
 * States of a split device as written (in decimal) to the "state" key
 * of its frontend and backend xenstore directories.
 */
#ifndef XEN_PUBLIC_IO_XENBUS_H
#define XEN_PUBLIC_IO_XENBUS_H

enum xenbus_state {
    XenbusStateUnknown      = 0,
    XenbusStateInitialising = 1,
    XenbusStateInitWait     = 2,  /* backend waits for frontend details */
    XenbusStateInitialised  = 3,  /* frontend published its rings */
    XenbusStateConnected    = 4,
    XenbusStateClosing      = 5,  /* shutting down, finish I/O */
    XenbusStateClosed       = 6,
    XenbusStateReconfiguring = 7,
    XenbusStateReconfigured = 8
};
typedef enum xenbus_state XenbusState;

#endif /* XEN_PUBLIC_IO_XENBUS_H */
