/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenctrl: xen_version queries (version numbers and build strings). */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "xc_private.h"

int xc_version(struct xc_handle *h)
{
    return (int)xc_do_version(h, XENVER_version, NULL, 0, 0);
}

int xc_pagesize(struct xc_handle *h)
{
    return (int)xc_do_version(h, XENVER_pagesize, NULL, 0, 0);
}

/* The size of the fixed buffer each string query fills. */
static size_t string_size(int cmd)
{
    switch ( cmd )
    {
    case XENVER_extraversion:
        return sizeof(xen_extraversion_t);
    case XENVER_capabilities:
        return sizeof(xen_capabilities_info_t);
    case XENVER_changeset:
        return sizeof(xen_changeset_info_t);
    case XENVER_commandline:
        return sizeof(xen_commandline_t);
    }
    return 0;
}

int xc_version_string(struct xc_handle *h, int cmd, char *buf, size_t len)
{
    char tmp[1024];
    size_t size = string_size(cmd);

    if ( !size || !len )
    {
        errno = EINVAL;
        return -1;
    }
    memset(tmp, 0, sizeof(tmp));
    if ( xc_do_version(h, cmd, tmp, size, XC_BOUNCE_OUT) < 0 )
        return -1;
    /* Xen need not terminate a string that fills its buffer. */
    snprintf(buf, len, "%.*s", (int)size, tmp);
    return 0;
}

int xc_compile_info(struct xc_handle *h, xen_compile_info_t *info)
{
    if ( xc_do_version(h, XENVER_compile_info, info, sizeof(*info),
                       XC_BOUNCE_OUT) < 0 )
        return -1;
    info->compiler[sizeof(info->compiler) - 1] = '\0';
    info->compile_by[sizeof(info->compile_by) - 1] = '\0';
    info->compile_domain[sizeof(info->compile_domain) - 1] = '\0';
    info->compile_date[sizeof(info->compile_date) - 1] = '\0';
    return 0;
}

int xc_platform_parameters(struct xc_handle *h,
                           xen_platform_parameters_t *params)
{
    return xc_do_version(h, XENVER_platform_parameters, params, sizeof(*params),
                         XC_BOUNCE_OUT) < 0
               ? -1
               : 0;
}

int xc_build_id(struct xc_handle *h, char *buf, size_t len)
{
    /* struct xen_build_id: a 32-bit length, then the bytes. */
    unsigned char raw[offsetof(struct xen_build_id, buf) + 256];
    uint32_t room = sizeof(raw) - offsetof(struct xen_build_id, buf);
    long n, i;

    if ( !len )
    {
        errno = EINVAL;
        return -1;
    }
    memset(raw, 0, sizeof(raw));
    memcpy(raw, &room, sizeof(room));
    n = xc_do_version(h, XENVER_build_id, raw, sizeof(raw), XC_BOUNCE_BOTH);
    buf[0] = '\0';
    /* No build id (ENODATA) or not allowed to see it (EPERM): "". */
    if ( n < 0 )
        return errno == ENODATA || errno == EPERM ? 0 : -1;
    if ( n > (long)room )
        n = room;
    for ( i = 0; i < n && (size_t)(2 * i + 2) < len; i++ )
        snprintf(buf + 2 * i, 3, "%02x",
                 raw[offsetof(struct xen_build_id, buf) + i]);
    return 0;
}
