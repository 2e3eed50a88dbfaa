/* SPDX-License-Identifier: MIT */
/*
 * physdev_op (33): (cmd, arg).  Physical devices and interrupts: I/O
 * privilege, PIRQ mapping and EOI, PCI device registration (dom0).
 */
#ifndef XEN_PUBLIC_PHYSDEV_H
#define XEN_PUBLIC_PHYSDEV_H

#include "xen.h"

/* A PCI function by segment, bus and devfn. */
struct physdev_pci_device {
    uint16_t seg;
    uint8_t bus;
    uint8_t devfn;
};
typedef struct physdev_pci_device physdev_pci_device_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_device_t);

/* Signal end of interrupt for a PIRQ that needs it. */
#define PHYSDEVOP_eoi 12
struct physdev_eoi {
    uint32_t irq;               /* IN: pirq */
};
typedef struct physdev_eoi physdev_eoi_t;
DEFINE_XEN_GUEST_HANDLE(physdev_eoi_t);

/*
 * Register a page holding one bit per PIRQ, set when the PIRQ needs an
 * EOI.  v2 also stops the hypervisor from masking the port on delivery.
 */
#define PHYSDEVOP_pirq_eoi_gmfn_v1 17
#define PHYSDEVOP_pirq_eoi_gmfn_v2 28
struct physdev_pirq_eoi_gmfn {
    xen_pfn_t gmfn;             /* IN */
};
typedef struct physdev_pirq_eoi_gmfn physdev_pirq_eoi_gmfn_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pirq_eoi_gmfn_t);

/* What handling a PIRQ requires. */
#define PHYSDEVOP_irq_status_query 5
struct physdev_irq_status_query {
    uint32_t irq;               /* IN: pirq */
#define _XENIRQSTAT_needs_eoi 0
#define XENIRQSTAT_needs_eoi  (1U << _XENIRQSTAT_needs_eoi)
#define _XENIRQSTAT_shared    1
#define XENIRQSTAT_shared     (1U << _XENIRQSTAT_shared)
    uint32_t flags;             /* OUT: XENIRQSTAT_* */
};
typedef struct physdev_irq_status_query physdev_irq_status_query_t;
DEFINE_XEN_GUEST_HANDLE(physdev_irq_status_query_t);

/* Virtual IOPL of the guest kernel (0-3). */
#define PHYSDEVOP_set_iopl 6
struct physdev_set_iopl {
    uint32_t iopl;              /* IN */
};
typedef struct physdev_set_iopl physdev_set_iopl_t;
DEFINE_XEN_GUEST_HANDLE(physdev_set_iopl_t);

/* I/O bitmap for guest user mode (like the TSS bitmap, 1 = denied). */
#define PHYSDEVOP_set_iobitmap 7
struct physdev_set_iobitmap {
    XEN_GUEST_HANDLE(uint8) bitmap;     /* IN */
    uint32_t nr_ports;                  /* IN */
    uint32_t _pad0;
};
typedef struct physdev_set_iobitmap physdev_set_iobitmap_t;
DEFINE_XEN_GUEST_HANDLE(physdev_set_iobitmap_t);

/* Read or write an IO-APIC register (dom0). */
#define PHYSDEVOP_apic_read  8
#define PHYSDEVOP_apic_write 9
struct physdev_apic {
    uint64_t apic_physbase;     /* IN: IO-APIC base address */
    uint32_t reg;               /* IN: register index */
    uint32_t value;             /* IN (write) / OUT (read) */
};
typedef struct physdev_apic physdev_apic_t;
DEFINE_XEN_GUEST_HANDLE(physdev_apic_t);

/* Old vector allocation interface. */
#define PHYSDEVOP_alloc_irq_vector 10
#define PHYSDEVOP_free_irq_vector  11
struct physdev_irq {
    uint32_t irq;               /* IN */
    uint32_t vector;            /* OUT (alloc) / IN (free) */
};
typedef struct physdev_irq physdev_irq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_irq_t);

