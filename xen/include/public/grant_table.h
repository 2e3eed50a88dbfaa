/* SPDX-License-Identifier: MIT */
/*
 * grant_table_op (20): (cmd, ops, count).  A domain grants others access
 * to its frames by filling entries of its grant table (shared frames it
 * maps); the grantee maps or copies them through these operations.
 */
#ifndef XEN_PUBLIC_GRANT_TABLE_H
#define XEN_PUBLIC_GRANT_TABLE_H

#include "xen.h"

typedef uint32_t grant_ref_t;       /* index into a grant table */
typedef uint32_t grant_handle_t;    /* names one mapping */

/* Entries the toolstack fills for the console and xenstore rings. */
#define GNTTAB_RESERVED_CONSOLE  0
#define GNTTAB_RESERVED_XENSTORE 1
#define GNTTAB_NR_RESERVED_ENTRIES 8

/* ------------------------------------------------------------------ */
/* Version 1 entries.  Writers set domid/frame, then a barrier, then   */
/* flags.                                                              */

struct grant_entry_v1 {
    uint16_t flags;             /* GTF_* */
    domid_t domid;              /* who may use it */
    uint32_t frame;             /* frame granted, or to receive into */
};
typedef struct grant_entry_v1 grant_entry_v1_t;

/* Type of the entry (flags & GTF_type_mask). */
#define GTF_invalid         (0U << 0)
#define GTF_permit_access   (1U << 0)
#define GTF_accept_transfer (2U << 0)
#define GTF_transitive      (3U << 0)   /* v2 only */
#define GTF_type_mask       (3U << 0)

/* Flags of permit_access / transitive entries. */
#define _GTF_readonly       2           /* grantee may only read */
#define GTF_readonly        (1U << _GTF_readonly)
#define _GTF_reading        3           /* set while mapped/copied from */
#define GTF_reading         (1U << _GTF_reading)
#define _GTF_writing        4           /* set while mapped writable */
#define GTF_writing         (1U << _GTF_writing)
#define _GTF_PWT            5           /* cache attributes of the map */
#define GTF_PWT             (1U << _GTF_PWT)
#define _GTF_PCD            6
#define GTF_PCD             (1U << _GTF_PCD)
#define _GTF_PAT            7
#define GTF_PAT             (1U << _GTF_PAT)
#define _GTF_sub_page       8           /* v2: only part of the page */
#define GTF_sub_page        (1U << _GTF_sub_page)

/* Flags of accept_transfer entries. */
#define _GTF_transfer_committed 2
#define GTF_transfer_committed  (1U << _GTF_transfer_committed)
#define _GTF_transfer_completed 3
#define GTF_transfer_completed  (1U << _GTF_transfer_completed)

/* ------------------------------------------------------------------ */
/* Version 2 entries: 16 bytes, reading/writing bits kept separately   */
/* in grant_status_t frames.                                           */

struct grant_entry_header {
    uint16_t flags;
    domid_t domid;
};
typedef struct grant_entry_header grant_entry_header_t;

struct grant_entry_v2_full_page {
    grant_entry_header_t hdr;
    uint32_t pad0;
    uint64_t frame;
};

struct grant_entry_v2_sub_page {
    grant_entry_header_t hdr;
    uint16_t page_off;
    uint16_t length;
    uint64_t frame;
};

struct grant_entry_v2_transitive {
    grant_entry_header_t hdr;
    domid_t trans_domid;        /* grant is passed on from this domain */
    uint16_t pad0;
    grant_ref_t gref;           /* ... its entry */
};

union grant_entry_v2 {
    grant_entry_header_t hdr;
    struct grant_entry_v2_full_page full_page;
    struct grant_entry_v2_sub_page sub_page;
    struct grant_entry_v2_transitive transitive;
    uint32_t __spacer[4];
};
typedef union grant_entry_v2 grant_entry_v2_t;

typedef uint16_t grant_status_t;

/* ------------------------------------------------------------------ */
/* Operations                                                          */

#define GNTTABOP_map_grant_ref        0
#define GNTTABOP_unmap_grant_ref      1
#define GNTTABOP_setup_table          2
#define GNTTABOP_dump_table           3
#define GNTTABOP_transfer             4
#define GNTTABOP_copy                 5
#define GNTTABOP_query_size           6
#define GNTTABOP_unmap_and_replace    7
#define GNTTABOP_set_version          8
#define GNTTABOP_get_status_frames    9
#define GNTTABOP_get_version          10
#define GNTTABOP_swap_grant_ref       11
#define GNTTABOP_cache_flush          12

