/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl info: the host (uname), the hypervisor's physinfo and version
 * information, in Xen 4.17's "name : value" lines.  Everything is
 * queried before anything is printed, so a hypervisor that lacks one of
 * the calls gets one error line and exit status 1, not half a report.
 * "xl info NAME" prints only the value of the lines starting with NAME.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "xl.h"

struct host_info {
    struct utsname uts;
    xen_sysctl_physinfo_t phys;
    uint32_t sched_id;
    int version, pagesize;
    long sharing_freed, sharing_used;
    int free_cpus;
    char extra[XEN_EXTRAVERSION_LEN + 1];
    char caps[XEN_CAPABILITIES_INFO_LEN + 1];
    char changeset[XEN_CHANGESET_INFO_LEN + 1];
    char cmdline[sizeof(xen_commandline_t) + 1];
    char build_id[2 * 256 + 1];
    xen_compile_info_t cc;
    xen_platform_parameters_t platform;
};

static const char *filter;

/* Prints a line, or with a filter only the value of a matching line. */
static void __attribute__((format(printf, 1, 2))) out(const char *fmt, ...)
{
    char line[2048];
    const char *colon;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    if ( !filter )
    {
        fputs(line, stdout);
        return;
    }
    colon = strchr(line, ':');
    if ( !strncmp(line, filter, strlen(filter)) && colon && colon[1] == ' ' )
        fputs(colon + 2, stdout);
}

static const char *sched_name(uint32_t id)
{
    switch ( id )
    {
    case XEN_SCHEDULER_CREDIT:
        return "credit";
    case XEN_SCHEDULER_CREDIT2:
        return "credit2";
    case XEN_SCHEDULER_ARINC653:
        return "arinc653";
    case XEN_SCHEDULER_RTDS:
        return "rtds";
    case XEN_SCHEDULER_NULL:
        return "null";
    }
    return "(null)";
}

static int fail(const char *what)
{
    xl_perror(what);
    return -1;
}

/* Each query in turn; the first failure is reported and ends xl. */
static int query(struct xc_handle *xc, struct host_info *hi)
{
    if ( (hi->version = xc_version(xc)) < 0 )
        return fail("xen_version(XENVER_version)");
    if ( (hi->pagesize = xc_pagesize(xc)) <= 0 )
        return fail("xen_version(XENVER_pagesize)");
    if ( xc_version_string(xc, XENVER_extraversion, hi->extra,
                           sizeof(hi->extra)) < 0 )
        return fail("xen_version(XENVER_extraversion)");
    if ( xc_version_string(xc, XENVER_capabilities, hi->caps,
                           sizeof(hi->caps)) < 0 )
        return fail("xen_version(XENVER_capabilities)");
    if ( xc_version_string(xc, XENVER_changeset, hi->changeset,
                           sizeof(hi->changeset)) < 0 )
        return fail("xen_version(XENVER_changeset)");
    if ( xc_version_string(xc, XENVER_commandline, hi->cmdline,
                           sizeof(hi->cmdline)) < 0 )
        return fail("xen_version(XENVER_commandline)");
    if ( xc_compile_info(xc, &hi->cc) < 0 )
        return fail("xen_version(XENVER_compile_info)");
    if ( xc_platform_parameters(xc, &hi->platform) < 0 )
        return fail("xen_version(XENVER_platform_parameters)");
    if ( xc_build_id(xc, hi->build_id, sizeof(hi->build_id)) < 0 )
        return fail("xen_version(XENVER_build_id)");
    if ( xc_physinfo(xc, &hi->phys) < 0 )
        return fail("reading host information (XEN_SYSCTL_physinfo)");
    if ( xc_sched_id(xc, &hi->sched_id) < 0 )
        return fail("reading the scheduler (XEN_SYSCTL_sched_id)");
    if ( (hi->sharing_freed = xc_sharing_freed_pages(xc)) < 0 )
        return fail("memory_op(XENMEM_get_sharing_freed_pages)");
    if ( (hi->free_cpus = xc_cpupool_free_cpus(xc)) < 0 )
        return fail("reading free CPUs (XEN_SYSCTL_cpupool_op)");
    if ( (hi->sharing_used = xc_sharing_used_frames(xc)) < 0 )
        return fail("memory_op(XENMEM_get_sharing_shared_pages)");
    return 0;
}