/* Map a GSI or MSI of a device to a PIRQ of domid. */
#define MAP_PIRQ_TYPE_MSI       0x0
#define MAP_PIRQ_TYPE_GSI       0x1
#define MAP_PIRQ_TYPE_UNKNOWN   0x2
#define MAP_PIRQ_TYPE_MSI_SEG   0x3     /* bus holds seg << 16 | bus */
#define MAP_PIRQ_TYPE_MULTI_MSI 0x4     /* entry_nr vectors at once */

#define PHYSDEVOP_map_pirq 13
struct physdev_map_pirq {
    domid_t domid;              /* IN */
    uint16_t _pad0;
    int32_t type;               /* IN: MAP_PIRQ_TYPE_* */
    int32_t index;              /* IN: GSI, or -1 for MSI */
    int32_t pirq;               /* IN: wanted or -1; OUT: given */
    int32_t bus;                /* IN: MSI */
    int32_t devfn;              /* IN: MSI */
    int32_t entry_nr;           /* IN: MSI-X entry / MSI count */
    uint32_t _pad1;
    uint64_t table_base;        /* IN: MSI-X table BAR address */
};
typedef struct physdev_map_pirq physdev_map_pirq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_map_pirq_t);

#define PHYSDEVOP_unmap_pirq 14
struct physdev_unmap_pirq {
    domid_t domid;              /* IN */
    uint16_t _pad0;
    int32_t pirq;               /* IN */
};
typedef struct physdev_unmap_pirq physdev_unmap_pirq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_unmap_pirq_t);

/* Old PCI registration, segment 0 only. */
#define PHYSDEVOP_manage_pci_add    15
#define PHYSDEVOP_manage_pci_remove 16
struct physdev_manage_pci {
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
};
typedef struct physdev_manage_pci physdev_manage_pci_t;
DEFINE_XEN_GUEST_HANDLE(physdev_manage_pci_t);

/* Reprogram a device's MSI after resume. */
#define PHYSDEVOP_restore_msi 19
struct physdev_restore_msi {
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
};
typedef struct physdev_restore_msi physdev_restore_msi_t;
DEFINE_XEN_GUEST_HANDLE(physdev_restore_msi_t);

struct physdev_pci_physfn {
    uint8_t bus;
    uint8_t devfn;
};

#define PHYSDEVOP_manage_pci_add_ext 20
struct physdev_manage_pci_ext {
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
    uint16_t _pad0;
    uint32_t is_extfn;          /* IN: boolean */
    uint32_t is_virtfn;         /* IN: boolean */
    struct physdev_pci_physfn physfn;  /* IN: parent of a VF */
    uint16_t _pad1;
};
typedef struct physdev_manage_pci_ext physdev_manage_pci_ext_t;
DEFINE_XEN_GUEST_HANDLE(physdev_manage_pci_ext_t);

/* Trigger mode and polarity of a GSI, from ACPI. */
#define PHYSDEVOP_setup_gsi 21
struct physdev_setup_gsi {
    int32_t gsi;                /* IN */
    uint8_t triggering;         /* IN: 0 edge, 1 level */
    uint8_t polarity;           /* IN: 0 active high, 1 active low */
    uint16_t _pad0;
};
typedef struct physdev_setup_gsi physdev_setup_gsi_t;
DEFINE_XEN_GUEST_HANDLE(physdev_setup_gsi_t);

/* How many PIRQs the caller may have. */
#define PHYSDEVOP_get_nr_pirqs 22
struct physdev_nr_pirqs {
    uint32_t nr_pirqs;          /* OUT */
};
typedef struct physdev_nr_pirqs physdev_nr_pirqs_t;
DEFINE_XEN_GUEST_HANDLE(physdev_nr_pirqs_t);

/* A free PIRQ number for the caller. */
#define PHYSDEVOP_get_free_pirq 23
struct physdev_get_free_pirq {
    int32_t type;               /* IN: MAP_PIRQ_TYPE_* */
    uint32_t pirq;              /* OUT */
};
typedef struct physdev_get_free_pirq physdev_get_free_pirq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_get_free_pirq_t);

