/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checks sizes and field offsets of the public ABI structures against
 * the numbers in the ABI notes (../shared/abi/), or, where the notes
 * give none, against values derived from Xen 4.17's public headers.
 *
 * Built natively (x86_64) it prints one line per structure:
 *   PASS abi/layout/<name>
 *   FAIL abi/layout/<name>: <field> is <got>, expected <want>
 * Built with -DLAYOUT_STATIC for another target (arm64, which we can
 * compile for but not run), every check becomes a _Static_assert whose
 * message names the structure and field; tests/abi/run turns the
 * compiler's errors into the same PASS/FAIL lines.
 *
 * Sources named in comments: "X86 §n" is LINUX-X86-PV.md section n,
 * "XS §n" XENSTORE-AND-SPLIT-DRIVERS.md, "ARM §n" LINUX-ARM64.md.
 * "derived" means the notes do not give the number and it was worked
 * out from the layout of Xen 4.17's public headers.
 */
#include <stddef.h>
#ifndef LAYOUT_STATIC
#include <stdio.h>
#include <string.h>
#endif

#include "../../xen/include/public/xen.h"
#include "../../xen/include/public/callback.h"
#include "../../xen/include/public/domctl.h"
#include "../../xen/include/public/event_channel.h"
#include "../../xen/include/public/grant_table.h"
#include "../../xen/include/public/hvm/params.h"
#include "../../xen/include/public/io/blkif.h"
#include "../../xen/include/public/io/console.h"
#include "../../xen/include/public/io/netif.h"
#include "../../xen/include/public/io/xs_wire.h"
#include "../../xen/include/public/memory.h"
#include "../../xen/include/public/physdev.h"
#include "../../xen/include/public/platform.h"
#include "../../xen/include/public/sched.h"
#include "../../xen/include/public/sysctl.h"
#include "../../xen/include/public/vcpu.h"
#include "../../xen/include/public/version.h"

#ifdef LAYOUT_STATIC

#if defined(__aarch64__)
#define ARCH "arm64"
#else
#define ARCH "x86_64"
#endif

