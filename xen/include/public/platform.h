/* SPDX-License-Identifier: MIT */
/*
 * platform_op (7): one struct xen_platform_op holding a command and its
 * argument.  Platform management for dom0: wall-clock time, firmware
 * information, ACPI sleep and processor power data, physical CPUs.
 */
#ifndef XEN_PUBLIC_PLATFORM_H
#define XEN_PUBLIC_PLATFORM_H

#include "xen.h"

#define XENPF_INTERFACE_VERSION 0x03000001

/* Set the wall clock: secs.nsecs was the time at system_time. */
#define XENPF_settime32 17
struct xenpf_settime32 {
    uint32_t secs;              /* IN */
    uint32_t nsecs;             /* IN */
    uint64_t system_time;       /* IN */
};
typedef struct xenpf_settime32 xenpf_settime32_t;

#define XENPF_settime64 62
struct xenpf_settime64 {
    uint64_t secs;              /* IN */
    uint32_t nsecs;             /* IN */
    uint32_t mbz;               /* IN: zero */
    uint64_t system_time;       /* IN */
};
typedef struct xenpf_settime64 xenpf_settime64_t;

#if __XEN_INTERFACE_VERSION__ < 0x00040600
#define XENPF_settime XENPF_settime32
#define xenpf_settime xenpf_settime32
#else
#define XENPF_settime XENPF_settime64
#define xenpf_settime xenpf_settime64
#endif
typedef struct xenpf_settime xenpf_settime_t;

/* MTRR-based memory types. */
#define XENPF_add_memtype 31
struct xenpf_add_memtype {
    xen_pfn_t mfn;              /* IN */
    uint64_t nr_mfns;           /* IN */
    uint32_t type;              /* IN: MTRR type */
    uint32_t handle;            /* OUT */
    uint32_t reg;               /* OUT */
    uint32_t _pad0;
};
typedef struct xenpf_add_memtype xenpf_add_memtype_t;

#define XENPF_del_memtype 32
struct xenpf_del_memtype {
    uint32_t handle;            /* IN */
    uint32_t reg;               /* IN */
};
typedef struct xenpf_del_memtype xenpf_del_memtype_t;

#define XENPF_read_memtype 33
struct xenpf_read_memtype {
    uint32_t reg;               /* IN */
    uint32_t _pad0;
    xen_pfn_t mfn;              /* OUT */
    uint64_t nr_mfns;           /* OUT */
    uint32_t type;              /* OUT */
    uint32_t _pad1;
};
typedef struct xenpf_read_memtype xenpf_read_memtype_t;

#define XENPF_microcode_update 35
struct xenpf_microcode_update {
    XEN_GUEST_HANDLE(const_void) data;  /* IN: microcode blob */
    uint32_t length;                    /* IN */
    uint32_t _pad0;
};
typedef struct xenpf_microcode_update xenpf_microcode_update_t;

#define XENPF_platform_quirk 39
#define QUIRK_NOIRQBALANCING      1
#define QUIRK_IOAPIC_BAD_REGSEL   2
#define QUIRK_IOAPIC_GOOD_REGSEL  3
struct xenpf_platform_quirk {
    uint32_t quirk_id;          /* IN */
};
typedef struct xenpf_platform_quirk xenpf_platform_quirk_t;

/* Proxy for EFI runtime services (argument layout not provided here). */
#define XENPF_efi_runtime_call 49

/* ------------------------------------------------------------------ */
/* Boot firmware information kept by the hypervisor.                   */

#define XENPF_firmware_info 50
#define XEN_FW_DISK_INFO          1 /* EDD: from int 13h AH=08h/41h/48h */
#define XEN_FW_DISK_MBR_SIGNATURE 2
#define XEN_FW_VBEDDC_INFO        3 /* VBE DDC: from int 10h AX=4f15h */
#define XEN_FW_EFI_INFO           4
#define XEN_FW_KBD_SHIFT_FLAGS    5 /* int 16h AH=02h */

