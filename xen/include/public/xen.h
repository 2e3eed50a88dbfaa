/* SPDX-License-Identifier: MIT */
/*
 * Core of the guest ABI: hypercall numbers, the shared_info and
 * start_info pages, and the argument structures of the hypercalls that
 * have no header of their own (mmu_update, mmuext_op, multicall,
 * console_io, vm_assist).  Layouts are those of Xen 4.17.
 */
#ifndef XEN_PUBLIC_XEN_H
#define XEN_PUBLIC_XEN_H

#include <stdint.h>

/*
 * Guests may pin an older interface version; we implement only one ABI,
 * so the value matters just for the few names that changed meaning.
 */
#define __XEN_LATEST_INTERFACE_VERSION__ 0x00041100
#ifndef __XEN_INTERFACE_VERSION__
#define __XEN_INTERFACE_VERSION__ 0x00040f00
#endif

/* Constants usable both in C and in assembly. */
#if defined(__ASSEMBLY__)
#define xen_mk_ulong(x)  x
#define xen_mk_ullong(x) x
#else
/* Two steps, so that a macro argument is expanded before pasting. */
#define __xen_mk_ulong(x)  x##UL
#define __xen_mk_ullong(x) x##ULL
#define xen_mk_ulong(x)    __xen_mk_ulong(x)
#define xen_mk_ullong(x)   __xen_mk_ullong(x)
#endif

/*
 * Dimension of a trailing variable-length array: a flexible array member
 * in C99, one element where that is not available (C++, C89).
 */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define XEN_FLEX_ARRAY_DIM  /* empty */
#else
#define XEN_FLEX_ARRAY_DIM  1
#endif

#if defined(__x86_64__) || defined(__i386__)
#include "arch-x86/xen.h"
#elif defined(__aarch64__) || defined(__arm__)
#include "arch-arm.h"
#else
#error "unsupported architecture for the Xen public headers"
#endif

#ifndef __ASSEMBLY__
/* Handles to arrays of the basic types, shared by every interface. */
DEFINE_XEN_GUEST_HANDLE(char);
__DEFINE_XEN_GUEST_HANDLE(uchar, unsigned char);
DEFINE_XEN_GUEST_HANDLE(int);
__DEFINE_XEN_GUEST_HANDLE(uint, unsigned int);
DEFINE_XEN_GUEST_HANDLE(void);
DEFINE_XEN_GUEST_HANDLE(uint64_t);
DEFINE_XEN_GUEST_HANDLE(xen_pfn_t);
DEFINE_XEN_GUEST_HANDLE(xen_ulong_t);
__DEFINE_XEN_GUEST_HANDLE(uint8, uint8_t);
__DEFINE_XEN_GUEST_HANDLE(uint16, uint16_t);
__DEFINE_XEN_GUEST_HANDLE(uint32, uint32_t);
__DEFINE_XEN_GUEST_HANDLE(uint64, uint64_t);
#endif

/* ------------------------------------------------------------------ */
/* Hypercall numbers (the value in RAX on x86_64, x16 on arm64).       */

