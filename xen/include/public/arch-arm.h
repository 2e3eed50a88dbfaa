/* SPDX-License-Identifier: MIT */
/*
 * arm64 (and arm32) part of the guest ABI.  Guests are auto-translated:
 * every frame number they pass is a guest frame (IPA >> 12).  Also the
 * fixed guest physical memory map and interrupts given to domUs.
 *
 * Hypercalls: HVC #XEN_HYPERCALL_TAG, number in x16, arguments in
 * x0-x4, result in x0.  Shared memory is little-endian and must be
 * mapped Normal Inner/Outer Write-Back, Inner Shareable.
 */
#ifndef XEN_PUBLIC_ARCH_ARM_H
#define XEN_PUBLIC_ARCH_ARM_H

#include <stdint.h>

#define XEN_HYPERCALL_TAG 0xEA1

/*
 * Guest handles are always 8 bytes, also for 32-bit guests: a union of
 * the pointer and a 64-bit integer.  Clear q before setting p so that
 * the upper half is zero on arm32.
 */
#ifndef __ASSEMBLY__
#if defined(__arm__)
#define uint64_aligned_t uint64_t __attribute__((__aligned__(8)))
#else
typedef uint64_t uint64_aligned_t;
#endif

#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef union { type *p; unsigned long q; } __guest_handle_ ## name; \
    typedef union { type *p; uint64_aligned_t q; } __guest_handle_64_ ## name
#define __DEFINE_XEN_GUEST_HANDLE(name, type) \
    ___DEFINE_XEN_GUEST_HANDLE(name, type); \
    ___DEFINE_XEN_GUEST_HANDLE(const_ ## name, const type)
#define DEFINE_XEN_GUEST_HANDLE(name) __DEFINE_XEN_GUEST_HANDLE(name, name)
#define __XEN_GUEST_HANDLE(name)      __guest_handle_64_ ## name
#define XEN_GUEST_HANDLE(name)        __XEN_GUEST_HANDLE(name)
#define XEN_GUEST_HANDLE_PARAM(name)  __guest_handle_ ## name
#define XEN_GUEST_HANDLE_64(name)     XEN_GUEST_HANDLE(name)
#define set_xen_guest_handle_raw(hnd, val) \
    do { (hnd).q = 0; (hnd).p = (val); } while ( 0 )
#define set_xen_guest_handle(hnd, val) set_xen_guest_handle_raw(hnd, val)

typedef uint64_t xen_pfn_t;
typedef uint64_t xen_ulong_t;
typedef uint64_t xen_callback_t;
#define PRI_xen_pfn   PRIx64
#define PRI_xen_ulong PRIx64

/*
 * General purpose and system registers of an AArch64 vCPU.  For an
 * AArch32 vCPU, x0-x30 hold the banked registers (r0_usr..., lr_fiq)
 * in the architectural AArch64 mapping.
 */
struct vcpu_guest_core_regs {
    uint64_t x0, x1, x2, x3, x4, x5, x6, x7;
    uint64_t x8, x9, x10, x11, x12, x13, x14, x15;
    uint64_t x16, x17, x18, x19, x20, x21, x22, x23;
    uint64_t x24, x25, x26, x27, x28, x29, x30;
    uint64_t pc64;              /* return address (ELR_EL2) */
    uint64_t cpsr;              /* saved PSTATE (SPSR_EL2) */
    uint64_t spsr_el1;          /* AArch32: spsr_svc in the low half */
    uint32_t spsr_fiq, spsr_irq, spsr_und, spsr_abt;
    uint64_t sp_el0;
    uint64_t sp_el1, elr_el1;
};
typedef struct vcpu_guest_core_regs vcpu_guest_core_regs_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_guest_core_regs_t);

/* vCPU state for domctl set/getvcpucontext. */
struct vcpu_guest_context {
#define _VGCF_online 0
#define VGCF_online  (1 << _VGCF_online)
    uint32_t flags;             /* VGCF_* */
    uint32_t _pad0;
    struct vcpu_guest_core_regs user_regs;
    uint64_t sctlr;
    uint64_t ttbcr, ttbr0, ttbr1;
};
typedef struct vcpu_guest_context vcpu_guest_context_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_guest_context_t);

