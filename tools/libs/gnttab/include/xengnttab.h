/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxengnttab: grants for dom0 user space, shaped like Xen's library
 * of that name (no logger argument).  xengnttab maps other domains'
 * grant references (Linux's /dev/xen/gntdev); xengntshr grants this
 * process's pages to a domain (/dev/xen/gntalloc).  Pages are 4 KiB.
 * Calls that fail return -1 (or NULL) with errno set.
 */
#ifndef XENGNTTAB_H
#define XENGNTTAB_H

#include <stdint.h>

#define XENGNTTAB_DEVICE    "/dev/xen/gntdev"
#define XENGNTSHR_DEVICE    "/dev/xen/gntalloc"
#define XENGNTTAB_PAGE_SIZE 4096

typedef uint32_t grant_ref_t;
typedef struct xengnttab_handle xengnttab_handle;
typedef struct xengntshr_handle xengntshr_handle;

/* XENGNTTAB_DEVICE in the environment names another path, for tests. */
xengnttab_handle *xengnttab_open(void);
int xengnttab_close(xengnttab_handle *xgt);

/* prot: PROT_READ, or PROT_READ | PROT_WRITE. */
void *xengnttab_map_grant_ref(xengnttab_handle *xgt, uint32_t domid,
                              grant_ref_t ref, int prot);
/* count pages, page i being refs[i] of domids[i], in one range. */
void *xengnttab_map_grant_refs(xengnttab_handle *xgt, uint32_t count,
                               const uint32_t *domids, const grant_ref_t *refs,
                               int prot);
void *xengnttab_map_domain_grant_refs(xengnttab_handle *xgt, uint32_t count,
                                      uint32_t domid, const grant_ref_t *refs,
                                      int prot);
/* start and count as mapped: a whole mapping, never part of one. */
int xengnttab_unmap(xengnttab_handle *xgt, void *start, uint32_t count);

/*
 * The most grants this handle may map.  Kernels that size this with
 * a module parameter instead reject the request; that is success.
 */
int xengnttab_set_max_grants(xengnttab_handle *xgt, uint32_t count);

/* XENGNTSHR_DEVICE in the environment names another path, for tests. */
xengntshr_handle *xengntshr_open(void);
int xengntshr_close(xengntshr_handle *xgs);

/*
 * count fresh zeroed pages granted to domid (read-only unless
 * writable), mapped here; refs[i] receives page i's grant reference.
 */
void *xengntshr_share_pages(xengntshr_handle *xgs, uint32_t domid, int count,
                            grant_ref_t *refs, int writable);
/* Ends the grants (once the other side has unmapped) and the mapping. */
int xengntshr_unshare(xengntshr_handle *xgs, void *start, uint32_t count);

#endif /* XENGNTTAB_H */
