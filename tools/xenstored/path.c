/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Paths: validation, resolution of relative paths against the caller's
 * home /local/domain/<domid>, and parent/child helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

static const char special_names[][20] = {
    "@introduceDomain",
    "@releaseDomain",
};

bool path_is_special(const char *path)
{
    size_t i;

    for ( i = 0; i < sizeof(special_names) / sizeof(special_names[0]); i++ )
        if ( !strcmp(path, special_names[i]) )
            return true;
    return false;
}

static bool valid_chars(const char *p)
{
    for ( ; *p; p++ )
    {
        char c = *p;

        if ( !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '_' ||
               c == '@') )
            return false;
    }
    return true;
}

char *path_home(unsigned int domid)
{
    char *p;

    if ( asprintf(&p, "/local/domain/%u", domid) < 0 )
        return NULL;
    return p;
}

/*
 * in is what the client sent.  Absolute paths (up to 3072 bytes) are
 * taken as they are; relative ones (up to 2048) are put under the
 * caller's home.  "@" names are only the special watch paths.
 */
int path_canonical(const struct conn *c, const char *in, char **out)
{
    size_t len = strlen(in);
    char *home, *p;

    *out = NULL;
    if ( in[0] == '@' )
    {
        if ( !path_is_special(in) )
            return EINVAL;
        *out = strdup(in);
        return *out ? 0 : ENOMEM;
    }
    if ( !len || !valid_chars(in) || strstr(in, "//") ||
         (len > 1 && in[len - 1] == '/') )
        return EINVAL;
    if ( in[0] == '/' )
    {
        if ( len > XENSTORE_ABS_PATH_MAX )
            return EINVAL;
        *out = strdup(in);
        return *out ? 0 : ENOMEM;
    }
    if ( len > XENSTORE_REL_PATH_MAX || in[len - 1] == '/' )
        return EINVAL;
    home = path_home(c->domid);
    if ( !home )
        return ENOMEM;
    p = path_join(home, in);
    free(home);
    if ( !p )
        return ENOMEM;
    *out = p;
    return 0;
}

/* Is path equal to top, or below it? */
bool path_is_under(const char *path, const char *top)
{
    size_t n = strlen(top);

    if ( !strcmp(top, "/") )
        return path[0] == '/';
    return !strncmp(path, top, n) && (path[n] == '\0' || path[n] == '/');
}

char *path_parent(const char *path)
{
    const char *slash = strrchr(path, '/');

    if ( !slash || slash == path )
        return strdup("/");
    return strndup(path, slash - path);
}

const char *path_basename(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

char *path_join(const char *dir, const char *name)
{
    char *p;

    if ( asprintf(&p, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name) < 0 )
        return NULL;
    return p;
}