/* arm part of XEN_DOMCTL_createdomain / getdomaininfo. */
#define XEN_DOMCTL_CONFIG_GIC_NATIVE 0
#define XEN_DOMCTL_CONFIG_GIC_V2     1
#define XEN_DOMCTL_CONFIG_GIC_V3     2
#define XEN_DOMCTL_CONFIG_TEE_NONE   0
#define XEN_DOMCTL_CONFIG_TEE_OPTEE  1

struct xen_arch_domainconfig {
    uint8_t gic_version;        /* IN/OUT: XEN_DOMCTL_CONFIG_GIC_* */
    uint8_t tee_type;           /* IN: XEN_DOMCTL_CONFIG_TEE_* */
    uint16_t _pad0;
    uint32_t nr_spis;           /* IN: SPIs the vGIC must offer */
    uint32_t clock_frequency;   /* OUT: for the timer DT node */
};

/*
 * No arch state lives in vcpu_info or shared_info on arm.  Xen declares
 * empty structs there, which only GNU C sizes as 0; we leave the members
 * out instead so C and C++ agree on the layout.
 */
struct arch_vcpu_info;
struct arch_shared_info;
typedef struct arch_vcpu_info arch_vcpu_info_t;
typedef struct arch_shared_info arch_shared_info_t;
#define XEN_ARCH_VCPU_INFO_IS_EMPTY   1
#define XEN_ARCH_SHARED_INFO_IS_EMPTY 1

#endif /* !__ASSEMBLY__ */

/* Number of vcpu_info slots in shared_info. */
#define XEN_LEGACY_MAX_VCPUS 1

/* PSTATE / CPSR bits */
#define PSR_THUMB       (1 << 5)
#define PSR_FIQ_MASK    (1 << 6)
#define PSR_IRQ_MASK    (1 << 7)
#define PSR_ABT_MASK    (1 << 8)
#define PSR_BIG_ENDIAN  (1 << 9)    /* AArch32 */
#define PSR_DBG_MASK    (1 << 9)    /* AArch64 */
#define PSR_IT_MASK     (0x0600fc00)
#define PSR_JAZELLE     (1 << 24)

/* AArch32 modes */
#define PSR_MODE_USR 0x10
#define PSR_MODE_FIQ 0x11
#define PSR_MODE_IRQ 0x12
#define PSR_MODE_SVC 0x13
#define PSR_MODE_MON 0x16
#define PSR_MODE_ABT 0x17
#define PSR_MODE_HYP 0x1a
#define PSR_MODE_UND 0x1b
#define PSR_MODE_SYS 0x1f

/* AArch64 modes */
#define PSR_MODE_BIT  0x10  /* set for AArch32 */
#define PSR_MODE_EL3h 0x0d
#define PSR_MODE_EL3t 0x0c
#define PSR_MODE_EL2h 0x09
#define PSR_MODE_EL2t 0x08
#define PSR_MODE_EL1h 0x05
#define PSR_MODE_EL1t 0x04
#define PSR_MODE_EL0t 0x00

/* Initial PSTATE of a vCPU: interrupts masked, EL1 with SP_EL1. */
#define PSR_GUEST32_INIT (PSR_ABT_MASK | PSR_FIQ_MASK | PSR_IRQ_MASK | \
                          PSR_MODE_SVC)
#define PSR_GUEST64_INIT (PSR_ABT_MASK | PSR_FIQ_MASK | PSR_IRQ_MASK | \
                          PSR_MODE_EL1h)

/* Initial SCTLR_EL1: MMU and caches off, RES1 bits set. */
#define SCTLR_GUEST_INIT xen_mk_ullong(0x00c50078)

/* ------------------------------------------------------------------ */
/* Guest physical memory map of a domU (dom0 mirrors the host).        */

