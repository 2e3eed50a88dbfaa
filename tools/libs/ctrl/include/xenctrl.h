/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenctrl: thin wrappers over the hypervisor's control interfaces
 * (xen_version, sysctl, domctl) on top of libxencall.  Every call
 * returns -1 (or NULL) with errno set on failure; errno is the
 * hypervisor's error (ENOSYS: not implemented, EACCES: interface
 * version refused, EPERM: not privileged, ESRCH: no such domain).
 */
#ifndef XENCTRL_H
#define XENCTRL_H

#include <stdbool.h>
#include <stdint.h>

#include <xen/domctl.h>
#include <xen/event_channel.h>
#include <xen/sysctl.h>
#include <xen/version.h>
#include <xen/xen.h>

struct xc_handle;

struct xc_handle *xc_open(void);
void xc_close(struct xc_handle *h);

/* xen_version.  xc_version() returns (major << 16) | minor. */
int xc_version(struct xc_handle *h);
int xc_pagesize(struct xc_handle *h);
/* cmd: XENVER_extraversion, _capabilities, _changeset, _commandline. */
int xc_version_string(struct xc_handle *h, int cmd, char *buf, size_t len);
int xc_compile_info(struct xc_handle *h, xen_compile_info_t *info);
int xc_platform_parameters(struct xc_handle *h,
                           xen_platform_parameters_t *params);
/* The build id as lowercase hex in buf; "" when there is none. */
int xc_build_id(struct xc_handle *h, char *buf, size_t len);

/* sysctl */
int xc_physinfo(struct xc_handle *h, xen_sysctl_physinfo_t *info);
int xc_sched_id(struct xc_handle *h, uint32_t *sched_id);
/* CPUs in no CPU pool (cpupool_op FREEINFO), or -1. */
int xc_cpupool_free_cpus(struct xc_handle *h);
/*
 * Fills info[0..max) with domains whose id is >= first; returns how
 * many it filled.
 */
int xc_domain_info_list(struct xc_handle *h, domid_t first, unsigned int max,
                        xen_domctl_getdomaininfo_t *info);
/*
 * Copies hypervisor log bytes into buf.  *count is the room in and the
 * bytes copied out.  With incremental, *index is where to start and
 * comes back as the next position; clear empties the log afterwards.
 */
int xc_readconsole(struct xc_handle *h, char *buf, uint32_t *count, bool clear,
                   bool incremental, uint32_t *index);

/* domctl */
/* One domain's information; errno ESRCH when it does not exist. */
int xc_domain_info(struct xc_handle *h, domid_t domid,
                   xen_domctl_getdomaininfo_t *info);
/* One vCPU's state, pCPU and CPU time; errno EINVAL past max_vcpu_id. */
int xc_vcpu_getinfo(struct xc_handle *h, domid_t domid, uint32_t vcpu,
                    struct xen_domctl_getvcpuinfo *info);
/*
 * A vCPU's hard and soft affinity as CPU bitmaps of nr_bits bits each
 * (hard and soft hold (nr_bits + 7) / 8 bytes).
 */
int xc_vcpu_getaffinity(struct xc_handle *h, domid_t domid, uint32_t vcpu,
                        uint8_t *hard, uint8_t *soft, uint32_t nr_bits);
/* The toolstack's pause, which nests; a domain cannot pause itself. */
int xc_domain_pause(struct xc_handle *h, domid_t domid);
int xc_domain_unpause(struct xc_handle *h, domid_t domid);

/* memory_op: pages freed and used by page sharing (0 when unsupported). */
long xc_sharing_freed_pages(struct xc_handle *h);
long xc_sharing_used_frames(struct xc_handle *h);

/*
 * event_channel_op: a new unbound port in dom's table that remote may
 * bind (the builder's store and console ports); returns it, or -1.
 */
int xc_evtchn_alloc_unbound(struct xc_handle *h, domid_t dom, domid_t remote);

#endif /* XENCTRL_H */