#define __HYPERVISOR_set_trap_table                  0
#define __HYPERVISOR_mmu_update                      1
#define __HYPERVISOR_set_gdt                         2
#define __HYPERVISOR_stack_switch                    3
#define __HYPERVISOR_set_callbacks                   4
#define __HYPERVISOR_fpu_taskswitch                  5
#define __HYPERVISOR_sched_op_compat                 6 /* old, use 29 */
#define __HYPERVISOR_platform_op                     7
#define __HYPERVISOR_set_debugreg                    8
#define __HYPERVISOR_get_debugreg                    9
#define __HYPERVISOR_update_descriptor              10
/* 11 is not assigned */
#define __HYPERVISOR_memory_op                      12
#define __HYPERVISOR_multicall                      13
#define __HYPERVISOR_update_va_mapping              14
#define __HYPERVISOR_set_timer_op                   15
#define __HYPERVISOR_event_channel_op_compat        16 /* old, use 32 */
#define __HYPERVISOR_xen_version                    17
#define __HYPERVISOR_console_io                     18
#define __HYPERVISOR_physdev_op_compat              19 /* old, use 33 */
#define __HYPERVISOR_grant_table_op                 20
#define __HYPERVISOR_vm_assist                      21
#define __HYPERVISOR_update_va_mapping_otherdomain  22
#define __HYPERVISOR_iret                           23 /* never returns */
#define __HYPERVISOR_vcpu_op                        24
#define __HYPERVISOR_set_segment_base               25 /* x86_64 only */
#define __HYPERVISOR_mmuext_op                      26
#define __HYPERVISOR_xsm_op                         27
#define __HYPERVISOR_nmi_op                         28
#define __HYPERVISOR_sched_op                       29
#define __HYPERVISOR_callback_op                    30
#define __HYPERVISOR_xenoprof_op                    31
#define __HYPERVISOR_event_channel_op               32
#define __HYPERVISOR_physdev_op                     33
#define __HYPERVISOR_hvm_op                         34
#define __HYPERVISOR_sysctl                         35
#define __HYPERVISOR_domctl                         36
#define __HYPERVISOR_kexec_op                       37
#define __HYPERVISOR_tmem_op                        38
#define __HYPERVISOR_argo_op                        39
#define __HYPERVISOR_xenpmu_op                      40
#define __HYPERVISOR_dm_op                          41
#define __HYPERVISOR_hypfs_op                       42

/* Eight numbers left to each architecture. */
#define __HYPERVISOR_arch_0                         48
#define __HYPERVISOR_arch_1                         49
#define __HYPERVISOR_arch_2                         50
#define __HYPERVISOR_arch_3                         51
#define __HYPERVISOR_arch_4                         52
#define __HYPERVISOR_arch_5                         53
#define __HYPERVISOR_arch_6                         54
#define __HYPERVISOR_arch_7                         55

/* Names the oldest guests used. */
#if __XEN_INTERFACE_VERSION__ < 0x00030204
#define __HYPERVISOR_dom0_op __HYPERVISOR_platform_op
#endif

/* ------------------------------------------------------------------ */
/* Virtual interrupts, bound with EVTCHNOP_bind_virq.                  */
/* "per-vCPU" ones may be bound once on each vCPU; the others once.    */

#define VIRQ_TIMER       0  /* per-vCPU: timer deadline passed */
#define VIRQ_DEBUG       1  /* per-vCPU: debug key pressed */
#define VIRQ_CONSOLE     2  /* dom0: input on the hypervisor console */
#define VIRQ_DOM_EXC     3  /* dom0: a domain died or shut down */
#define VIRQ_TBUF        4  /* dom0: trace buffers want draining */
/* 5 is not assigned */
#define VIRQ_DEBUGGER    6  /* dom0: a domain hit a debug trap */
#define VIRQ_XENOPROF    7  /* per-vCPU: profiling samples ready */
#define VIRQ_CON_RING    8  /* dom0: hypervisor log has new text */
#define VIRQ_PCPU_STATE  9  /* dom0: a physical CPU changed state */
#define VIRQ_MEM_EVENT   10 /* dom0: memory event ring has entries */
#define VIRQ_ARGO        11 /* Argo message arrived */
#define VIRQ_ENOMEM      12 /* dom0: hypervisor is short of memory */
#define VIRQ_XENPMU      13 /* per-vCPU: PMU sample */

/* Arch-defined meanings (x86: VIRQ_MCA is VIRQ_ARCH_0). */
#define VIRQ_ARCH_0      16
#define VIRQ_ARCH_1      17
#define VIRQ_ARCH_2      18
#define VIRQ_ARCH_3      19
#define VIRQ_ARCH_4      20
#define VIRQ_ARCH_5      21
#define VIRQ_ARCH_6      22
#define VIRQ_ARCH_7      23