/* One compile-time assertion per check, named for the runner. */
#define SZ(name, type, want)                                            \
    _Static_assert(sizeof(type) == (want),                              \
                   "abi/layout/" ARCH "/" #name ": sizeof expected " #want)
#define OF(name, type, field, want)                                     \
    _Static_assert(offsetof(type, field) == (want),                     \
                   "abi/layout/" ARCH "/" #name ": " #field " expected " #want)
#define EQ(name, what, got, want)                                       \
    _Static_assert((got) == (want),                                     \
                   "abi/layout/" ARCH "/" #name ": " what " expected " #want)

#else /* run-time checks, one result line per structure */

static const char *cur;        /* structure being checked */
static char why[200];          /* first mismatch */
static unsigned int nbad;

static void flush(void)
{
    if ( !cur )
        return;
    if ( nbad == 0 )
        printf("PASS abi/layout/%s\n", cur);
    else if ( nbad == 1 )
        printf("FAIL abi/layout/%s: %s\n", cur, why);
    else
        printf("FAIL abi/layout/%s: %s (and %u more)\n", cur, why, nbad - 1);
    cur = NULL;
}

static void check(const char *name, const char *what, size_t got,
                  size_t want)
{
    if ( !cur || strcmp(cur, name) )
    {
        flush();
        cur = name;
        nbad = 0;
    }
    if ( got != want && nbad++ == 0 )
        snprintf(why, sizeof(why), "%s is %zu, expected %zu", what, got,
                 want);
}

#define SZ(name, type, want) check(#name, "sizeof", sizeof(type), want)
#define OF(name, type, field, want) \
    check(#name, #field, offsetof(type, field), want)
#define EQ(name, what, got, want) check(#name, what, got, want)

#endif

/* Checks that hold on every architecture. */
static void common_checks(void)
{
    /* X86 §2.5: time record in vcpu_info. */
    SZ(vcpu_time_info, struct vcpu_time_info, 32);
    OF(vcpu_time_info, struct vcpu_time_info, version, 0);
    OF(vcpu_time_info, struct vcpu_time_info, tsc_timestamp, 8);
    OF(vcpu_time_info, struct vcpu_time_info, system_time, 16);
    OF(vcpu_time_info, struct vcpu_time_info, tsc_to_system_mul, 24);
    OF(vcpu_time_info, struct vcpu_time_info, tsc_shift, 28);
    OF(vcpu_time_info, struct vcpu_time_info, flags, 29);

    /* X86 §0: multicall entry (xen_ulong_t is 64-bit on arm too). */
    SZ(multicall_entry, struct multicall_entry, 64);
    OF(multicall_entry, struct multicall_entry, op, 0);
    OF(multicall_entry, struct multicall_entry, result, 8);
    OF(multicall_entry, struct multicall_entry, args, 16);

    /* X86 §5.1: event channel operations. */
    SZ(evtchn_bind_interdomain, struct evtchn_bind_interdomain, 12);
    OF(evtchn_bind_interdomain, struct evtchn_bind_interdomain, remote_dom, 0);
    OF(evtchn_bind_interdomain, struct evtchn_bind_interdomain,
       remote_port, 4);
    OF(evtchn_bind_interdomain, struct evtchn_bind_interdomain, local_port, 8);
    SZ(evtchn_bind_virq, struct evtchn_bind_virq, 12);
    OF(evtchn_bind_virq, struct evtchn_bind_virq, virq, 0);
    OF(evtchn_bind_virq, struct evtchn_bind_virq, vcpu, 4);
    OF(evtchn_bind_virq, struct evtchn_bind_virq, port, 8);
    SZ(evtchn_bind_pirq, struct evtchn_bind_pirq, 12);
    OF(evtchn_bind_pirq, struct evtchn_bind_pirq, pirq, 0);
    OF(evtchn_bind_pirq, struct evtchn_bind_pirq, flags, 4);
    OF(evtchn_bind_pirq, struct evtchn_bind_pirq, port, 8);
    SZ(evtchn_close, struct evtchn_close, 4);
    SZ(evtchn_send, struct evtchn_send, 4);
    SZ(evtchn_status, struct evtchn_status, 24);
    OF(evtchn_status, struct evtchn_status, dom, 0);
    OF(evtchn_status, struct evtchn_status, port, 4);
    OF(evtchn_status, struct evtchn_status, status, 8);
    OF(evtchn_status, struct evtchn_status, vcpu, 12);
    OF(evtchn_status, struct evtchn_status, u.unbound.dom, 16);
    OF(evtchn_status, struct evtchn_status, u.interdomain.dom, 16);
    OF(evtchn_status, struct evtchn_status, u.interdomain.port, 20);
    OF(evtchn_status, struct evtchn_status, u.pirq, 16);
    OF(evtchn_status, struct evtchn_status, u.virq, 16);
    SZ(evtchn_alloc_unbound, struct evtchn_alloc_unbound, 8);
    OF(evtchn_alloc_unbound, struct evtchn_alloc_unbound, dom, 0);
    OF(evtchn_alloc_unbound, struct evtchn_alloc_unbound, remote_dom, 2);
    OF(evtchn_alloc_unbound, struct evtchn_alloc_unbound, port, 4);
    SZ(evtchn_bind_ipi, struct evtchn_bind_ipi, 8);
    OF(evtchn_bind_ipi, struct evtchn_bind_ipi, vcpu, 0);
    OF(evtchn_bind_ipi, struct evtchn_bind_ipi, port, 4);
    /* derived: bind_vcpu {port, vcpu}, unmask {port}, reset {dom} */
    SZ(evtchn_bind_vcpu, struct evtchn_bind_vcpu, 8);
    OF(evtchn_bind_vcpu, struct evtchn_bind_vcpu, port, 0);
    OF(evtchn_bind_vcpu, struct evtchn_bind_vcpu, vcpu, 4);
    SZ(evtchn_unmask, struct evtchn_unmask, 4);
    SZ(evtchn_reset, struct evtchn_reset, 2);
    SZ(evtchn_init_control, struct evtchn_init_control, 24);
    OF(evtchn_init_control, struct evtchn_init_control, control_gfn, 0);
    OF(evtchn_init_control, struct evtchn_init_control, offset, 8);
    OF(evtchn_init_control, struct evtchn_init_control, vcpu, 12);
    OF(evtchn_init_control, struct evtchn_init_control, link_bits, 16);
    SZ(evtchn_expand_array, struct evtchn_expand_array, 8);
    /* derived: set_priority {port, priority} */
    SZ(evtchn_set_priority, struct evtchn_set_priority, 8);
    OF(evtchn_set_priority, struct evtchn_set_priority, priority, 4);
    /* X86 §5.4: FIFO control block and event word bits. */
    SZ(evtchn_fifo_control_block, struct evtchn_fifo_control_block, 72);
    OF(evtchn_fifo_control_block, struct evtchn_fifo_control_block, ready, 0);
    OF(evtchn_fifo_control_block, struct evtchn_fifo_control_block, head, 8);
    EQ(evtchn_fifo_control_block, "EVTCHN_FIFO_PENDING",
       EVTCHN_FIFO_PENDING, 31);
    EQ(evtchn_fifo_control_block, "EVTCHN_FIFO_MASKED",
       EVTCHN_FIFO_MASKED, 30);
    EQ(evtchn_fifo_control_block, "EVTCHN_FIFO_LINKED",
       EVTCHN_FIFO_LINKED, 29);
    EQ(evtchn_fifo_control_block, "EVTCHN_FIFO_BUSY", EVTCHN_FIFO_BUSY, 28);
    EQ(evtchn_fifo_control_block, "EVTCHN_FIFO_NR_CHANNELS",
       EVTCHN_FIFO_NR_CHANNELS, 1 << 17);

    /* X86 §7: grant tables. */
    SZ(grant_entry_v1, struct grant_entry_v1, 8);
    OF(grant_entry_v1, struct grant_entry_v1, flags, 0);
    OF(grant_entry_v1, struct grant_entry_v1, domid, 2);
    OF(grant_entry_v1, struct grant_entry_v1, frame, 4);
    /* derived: v2 entries are 16 bytes */
    SZ(grant_entry_v2, union grant_entry_v2, 16);
    OF(grant_entry_v2, union grant_entry_v2, full_page.frame, 8);
    OF(grant_entry_v2, union grant_entry_v2, sub_page.page_off, 4);
    OF(grant_entry_v2, union grant_entry_v2, sub_page.length, 6);
    OF(grant_entry_v2, union grant_entry_v2, transitive.trans_domid, 4);
    OF(grant_entry_v2, union grant_entry_v2, transitive.gref, 8);
    SZ(gnttab_map_grant_ref, struct gnttab_map_grant_ref, 32);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, host_addr, 0);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, flags, 8);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, ref, 12);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, dom, 16);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, status, 18);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, handle, 20);
    OF(gnttab_map_grant_ref, struct gnttab_map_grant_ref, dev_bus_addr, 24);
    SZ(gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, 24);
    OF(gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, host_addr, 0);
    OF(gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, dev_bus_addr, 8);
    OF(gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, handle, 16);
    OF(gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, status, 20);
    SZ(gnttab_setup_table, struct gnttab_setup_table, 24); /* size derived */
    OF(gnttab_setup_table, struct gnttab_setup_table, dom, 0);
    OF(gnttab_setup_table, struct gnttab_setup_table, nr_frames, 4);
    OF(gnttab_setup_table, struct gnttab_setup_table, status, 8);
    OF(gnttab_setup_table, struct gnttab_setup_table, frame_list, 16);
    SZ(gnttab_query_size, struct gnttab_query_size, 16); /* size derived */
    OF(gnttab_query_size, struct gnttab_query_size, dom, 0);
    OF(gnttab_query_size, struct gnttab_query_size, nr_frames, 4);
    OF(gnttab_query_size, struct gnttab_query_size, max_nr_frames, 8);
    OF(gnttab_query_size, struct gnttab_query_size, status, 12);
    SZ(gnttab_copy, struct gnttab_copy, 40);
    OF(gnttab_copy, struct gnttab_copy, source.u.ref, 0);
    OF(gnttab_copy, struct gnttab_copy, source.u.gmfn, 0);
    OF(gnttab_copy, struct gnttab_copy, source.domid, 8);
    OF(gnttab_copy, struct gnttab_copy, source.offset, 10);
    OF(gnttab_copy, struct gnttab_copy, dest.u.gmfn, 16);
    OF(gnttab_copy, struct gnttab_copy, dest.domid, 24);
    OF(gnttab_copy, struct gnttab_copy, dest.offset, 26);
    OF(gnttab_copy, struct gnttab_copy, len, 32);
    OF(gnttab_copy, struct gnttab_copy, flags, 34);
    OF(gnttab_copy, struct gnttab_copy, status, 36);
    SZ(gnttab_set_version, struct gnttab_set_version, 4);
    SZ(gnttab_get_status_frames, struct gnttab_get_status_frames, 16);
    OF(gnttab_get_status_frames, struct gnttab_get_status_frames,
       nr_frames, 0);
    OF(gnttab_get_status_frames, struct gnttab_get_status_frames, dom, 4);
    OF(gnttab_get_status_frames, struct gnttab_get_status_frames, status, 6);
    OF(gnttab_get_status_frames, struct gnttab_get_status_frames,
       frame_list, 8);
    /* derived: the remaining grant operations */
    SZ(gnttab_dump_table, struct gnttab_dump_table, 4);
    SZ(gnttab_transfer, struct gnttab_transfer, 24);
    OF(gnttab_transfer, struct gnttab_transfer, domid, 8);
    OF(gnttab_transfer, struct gnttab_transfer, ref, 12);
    OF(gnttab_transfer, struct gnttab_transfer, status, 16);
    SZ(gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, 24);
    OF(gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, handle, 16);
    OF(gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, status, 20);
    SZ(gnttab_get_version, struct gnttab_get_version, 8);
    OF(gnttab_get_version, struct gnttab_get_version, version, 4);
    SZ(gnttab_swap_grant_ref, struct gnttab_swap_grant_ref, 12);
    SZ(gnttab_cache_flush, struct gnttab_cache_flush, 16);
    OF(gnttab_cache_flush, struct gnttab_cache_flush, offset, 8);
    OF(gnttab_cache_flush, struct gnttab_cache_flush, length, 10);
    OF(gnttab_cache_flush, struct gnttab_cache_flush, op, 12);

    /* X86 §8 and ARM §4: memory_op. */
    SZ(xen_memory_reservation, struct xen_memory_reservation, 32);
    OF(xen_memory_reservation, struct xen_memory_reservation, extent_start, 0);
    OF(xen_memory_reservation, struct xen_memory_reservation, nr_extents, 8);
    OF(xen_memory_reservation, struct xen_memory_reservation,
       extent_order, 16);
    OF(xen_memory_reservation, struct xen_memory_reservation, mem_flags, 20);
    OF(xen_memory_reservation, struct xen_memory_reservation, domid, 24);
    SZ(xen_memory_exchange, struct xen_memory_exchange, 72);
    OF(xen_memory_exchange, struct xen_memory_exchange, in, 0);
    OF(xen_memory_exchange, struct xen_memory_exchange, out, 32);
    OF(xen_memory_exchange, struct xen_memory_exchange, nr_exchanged, 64);
    SZ(xen_add_to_physmap, struct xen_add_to_physmap, 24);
    OF(xen_add_to_physmap, struct xen_add_to_physmap, domid, 0);
    OF(xen_add_to_physmap, struct xen_add_to_physmap, size, 2);
    OF(xen_add_to_physmap, struct xen_add_to_physmap, space, 4);
    OF(xen_add_to_physmap, struct xen_add_to_physmap, idx, 8);
    OF(xen_add_to_physmap, struct xen_add_to_physmap, gpfn, 16);
    SZ(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, 32);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, domid, 0);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, space, 2);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, size, 4);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch,
       u.foreign_domid, 6);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, idxs, 8);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, gpfns, 16);
    OF(xen_add_to_physmap_batch, struct xen_add_to_physmap_batch, errs, 24);
    SZ(xen_memory_map, struct xen_memory_map, 16); /* size derived */
    OF(xen_memory_map, struct xen_memory_map, nr_entries, 0);
    OF(xen_memory_map, struct xen_memory_map, buffer, 8);
    SZ(xen_machphys_mapping, struct xen_machphys_mapping, 24);
    OF(xen_machphys_mapping, struct xen_machphys_mapping, v_start, 0);
    OF(xen_machphys_mapping, struct xen_machphys_mapping, v_end, 8);
    OF(xen_machphys_mapping, struct xen_machphys_mapping, max_mfn, 16);
    SZ(xen_mem_acquire_resource, struct xen_mem_acquire_resource, 32);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource, domid, 0);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource, type, 2);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource, id, 4);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource,
       nr_frames, 8);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource, pad, 12);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource, frame, 16);
    OF(xen_mem_acquire_resource, struct xen_mem_acquire_resource,
       frame_list, 24);
    /* derived */
    SZ(xen_machphys_mfn_list, struct xen_machphys_mfn_list, 24);
    OF(xen_machphys_mfn_list, struct xen_machphys_mfn_list, extent_start, 8);
    OF(xen_machphys_mfn_list, struct xen_machphys_mfn_list, nr_extents, 16);
    SZ(xen_remove_from_physmap, struct xen_remove_from_physmap, 16);
    OF(xen_remove_from_physmap, struct xen_remove_from_physmap, gpfn, 8);

    /* X86 §3.16, §3.18g/i, §4.7; ARM §4: vcpu_op. */
    SZ(vcpu_runstate_info, struct vcpu_runstate_info, 48);
    OF(vcpu_runstate_info, struct vcpu_runstate_info, state, 0);
    OF(vcpu_runstate_info, struct vcpu_runstate_info, state_entry_time, 8);
    OF(vcpu_runstate_info, struct vcpu_runstate_info, time, 16);
    SZ(vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, 16);
    OF(vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, mfn, 0);
    OF(vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, offset, 8);
    OF(vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, rsvd, 12);
    SZ(vcpu_set_singleshot_timer, struct vcpu_set_singleshot_timer, 16);
    OF(vcpu_set_singleshot_timer, struct vcpu_set_singleshot_timer,
       timeout_abs_ns, 0);
    OF(vcpu_set_singleshot_timer, struct vcpu_set_singleshot_timer, flags, 8);
    /* derived */
    SZ(vcpu_set_periodic_timer, struct vcpu_set_periodic_timer, 8);
    SZ(vcpu_register_runstate_memory_area,
       struct vcpu_register_runstate_memory_area, 8);

    /* X86 §4.8: sched_op. */
    SZ(sched_shutdown, struct sched_shutdown, 4);
    SZ(sched_poll, struct sched_poll, 24); /* size derived */
    OF(sched_poll, struct sched_poll, ports, 0);
    OF(sched_poll, struct sched_poll, nr_ports, 8);
    OF(sched_poll, struct sched_poll, timeout, 16);
    SZ(sched_remote_shutdown, struct sched_remote_shutdown, 8); /* derived */
    OF(sched_remote_shutdown, struct sched_remote_shutdown, reason, 4);

    /* X86 §3.2, ARM §4: XENVER_get_features. */
    SZ(xen_feature_info, struct xen_feature_info, 8);
    OF(xen_feature_info, struct xen_feature_info, submap_idx, 0);
    OF(xen_feature_info, struct xen_feature_info, submap, 4);

    /* ARM §3: hvm_op get/set_param. */
    SZ(xen_hvm_param, struct xen_hvm_param, 16);
    OF(xen_hvm_param, struct xen_hvm_param, domid, 0);
    OF(xen_hvm_param, struct xen_hvm_param, index, 4);
    OF(xen_hvm_param, struct xen_hvm_param, value, 8);

    /* X86 §4.12: platform_op (settime64 is also used on arm). */
    SZ(xen_platform_op, struct xen_platform_op, 136);
    OF(xen_platform_op, struct xen_platform_op, cmd, 0);
    OF(xen_platform_op, struct xen_platform_op, interface_version, 4);
    OF(xen_platform_op, struct xen_platform_op, u, 8);
    SZ(xenpf_settime64, struct xenpf_settime64, 24);
    OF(xenpf_settime64, struct xenpf_settime64, secs, 0);
    OF(xenpf_settime64, struct xenpf_settime64, nsecs, 8);
    OF(xenpf_settime64, struct xenpf_settime64, mbz, 12);
    OF(xenpf_settime64, struct xenpf_settime64, system_time, 16);
    SZ(xenpf_settime32, struct xenpf_settime32, 16); /* derived */
    OF(xenpf_settime32, struct xenpf_settime32, system_time, 8);

    /* XS §1, §2, §5, §6: xenstore and console rings, blkif. */
    SZ(xenstore_domain_interface, struct xenstore_domain_interface, 2076);
    OF(xenstore_domain_interface, struct xenstore_domain_interface, req, 0);
    OF(xenstore_domain_interface, struct xenstore_domain_interface, rsp, 1024);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       req_cons, 2048);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       req_prod, 2052);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       rsp_cons, 2056);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       rsp_prod, 2060);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       server_features, 2064);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       connection, 2068);
    OF(xenstore_domain_interface, struct xenstore_domain_interface,
       error, 2072);
    SZ(xsd_sockmsg, struct xsd_sockmsg, 16);
    OF(xsd_sockmsg, struct xsd_sockmsg, type, 0);
    OF(xsd_sockmsg, struct xsd_sockmsg, req_id, 4);
    OF(xsd_sockmsg, struct xsd_sockmsg, tx_id, 8);
    OF(xsd_sockmsg, struct xsd_sockmsg, len, 12);
    EQ(xsd_sockmsg, "XS_DIRECTORY_PART", XS_DIRECTORY_PART, 22);
    EQ(xsd_sockmsg, "XS_RESET_WATCHES", XS_RESET_WATCHES, 21);
    EQ(xsd_sockmsg, "XS_INVALID", XS_INVALID, 0xffff);
    SZ(xencons_interface, struct xencons_interface, 3088);
    OF(xencons_interface, struct xencons_interface, in, 0);
    OF(xencons_interface, struct xencons_interface, out, 1024);
    OF(xencons_interface, struct xencons_interface, in_cons, 3072);
    OF(xencons_interface, struct xencons_interface, in_prod, 3076);
    OF(xencons_interface, struct xencons_interface, out_cons, 3080);
    OF(xencons_interface, struct xencons_interface, out_prod, 3084);
    SZ(blkif_request, struct blkif_request, 112);
    OF(blkif_request, struct blkif_request, operation, 0);
    OF(blkif_request, struct blkif_request, nr_segments, 1);
    OF(blkif_request, struct blkif_request, handle, 2);
    OF(blkif_request, struct blkif_request, id, 8);
    OF(blkif_request, struct blkif_request, sector_number, 16);
    OF(blkif_request, struct blkif_request, seg, 24);
    OF(blkif_request, struct blkif_request, seg[1].gref, 32);
    OF(blkif_request, struct blkif_request, seg[0].first_sect, 28);
    OF(blkif_request, struct blkif_request, seg[0].last_sect, 29);
    /* XS §6: 32 requests fit in one page. */
    EQ(blkif_request, "ring size of one page",
       __CONST_RING_SIZE(blkif, 4096), 32);
    /* derived: the other blkif slots and the response */
    SZ(blkif_request_discard, struct blkif_request_discard, 32);
    OF(blkif_request_discard, struct blkif_request_discard, nr_sectors, 24);
    SZ(blkif_request_indirect, struct blkif_request_indirect, 64);
    OF(blkif_request_indirect, struct blkif_request_indirect, nr_segments, 2);
    OF(blkif_request_indirect, struct blkif_request_indirect, handle, 24);
    OF(blkif_request_indirect, struct blkif_request_indirect,
       indirect_grefs, 28);
    SZ(blkif_response, struct blkif_response, 16);
    OF(blkif_response, struct blkif_response, operation, 8);
    OF(blkif_response, struct blkif_response, status, 10);
    /* derived: netif slots; 256 of each fit in one page */
    SZ(netif_tx_request, struct netif_tx_request, 12);
    OF(netif_tx_request, struct netif_tx_request, offset, 4);
    OF(netif_tx_request, struct netif_tx_request, flags, 6);
    OF(netif_tx_request, struct netif_tx_request, id, 8);
    OF(netif_tx_request, struct netif_tx_request, size, 10);
    SZ(netif_tx_response, struct netif_tx_response, 4);
    SZ(netif_rx_request, struct netif_rx_request, 8);
    OF(netif_rx_request, struct netif_rx_request, gref, 4);
    SZ(netif_rx_response, struct netif_rx_response, 8);
    OF(netif_rx_response, struct netif_rx_response, offset, 2);
    OF(netif_rx_response, struct netif_rx_response, flags, 4);
    OF(netif_rx_response, struct netif_rx_response, status, 6);
    SZ(netif_extra_info, struct netif_extra_info, 8);
    OF(netif_extra_info, struct netif_extra_info, u.gso.size, 2);
    OF(netif_extra_info, struct netif_extra_info, u.gso.type, 4);
    OF(netif_extra_info, struct netif_extra_info, u.gso.features, 6);
    EQ(netif_rings, "tx ring size", __CONST_RING_SIZE(netif_tx, 4096), 256);
    EQ(netif_rings, "rx ring size", __CONST_RING_SIZE(netif_rx, 4096), 256);

    /* derived: domctl / sysctl of Xen 4.17 (not in the notes). */
    EQ(xen_domctl, "XEN_DOMCTL_INTERFACE_VERSION",
       XEN_DOMCTL_INTERFACE_VERSION, 0x15);
    SZ(xen_domctl, struct xen_domctl, 144);
    OF(xen_domctl, struct xen_domctl, interface_version, 4);
    OF(xen_domctl, struct xen_domctl, domain, 8);
    OF(xen_domctl, struct xen_domctl, u, 16);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo, flags, 4);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       tot_pages, 8);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       shared_info_frame, 48);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       cpu_time, 56);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       nr_online_vcpus, 64);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       max_vcpu_id, 68);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       ssidref, 72);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo, handle, 76);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       cpupool, 92);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       gpaddr_bits, 96);
    OF(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo,
       arch_config, 104);
    OF(xen_domctl_createdomain, struct xen_domctl_createdomain, handle, 4);
    OF(xen_domctl_createdomain, struct xen_domctl_createdomain, flags, 20);
    OF(xen_domctl_createdomain, struct xen_domctl_createdomain,
       max_vcpus, 28);
    OF(xen_domctl_createdomain, struct xen_domctl_createdomain,
       grant_opts, 44);
    OF(xen_domctl_createdomain, struct xen_domctl_createdomain,
       cpupool_id, 52);
    OF(xen_domctl_createdomain, struct xen_domctl_createdomain, arch, 56);
    SZ(xen_domctl_vcpucontext, struct xen_domctl_vcpucontext, 16);
    OF(xen_domctl_vcpucontext, struct xen_domctl_vcpucontext, ctxt, 8);
    SZ(xen_domctl_getpageframeinfo3, struct xen_domctl_getpageframeinfo3, 16);
    OF(xen_domctl_getpageframeinfo3, struct xen_domctl_getpageframeinfo3,
       array, 8);
    SZ(xen_domctl_getvcpuinfo, struct xen_domctl_getvcpuinfo, 24);
    OF(xen_domctl_getvcpuinfo, struct xen_domctl_getvcpuinfo, cpu_time, 8);
    OF(xen_domctl_getvcpuinfo, struct xen_domctl_getvcpuinfo, cpu, 16);
    SZ(xen_domctl_vcpuaffinity, struct xen_domctl_vcpuaffinity, 40);
    SZ(xen_domctl_scheduler_op, struct xen_domctl_scheduler_op, 24);
    OF(xen_domctl_scheduler_op, struct xen_domctl_scheduler_op, u, 8);
    EQ(xen_sysctl, "XEN_SYSCTL_INTERFACE_VERSION",
       XEN_SYSCTL_INTERFACE_VERSION, 0x15);
    SZ(xen_sysctl, struct xen_sysctl, 136);
    OF(xen_sysctl, struct xen_sysctl, u, 8);
    SZ(xen_sysctl_physinfo, struct xen_sysctl_physinfo, 112);
    OF(xen_sysctl_physinfo, struct xen_sysctl_physinfo, capabilities, 28);
    OF(xen_sysctl_physinfo, struct xen_sysctl_physinfo,
       arch_capabilities, 32);
    OF(xen_sysctl_physinfo, struct xen_sysctl_physinfo, total_pages, 40);
    OF(xen_sysctl_physinfo, struct xen_sysctl_physinfo, max_mfn, 72);
    OF(xen_sysctl_physinfo, struct xen_sysctl_physinfo, hw_cap, 80);
    SZ(xen_sysctl_readconsole, struct xen_sysctl_readconsole, 24);
    OF(xen_sysctl_readconsole, struct xen_sysctl_readconsole, index, 4);
    OF(xen_sysctl_readconsole, struct xen_sysctl_readconsole, buffer, 8);
    OF(xen_sysctl_readconsole, struct xen_sysctl_readconsole, count, 16);
    SZ(xen_sysctl_getdomaininfolist, struct xen_sysctl_getdomaininfolist, 24);
    OF(xen_sysctl_getdomaininfolist, struct xen_sysctl_getdomaininfolist,
       max_domains, 4);
    OF(xen_sysctl_getdomaininfolist, struct xen_sysctl_getdomaininfolist,
       buffer, 8);
    OF(xen_sysctl_getdomaininfolist, struct xen_sysctl_getdomaininfolist,
       num_domains, 16);
    SZ(xen_sysctl_getcpuinfo, struct xen_sysctl_getcpuinfo, 24);
    OF(xen_sysctl_getcpuinfo, struct xen_sysctl_getcpuinfo, info, 8);
    OF(xen_sysctl_getcpuinfo, struct xen_sysctl_getcpuinfo, nr_cpus, 16);
    SZ(xen_sysctl_sched_id, struct xen_sysctl_sched_id, 4);
}