/* index values for XEN_FW_EFI_INFO */
#define XEN_FW_EFI_VERSION          0
#define XEN_FW_EFI_CONFIG_TABLE     1
#define XEN_FW_EFI_VENDOR           2
#define XEN_FW_EFI_MEM_INFO         3
#define XEN_FW_EFI_RT_VERSION       4
#define XEN_FW_EFI_PCI_ROM          5
#define XEN_FW_EFI_APPLE_PROPERTIES 6

struct xenpf_disk_info {
    uint8_t device;             /* BIOS drive number, 0x80.. */
    uint8_t version;
    uint16_t interface_support;
    uint16_t legacy_max_cylinder;
    uint8_t legacy_max_head;
    uint8_t legacy_sectors_per_track;
    /* Buffer for the EDD parameters; its first u16 is its size. */
    XEN_GUEST_HANDLE(void) edd_params;
};

struct xenpf_disk_mbr_signature {
    uint8_t device;
    uint8_t _pad0[3];
    uint32_t mbr_signature;
};

struct xenpf_vbeddc_info {
    uint8_t capabilities;
    uint8_t edid_transfer_time;
    uint8_t _pad0[6];
    XEN_GUEST_HANDLE(uint8) edid;   /* 128 bytes */
};

struct xenpf_efi_cfg {
    uint64_t addr;
    uint32_t nent;
};

struct xenpf_efi_vendor {
    uint32_t revision;
    uint32_t bufsz;             /* IN: size of name in bytes */
    XEN_GUEST_HANDLE(void) name;    /* UCS-2 */
};

struct xenpf_efi_mem {
    uint64_t addr;              /* IN */
    uint64_t size;
    uint64_t attr;
    uint32_t type;
};

struct xenpf_efi_pci_rom {
    uint16_t segment;           /* IN */
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
    uint16_t vendor;            /* IN */
    uint16_t devid;             /* IN */
    uint64_t address;
    xen_ulong_t size;
};

struct xenpf_efi_apple_properties {
    uint64_t address;
    xen_ulong_t size;
};

union xenpf_efi_info {
    uint32_t version;
    struct xenpf_efi_cfg cfg;
    struct xenpf_efi_vendor vendor;
    struct xenpf_efi_mem mem;
    struct xenpf_efi_pci_rom pci_rom;
    struct xenpf_efi_apple_properties apple_properties;
};

union xenpf_firmware_info_u {
    struct xenpf_disk_info disk_info;
    struct xenpf_disk_mbr_signature disk_mbr_signature;
    struct xenpf_vbeddc_info vbeddc_info;
    union xenpf_efi_info efi_info;
    uint8_t kbd_shift_flags;
};

struct xenpf_firmware_info {
    uint32_t type;              /* IN: XEN_FW_* */
    uint32_t index;             /* IN: which entry */
    union xenpf_firmware_info_u u;  /* OUT */
};
typedef struct xenpf_firmware_info xenpf_firmware_info_t;

/* ------------------------------------------------------------------ */

/* Enter an ACPI sleep state with the given PM1a/b control values. */
#define XENPF_enter_acpi_sleep 51
struct xenpf_enter_acpi_sleep {
    uint16_t val_a;             /* IN: PM1a_CNT (or SLP_TYPa) */
    uint16_t val_b;             /* IN: PM1b_CNT (or SLP_TYPb) */
    uint32_t sleep_state;       /* IN: S-state */
#define XENPF_ACPI_SLEEP_EXTENDED 0x00000001
    uint32_t flags;             /* IN */
};
typedef struct xenpf_enter_acpi_sleep xenpf_enter_acpi_sleep_t;

#define XENPF_change_freq 52
struct xenpf_change_freq {
    uint32_t flags;             /* IN: zero */
    uint32_t cpu;               /* IN */
    uint64_t freq;              /* IN: Hz */
};
typedef struct xenpf_change_freq xenpf_change_freq_t;

/* Cumulative idle time of each CPU in cpumap (ns). */
#define XENPF_getidletime 53
struct xenpf_getidletime {
    XEN_GUEST_HANDLE(uint8) cpumap_bitmap;  /* IN/OUT */
    uint32_t cpumap_nr_cpus;                /* IN */
    uint32_t _pad0;
    XEN_GUEST_HANDLE(uint64) idletime;      /* OUT */
    uint64_t now;                           /* OUT: system time */
};
typedef struct xenpf_getidletime xenpf_getidletime_t;

