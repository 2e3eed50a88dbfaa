/* SPDX-License-Identifier: GPL-2.0-only */
/* xl: the subcommand table and what the subcommands share. */
#ifndef XL_H
#define XL_H

#include <stdint.h>

#include "xenctrl.h"

struct cmd_spec {
    const char *name;
    int (*main)(int argc, char **argv);
    const char *desc;
    const char *usage;
    const char *options; /* NULL when it takes none */
};

const struct cmd_spec *xl_lookup(const char *name);
void xl_help(const char *name);

/*
 * Parses a subcommand's options the way every subcommand does: -h
 * prints its help and exits 0, an unknown option exits 2.  Returns the
 * option letter or -1 at the end (optind is left at the first operand).
 */
int xl_getopt(int argc, char **argv, const char *opts, const char *cmd);

/* The control handle, opened on first use; exits with one line if not. */
struct xc_handle *xl_ctrl(void);

/* Prints "xl: WHAT: strerror(errno)" and a hint for ENOSYS/EACCES. */
void xl_perror(const char *what);

/* A domain's name from xenstore (malloc'd), or NULL when unknown. */
char *xl_domain_name(uint32_t domid);
/* The name xl shows: xenstore's, or "Domain-0" for 0 without one. */
char *xl_domain_label(uint32_t domid);
/*
 * The domain whose name (xl_domain_label) is name: -1 if none, -2 after
 * printing why the domains could not be listed.
 */
long xl_domid_by_name(const char *name);
/* A domain id from a number or a name; -1 with a message if neither. */
long xl_find_domain(const char *arg);
/*
 * After xl_getopt: fewer than want operands prints Xen's "'xl CMD'
 * requires at least N argument(s)." and the usage, and exits 2.
 */
void xl_need_args(int argc, int want, const char *cmd);

int main_info(int argc, char **argv);
int main_list(int argc, char **argv);
int main_dmesg(int argc, char **argv);
int main_uptime(int argc, char **argv);
int main_vcpulist(int argc, char **argv);
int main_domid(int argc, char **argv);
int main_domname(int argc, char **argv);
int main_pause(int argc, char **argv);
int main_unpause(int argc, char **argv);

#endif /* XL_H */