/* vPCI ECAM window. */
#define GUEST_VPCI_ECAM_BASE   xen_mk_ullong(0x10000000)
#define GUEST_VPCI_ECAM_SIZE   xen_mk_ullong(0x10000000)

/* Virtio-mmio devices and their SPIs (named in Xen's header after 4.17). */
#define GUEST_VIRTIO_MMIO_BASE xen_mk_ullong(0x02000000)
#define GUEST_VIRTIO_MMIO_SIZE xen_mk_ullong(0x00100000)
#define GUEST_VIRTIO_MMIO_SPI_FIRST 33
#define GUEST_VIRTIO_MMIO_SPI_LAST  43

/* GICv2 */
#define GUEST_GICD_BASE        xen_mk_ullong(0x03001000)
#define GUEST_GICD_SIZE        xen_mk_ullong(0x00001000)
#define GUEST_GICC_BASE        xen_mk_ullong(0x03002000)
#define GUEST_GICC_SIZE        xen_mk_ullong(0x00002000)

/* GICv3: one redistributor region, 128 KiB per vCPU. */
#define GUEST_GICV3_GICD_BASE      xen_mk_ullong(0x03001000)
#define GUEST_GICV3_GICD_SIZE      xen_mk_ullong(0x00010000)
#define GUEST_GICV3_RDIST_REGIONS  1
#define GUEST_GICV3_GICR0_BASE     xen_mk_ullong(0x03020000)
#define GUEST_GICV3_GICR0_SIZE     xen_mk_ullong(0x01000000)
#define GUEST_GICV3_RDIST_STRIDE   xen_mk_ullong(0x00020000)
#define GUEST_MAX_VCPUS            128 /* GICR0_SIZE / RDIST_STRIDE */

/* ACPI tables of a domU booted with ACPI. */
#define GUEST_ACPI_BASE        xen_mk_ullong(0x20000000)
#define GUEST_ACPI_SIZE        xen_mk_ullong(0x02000000)

/* Emulated PL011 (vpl011). */
#define GUEST_PL011_BASE       xen_mk_ullong(0x22000000)
#define GUEST_PL011_SIZE       xen_mk_ullong(0x00001000)

/* Where the guest maps its grant-table frames (DT /hypervisor reg 0). */
#define GUEST_GNTTAB_BASE      xen_mk_ullong(0x38000000)
#define GUEST_GNTTAB_SIZE      xen_mk_ullong(0x01000000)

/* Toolstack pages: console, xenstore, ... */
#define GUEST_MAGIC_BASE       xen_mk_ullong(0x39000000)
#define GUEST_MAGIC_SIZE       xen_mk_ullong(0x01000000)

/* RAM: 3 GiB below 4 GiB, then up to 1016 GiB from 8 GiB. */
#define GUEST_RAM_BANKS        2
#define GUEST_RAM0_BASE        xen_mk_ullong(0x40000000)
#define GUEST_RAM0_SIZE        xen_mk_ullong(0xc0000000)
#define GUEST_RAM1_BASE        xen_mk_ullong(0x0200000000)
#define GUEST_RAM1_SIZE        xen_mk_ullong(0xfe00000000)
#define GUEST_RAM_BASE         GUEST_RAM0_BASE
#define GUEST_RAM_BANK_BASES   { GUEST_RAM0_BASE, GUEST_RAM1_BASE }
#define GUEST_RAM_BANK_SIZES   { GUEST_RAM0_SIZE, GUEST_RAM1_SIZE }

/* Interrupts */
#define GUEST_TIMER_VIRT_PPI    27
#define GUEST_TIMER_PHYS_S_PPI  29
#define GUEST_TIMER_PHYS_NS_PPI 30
#define GUEST_EVTCHN_PPI        31  /* event channel upcall */
#define GUEST_VPL011_SPI        32

/* PSCI 0.1 function numbers in the DT (0.2+ uses SMCCC ids). */
#define PSCI_cpu_suspend 0
#define PSCI_cpu_off     1
#define PSCI_cpu_on      2
#define PSCI_migrate     3

#endif /* XEN_PUBLIC_ARCH_ARM_H */