/* ------------------------------------------------------------------ */
/* Processor power management data from ACPI (_CST, _PSS, _PDC ...).   */

#define XENPF_set_processor_pminfo 54

#define XEN_PM_CX  0
#define XEN_PM_PX  1
#define XEN_PM_TX  2
#define XEN_PM_PDC 3

/* Which parts of a P-state description are valid. */
#define XEN_PX_PCT 1
#define XEN_PX_PSS 2
#define XEN_PX_PPC 4
#define XEN_PX_PSD 8

/* An ACPI generic address. */
struct xen_power_register {
    uint32_t space_id;
    uint32_t bit_width;
    uint32_t bit_offset;
    uint32_t access_size;
    uint64_t address;
};

struct xen_processor_csd {
    uint32_t domain;            /* coordination domain */
    uint32_t coord_type;        /* 0xfc SW_ALL, 0xfd SW_ANY, 0xfe HW_ALL */
    uint32_t num;               /* processors in the domain */
};
typedef struct xen_processor_csd xen_processor_csd_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_csd_t);

struct xen_processor_cx {
    struct xen_power_register reg;  /* how to enter it */
    uint8_t type;               /* C1, C2, ... */
    uint8_t _pad0[3];
    uint32_t latency;           /* us */
    uint32_t power;             /* mW */
    uint32_t dpcnt;             /* entries in dp */
    XEN_GUEST_HANDLE(xen_processor_csd_t) dp;
};
typedef struct xen_processor_cx xen_processor_cx_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_cx_t);

struct xen_processor_flags {
    uint32_t bm_control:1;
    uint32_t bm_check:1;
    uint32_t has_cst:1;
    uint32_t power_setup_done:1;
    uint32_t bm_rld_set:1;
};

struct xen_processor_power {
    uint32_t count;             /* entries in states */
    struct xen_processor_flags flags;
    XEN_GUEST_HANDLE(xen_processor_cx_t) states;
};

struct xen_pct_register {
    uint8_t descriptor;
    uint16_t length;
    uint8_t space_id;
    uint8_t bit_width;
    uint8_t bit_offset;
    uint8_t reserved;
    uint64_t address;
};

struct xen_processor_px {
    uint64_t core_frequency;    /* MHz */
    uint64_t power;             /* mW */
    uint64_t transition_latency; /* us */
    uint64_t bus_master_latency; /* us */
    uint64_t control;
    uint64_t status;
};
typedef struct xen_processor_px xen_processor_px_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_px_t);

struct xen_psd_package {
    uint64_t num_entries;
    uint64_t revision;
    uint64_t domain;
    uint64_t coord_type;
    uint64_t num_processors;
};

struct xen_processor_performance {
    uint32_t flags;             /* XEN_PX_* */
    uint32_t platform_limit;    /* _PPC */
    struct xen_pct_register control_register;
    struct xen_pct_register status_register;
    uint32_t state_count;
    uint32_t _pad0;
    XEN_GUEST_HANDLE(xen_processor_px_t) states;
    struct xen_psd_package domain_info;
    uint32_t shared_type;       /* CPUFREQ_SHARED_TYPE_* */
    uint32_t _pad1;
};

union xenpf_set_processor_pminfo_u {
    struct xen_processor_power power;
    struct xen_processor_performance perf;
    XEN_GUEST_HANDLE(uint32) pdc;   /* XEN_PM_PDC: capability words */
};

struct xenpf_set_processor_pminfo {
    uint32_t id;                /* IN: ACPI processor id, -1 = query */
    uint32_t type;              /* IN: XEN_PM_* */
    union xenpf_set_processor_pminfo_u u;  /* IN (PDC: IN/OUT) */
};
typedef struct xenpf_set_processor_pminfo xenpf_set_processor_pminfo_t;

/* ------------------------------------------------------------------ */
/* Physical CPUs.                                                      */

