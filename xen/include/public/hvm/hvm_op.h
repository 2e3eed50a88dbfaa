/* SPDX-License-Identifier: MIT */
/*
 * hvm_op (34): (cmd, arg).  Mainly the per-domain parameters of
 * hvm/params.h, which arm64 guests read to find their xenstore and
 * console rings and the event upcall interrupt.
 */
#ifndef XEN_PUBLIC_HVM_HVM_OP_H
#define XEN_PUBLIC_HVM_HVM_OP_H

#include "../xen.h"

/* Read or write one HVM_PARAM_* of a domain. */
#define HVMOP_set_param 0
#define HVMOP_get_param 1
struct xen_hvm_param {
    domid_t domid;              /* IN */
    uint16_t pad;
    uint32_t index;             /* IN: HVM_PARAM_* */
    uint64_t value;             /* IN (set) / OUT (get) */
};
typedef struct xen_hvm_param xen_hvm_param_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_param_t);

/* Legacy interrupt-line ops for device models. */
#define HVMOP_set_pci_intx_level  2
#define HVMOP_set_isa_irq_level   3
#define HVMOP_set_pci_link_route  4
#define HVMOP_flush_tlbs          5

/* The guest is about to free a page table at gpa (shadow paging). */
#define HVMOP_pagetable_dying     9
struct xen_hvm_pagetable_dying {
    domid_t domid;              /* IN: DOMID_SELF */
    uint16_t pad[3];
    uint64_t gpa;               /* IN */
};
typedef struct xen_hvm_pagetable_dying xen_hvm_pagetable_dying_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_pagetable_dying_t);

/* Current system time in ns. */
#define HVMOP_get_time            10
struct xen_hvm_get_time {
    uint64_t now;               /* OUT */
};
typedef struct xen_hvm_get_time xen_hvm_get_time_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_get_time_t);

#define HVMOP_xentrace            11

/* The type of the memory at pfn. */
#define HVMOP_get_mem_type        15
#define HVMMEM_ram_rw             0
#define HVMMEM_ram_ro             1
#define HVMMEM_mmio_dm            2
#define HVMMEM_unused             3
#define HVMMEM_ioreq_server       4
struct xen_hvm_get_mem_type {
    domid_t domid;              /* IN */
    uint16_t mem_type;          /* OUT: HVMMEM_* */
    uint16_t pad[2];
    uint64_t pfn;               /* IN */
};
typedef struct xen_hvm_get_mem_type xen_hvm_get_mem_type_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_get_mem_type_t);

/* x86 HVM: per-vCPU event upcall through an IDT vector. */
#define HVMOP_set_evtchn_upcall_vector 23
struct xen_hvm_evtchn_upcall_vector {
    uint32_t vcpu;              /* IN */
    uint8_t vector;             /* IN */
    uint8_t pad[3];
};
typedef struct xen_hvm_evtchn_upcall_vector xen_hvm_evtchn_upcall_vector_t;
DEFINE_XEN_GUEST_HANDLE(xen_hvm_evtchn_upcall_vector_t);

#define HVMOP_guest_request_vm_event 24
#define HVMOP_altp2m                 25

#endif /* XEN_PUBLIC_HVM_HVM_OP_H */