#define NR_VIRQS         24

/* ------------------------------------------------------------------ */
/* mmu_update (1): (reqs, count, done_out, foreigndom)                 */
/*
 * The low two bits of mmu_update.ptr say what kind of update it is; the
 * rest is a machine address (or, for MACHPHYS, a frame << PAGE_SHIFT).
 */
#define MMU_NORMAL_PT_UPDATE       0 /* *ptr = val, validated */
#define MMU_MACHPHYS_UPDATE        1 /* M2P[ptr >> 12] = val */
#define MMU_PT_UPDATE_PRESERVE_AD  2 /* as 0, keeping accessed/dirty */
#define MMU_PT_UPDATE_NO_TRANSLATE 3 /* as 0, val holds machine frames */
/*
 * Set in mmu_update's and mmuext_op's count by a continuation: the
 * number already done is then read back from done_out.
 */
#define MMU_UPDATE_PREEMPTED       (~(~0U >> 1))

#ifndef __ASSEMBLY__
struct mmu_update {
    uint64_t ptr;       /* IN: machine address | command */
    uint64_t val;       /* IN: new contents */
};
typedef struct mmu_update mmu_update_t;
DEFINE_XEN_GUEST_HANDLE(mmu_update_t);
#endif

/* ------------------------------------------------------------------ */
/* mmuext_op (26): (ops, count, done_out, foreigndom)                  */

#define MMUEXT_PIN_L1_TABLE       0  /* arg1.mfn */
#define MMUEXT_PIN_L2_TABLE       1  /* arg1.mfn */
#define MMUEXT_PIN_L3_TABLE       2  /* arg1.mfn */
#define MMUEXT_PIN_L4_TABLE       3  /* arg1.mfn */
#define MMUEXT_UNPIN_TABLE        4  /* arg1.mfn */
#define MMUEXT_NEW_BASEPTR        5  /* arg1.mfn: kernel page table */
#define MMUEXT_TLB_FLUSH_LOCAL    6
#define MMUEXT_INVLPG_LOCAL       7  /* arg1.linear_addr */
#define MMUEXT_TLB_FLUSH_MULTI    8  /* arg2.vcpumask */
#define MMUEXT_INVLPG_MULTI       9  /* arg1.linear_addr, arg2.vcpumask */
#define MMUEXT_TLB_FLUSH_ALL      10
#define MMUEXT_INVLPG_ALL         11 /* arg1.linear_addr */
#define MMUEXT_FLUSH_CACHE        12
#define MMUEXT_SET_LDT            13 /* arg1.linear_addr, arg2.nr_ents */
/* 14 is not assigned */
#define MMUEXT_NEW_USER_BASEPTR   15 /* arg1.mfn: user page table */
#define MMUEXT_CLEAR_PAGE         16 /* arg1.mfn */
#define MMUEXT_COPY_PAGE          17 /* arg1.mfn = dest, arg2.src_mfn */
#define MMUEXT_FLUSH_CACHE_GLOBAL 18
#define MMUEXT_MARK_SUPER         19 /* arg1.mfn */
#define MMUEXT_UNMARK_SUPER       20 /* arg1.mfn */

#ifndef __ASSEMBLY__
union mmuext_op_arg1 {
    xen_pfn_t mfn;
    xen_ulong_t linear_addr;
};

union mmuext_op_arg2 {
    uint32_t nr_ents;                   /* SET_LDT */
    XEN_GUEST_HANDLE(const_void) vcpumask; /* *_MULTI: vCPU bitmap */
    xen_pfn_t src_mfn;                  /* COPY_PAGE */
};

struct mmuext_op {
    uint32_t cmd;                       /* IN: MMUEXT_* */
    uint32_t _pad0;
    union mmuext_op_arg1 arg1;          /* IN */
    union mmuext_op_arg2 arg2;          /* IN */
};
typedef struct mmuext_op mmuext_op_t;
DEFINE_XEN_GUEST_HANDLE(mmuext_op_t);
#endif