#define XENPF_get_cpuinfo 55
#define XEN_PCPU_FLAGS_ONLINE  1
#define XEN_PCPU_FLAGS_INVALID 2    /* no such CPU */
struct xenpf_pcpuinfo {
    uint32_t xen_cpuid;         /* IN */
    uint32_t max_present;       /* OUT: highest present CPU */
    uint32_t flags;             /* OUT: XEN_PCPU_FLAGS_* */
    uint32_t apic_id;           /* OUT */
    uint32_t acpi_id;           /* OUT */
};
typedef struct xenpf_pcpuinfo xenpf_pcpuinfo_t;

#define XENPF_get_cpu_version 48
struct xenpf_pcpu_version {
    uint32_t xen_cpuid;         /* IN */
    uint32_t max_present;       /* OUT */
    char vendor_id[12];         /* OUT: CPUID leaf 0 string */
    uint32_t family;            /* OUT */
    uint32_t model;             /* OUT */
    uint32_t stepping;          /* OUT */
};
typedef struct xenpf_pcpu_version xenpf_pcpu_version_t;

#define XENPF_cpu_online  56
#define XENPF_cpu_offline 57
struct xenpf_cpu_ol {
    uint32_t cpuid;             /* IN */
};
typedef struct xenpf_cpu_ol xenpf_cpu_ol_t;

#define XENPF_cpu_hotadd 58
struct xenpf_cpu_hotadd {
    uint32_t apic_id;           /* IN */
    uint32_t acpi_id;           /* IN */
    uint32_t pxm;               /* IN */
};

#define XENPF_mem_hotadd 59
struct xenpf_mem_hotadd {
    uint64_t spfn;              /* IN */
    uint64_t epfn;              /* IN */
    uint32_t pxm;               /* IN */
    uint32_t flags;             /* IN */
};

#define XENPF_core_parking 60
#define XEN_CORE_PARKING_SET 1
#define XEN_CORE_PARKING_GET 2
struct xenpf_core_parking {
    uint32_t type;              /* IN: XEN_CORE_PARKING_* */
    uint32_t idle_nums;         /* IN (set) / OUT (get) */
};
typedef struct xenpf_core_parking xenpf_core_parking_t;

/* Batched MSR access on a physical CPU (argument not provided here). */
#define XENPF_resource_op 61

/* Walk the hypervisor's symbol table, one symbol per call. */
#define XENPF_get_symbol 63
struct xenpf_symdata {
    uint32_t namelen;           /* IN: size of name; OUT: length */
    uint32_t symnum;            /* IN: index; OUT: next index */
    XEN_GUEST_HANDLE(char) name;    /* OUT */
    uint64_t address;           /* OUT */
    char type;                  /* OUT: nm(1) type letter */
    uint8_t _pad0[7];
};
typedef struct xenpf_symdata xenpf_symdata_t;

/* ------------------------------------------------------------------ */

union xen_platform_op_u {
    struct xenpf_settime32 settime32;
    struct xenpf_settime64 settime64;
    struct xenpf_add_memtype add_memtype;
    struct xenpf_del_memtype del_memtype;
    struct xenpf_read_memtype read_memtype;
    struct xenpf_microcode_update microcode;
    struct xenpf_platform_quirk platform_quirk;
    struct xenpf_firmware_info firmware_info;
    struct xenpf_enter_acpi_sleep enter_acpi_sleep;
    struct xenpf_change_freq change_freq;
    struct xenpf_getidletime getidletime;
    struct xenpf_set_processor_pminfo set_pminfo;
    struct xenpf_pcpuinfo pcpu_info;
    struct xenpf_pcpu_version pcpu_version;
    struct xenpf_cpu_ol cpu_ol;
    struct xenpf_cpu_hotadd cpu_add;
    struct xenpf_mem_hotadd mem_add;
    struct xenpf_core_parking core_parking;
    struct xenpf_symdata symdata;
    uint8_t pad[128];
};

struct xen_platform_op {
    uint32_t cmd;               /* IN: XENPF_* */
    uint32_t interface_version; /* IN: XENPF_INTERFACE_VERSION */
    union xen_platform_op_u u;
};
typedef struct xen_platform_op xen_platform_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_platform_op_t);

#endif /* XEN_PUBLIC_PLATFORM_H */