/* map_grant_ref flags */
#define _GNTMAP_device_map      0   /* for device DMA: dev_bus_addr */
#define GNTMAP_device_map       (1 << _GNTMAP_device_map)
#define _GNTMAP_host_map        1   /* into the caller's address space */
#define GNTMAP_host_map         (1 << _GNTMAP_host_map)
#define _GNTMAP_readonly        2
#define GNTMAP_readonly         (1 << _GNTMAP_readonly)
#define _GNTMAP_application_map 3   /* user-accessible mapping */
#define GNTMAP_application_map  (1 << _GNTMAP_application_map)
#define _GNTMAP_contains_pte    4   /* host_addr is a PTE's address */
#define GNTMAP_contains_pte     (1 << _GNTMAP_contains_pte)
/* Bits the guest may use for itself in the PTE (XENFEAT 7). */
#define _GNTMAP_guest_avail0    16
#define GNTMAP_guest_avail_mask ((uint32_t)~0 << _GNTMAP_guest_avail0)

/* Map a granted frame.  Returns a handle to undo it with. */
struct gnttab_map_grant_ref {
    uint64_t host_addr;         /* IN: VA, GPA, or PTE address */
    uint32_t flags;             /* IN: GNTMAP_* */
    grant_ref_t ref;            /* IN */
    domid_t dom;                /* IN: the granting domain */
    int16_t status;             /* OUT: GNTST_* */
    grant_handle_t handle;      /* OUT */
    uint64_t dev_bus_addr;      /* OUT: for device_map */
};
typedef struct gnttab_map_grant_ref gnttab_map_grant_ref_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_map_grant_ref_t);

/* Undo a map.  Either address may be 0 to leave that mapping alone. */
struct gnttab_unmap_grant_ref {
    uint64_t host_addr;         /* IN */
    uint64_t dev_bus_addr;      /* IN */
    grant_handle_t handle;      /* IN */
    int16_t status;             /* OUT: GNTST_* */
    uint16_t _pad0;
};
typedef struct gnttab_unmap_grant_ref gnttab_unmap_grant_ref_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_unmap_grant_ref_t);

/*
 * Size the grant table of dom to nr_frames (grow only) and return the
 * frames (MFNs for PV) that hold it.
 */
struct gnttab_setup_table {
    domid_t dom;                /* IN */
    uint16_t _pad0;
    uint32_t nr_frames;         /* IN */
    int16_t status;             /* OUT: GNTST_* */
    uint16_t _pad1[3];
    XEN_GUEST_HANDLE(xen_pfn_t) frame_list;    /* OUT */
};
typedef struct gnttab_setup_table gnttab_setup_table_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_setup_table_t);

/* Print dom's grant table on the hypervisor console (debug). */
struct gnttab_dump_table {
    domid_t dom;                /* IN */
    int16_t status;             /* OUT: GNTST_* */
};
typedef struct gnttab_dump_table gnttab_dump_table_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_dump_table_t);

/* Give frame mfn to domid, which accepted it in entry ref. */
struct gnttab_transfer {
    xen_pfn_t mfn;              /* IN */
    domid_t domid;              /* IN */
    uint16_t _pad0;
    grant_ref_t ref;            /* IN */
    int16_t status;             /* OUT: GNTST_* */
    uint16_t _pad1[3];
};
typedef struct gnttab_transfer gnttab_transfer_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_transfer_t);

/*
 * Copy bytes between frames, each named by a grant reference (with the
 * matching GNTCOPY_*_gref flag) or by a frame of the domain given.
 * The range must not cross a page boundary on either side.
 */
#define _GNTCOPY_source_gref 0
#define GNTCOPY_source_gref  (1 << _GNTCOPY_source_gref)
#define _GNTCOPY_dest_gref   1
#define GNTCOPY_dest_gref    (1 << _GNTCOPY_dest_gref)

union gnttab_copy_ptr_u {
    grant_ref_t ref;
    xen_pfn_t gmfn;
};

struct gnttab_copy_ptr {
    union gnttab_copy_ptr_u u;
    domid_t domid;
    uint16_t offset;
    uint32_t _pad0;
};

struct gnttab_copy {
    struct gnttab_copy_ptr source;  /* IN */
    struct gnttab_copy_ptr dest;    /* IN */
    uint16_t len;                   /* IN: bytes */
    uint16_t flags;                 /* IN: GNTCOPY_* */
    int16_t status;                 /* OUT: GNTST_* */
    uint16_t _pad0;
};
typedef struct gnttab_copy gnttab_copy_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_copy_t);

