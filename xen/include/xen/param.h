/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Boot options: every option is one entry in a table built by the linker
 * from the *_param() declarations below (section .data.param).
 */
#ifndef XEN_PARAM_H
#define XEN_PARAM_H

#include <xen/compiler.h>
#include <xen/types.h>

enum param_type {
    OPT_STR,      /* char array; value copied, NUL-terminated, length-checked */
    OPT_UINT,     /* unsigned integer of size 1, 2, 4 or 8 */
    OPT_BOOL,     /* bool */
    OPT_SIZE,     /* uint64_t size with K/M/G/T suffix (default unit KiB) */
    OPT_CUSTOM,   /* int fn(const char *value): 0 or -E*; applies atomically */
};

struct kernel_param {
    const char *name;
    enum param_type type;
    unsigned int len;             /* size of the variable */
    union {
        void *var;
        int (*func)(const char *val);
    } par;
};

#define __param_entry(nm) \
    static const struct kernel_param __param_##nm __used \
        __section(".data.param") __aligned(sizeof(void *))

#define boolean_param(name, v) \
    __param_entry(v) = { name, OPT_BOOL, sizeof(v), { .var = &(v) } }
#define integer_param(name, v) \
    __param_entry(v) = { name, OPT_UINT, sizeof(v), { .var = &(v) } }
#define size_param(name, v) \
    __param_entry(v) = { name, OPT_SIZE, sizeof(v), { .var = &(v) } }
#define string_param(name, v) \
    __param_entry(v) = { name, OPT_STR, sizeof(v), { .var = &(v) } }
#define custom_param(name, fn) \
    __param_entry(fn) = { name, OPT_CUSTOM, 0, { .func = (fn) } }

extern const struct kernel_param __param_start[], __param_end[];

/* Longest option name, and longest value kept for one option. */
#define MAX_PARAM_NAME   64
#define MAX_PARAM_VALUE  256

/*
 * Parse a command line against a table.  Unknown options and malformed
 * values are logged and skipped; a malformed value leaves the variable
 * unchanged.  Returns the number of options that were rejected.
 */
int parse_params(const char *cmdline, const struct kernel_param *start,
                 const struct kernel_param *end);

/* Parse the hypervisor command line against the built-in table. */
void cmdline_parse(const char *cmdline);
extern char saved_cmdline[];

/*
 * Helpers for custom handlers.
 * parse_bool: 1 for true words (1 yes true on enable), 0 for false words,
 * -1 otherwise; [s, e) is the word (e NULL means NUL-terminated).
 * parse_size_and_unit: number with optional B/K/M/G/T suffix (no suffix
 * means KiB); *ps points after what was used.
 */
int parse_bool(const char *s, const char *e);
uint64_t parse_size_and_unit(const char *s, const char **ps);

#endif /* XEN_PARAM_H */
