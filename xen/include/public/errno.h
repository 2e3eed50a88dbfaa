/* SPDX-License-Identifier: MIT */
/*
 * Error numbers returned (negated) by hypercalls.  They are the x86
 * Linux values, so a Linux guest can pass them on unchanged.  EINTR and
 * ERESTART are for the hypervisor's own use and never reach a guest.
 */
#ifndef XEN_PUBLIC_ERRNO_H
#define XEN_PUBLIC_ERRNO_H

#define XEN_EPERM            1 /* operation not permitted */
#define XEN_ENOENT           2 /* no such entry */
#define XEN_ESRCH            3 /* no such domain or vCPU */
#define XEN_EINTR            4 /* interrupted (internal only) */
#define XEN_EIO              5 /* I/O error */
#define XEN_ENXIO            6 /* no such device or address */
#define XEN_E2BIG            7 /* argument list too long */
#define XEN_ENOEXEC          8 /* bad executable format */
#define XEN_EBADF            9 /* bad descriptor */
#define XEN_ECHILD          10 /* no child */
#define XEN_EAGAIN          11 /* try again */
#define XEN_ENOMEM          12 /* out of memory */
#define XEN_EACCES          13 /* access denied */
#define XEN_EFAULT          14 /* bad guest address */
#define XEN_EBUSY           16 /* busy */
#define XEN_EEXIST          17 /* already exists */
#define XEN_EXDEV           18 /* cross-device */
#define XEN_ENODEV          19 /* no such device */
#define XEN_EINVAL          22 /* invalid argument */
#define XEN_ENFILE          23 /* table full */
#define XEN_EMFILE          24 /* too many open */
#define XEN_ENOSPC          28 /* no space left */
#define XEN_EMLINK          31 /* too many links */
#define XEN_EDOM            33 /* argument out of domain */
#define XEN_ERANGE          34 /* result out of range */
#define XEN_EDEADLK         35 /* deadlock avoided */
#define XEN_ENAMETOOLONG    36 /* name too long */
#define XEN_ENOLCK          37 /* no locks available */
#define XEN_ENOSYS          38 /* not implemented */
#define XEN_EBADRQC         56 /* bad request code */
#define XEN_EBADSLT         57 /* bad slot */
#define XEN_ENODATA         61 /* no data */
#define XEN_ETIME           62 /* timer expired */
#define XEN_EBADMSG         74 /* bad message */
#define XEN_EOVERFLOW       75 /* value too large */
#define XEN_EILSEQ          84 /* illegal byte sequence */
#define XEN_ERESTART        85 /* restart the call (internal only) */
#define XEN_EUSERS          87 /* too many users */
#define XEN_ENOTSOCK        88 /* not a socket */
#define XEN_EOPNOTSUPP      95 /* operation not supported */
#define XEN_EADDRINUSE      98 /* address in use */
#define XEN_EADDRNOTAVAIL   99 /* address not available */
#define XEN_ENOBUFS        105 /* no buffer space */
#define XEN_EISCONN        106 /* already connected */
#define XEN_ENOTCONN       107 /* not connected */
#define XEN_ESHUTDOWN      108 /* endpoint shut down */
#define XEN_ETOOMANYREFS   109 /* too many references */
#define XEN_ETIMEDOUT      110 /* timed out */

#define XEN_EWOULDBLOCK XEN_EAGAIN
#define XEN_EDEADLOCK   XEN_EDEADLK

/*
 * The same table as an X-macro: XEN_ERRNO_LIST(F) expands to
 * F(EPERM, 1) F(ENOENT, 2) ..., e.g. to build a name table.
 */
#define XEN_ERRNO_LIST(F) \
    F(EPERM, 1) \
    F(ENOENT, 2) \
    F(ESRCH, 3) \
    F(EINTR, 4) \
    F(EIO, 5) \
    F(ENXIO, 6) \
    F(E2BIG, 7) \
    F(ENOEXEC, 8) \
    F(EBADF, 9) \
    F(ECHILD, 10) \
    F(EAGAIN, 11) \
    F(ENOMEM, 12) \
    F(EACCES, 13) \
    F(EFAULT, 14) \
    F(EBUSY, 16) \
    F(EEXIST, 17) \
    F(EXDEV, 18) \
    F(ENODEV, 19) \
    F(EINVAL, 22) \
    F(ENFILE, 23) \
    F(EMFILE, 24) \
    F(ENOSPC, 28) \
    F(EMLINK, 31) \
    F(EDOM, 33) \
    F(ERANGE, 34) \
    F(EDEADLK, 35) \
    F(ENAMETOOLONG, 36) \
    F(ENOLCK, 37) \
    F(ENOSYS, 38) \
    F(EBADRQC, 56) \
    F(EBADSLT, 57) \
    F(ENODATA, 61) \
    F(ETIME, 62) \
    F(EBADMSG, 74) \
    F(EOVERFLOW, 75) \
    F(EILSEQ, 84) \
    F(ERESTART, 85) \
    F(EUSERS, 87) \
    F(ENOTSOCK, 88) \
    F(EOPNOTSUPP, 95) \
    F(EADDRINUSE, 98) \
    F(EADDRNOTAVAIL, 99) \
    F(ENOBUFS, 105) \
    F(EISCONN, 106) \
    F(ENOTCONN, 107) \
    F(ESHUTDOWN, 108) \
    F(ETOOMANYREFS, 109) \
    F(ETIMEDOUT, 110)

#endif /* XEN_PUBLIC_ERRNO_H */
