/* SPDX-License-Identifier: MIT */
/*
 * x86_64 PV specifics: the flat selectors a PV guest starts with, the
 * virtual range the hypervisor keeps for itself, the register frame and
 * the iret hypercall frame.
 */
/*
 * Included on its own, pull in arch-x86/xen.h first: it includes this
 * file back once the guest handle macros exist.
 */
#ifndef XEN_PUBLIC_ARCH_X86_XEN_H
#include "xen.h"
#elif !defined(XEN_PUBLIC_ARCH_X86_XEN_X86_64_H)
#define XEN_PUBLIC_ARCH_X86_XEN_X86_64_H

/*
 * Selectors in the hypervisor's part of the GDT (entries 260..264) that
 * a 64-bit PV guest runs on.  A 64-bit data segment is not needed: the
 * null selector serves.  Guest kernel and user share them (both run in
 * ring 3).
 */
#define FLAT_RING3_CS32 0xe023  /* GDT 260: 32-bit code, RPL 3 */
#define FLAT_RING3_DS32 0xe02b  /* GDT 261: flat data, RPL 3 */
#define FLAT_RING3_CS64 0xe033  /* GDT 262: 64-bit code, RPL 3 */
#define FLAT_RING3_DS64 0x0000  /* null selector */
#define FLAT_RING3_SS32 0xe02b
#define FLAT_RING3_SS64 0xe02b

#define FLAT_KERNEL_DS64 FLAT_RING3_DS64
#define FLAT_KERNEL_DS32 FLAT_RING3_DS32
#define FLAT_KERNEL_DS   FLAT_KERNEL_DS64
#define FLAT_KERNEL_CS64 FLAT_RING3_CS64
#define FLAT_KERNEL_CS32 FLAT_RING3_CS32
#define FLAT_KERNEL_CS   FLAT_KERNEL_CS64
#define FLAT_KERNEL_SS64 FLAT_RING3_SS64
#define FLAT_KERNEL_SS32 FLAT_RING3_SS32
#define FLAT_KERNEL_SS   FLAT_KERNEL_SS64

#define FLAT_USER_DS64 FLAT_RING3_DS64
#define FLAT_USER_DS32 FLAT_RING3_DS32
#define FLAT_USER_DS   FLAT_USER_DS64
#define FLAT_USER_CS64 FLAT_RING3_CS64
#define FLAT_USER_CS32 FLAT_RING3_CS32
#define FLAT_USER_CS   FLAT_USER_CS64
#define FLAT_USER_SS64 FLAT_RING3_SS64
#define FLAT_USER_SS32 FLAT_RING3_SS32
#define FLAT_USER_SS   FLAT_USER_SS64

/*
 * The hypervisor owns L4 slots 256-271.  The read-only M2P table sits
 * at the start of that range, 256 GiB long (8 bytes per frame).
 */
#define __HYPERVISOR_VIRT_START 0xFFFF800000000000
#define __HYPERVISOR_VIRT_END   0xFFFF880000000000
#define __MACH2PHYS_VIRT_START  0xFFFF800000000000
#define __MACH2PHYS_VIRT_END    0xFFFF804000000000

#ifndef HYPERVISOR_VIRT_START
#define HYPERVISOR_VIRT_START xen_mk_ulong(__HYPERVISOR_VIRT_START)
#define HYPERVISOR_VIRT_END   xen_mk_ulong(__HYPERVISOR_VIRT_END)
#endif

#define MACH2PHYS_VIRT_START  xen_mk_ulong(__MACH2PHYS_VIRT_START)
#define MACH2PHYS_VIRT_END    xen_mk_ulong(__MACH2PHYS_VIRT_END)
#define MACH2PHYS_NR_ENTRIES \
    ((MACH2PHYS_VIRT_END - MACH2PHYS_VIRT_START) >> 3)
#ifndef machine_to_phys_mapping
#define machine_to_phys_mapping ((unsigned long *)HYPERVISOR_VIRT_START)
#endif

/* set_segment_base (25): which base to set. */
#define SEGBASE_FS          0
#define SEGBASE_GS_USER     1
#define SEGBASE_GS_KERNEL   2
#define SEGBASE_GS_USER_SEL 3   /* load the user %gs selector */

/*
 * The iret hypercall (23) pops this frame from the guest stack.  With
 * VGCF_in_syscall in flags, only rax, rip, rflags and rsp are restored
 * and the return goes to user mode as SYSRET would.
 */
#define _VGCF_in_syscall 8
#define VGCF_in_syscall  (1 << _VGCF_in_syscall)
#define VGCF_IN_SYSCALL  VGCF_in_syscall

#ifndef __ASSEMBLY__

struct iret_context {
    uint64_t rax, r11, rcx, flags, rip, cs, rflags, rsp, ss;
    /* The hypervisor may also read es, ds, fs, gs above: it does not. */
};

/*
 * Saved guest registers, as in vcpu_guest_context.  The order is that
 * of the hypervisor's own exception frame; selectors are padded to
 * 8 bytes each.
 */
struct cpu_user_regs {
    uint64_t r15;
    uint64_t r14;
    uint64_t r13;
    uint64_t r12;
    uint64_t rbp;
    uint64_t rbx;
    uint64_t r11;
    uint64_t r10;
    uint64_t r9;
    uint64_t r8;
    uint64_t rax;
    uint64_t rcx;
    uint64_t rdx;
    uint64_t rsi;
    uint64_t rdi;
    uint32_t error_code;        /* set by the exception entry code */
    uint32_t entry_vector;      /* likewise */
    uint64_t rip;
    uint16_t cs, _pad0[1];
    uint8_t saved_upcall_mask;
    uint8_t _pad1[3];
    uint64_t rflags;            /* IF is the inverse of the upcall mask */
    uint64_t rsp;
    uint16_t ss, _pad2[3];
    uint16_t es, _pad3[3];
    uint16_t ds, _pad4[3];
    uint16_t fs, _pad5[3];      /* non-zero: overrides fs_base */
    uint16_t gs, _pad6[3];      /* non-zero: overrides gs_base_user */
};
typedef struct cpu_user_regs cpu_user_regs_t;
DEFINE_XEN_GUEST_HANDLE(cpu_user_regs_t);

/* Per-vCPU arch state in vcpu_info. */
struct arch_vcpu_info {
    uint64_t cr2;               /* faulting address of the last #PF */
    uint64_t pad;
};
typedef struct arch_vcpu_info arch_vcpu_info_t;

#endif /* !__ASSEMBLY__ */

#endif /* XEN_PUBLIC_ARCH_X86_XEN_X86_64_H */
