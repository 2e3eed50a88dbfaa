/* SPDX-License-Identifier: MIT */
/*
 * x86 part of the guest ABI: guest handles, trap tables, the vCPU
 * context used by VCPUOP_initialise and domctl, and the arch pieces of
 * shared_info.  Only the 64-bit PV layout is provided.
 */
#ifndef XEN_PUBLIC_ARCH_X86_XEN_H
#define XEN_PUBLIC_ARCH_X86_XEN_H

#include <stdint.h>

/*
 * A guest handle wraps a guest pointer in a struct so that handles to
 * different types do not convert into each other.  On x86_64 it is one
 * 8-byte pointer.
 */
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef struct { type *p; } __guest_handle_ ## name
#define __DEFINE_XEN_GUEST_HANDLE(name, type) \
    ___DEFINE_XEN_GUEST_HANDLE(name, type); \
    ___DEFINE_XEN_GUEST_HANDLE(const_ ## name, const type)
#define DEFINE_XEN_GUEST_HANDLE(name) __DEFINE_XEN_GUEST_HANDLE(name, name)
#define __XEN_GUEST_HANDLE(name)      __guest_handle_ ## name
#define XEN_GUEST_HANDLE(name)        __XEN_GUEST_HANDLE(name)
#define XEN_GUEST_HANDLE_PARAM(name)  XEN_GUEST_HANDLE(name)
/* Handles that must be 8 bytes even in 32-bit tools: same thing here. */
#define XEN_GUEST_HANDLE_64(name)     XEN_GUEST_HANDLE(name)
#define set_xen_guest_handle_raw(hnd, val) \
    do { (hnd).p = (val); } while ( 0 )
#define set_xen_guest_handle(hnd, val) set_xen_guest_handle_raw(hnd, val)

#ifndef __ASSEMBLY__
/* A 64-bit field that stays 8-aligned for 32-bit toolstacks too. */
#if defined(__i386__)
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#else
typedef uint64_t uint64_aligned_t;
#endif

typedef uint64_t xen_pfn_t;     /* a frame number (machine or guest) */
typedef uint64_t xen_ulong_t;   /* "unsigned long" of the 64-bit ABI */
#define PRI_xen_pfn    "lx"
#define PRI_xen_ulong  "lx"
#endif

#if defined(__x86_64__)
#include "xen-x86_64.h"
#else
#error "only the x86_64 ABI is provided"
#endif

/* PV guests on x86 have a real upcall mask and a PV entry point. */
#define XEN_HAVE_PV_GUEST_ENTRY 1
#define XEN_HAVE_PV_UPCALL_MASK 1

/* x86 names for the arch VIRQ and hypercall slots. */
#define VIRQ_MCA         VIRQ_ARCH_0   /* machine check */
#define __HYPERVISOR_mca __HYPERVISOR_arch_0

/*
 * The last two pages of a guest's GDT (16 frames of 512 entries) belong
 * to the hypervisor; guests may use entries below this one.
 */
#define FIRST_RESERVED_GDT_PAGE  14
#define FIRST_RESERVED_GDT_BYTE  (FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY (FIRST_RESERVED_GDT_BYTE / 8)

/* Number of vcpu_info slots in shared_info. */
#define XEN_LEGACY_MAX_VCPUS 32

#ifndef __ASSEMBLY__

typedef uint64_t xen_callback_t;    /* a guest virtual address */

/*
 * One entry of set_trap_table (0).  A table ends with address == 0.
 * flags: bits 0-1 DPL allowed to raise it with INT n; bit 2 masks
 * events on entry (an interrupt gate).
 */
struct trap_info {
    uint8_t vector;         /* IN: exception vector */
    uint8_t flags;          /* IN: DPL | event mask bit */
    uint16_t cs;            /* IN: ignored for 64-bit guests */
    uint32_t _pad0;
    uint64_t address;       /* IN: handler VA */
};
typedef struct trap_info trap_info_t;
DEFINE_XEN_GUEST_HANDLE(trap_info_t);

#define TI_GET_DPL(_ti)      ((_ti)->flags & 3)
#define TI_GET_IF(_ti)       ((_ti)->flags & 4)
#define TI_SET_DPL(_ti, _d)  ((_ti)->flags = ((_ti)->flags & ~3) | (_d))
#define TI_SET_IF(_ti, _i)   ((_ti)->flags = ((_ti)->flags & ~4) | \
                                             ((_i) ? 4 : 0))

