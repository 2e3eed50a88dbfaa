/* SPDX-License-Identifier: GPL-2.0-only */
/* xen_version and vm_assist: what a guest learns about the hypervisor. */
#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <public/features.h>
#include <public/version.h>
#include <asm/guest-abi.h>

/* The feature bits a guest sees (submap 0): the arch's, plus dom0. */
static uint32_t pv_features(const struct domain *d)
{
    uint32_t f = arch_feature_bits(d);

    if ( d->is_privileged )
        f |= 1u << XENFEAT_dom0;
    return f;
}

static long copy_string(unsigned long arg, const char *s, size_t field)
{
    char buf[1024];

    memset(buf, 0, field);
    strlcpy(buf, s, field);
    return copy_to_guest_va(arg, buf, field) ? -EFAULT : 0;
}

long do_xen_version(int cmd, unsigned long arg)
{
    struct domain *d = current->domain;

    switch ( cmd )
    {
    case XENVER_version:
        return (XEN_VERSION_MAJOR << 16) | XEN_VERSION_MINOR;

    case XENVER_extraversion:
        return copy_string(arg, XEN_VERSION_EXTRA,
                           sizeof(xen_extraversion_t));

    case XENVER_compile_info:
    {
        struct xen_compile_info ci;

        memset(&ci, 0, sizeof(ci));
        strlcpy(ci.compiler, "gcc " __VERSION__, sizeof(ci.compiler));
        strlcpy(ci.compile_by, "builder", sizeof(ci.compile_by));
        strlcpy(ci.compile_domain, "localdomain", sizeof(ci.compile_domain));
        strlcpy(ci.compile_date, "reproducible", sizeof(ci.compile_date));
        return copy_to_guest(arg, &ci) ? -EFAULT : 0;
    }

    case XENVER_capabilities:
        return copy_string(arg, ARCH_CAPABILITIES,
                           sizeof(xen_capabilities_info_t));

    case XENVER_changeset:
        return copy_string(arg, "clean-room", sizeof(xen_changeset_info_t));

    case XENVER_platform_parameters:
    {
        struct xen_platform_parameters p = {
            .virt_start = ARCH_VIRT_START,
        };

        return copy_to_guest(arg, &p) ? -EFAULT : 0;
    }

    case XENVER_get_features:
    {
        struct xen_feature_info fi;

        if ( copy_from_guest(&fi, arg) )
            return -EFAULT;
        if ( fi.submap_idx >= XENFEAT_NR_SUBMAPS )
            return -EINVAL;
        fi.submap = pv_features(d);
        return copy_to_guest(arg, &fi) ? -EFAULT : 0;
    }

    case XENVER_pagesize:
        return PAGE_SIZE;

    case XENVER_guest_handle:
    {
        uint8_t handle[16] = { 0 };

        return copy_to_guest_va(arg, handle, sizeof(handle)) ? -EFAULT : 0;
    }

    case XENVER_commandline:
        if ( !d->is_privileged )
            return -EPERM;
        return copy_string(arg, saved_cmdline, sizeof(xen_commandline_t));

    case XENVER_build_id:
        return -ENODATA;
    }
    return -ENOSYS;
}

long do_vm_assist(unsigned int cmd, unsigned int type)
{
    struct domain *d = current->domain;
    unsigned long valid = (1UL << VMASST_TYPE_writable_pagetables) |
                          (1UL << VMASST_TYPE_runstate_update_flag) |
                          (1UL << VMASST_TYPE_m2p_strict);

    if ( type >= BITS_PER_LONG || !(valid & (1UL << type)) )
        return -EINVAL;
    switch ( cmd )
    {
    case VMASST_CMD_enable:
        d->vm_assist |= 1UL << type;
        return 0;
    case VMASST_CMD_disable:
        d->vm_assist &= ~(1UL << type);
        return 0;
    }
    return -ENOSYS;
}