/* Current and largest possible size of dom's grant table. */
struct gnttab_query_size {
    domid_t dom;                /* IN */
    uint16_t _pad0;
    uint32_t nr_frames;         /* OUT */
    uint32_t max_nr_frames;     /* OUT */
    int16_t status;             /* OUT: GNTST_* */
    uint16_t _pad1;
};
typedef struct gnttab_query_size gnttab_query_size_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_query_size_t);

/*
 * PV: drop the mapping at host_addr and move the one at new_addr into
 * its place (new_addr's PTE is cleared).
 */
struct gnttab_unmap_and_replace {
    uint64_t host_addr;         /* IN */
    uint64_t new_addr;          /* IN */
    grant_handle_t handle;      /* IN */
    int16_t status;             /* OUT: GNTST_* */
    uint16_t _pad0;
};
typedef struct gnttab_unmap_and_replace gnttab_unmap_and_replace_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_unmap_and_replace_t);

/* Switch the caller's table to version 1 or 2 (0: just query). */
struct gnttab_set_version {
    uint32_t version;           /* IN/OUT */
};
typedef struct gnttab_set_version gnttab_set_version_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_set_version_t);

/* v2: the frames holding the grant_status_t array. */
struct gnttab_get_status_frames {
    uint32_t nr_frames;         /* IN */
    domid_t dom;                /* IN */
    int16_t status;             /* OUT: GNTST_* */
    XEN_GUEST_HANDLE(uint64_t) frame_list;     /* OUT */
};
typedef struct gnttab_get_status_frames gnttab_get_status_frames_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_get_status_frames_t);

struct gnttab_get_version {
    domid_t dom;                /* IN */
    uint16_t pad;
    uint32_t version;           /* OUT */
};
typedef struct gnttab_get_version gnttab_get_version_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_get_version_t);

/* Exchange two entries of the caller's table. */
struct gnttab_swap_grant_ref {
    grant_ref_t ref_a;          /* IN */
    grant_ref_t ref_b;          /* IN */
    int16_t status;             /* OUT: GNTST_* */
    uint16_t _pad0;
};
typedef struct gnttab_swap_grant_ref gnttab_swap_grant_ref_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_swap_grant_ref_t);

/* arm: clean and/or invalidate the cache over part of a frame. */
union gnttab_cache_flush_a {
    uint64_t dev_bus_addr;
    grant_ref_t ref;
};

struct gnttab_cache_flush {
    union gnttab_cache_flush_a a;   /* IN */
    uint16_t offset;                /* IN */
    uint16_t length;                /* IN */
#define GNTTAB_CACHE_CLEAN       (1U << 0)
#define GNTTAB_CACHE_INVAL       (1U << 1)
#define GNTTAB_CACHE_SOURCE_GREF (1U << 31)   /* a is a grant ref */
    uint32_t op;                    /* IN */
};
typedef struct gnttab_cache_flush gnttab_cache_flush_t;
DEFINE_XEN_GUEST_HANDLE(gnttab_cache_flush_t);

/* ------------------------------------------------------------------ */
/* Status codes (the status fields above).                             */

#define GNTST_okay              (0)
#define GNTST_general_error     (-1)
#define GNTST_bad_domain        (-2)    /* no such domain */
#define GNTST_bad_gntref        (-3)    /* reference out of range */
#define GNTST_bad_handle        (-4)    /* no such mapping */
#define GNTST_bad_virt_addr     (-5)    /* host_addr not usable */
#define GNTST_bad_dev_addr      (-6)    /* dev_bus_addr not usable */
#define GNTST_no_device_space   (-7)    /* out of I/O space */
#define GNTST_permission_denied (-8)    /* entry does not allow it */
#define GNTST_bad_page          (-9)    /* frame unusable */
#define GNTST_bad_copy_arg      (-10)   /* copy crosses a page */
#define GNTST_address_too_big   (-11)   /* transfer address limit */
#define GNTST_eagain            (-12)   /* frame paged out, retry */
#define GNTST_no_space          (-13)   /* table cannot grow */

/* One short description per code, indexed by -status. */
#define GNTTABOP_error_msgs {                   \
    "okay",                                     \
    "unspecified error",                        \
    "bad domain",                               \
    "bad grant reference",                      \
    "bad mapping handle",                       \
    "bad virtual address",                      \
    "bad device address",                       \
    "out of device address space",              \
    "grant does not permit this",               \
    "bad page",                                 \
    "copy argument crosses a page",             \
    "page address too large to transfer",       \
    "operation should be retried",              \
    "grant table is full"                       \
}

#endif /* XEN_PUBLIC_GRANT_TABLE_H */
