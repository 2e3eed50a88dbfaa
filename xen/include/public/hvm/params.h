/* SPDX-License-Identifier: MIT */
/*
 * Indices of the per-domain parameters read and written with
 * HVMOP_get_param / HVMOP_set_param.
 */
#ifndef XEN_PUBLIC_HVM_PARAMS_H
#define XEN_PUBLIC_HVM_PARAMS_H

#include "hvm_op.h"

/*
 * How vCPU0's event upcall is delivered.  Bits 63:56 give the method,
 * the rest its argument:
 *   0 GSI       bits 55:0 = GSI number
 *   1 PCI INTx  bits 47:32 segment, 31:16 bus, 15:8 devfn, 1:0 pin
 *   2 x86: IDT vector in bits 7:0 (see XENFEAT_hvm_callback_vector)
 *   2 arm: PPI in bits 7:0, trigger flags in bits 15:8
 * 0 means "not delivered".
 */
#define HVM_PARAM_CALLBACK_IRQ 0
#define HVM_PARAM_CALLBACK_IRQ_TYPE_MASK  xen_mk_ullong(0xFF00000000000000)
#define HVM_PARAM_CALLBACK_IRQ_TYPE_SHIFT 56
#define HVM_PARAM_CALLBACK_TYPE_GSI      0
#define HVM_PARAM_CALLBACK_TYPE_PCI_INTX 1
#if defined(__i386__) || defined(__x86_64__)
#define HVM_PARAM_CALLBACK_TYPE_VECTOR   2
#elif defined(__arm__) || defined(__aarch64__)
#define HVM_PARAM_CALLBACK_TYPE_PPI      2
#define HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_MASK      0xFF00
#define HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_SHIFT     8
#define HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL 2
#endif

/* Guest xenstore ring frame and event channel (set by the toolstack). */
#define HVM_PARAM_STORE_PFN    1
#define HVM_PARAM_STORE_EVTCHN 2

/* 3 is not assigned */
#define HVM_PARAM_PAE_ENABLED  4

/* Device-model request pages (legacy ioreq server). */
#define HVM_PARAM_IOREQ_PFN       5
#define HVM_PARAM_BUFIOREQ_PFN    6
#define HVM_PARAM_BUFIOREQ_EVTCHN 26

/* 7 and 8 are not assigned */

/* x86: Hyper-V enlightenment mask. */
#define HVM_PARAM_VIRIDIAN     9

/* x86: how virtual timers catch up after missed ticks. */
#define HVM_PARAM_TIMER_MODE   10
#define HVMPTM_delay_for_missed_ticks    0
#define HVMPTM_no_delay_for_missed_ticks 1
#define HVMPTM_no_missed_ticks_pending   2
#define HVMPTM_one_missed_tick_pending   3

#define HVM_PARAM_HPET_ENABLED 11   /* x86: boolean */
#define HVM_PARAM_IDENT_PT     12   /* x86 EPT: identity map for CR0.PG=0 */
/* 13 was the device-model domain */
#define HVM_PARAM_ACPI_S_STATE 14   /* x86: S0 or S3 */
#define HVM_PARAM_VM86_TSS     15   /* x86 VMX: TSS for real mode */
#define HVM_PARAM_VPT_ALIGN    16   /* x86: align periodic timers */

/* Guest console ring frame and event channel (set by the toolstack). */
#define HVM_PARAM_CONSOLE_PFN    17
#define HVM_PARAM_CONSOLE_EVTCHN 18

/* x86: ACPI PM1a/TMR block location: 0 old (0x1f40), 1 new (0xb000). */
#define HVM_PARAM_ACPI_IOPORTS_LOCATION 19

/* 20-23, 25 and 30 were memory-event parameters, now gone. */

#define HVM_PARAM_NESTEDHVM    24   /* boolean */

/* Rings of the vm_event subsystem. */
#define HVM_PARAM_PAGING_RING_PFN   27
#define HVM_PARAM_MONITOR_RING_PFN  28
#define HVM_PARAM_SHARING_RING_PFN  29

/* SHUTDOWN_* reason reported on a triple fault. */
#define HVM_PARAM_TRIPLE_FAULT_REASON 31

/* Frames set aside for ioreq servers. */
#define HVM_PARAM_IOREQ_SERVER_PFN      32
#define HVM_PARAM_NR_IOREQ_SERVER_PAGES 33

/* Guest physical address of the VM generation id. */
#define HVM_PARAM_VM_GENERATION_ID_ADDR 34

/* Alternate p2m mode. */
#define HVM_PARAM_ALTP2M       35
#define XEN_ALTP2M_disabled      0
#define XEN_ALTP2M_mixed         1
#define XEN_ALTP2M_external      2
#define XEN_ALTP2M_limited       3

/* x86: width of the x87 FIP/FDP saved by FXSAVE/XSAVE (0, 4 or 8). */
#define HVM_PARAM_X87_FIP_WIDTH 36

/* x86 VMX: VM86 TSS location (low 32 bits) and size (high 32 bits). */
#define HVM_PARAM_VM86_TSS_SIZED 37

/* x86: machine check capabilities offered to the guest. */
#define HVM_PARAM_MCA_CAP 38
#define XEN_HVM_MCA_CAP_LMCE   (xen_mk_ullong(1) << 0)
#define XEN_HVM_MCA_CAP_MASK   XEN_HVM_MCA_CAP_LMCE

#define HVM_NR_PARAMS 39

#endif /* XEN_PUBLIC_HVM_PARAMS_H */