/* 512 bytes of FXSAVE image. */
struct vcpu_guest_fpu_ctxt {
    char x[512];
};

/*
 * Full state of a vCPU: given to VCPUOP_initialise, domctl
 * setvcpucontext, and returned by getvcpucontext.
 */
struct vcpu_guest_context {
    struct vcpu_guest_fpu_ctxt fpu_ctxt;
#define VGCF_I387_VALID                (1 << 0)
#define VGCF_IN_KERNEL                 (1 << 2)
#define _VGCF_i387_valid               0
#define VGCF_i387_valid                (1 << _VGCF_i387_valid)
#define _VGCF_in_kernel                2
#define VGCF_in_kernel                 (1 << _VGCF_in_kernel)
#define _VGCF_failsafe_disables_events 3
#define VGCF_failsafe_disables_events  (1 << _VGCF_failsafe_disables_events)
#define _VGCF_syscall_disables_events  4
#define VGCF_syscall_disables_events   (1 << _VGCF_syscall_disables_events)
#define _VGCF_online                   5
#define VGCF_online                    (1 << _VGCF_online)
    uint64_t flags;                     /* VGCF_* */
    struct cpu_user_regs user_regs;
    struct trap_info trap_ctxt[256];    /* same as set_trap_table */
    uint64_t ldt_base, ldt_ents;        /* MMUEXT_SET_LDT */
    uint64_t gdt_frames[16], gdt_ents;  /* set_gdt */
    uint64_t kernel_ss, kernel_sp;      /* stack_switch */
    /* CR3 holds a frame number shifted, see xen_pfn_to_cr3(). */
    uint64_t ctrlreg[8];
    uint64_t debugreg[8];
    uint64_t event_callback_eip;
    uint64_t failsafe_callback_eip;
    uint64_t syscall_callback_eip;
    uint64_t vm_assist;                 /* VMASST_TYPE_* bitmap */
    uint64_t fs_base;
    uint64_t gs_base_kernel;
    uint64_t gs_base_user;
};
typedef struct vcpu_guest_context vcpu_guest_context_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_guest_context_t);

/* The arch part of shared_info: mostly for save/restore tools. */
struct arch_shared_info {
    /* Guest writes: one past its highest PFN. */
    uint64_t max_pfn;
    /* Guest writes: frame of the list of frames of the p2m frame list. */
    xen_pfn_t pfn_to_mfn_frame_list_list;
    /* Hypervisor writes: NMI cause, bit 0 SERR/parity, bit 1 I/O check. */
    uint64_t nmi_reason;
    /* Guest writes: where its linear p2m lives (SIF_VIRT_P2M_4TOOLS). */
    uint64_t p2m_cr3;
    uint64_t p2m_vaddr;
    uint64_t p2m_generation;    /* odd while the p2m is changing */
};
typedef struct arch_shared_info arch_shared_info_t;

#define XEN_NMIREASON_io_error     0
#define XEN_NMIREASON_pci_serr     1
#define XEN_NMIREASON_unknown      2

/* One CPUID leaf of a domain policy (domctl / sysctl). */
struct xen_cpuid_leaf {
#define XEN_CPUID_NO_SUBLEAF 0xffffffffu
    uint32_t leaf, subleaf;
    uint32_t a, b, c, d;
};
typedef struct xen_cpuid_leaf xen_cpuid_leaf_t;
DEFINE_XEN_GUEST_HANDLE(xen_cpuid_leaf_t);