static void print_host(const struct host_info *hi)
{
    const xen_sysctl_physinfo_t *p = &hi->phys;
    uint32_t c = p->capabilities;
    bool directio = c & XEN_SYSCTL_PHYSCAP_directio;
    uint64_t per_mb = (1u << 20) / hi->pagesize;

    out("host                   : %s\n", hi->uts.nodename);
    out("release                : %s\n", hi->uts.release);
    out("version                : %s\n", hi->uts.version);
    out("machine                : %s\n", hi->uts.machine);
    out("nr_cpus                : %u\n", p->nr_cpus);
    out("max_cpu_id             : %u\n", p->max_cpu_id);
    out("nr_nodes               : %u\n", p->nr_nodes);
    out("cores_per_socket       : %u\n", p->cores_per_socket);
    out("threads_per_core       : %u\n", p->threads_per_core);
    out("cpu_mhz                : %u.%03u\n", p->cpu_khz / 1000,
        p->cpu_khz % 1000);
    out("hw_caps                : %08x:%08x:%08x:%08x:%08x:%08x:%08x:%08x\n",
        p->hw_cap[0], p->hw_cap[1], p->hw_cap[2], p->hw_cap[3], p->hw_cap[4],
        p->hw_cap[5], p->hw_cap[6], p->hw_cap[7]);
    out("virt_caps              :%s%s%s%s%s%s%s%s%s%s%s\n",
        c & XEN_SYSCTL_PHYSCAP_pv ? " pv" : "",
        c & XEN_SYSCTL_PHYSCAP_hvm ? " hvm" : "",
        (c & XEN_SYSCTL_PHYSCAP_hvm) && directio ? " hvm_directio" : "",
        (c & XEN_SYSCTL_PHYSCAP_pv) && directio ? " pv_directio" : "",
        c & XEN_SYSCTL_PHYSCAP_hap ? " hap" : "",
        c & XEN_SYSCTL_PHYSCAP_shadow ? " shadow" : "",
        c & XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share ? " iommu_hap_pt_share" : "",
        c & XEN_SYSCTL_PHYSCAP_vmtrace ? " vmtrace" : "",
        c & XEN_SYSCTL_PHYSCAP_vpmu ? " vpmu" : "",
        c & XEN_SYSCTL_PHYSCAP_gnttab_v1 ? " gnttab-v1" : "",
        c & XEN_SYSCTL_PHYSCAP_gnttab_v2 ? " gnttab-v2" : "");
    out("total_memory           : %" PRIu64 "\n", p->total_pages / per_mb);
    out("free_memory            : %" PRIu64 "\n",
        (p->free_pages - p->outstanding_pages) / per_mb);
    out("sharing_freed_memory   : %" PRIu64 "\n",
        (uint64_t)hi->sharing_freed / per_mb);
    out("sharing_used_memory    : %" PRIu64 "\n",
        (uint64_t)hi->sharing_used / per_mb);
    out("outstanding_claims     : %" PRIu64 "\n",
        p->outstanding_pages / per_mb);
    out("free_cpus              : %d\n", hi->free_cpus);
}

static void print_xen(const struct host_info *hi)
{
    int major = hi->version >> 16, minor = hi->version & 0xffff;

    out("xen_major              : %d\n", major);
    out("xen_minor              : %d\n", minor);
    out("xen_extra              : %s\n", hi->extra);
    out("xen_version            : %d.%d%s\n", major, minor, hi->extra);
    out("xen_caps               : %s\n", hi->caps);
    out("xen_scheduler          : %s\n", sched_name(hi->sched_id));
    out("xen_pagesize           : %d\n", hi->pagesize);
    out("platform_params        : virt_start=0x%" PRIx64 "\n",
        (uint64_t)hi->platform.virt_start);
    out("xen_changeset          : %s\n", hi->changeset);
    out("xen_commandline        : %s\n", hi->cmdline);
    out("cc_compiler            : %s\n", hi->cc.compiler);
    out("cc_compile_by          : %s\n", hi->cc.compile_by);
    out("cc_compile_domain      : %s\n", hi->cc.compile_domain);
    out("cc_compile_date        : %s\n", hi->cc.compile_date);
    out("build_id               : %s\n", hi->build_id);
    out("xend_config_format     : 4\n");
}

int main_info(int argc, char **argv)
{
    struct host_info *hi;
    int opt;

    while ( (opt = xl_getopt(argc, argv, "n", "info")) != -1 )
    {
        if ( opt == 'n' )
        {
            fprintf(stderr, "xl: info -n (NUMA topology) is not "
                            "implemented yet\n");
            return EXIT_FAILURE;
        }
    }
    if ( optind < argc )
        filter = argv[optind];

    hi = calloc(1, sizeof(*hi));
    if ( !hi || uname(&hi->uts) < 0 )
    {
        xl_perror("uname");
        return EXIT_FAILURE;
    }
    if ( query(xl_ctrl(), hi) < 0 )
        return EXIT_FAILURE;
    print_host(hi);
    print_xen(hi);
    free(hi);
    return EXIT_SUCCESS;
}