/* ------------------------------------------------------------------ */
/* update_va_mapping (14) flags: a flush type, or'ed with a scope.     */
/* UVMF_MULTI takes a guest pointer to a vCPU bitmap in the same word. */

#define UVMF_NONE           (xen_mk_ulong(0) << 0)
#define UVMF_TLB_FLUSH      (xen_mk_ulong(1) << 0)
#define UVMF_INVLPG         (xen_mk_ulong(2) << 0)
#define UVMF_FLUSHTYPE_MASK (xen_mk_ulong(3) << 0)
#define UVMF_MULTI          (xen_mk_ulong(0) << 2)
#define UVMF_LOCAL          (xen_mk_ulong(0) << 2)
#define UVMF_ALL            (xen_mk_ulong(1) << 2)

/* ------------------------------------------------------------------ */
/* console_io (18): (cmd, count, buffer)                               */

#define CONSOLEIO_write 0
#define CONSOLEIO_read  1

/* ------------------------------------------------------------------ */
/* vm_assist (21): (cmd, type)                                         */

#define VMASST_CMD_enable  0
#define VMASST_CMD_disable 1

#define VMASST_TYPE_4gb_segments        0  /* x86_32 only */
#define VMASST_TYPE_4gb_segments_notify 1  /* x86_32 only */
#define VMASST_TYPE_writable_pagetables 2  /* emulate writes to RO PTEs */
#define VMASST_TYPE_pae_extended_cr3    3  /* x86_32 PAE only */
#define VMASST_TYPE_architectural_iopl  4  /* iopl from EFLAGS, not set_iopl */
#define VMASST_TYPE_runstate_update_flag 5 /* XEN_RUNSTATE_UPDATE protocol */
#define VMASST_TYPE_m2p_strict          32 /* x86_64: M2P hidden from user */

#if __XEN_INTERFACE_VERSION__ < 0x00040600
#define MAX_VMASST_TYPE 3
#endif

/* ------------------------------------------------------------------ */
/* Domain identifiers.  Values from DOMID_FIRST_RESERVED up are magic. */

#ifndef __ASSEMBLY__
typedef uint16_t domid_t;
#endif

#define DOMID_FIRST_RESERVED 0x7FF0U
#define DOMID_SELF           0x7FF0U /* the caller */
#define DOMID_IO             0x7FF1U /* owner of I/O memory */
#define DOMID_XEN            0x7FF2U /* owner of hypervisor pages */
#define DOMID_COW            0x7FF3U /* owner of shared (CoW) pages */
#define DOMID_INVALID        0x7FF4U /* "no domain" */
#define DOMID_IDLE           0x7FFFU /* the idle domain */
#define DOMID_MASK           0x7FFFU

#ifndef __ASSEMBLY__

/* ------------------------------------------------------------------ */
/* multicall (13): (entries, count).  Each result lands in the entry.  */

struct multicall_entry {
    xen_ulong_t op;         /* IN: hypercall number */
    xen_ulong_t result;     /* OUT: its return value */
    xen_ulong_t args[6];    /* IN */
};
typedef struct multicall_entry multicall_entry_t;
DEFINE_XEN_GUEST_HANDLE(multicall_entry_t);

/* 2-level event channels: one pending and one mask bit per port. */
#define NR_EVENT_CHANNELS (sizeof(xen_ulong_t) * sizeof(xen_ulong_t) * 64)

/* ------------------------------------------------------------------ */
/* Time as published to each vCPU.  The hypervisor makes `version` odd */
/* while it rewrites the record, even when done.                       */

