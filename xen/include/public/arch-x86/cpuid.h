/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's CPUID leaves.  They start at 0x40000000, or at the
 * next free multiple of 0x100 above it when another interface (e.g.
 * Viridian) takes the first block.  "Leaf n" below is base + n.
 */
#ifndef XEN_PUBLIC_ARCH_X86_CPUID_H
#define XEN_PUBLIC_ARCH_X86_CPUID_H

#define XEN_CPUID_FIRST_LEAF 0x40000000
#define XEN_CPUID_LEAF(i)    (XEN_CPUID_FIRST_LEAF + (i))

/*
 * base + 0: EAX = highest leaf offered (absolute),
 * EBX:ECX:EDX = "XenVMMXenVMM".
 */
#define XEN_CPUID_SIGNATURE_EBX 0x566e6558 /* "XenV" */
#define XEN_CPUID_SIGNATURE_ECX 0x65584d4d /* "MMXe" */
#define XEN_CPUID_SIGNATURE_EDX 0x4d4d566e /* "nVMM" */

/* base + 1: EAX = (major << 16) | minor. */

/*
 * base + 2: EAX = number of hypercall pages (1), EBX = MSR that loads
 * the hypercall page, ECX = feature bits below, EDX = 0.
 */
#define _XEN_CPUID_FEAT1_MMU_PT_UPDATE_PRESERVE_AD 0
#define XEN_CPUID_FEAT1_MMU_PT_UPDATE_PRESERVE_AD  (1u << 0)

/*
 * base + 3: time.  Sub-leaf 0: EAX flags below, EBX TSC mode, ECX
 * guest TSC kHz, EDX incarnation.  Sub-leaf 1: EBX:EAX TSC offset,
 * ECX mul, EDX shift (as in vcpu_time_info).  Sub-leaf 2: EAX host
 * TSC kHz.
 */
#define _XEN_CPUID_TSC_EMULATED       0
#define XEN_CPUID_TSC_EMULATED        (1u << 0)
#define _XEN_CPUID_HOST_TSC_RELIABLE  1
#define XEN_CPUID_HOST_TSC_RELIABLE   (1u << 1)
#define _XEN_CPUID_RDTSCP_INSTR_AVAIL 2
#define XEN_CPUID_RDTSCP_INSTR_AVAIL  (1u << 2)
#define XEN_CPUID_TSC_MODE_DEFAULT          0
#define XEN_CPUID_TSC_MODE_ALWAYS_EMULATE   1
#define XEN_CPUID_TSC_MODE_NEVER_EMULATE    2
#define XEN_CPUID_TSC_MODE_PVRDTSCP         3

/*
 * base + 4: HVM only.  EAX feature bits below, EBX vCPU id and ECX
 * domain id when the matching bits are set.
 */
#define XEN_HVM_CPUID_APIC_ACCESS_VIRT (1u << 0)
#define XEN_HVM_CPUID_X2APIC_VIRT      (1u << 1)
#define XEN_HVM_CPUID_IOMMU_MAPPINGS   (1u << 2) /* foreign maps in IOMMU */
#define XEN_HVM_CPUID_VCPU_ID_PRESENT  (1u << 3)
#define XEN_HVM_CPUID_DOMID_PRESENT    (1u << 4)
#define XEN_HVM_CPUID_EXT_DEST_ID      (1u << 5) /* 15-bit APIC dest ids */
#define XEN_HVM_CPUID_UPCALL_VECTOR    (1u << 6) /* per-vCPU upcall ok */

/*
 * base + 5: PV only.  EBX[7:0] = machine address width in bits (Linux
 * picks grant table v2 above 44).
 */
#define XEN_CPUID_MACHINE_ADDRESS_WIDTH_MASK (0xffu << 0)

#define XEN_CPUID_MAX_NUM_LEAVES 5

#endif /* XEN_PUBLIC_ARCH_X86_CPUID_H */
