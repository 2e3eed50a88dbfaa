/* SPDX-License-Identifier: MIT */
/*
 * Types of the ELF notes (owner name "Xen") a guest kernel carries to
 * tell the domain builder how to load and start it.
 */
#ifndef XEN_PUBLIC_ELFNOTE_H
#define XEN_PUBLIC_ELFNOTE_H

/* Payload kinds: "str" NUL-terminated string, "num" 4 or 8 byte LE. */

#define XEN_ELFNOTE_INFO               0  /* unused */
#define XEN_ELFNOTE_ENTRY              1  /* num: PV entry VA */
#define XEN_ELFNOTE_HYPERCALL_PAGE     2  /* num: VA to fill with stubs */
#define XEN_ELFNOTE_VIRT_BASE          3  /* num: VA of PFN 0 */
#define XEN_ELFNOTE_PADDR_OFFSET       4  /* num: ELF paddr bias */
#define XEN_ELFNOTE_XEN_VERSION        5  /* str: "xen-3.0" */
#define XEN_ELFNOTE_GUEST_OS           6  /* str: e.g. "linux" */
#define XEN_ELFNOTE_GUEST_VERSION      7  /* str */
#define XEN_ELFNOTE_LOADER             8  /* str: "generic" */
#define XEN_ELFNOTE_PAE_MODE           9  /* str: "yes", "no", "bimodal" */
/* str: '|'-separated XENFEAT names; a leading '!' marks one required. */
#define XEN_ELFNOTE_FEATURES           10
#define XEN_ELFNOTE_BSD_SYMTAB         11 /* str: "yes" to load symbols */
#define XEN_ELFNOTE_HV_START_LOW       12 /* num: lowest hypervisor VA */
#define XEN_ELFNOTE_L1_MFN_VALID       13 /* num pairs: mask, value */
#define XEN_ELFNOTE_SUSPEND_CANCEL     14 /* num: 1 if cancel supported */
#define XEN_ELFNOTE_INIT_P2M           15 /* num: VA for the p2m list */
#define XEN_ELFNOTE_MOD_START_PFN      16 /* num: 1 = mod_start as PFN */
#define XEN_ELFNOTE_SUPPORTED_FEATURES 17 /* num: u32 XENFEAT bitmap */
#define XEN_ELFNOTE_PHYS32_ENTRY       18 /* num: 32-bit PVH entry */

#define XEN_ELFNOTE_MAX XEN_ELFNOTE_PHYS32_ENTRY

/* Notes the hypervisor and tools write into crash dumps. */
#define XEN_ELFNOTE_CRASH_INFO               0x1000001
#define XEN_ELFNOTE_CRASH_REGS               0x1000002
#define XEN_ELFNOTE_DUMPCORE_NONE            0x2000000
#define XEN_ELFNOTE_DUMPCORE_HEADER          0x2000001
#define XEN_ELFNOTE_DUMPCORE_XEN_VERSION     0x2000002
#define XEN_ELFNOTE_DUMPCORE_FORMAT_VERSION  0x2000003

#endif /* XEN_PUBLIC_ELFNOTE_H */