struct vcpu_time_info {
    uint32_t version;
    uint32_t pad0;
    uint64_t tsc_timestamp;     /* TSC when system_time was sampled */
    uint64_t system_time;       /* ns since boot at tsc_timestamp */
    /*
     * ns = ((tsc_delta << tsc_shift, or >> -tsc_shift) * mul) >> 32
     */
    uint32_t tsc_to_system_mul;
    int8_t tsc_shift;
    uint8_t flags;              /* XEN_PVCLOCK_* */
    uint8_t pad1[2];
};
typedef struct vcpu_time_info vcpu_time_info_t;

#define XEN_PVCLOCK_TSC_STABLE_BIT (1 << 0) /* TSC is synced across CPUs */
#define XEN_PVCLOCK_GUEST_STOPPED  (1 << 1) /* vCPU was paused */

/* ------------------------------------------------------------------ */
/* Per-vCPU event and time state.  Must not straddle a page.           */

struct vcpu_info {
    /*
     * Set by the hypervisor when an event is pending for this vCPU;
     * the guest clears it in its upcall handler.
     */
    uint8_t evtchn_upcall_pending;
#ifdef XEN_HAVE_PV_UPCALL_MASK
    uint8_t evtchn_upcall_mask;     /* non-zero: no upcalls */
#else
    uint8_t pad0;
#endif
    xen_ulong_t evtchn_pending_sel; /* which pending words to scan */
#ifndef XEN_ARCH_VCPU_INFO_IS_EMPTY
    struct arch_vcpu_info arch;
#endif
    vcpu_time_info_t time;
};
typedef struct vcpu_info vcpu_info_t;

/* ------------------------------------------------------------------ */
/* The shared_info page: one per domain, mapped by the guest.          */

struct shared_info {
    /* Slots for the first vCPUs; later ones use register_vcpu_info. */
    struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];

    /* 2-level event channel bitmaps (FIFO keeps its own arrays). */
    xen_ulong_t evtchn_pending[sizeof(xen_ulong_t) * 8];
    xen_ulong_t evtchn_mask[sizeof(xen_ulong_t) * 8];

    /*
     * Wall-clock time at system time zero.  Odd wc_version means an
     * update is in progress.
     */
    uint32_t wc_version;
    uint32_t wc_sec;            /* low 32 bits of seconds */
    uint32_t wc_nsec;
#if !defined(__i386__)
    uint32_t wc_sec_hi;         /* high 32 bits of seconds */
#define xen_wc_sec_hi wc_sec_hi
#elif !defined(__XEN__) && !defined(__XEN_TOOLS__)
#define xen_wc_sec_hi arch.wc_sec_hi
#endif

#ifndef XEN_ARCH_SHARED_INFO_IS_EMPTY
    struct arch_shared_info arch;
#endif
};
typedef struct shared_info shared_info_t;

/* ------------------------------------------------------------------ */
/* start_info: handed to a PV guest at boot (x86: RSI points to it).   */
/* The memory layout at boot is described in docs/ and the ABI notes. */

#define MAX_GUEST_CMDLINE 1024

struct start_info_console_domU {
    xen_pfn_t mfn;              /* machine frame of the console ring */
    uint32_t evtchn;            /* its event channel */
};

struct start_info_console_dom0 {
    uint32_t info_off;          /* offset of dom0_vga_console_info */
    uint32_t info_size;         /* its size, 0 when there is none */
};

union start_info_console {
    struct start_info_console_domU domU;
    struct start_info_console_dom0 dom0;
};

struct start_info {
    char magic[32];             /* "xen-<version>-<platform>" */
    xen_ulong_t nr_pages;       /* pages owned by the domain */
    xen_ulong_t shared_info;    /* machine address of shared_info */
    uint32_t flags;             /* SIF_* */
    xen_pfn_t store_mfn;        /* machine frame of the xenstore ring */
    uint32_t store_evtchn;      /* its event channel */
    union start_info_console console;
    /* The rest is set up only for PV guests. */
    xen_ulong_t pt_base;        /* VA of the bootstrap top-level table */
    xen_ulong_t nr_pt_frames;   /* frames of bootstrap page tables */
    xen_ulong_t mfn_list;       /* VA of the PFN -> MFN list */
    xen_ulong_t mod_start;      /* VA (or PFN) of the first module */
    xen_ulong_t mod_len;        /* its length in bytes */
    int8_t cmd_line[MAX_GUEST_CMDLINE];
    /* Where the p2m list is mapped with its own tables (INIT_P2M). */
    xen_ulong_t first_p2m_pfn;
    xen_ulong_t nr_p2m_frames;
};
typedef struct start_info start_info_t;