/* An MMCONFIG (ECAM) region from ACPI MCFG. */
#define XEN_PCI_MMCFG_RESERVED 0x1      /* reserved in e820/ACPI */
#define PHYSDEVOP_pci_mmcfg_reserved 24
struct physdev_pci_mmcfg_reserved {
    uint64_t address;           /* IN */
    uint16_t segment;           /* IN */
    uint8_t start_bus;          /* IN */
    uint8_t end_bus;            /* IN */
    uint32_t flags;             /* IN: XEN_PCI_MMCFG_* */
};
typedef struct physdev_pci_mmcfg_reserved physdev_pci_mmcfg_reserved_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_mmcfg_reserved_t);

/* Register a PCI function found by dom0. */
#define XEN_PCI_DEV_EXTFN 0x1   /* ARI extended function */
#define XEN_PCI_DEV_VIRTFN 0x2  /* SR-IOV virtual function */
#define XEN_PCI_DEV_PXM   0x4   /* optarr[0] is its proximity domain */

#define PHYSDEVOP_pci_device_add 25
struct physdev_pci_device_add {
    uint16_t seg;               /* IN */
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
    uint32_t flags;             /* IN: XEN_PCI_DEV_* */
    struct physdev_pci_physfn physfn;  /* IN: for VIRTFN */
    uint16_t _pad0;
    uint32_t optarr[XEN_FLEX_ARRAY_DIM]; /* IN: optional data per flags */
};
typedef struct physdev_pci_device_add physdev_pci_device_add_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_device_add_t);

/* Take physdev_pci_device. */
#define PHYSDEVOP_pci_device_remove 26
#define PHYSDEVOP_restore_msi_ext   27
#define PHYSDEVOP_prepare_msix      30  /* before pciback hands it out */
#define PHYSDEVOP_release_msix      31

/* dom0 tells the hypervisor it resets a USB debug port controller. */
#define PHYSDEVOP_DBGP_RESET_PREPARE 1
#define PHYSDEVOP_DBGP_RESET_DONE    2
#define PHYSDEVOP_DBGP_BUS_UNKNOWN   0
#define PHYSDEVOP_DBGP_BUS_PCI       1

union physdev_dbgp_op_u {
    struct physdev_pci_device pci;
};

#define PHYSDEVOP_dbgp_op 29
struct physdev_dbgp_op {
    uint8_t op;                 /* IN: PHYSDEVOP_DBGP_RESET_* */
    uint8_t bus;                /* IN: PHYSDEVOP_DBGP_BUS_* */
    union physdev_dbgp_op_u u;  /* IN */
};
typedef struct physdev_dbgp_op physdev_dbgp_op_t;
DEFINE_XEN_GUEST_HANDLE(physdev_dbgp_op_t);

/* Argument of physdev_op_compat (19): cmd and arg in one. */
union physdev_op_u {
    struct physdev_irq_status_query irq_status_query;
    struct physdev_set_iopl set_iopl;
    struct physdev_set_iobitmap set_iobitmap;
    struct physdev_apic apic_op;
    struct physdev_irq irq_op;
};

struct physdev_op {
    uint32_t cmd;               /* IN: PHYSDEVOP_* */
    uint32_t _pad0;
    union physdev_op_u u;
};
typedef struct physdev_op physdev_op_t;
DEFINE_XEN_GUEST_HANDLE(physdev_op_t);

/* Old names. */
#define PHYSDEVOP_IRQ_UNMASK_NOTIFY 4   /* superseded by PHYSDEVOP_eoi */
#define PHYSDEVOP_IRQ_STATUS_QUERY  PHYSDEVOP_irq_status_query
#define PHYSDEVOP_SET_IOPL          PHYSDEVOP_set_iopl
#define PHYSDEVOP_SET_IOBITMAP      PHYSDEVOP_set_iobitmap
#define PHYSDEVOP_APIC_READ         PHYSDEVOP_apic_read
#define PHYSDEVOP_APIC_WRITE        PHYSDEVOP_apic_write
#define PHYSDEVOP_ASSIGN_VECTOR     PHYSDEVOP_alloc_irq_vector
#define PHYSDEVOP_FREE_VECTOR       PHYSDEVOP_free_irq_vector
#define PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY XENIRQSTAT_needs_eoi
#define PHYSDEVOP_IRQ_SHARED        XENIRQSTAT_shared

#endif /* XEN_PUBLIC_PHYSDEV_H */