#if defined(__x86_64__)
static void arch_checks(void)
{
    /* X86 §2.4: start_info, 1168 bytes. */
    SZ(start_info, struct start_info, 1168);
    OF(start_info, struct start_info, magic, 0);
    OF(start_info, struct start_info, nr_pages, 32);
    OF(start_info, struct start_info, shared_info, 40);
    OF(start_info, struct start_info, flags, 48);
    OF(start_info, struct start_info, store_mfn, 56);
    OF(start_info, struct start_info, store_evtchn, 64);
    OF(start_info, struct start_info, console.domU.mfn, 72);
    OF(start_info, struct start_info, console.domU.evtchn, 80);
    OF(start_info, struct start_info, console.dom0.info_off, 72);
    OF(start_info, struct start_info, console.dom0.info_size, 76);
    OF(start_info, struct start_info, pt_base, 88);
    OF(start_info, struct start_info, nr_pt_frames, 96);
    OF(start_info, struct start_info, mfn_list, 104);
    OF(start_info, struct start_info, mod_start, 112);
    OF(start_info, struct start_info, mod_len, 120);
    OF(start_info, struct start_info, cmd_line, 128);
    OF(start_info, struct start_info, first_p2m_pfn, 1152);
    OF(start_info, struct start_info, nr_p2m_frames, 1160);
    EQ(start_info, "SIF_MOD_START_PFN", SIF_MOD_START_PFN, 8);

    /* X86 §2.4: dom0 console info, 40 bytes. */
    SZ(dom0_vga_console_info, struct dom0_vga_console_info, 40);
    OF(dom0_vga_console_info, struct dom0_vga_console_info, video_type, 0);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.text_mode_3.font_height, 4);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.text_mode_3.cursor_x, 6);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.text_mode_3.cursor_y, 8);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.text_mode_3.rows, 10);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.text_mode_3.columns, 12);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.width, 4);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.height, 6);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.bytes_per_line, 8);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.bits_per_pixel, 10);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.lfb_base, 12);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.lfb_size, 16);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.red_pos, 20);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.rsvd_size, 27);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.gbl_caps, 28);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.mode_attrs, 32);
    OF(dom0_vga_console_info, struct dom0_vga_console_info,
       u.vesa_lfb.ext_lfb_base, 36);

    /* X86 §2.5: shared_info, 3136 bytes. */
    SZ(shared_info, struct shared_info, 3136);
    OF(shared_info, struct shared_info, vcpu_info, 0);
    OF(shared_info, struct shared_info, vcpu_info[1], 64);
    OF(shared_info, struct shared_info, evtchn_pending, 2048);
    OF(shared_info, struct shared_info, evtchn_mask, 2560);
    OF(shared_info, struct shared_info, wc_version, 3072);
    OF(shared_info, struct shared_info, wc_sec, 3076);
    OF(shared_info, struct shared_info, wc_nsec, 3080);
    OF(shared_info, struct shared_info, wc_sec_hi, 3084);
    OF(shared_info, struct shared_info, arch.max_pfn, 3088);
    OF(shared_info, struct shared_info, arch.pfn_to_mfn_frame_list_list, 3096);
    OF(shared_info, struct shared_info, arch.nmi_reason, 3104);
    OF(shared_info, struct shared_info, arch.p2m_cr3, 3112);
    OF(shared_info, struct shared_info, arch.p2m_vaddr, 3120);
    OF(shared_info, struct shared_info, arch.p2m_generation, 3128);
    EQ(shared_info, "NR_EVENT_CHANNELS", NR_EVENT_CHANNELS, 4096);

    /* X86 §2.5: vcpu_info, 64 bytes. */
    SZ(vcpu_info, struct vcpu_info, 64);
    OF(vcpu_info, struct vcpu_info, evtchn_upcall_pending, 0);
    OF(vcpu_info, struct vcpu_info, evtchn_upcall_mask, 1);
    OF(vcpu_info, struct vcpu_info, evtchn_pending_sel, 8);
    OF(vcpu_info, struct vcpu_info, arch.cr2, 16);
    OF(vcpu_info, struct vcpu_info, arch.pad, 24);
    OF(vcpu_info, struct vcpu_info, time, 32);

    /* X86 §3.18l: vcpu_guest_context, 5168 bytes. */
    SZ(vcpu_guest_context, struct vcpu_guest_context, 5168);
    OF(vcpu_guest_context, struct vcpu_guest_context, fpu_ctxt, 0);
    OF(vcpu_guest_context, struct vcpu_guest_context, flags, 512);
    OF(vcpu_guest_context, struct vcpu_guest_context, user_regs, 520);
    OF(vcpu_guest_context, struct vcpu_guest_context, trap_ctxt, 720);
    OF(vcpu_guest_context, struct vcpu_guest_context, ldt_base, 4816);
    OF(vcpu_guest_context, struct vcpu_guest_context, ldt_ents, 4824);
    OF(vcpu_guest_context, struct vcpu_guest_context, gdt_frames, 4832);
    OF(vcpu_guest_context, struct vcpu_guest_context, gdt_ents, 4960);
    OF(vcpu_guest_context, struct vcpu_guest_context, kernel_ss, 4968);
    OF(vcpu_guest_context, struct vcpu_guest_context, kernel_sp, 4976);
    OF(vcpu_guest_context, struct vcpu_guest_context, ctrlreg, 4984);
    OF(vcpu_guest_context, struct vcpu_guest_context, debugreg, 5048);
    OF(vcpu_guest_context, struct vcpu_guest_context,
       event_callback_eip, 5112);
    OF(vcpu_guest_context, struct vcpu_guest_context,
       failsafe_callback_eip, 5120);
    OF(vcpu_guest_context, struct vcpu_guest_context,
       syscall_callback_eip, 5128);
    OF(vcpu_guest_context, struct vcpu_guest_context, vm_assist, 5136);
    OF(vcpu_guest_context, struct vcpu_guest_context, fs_base, 5144);
    OF(vcpu_guest_context, struct vcpu_guest_context, gs_base_kernel, 5152);
    OF(vcpu_guest_context, struct vcpu_guest_context, gs_base_user, 5160);
    EQ(vcpu_guest_context, "VGCF_in_kernel", VGCF_in_kernel, 4);

    /* X86 §3.18l: cpu_user_regs, 200 bytes. */
    SZ(cpu_user_regs, struct cpu_user_regs, 200);
    OF(cpu_user_regs, struct cpu_user_regs, r15, 0);
    OF(cpu_user_regs, struct cpu_user_regs, r14, 8);
    OF(cpu_user_regs, struct cpu_user_regs, r13, 16);
    OF(cpu_user_regs, struct cpu_user_regs, r12, 24);
    OF(cpu_user_regs, struct cpu_user_regs, rbp, 32);
    OF(cpu_user_regs, struct cpu_user_regs, rbx, 40);
    OF(cpu_user_regs, struct cpu_user_regs, r11, 48);
    OF(cpu_user_regs, struct cpu_user_regs, r10, 56);
    OF(cpu_user_regs, struct cpu_user_regs, r9, 64);
    OF(cpu_user_regs, struct cpu_user_regs, r8, 72);
    OF(cpu_user_regs, struct cpu_user_regs, rax, 80);
    OF(cpu_user_regs, struct cpu_user_regs, rcx, 88);
    OF(cpu_user_regs, struct cpu_user_regs, rdx, 96);
    OF(cpu_user_regs, struct cpu_user_regs, rsi, 104);
    OF(cpu_user_regs, struct cpu_user_regs, rdi, 112);
    OF(cpu_user_regs, struct cpu_user_regs, error_code, 120);
    OF(cpu_user_regs, struct cpu_user_regs, entry_vector, 124);
    OF(cpu_user_regs, struct cpu_user_regs, rip, 128);
    OF(cpu_user_regs, struct cpu_user_regs, cs, 136);
    OF(cpu_user_regs, struct cpu_user_regs, saved_upcall_mask, 140);
    OF(cpu_user_regs, struct cpu_user_regs, rflags, 144);
    OF(cpu_user_regs, struct cpu_user_regs, rsp, 152);
    OF(cpu_user_regs, struct cpu_user_regs, ss, 160);
    OF(cpu_user_regs, struct cpu_user_regs, es, 168);
    OF(cpu_user_regs, struct cpu_user_regs, ds, 176);
    OF(cpu_user_regs, struct cpu_user_regs, fs, 184);
    OF(cpu_user_regs, struct cpu_user_regs, gs, 192);

    /* X86 §3.9: trap_info, 16 bytes. */
    SZ(trap_info, struct trap_info, 16);
    OF(trap_info, struct trap_info, vector, 0);
    OF(trap_info, struct trap_info, flags, 1);
    OF(trap_info, struct trap_info, cs, 2);
    OF(trap_info, struct trap_info, address, 8);

    /* X86 §4.5: iret frame, 72 bytes; VGCF_in_syscall is 0x100. */
    SZ(iret_context, struct iret_context, 72);
    OF(iret_context, struct iret_context, rax, 0);
    OF(iret_context, struct iret_context, r11, 8);
    OF(iret_context, struct iret_context, rcx, 16);
    OF(iret_context, struct iret_context, flags, 24);
    OF(iret_context, struct iret_context, rip, 32);
    OF(iret_context, struct iret_context, cs, 40);
    OF(iret_context, struct iret_context, rflags, 48);
    OF(iret_context, struct iret_context, rsp, 56);
    OF(iret_context, struct iret_context, ss, 64);
    EQ(iret_context, "VGCF_in_syscall", VGCF_in_syscall, 0x100);

    /* X86 §4.1, §4.2: mmu_update and mmuext_op. */
    SZ(mmu_update, struct mmu_update, 16);
    OF(mmu_update, struct mmu_update, ptr, 0);
    OF(mmu_update, struct mmu_update, val, 8);
    SZ(mmuext_op, struct mmuext_op, 24);
    OF(mmuext_op, struct mmuext_op, cmd, 0);
    OF(mmuext_op, struct mmuext_op, arg1.mfn, 8);
    OF(mmuext_op, struct mmuext_op, arg1.linear_addr, 8);
    OF(mmuext_op, struct mmuext_op, arg2.nr_ents, 16);
    OF(mmuext_op, struct mmuext_op, arg2.vcpumask, 16);
    OF(mmuext_op, struct mmuext_op, arg2.src_mfn, 16);

    /* X86 §3.18b: callback_register. */
    SZ(callback_register, struct callback_register, 16);
    OF(callback_register, struct callback_register, type, 0);
    OF(callback_register, struct callback_register, flags, 2);
    OF(callback_register, struct callback_register, address, 8);

    /* X86 §2.2: address space constants. */
    EQ(address_space, "HYPERVISOR_VIRT_START", HYPERVISOR_VIRT_START,
       0xffff800000000000UL);
    EQ(address_space, "MACH2PHYS_VIRT_END", MACH2PHYS_VIRT_END,
       0xffff804000000000UL);
    EQ(address_space, "FLAT_KERNEL_CS", FLAT_KERNEL_CS, 0xe033);
    EQ(address_space, "FLAT_KERNEL_SS", FLAT_KERNEL_SS, 0xe02b);

    /* X86 §4.11: physdev_op. */
    SZ(physdev_set_iobitmap, struct physdev_set_iobitmap, 16);
    OF(physdev_set_iobitmap, struct physdev_set_iobitmap, nr_ports, 8);
    SZ(physdev_apic, struct physdev_apic, 16);
    OF(physdev_apic, struct physdev_apic, reg, 8);
    OF(physdev_apic, struct physdev_apic, value, 12);
    SZ(physdev_irq_status_query, struct physdev_irq_status_query, 8);
    OF(physdev_irq_status_query, struct physdev_irq_status_query, flags, 4);
    SZ(physdev_map_pirq, struct physdev_map_pirq, 40); /* size derived */
    OF(physdev_map_pirq, struct physdev_map_pirq, domid, 0);
    OF(physdev_map_pirq, struct physdev_map_pirq, type, 4);
    OF(physdev_map_pirq, struct physdev_map_pirq, index, 8);
    OF(physdev_map_pirq, struct physdev_map_pirq, pirq, 12);
    OF(physdev_map_pirq, struct physdev_map_pirq, bus, 16);
    OF(physdev_map_pirq, struct physdev_map_pirq, devfn, 20);
    OF(physdev_map_pirq, struct physdev_map_pirq, entry_nr, 24);
    OF(physdev_map_pirq, struct physdev_map_pirq, table_base, 32);
    SZ(physdev_setup_gsi, struct physdev_setup_gsi, 8); /* size derived */
    OF(physdev_setup_gsi, struct physdev_setup_gsi, triggering, 4);
    OF(physdev_setup_gsi, struct physdev_setup_gsi, polarity, 5);
    OF(physdev_get_free_pirq, struct physdev_get_free_pirq, pirq, 4);
    SZ(physdev_pci_device_add, struct physdev_pci_device_add, 12);
    OF(physdev_pci_device_add, struct physdev_pci_device_add, bus, 2);
    OF(physdev_pci_device_add, struct physdev_pci_device_add, devfn, 3);
    OF(physdev_pci_device_add, struct physdev_pci_device_add, flags, 4);
    OF(physdev_pci_device_add, struct physdev_pci_device_add, physfn, 8);
    OF(physdev_pci_device_add, struct physdev_pci_device_add, optarr, 12);
    SZ(physdev_pci_mmcfg_reserved, struct physdev_pci_mmcfg_reserved, 16);
    OF(physdev_pci_mmcfg_reserved, struct physdev_pci_mmcfg_reserved,
       segment, 8);
    OF(physdev_pci_mmcfg_reserved, struct physdev_pci_mmcfg_reserved,
       start_bus, 10);
    OF(physdev_pci_mmcfg_reserved, struct physdev_pci_mmcfg_reserved,
       end_bus, 11);
    OF(physdev_pci_mmcfg_reserved, struct physdev_pci_mmcfg_reserved,
       flags, 12);
    SZ(physdev_pirq_eoi_gmfn, struct physdev_pirq_eoi_gmfn, 8);

    /* X86 §4.12: platform_op arguments (offsets within the argument). */
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.device, 8);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.version, 9);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.interface_support, 10);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.legacy_max_cylinder, 12);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.legacy_max_head, 14);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.legacy_sectors_per_track, 15);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_info.edd_params, 16);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.disk_mbr_signature.mbr_signature, 12);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.vbeddc_info.capabilities, 8);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.vbeddc_info.edid_transfer_time, 9);
    OF(xenpf_firmware_info, struct xenpf_firmware_info,
       u.vbeddc_info.edid, 16);
    OF(xenpf_firmware_info, struct xenpf_firmware_info, u.kbd_shift_flags, 8);
    SZ(xenpf_pcpuinfo, struct xenpf_pcpuinfo, 20);
    OF(xenpf_pcpuinfo, struct xenpf_pcpuinfo, max_present, 4);
    OF(xenpf_pcpuinfo, struct xenpf_pcpuinfo, flags, 8);
    OF(xenpf_pcpuinfo, struct xenpf_pcpuinfo, apic_id, 12);
    OF(xenpf_pcpuinfo, struct xenpf_pcpuinfo, acpi_id, 16);
    OF(xenpf_enter_acpi_sleep, struct xenpf_enter_acpi_sleep, val_b, 2);
    OF(xenpf_enter_acpi_sleep, struct xenpf_enter_acpi_sleep, sleep_state, 4);
    OF(xenpf_enter_acpi_sleep, struct xenpf_enter_acpi_sleep, flags, 8);

    /* derived: x86 domctl pieces */
    SZ(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo, 112);
    SZ(xen_domctl_createdomain, struct xen_domctl_createdomain, 64);
    SZ(xen_arch_domainconfig, struct xen_arch_domainconfig, 8);
}
#elif defined(__aarch64__)
static void arch_checks(void)
{
    /* ARM §4 "Struct reminders": vcpu_info is 48 bytes, no arch part. */
    SZ(vcpu_info, struct vcpu_info, 48);
    OF(vcpu_info, struct vcpu_info, evtchn_upcall_pending, 0);
    OF(vcpu_info, struct vcpu_info, pad0, 1);
    OF(vcpu_info, struct vcpu_info, evtchn_pending_sel, 8);
    OF(vcpu_info, struct vcpu_info, time, 16);

    /* ARM §4: shared_info, one legacy vcpu_info slot, 1088 bytes. */
    SZ(shared_info, struct shared_info, 1088);
    OF(shared_info, struct shared_info, vcpu_info, 0);
    OF(shared_info, struct shared_info, evtchn_pending, 48);
    OF(shared_info, struct shared_info, evtchn_mask, 560);
    OF(shared_info, struct shared_info, wc_version, 1072);
    OF(shared_info, struct shared_info, wc_sec, 1076);
    OF(shared_info, struct shared_info, wc_nsec, 1080);
    OF(shared_info, struct shared_info, wc_sec_hi, 1084);

    /* derived: arm64 vCPU context of Xen 4.17 (cpsr/spsr_el1 64-bit) */
    SZ(vcpu_guest_core_regs, struct vcpu_guest_core_regs, 312);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, x30, 240);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, pc64, 248);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, cpsr, 256);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, spsr_el1, 264);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, spsr_fiq, 272);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, sp_el0, 288);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, sp_el1, 296);
    OF(vcpu_guest_core_regs, struct vcpu_guest_core_regs, elr_el1, 304);
    SZ(vcpu_guest_context, struct vcpu_guest_context, 352);
    OF(vcpu_guest_context, struct vcpu_guest_context, user_regs, 8);
    OF(vcpu_guest_context, struct vcpu_guest_context, sctlr, 320);
    OF(vcpu_guest_context, struct vcpu_guest_context, ttbcr, 328);
    OF(vcpu_guest_context, struct vcpu_guest_context, ttbr0, 336);
    OF(vcpu_guest_context, struct vcpu_guest_context, ttbr1, 344);
    SZ(xen_arch_domainconfig, struct xen_arch_domainconfig, 12);
    OF(xen_arch_domainconfig, struct xen_arch_domainconfig, tee_type, 1);
    OF(xen_arch_domainconfig, struct xen_arch_domainconfig, nr_spis, 4);
    OF(xen_arch_domainconfig, struct xen_arch_domainconfig,
       clock_frequency, 8);
    SZ(xen_domctl_createdomain, struct xen_domctl_createdomain, 68);
    SZ(xen_domctl_getdomaininfo, struct xen_domctl_getdomaininfo, 120);

    /* ARM §2, §3, §5: hypercall tag and domU layout constants. */
    EQ(arm_constants, "XEN_HYPERCALL_TAG", XEN_HYPERCALL_TAG, 0xEA1);
    EQ(arm_constants, "GUEST_EVTCHN_PPI", GUEST_EVTCHN_PPI, 31);
    EQ(arm_constants, "GUEST_GNTTAB_BASE", GUEST_GNTTAB_BASE, 0x38000000);
    EQ(arm_constants, "GUEST_GNTTAB_SIZE", GUEST_GNTTAB_SIZE, 0x01000000);
    EQ(arm_constants, "GUEST_MAGIC_BASE", GUEST_MAGIC_BASE, 0x39000000);
    EQ(arm_constants, "GUEST_GICD_BASE", GUEST_GICD_BASE, 0x03001000);
    EQ(arm_constants, "GUEST_GICC_BASE", GUEST_GICC_BASE, 0x03002000);
    EQ(arm_constants, "GUEST_GICV3_GICR0_BASE", GUEST_GICV3_GICR0_BASE,
       0x03020000);
    EQ(arm_constants, "GUEST_RAM0_BASE", GUEST_RAM0_BASE, 0x40000000);
    EQ(arm_constants, "GUEST_RAM0_SIZE", GUEST_RAM0_SIZE, 0xc0000000);
    EQ(arm_constants, "GUEST_RAM1_BASE", GUEST_RAM1_BASE, 0x0200000000);
    EQ(arm_constants, "GUEST_PL011_BASE", GUEST_PL011_BASE, 0x22000000);
    EQ(arm_constants, "GUEST_VPL011_SPI", GUEST_VPL011_SPI, 32);
    EQ(arm_constants, "GUEST_VIRTIO_MMIO_BASE", GUEST_VIRTIO_MMIO_BASE,
       0x02000000);
    EQ(arm_constants, "HVM_PARAM_CALLBACK_TYPE_PPI",
       HVM_PARAM_CALLBACK_TYPE_PPI, 2);
}
#else
#error "no layout checks for this architecture"
#endif

#ifdef LAYOUT_STATIC
/* Only compiled: references keep the functions from being unused. */
void layout_checks(void);
void layout_checks(void)
{
    common_checks();
    arch_checks();
}
#else
int main(void)
{
    common_checks();
    arch_checks();
    flush();
    return 0;
}
#endif