/* The old name for the same thing. */
#define start_info_compat start_info

#endif /* !__ASSEMBLY__ */

/* start_info.flags */
#define SIF_PRIVILEGED      (1 << 0) /* domain may use privileged ops */
#define SIF_INITDOMAIN      (1 << 1) /* this is the initial domain */
#define SIF_MULTIBOOT_MOD   (1 << 2) /* mod_start holds a module list */
#define SIF_MOD_START_PFN   (1 << 3) /* mod_start is a PFN, not a VA */
#define SIF_VIRT_P2M_4TOOLS (1 << 4) /* p2m tree is virtually mapped */
#define SIF_PM_MASK         (0xFF << 8) /* power management options */

#ifndef __ASSEMBLY__

/*
 * Module list used when SIF_MULTIBOOT_MOD is set: physical addresses
 * relative to the start of the list.
 */
struct xen_multiboot_mod_list {
    uint32_t mod_start;
    uint32_t mod_end;
    uint32_t cmdline;
    uint32_t pad;
};

/* ------------------------------------------------------------------ */
/* Boot video state given to dom0 (start_info.console.dom0).           */

#define XEN_VGATYPE_TEXT_MODE_3 0x03
#define XEN_VGATYPE_VESA_LFB    0x23
#define XEN_VGATYPE_EFI_LFB     0x70

struct dom0_vga_text_mode_3 {
    uint16_t font_height;
    uint16_t cursor_x;
    uint16_t cursor_y;
    uint16_t rows;
    uint16_t columns;
};

struct dom0_vga_vesa_lfb {
    uint16_t width;
    uint16_t height;
    uint16_t bytes_per_line;
    uint16_t bits_per_pixel;
    uint32_t lfb_base;          /* low 32 bits of the frame buffer */
    uint32_t lfb_size;          /* in 64 KiB units */
    uint8_t red_pos, red_size;
    uint8_t green_pos, green_size;
    uint8_t blue_pos, blue_size;
    uint8_t rsvd_pos, rsvd_size;
    uint32_t gbl_caps;          /* VESA capabilities */
    uint16_t mode_attrs;        /* VESA mode attributes */
    uint16_t pad;
    uint32_t ext_lfb_base;      /* high 32 bits of the frame buffer */
};

union dom0_vga_console_u {
    struct dom0_vga_text_mode_3 text_mode_3;
    struct dom0_vga_vesa_lfb vesa_lfb;
};

struct dom0_vga_console_info {
    uint8_t video_type;         /* XEN_VGATYPE_* */
    union dom0_vga_console_u u;
};
typedef struct dom0_vga_console_info dom0_vga_console_info_t;
#define xen_vga_console_info     dom0_vga_console_info
#define xen_vga_console_info_t   dom0_vga_console_info_t

/* ------------------------------------------------------------------ */
/* Small types shared by several interfaces.                           */

typedef uint8_t xen_domain_handle_t[16];  /* domain UUID */

typedef struct {
    uint8_t a[16];
} xen_uuid_t;

/* A bitmap of CPUs or nodes passed to domctl/sysctl. */
struct xenctl_bitmap {
    XEN_GUEST_HANDLE_64(uint8) bitmap;
    uint32_t nr_bits;
};
typedef struct xenctl_bitmap xenctl_bitmap_t;

#endif /* !__ASSEMBLY__ */

#endif /* XEN_PUBLIC_XEN_H */