/* One MSR of a domain policy. */
struct xen_msr_entry {
    uint32_t idx;
    uint32_t flags;             /* must be zero */
    uint64_t val;
};
typedef struct xen_msr_entry xen_msr_entry_t;
DEFINE_XEN_GUEST_HANDLE(xen_msr_entry_t);

/* x86 part of XEN_DOMCTL_createdomain. */
struct xen_arch_domainconfig {
#define _XEN_X86_EMU_LAPIC     0
#define XEN_X86_EMU_LAPIC      (1U << _XEN_X86_EMU_LAPIC)
#define _XEN_X86_EMU_HPET      1
#define XEN_X86_EMU_HPET       (1U << _XEN_X86_EMU_HPET)
#define _XEN_X86_EMU_PM        2
#define XEN_X86_EMU_PM         (1U << _XEN_X86_EMU_PM)
#define _XEN_X86_EMU_RTC       3
#define XEN_X86_EMU_RTC        (1U << _XEN_X86_EMU_RTC)
#define _XEN_X86_EMU_IOAPIC    4
#define XEN_X86_EMU_IOAPIC     (1U << _XEN_X86_EMU_IOAPIC)
#define _XEN_X86_EMU_PIC       5
#define XEN_X86_EMU_PIC        (1U << _XEN_X86_EMU_PIC)
#define _XEN_X86_EMU_VGA       6
#define XEN_X86_EMU_VGA        (1U << _XEN_X86_EMU_VGA)
#define _XEN_X86_EMU_IOMMU     7
#define XEN_X86_EMU_IOMMU      (1U << _XEN_X86_EMU_IOMMU)
#define _XEN_X86_EMU_PIT       8
#define XEN_X86_EMU_PIT        (1U << _XEN_X86_EMU_PIT)
#define _XEN_X86_EMU_USE_PIRQ  9
#define XEN_X86_EMU_USE_PIRQ   (1U << _XEN_X86_EMU_USE_PIRQ)
#define _XEN_X86_EMU_VPCI      10
#define XEN_X86_EMU_VPCI       (1U << _XEN_X86_EMU_VPCI)
#define XEN_X86_EMU_ALL        (XEN_X86_EMU_LAPIC | XEN_X86_EMU_HPET | \
                                XEN_X86_EMU_PM | XEN_X86_EMU_RTC | \
                                XEN_X86_EMU_IOAPIC | XEN_X86_EMU_PIC | \
                                XEN_X86_EMU_VGA | XEN_X86_EMU_IOMMU | \
                                XEN_X86_EMU_PIT | XEN_X86_EMU_USE_PIRQ | \
                                XEN_X86_EMU_VPCI)
    uint32_t emulation_flags;   /* IN: XEN_X86_EMU_*; 0 for PV */
#define XEN_X86_MSR_RELAXED    (1U << 0)
    uint32_t misc_flags;        /* IN */
};

#endif /* !__ASSEMBLY__ */

/* Convert between a CR3 value and the frame of the top-level table. */
#define xen_cr3_to_pfn(cr3) ((uint64_t)(cr3) >> 12)
#define xen_pfn_to_cr3(pfn) ((uint64_t)(pfn) << 12)

/*
 * Prefix that makes the following instruction (e.g. cpuid) trap to the
 * hypervisor for emulation: ud2 ; .ascii "xen".
 */
#ifdef __ASSEMBLY__
#define XEN_EMULATE_PREFIX .byte 0x0f, 0x0b, 0x78, 0x65, 0x6e ;
#define XEN_CPUID          XEN_EMULATE_PREFIX cpuid
#else
#define XEN_EMULATE_PREFIX ".byte 0x0f,0x0b,0x78,0x65,0x6e ; "
#define XEN_CPUID          XEN_EMULATE_PREFIX "cpuid"
#endif

#endif /* XEN_PUBLIC_ARCH_X86_XEN_H */
