/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xl: the command-line toolstack.  This file holds the entry point, the
 * subcommand table and help; each subcommand has its own file.  Exit
 * statuses and messages follow Xen's xl: no subcommand prints the usage
 * and exits 1, an unknown one says "command not implemented" (exit 1).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

static const struct cmd_spec cmd_table[] = {
    { "list", main_list, "List information about all/some domains",
      "[options] [Domain]\n",
      "-v, --verbose           Prints out UUIDs and security context" },
    { "info", main_info, "Get information about Xen host", "",
      "-n, --numa         List host NUMA topology information" },
    { "dmesg", main_dmesg, "Read and/or clear dmesg buffer", "",
      "  -c                        Clear dmesg buffer as well as printing it" },
    { "uptime", main_uptime, "Print uptime for all/some domains",
      "[-s] [Domain]", NULL },
    { "vcpu-list", main_vcpulist, "List the VCPUs for all/some domains",
      "[Domain, ...]", NULL },
    { "domid", main_domid, "Convert a domain name to domain id", "<DomainName>",
      NULL },
    { "domname", main_domname, "Convert a domain id to domain name",
      "<DomainId>", NULL },
    { "pause", main_pause, "Pause execution of a domain", "<Domain>", NULL },
    { "unpause", main_unpause, "Unpause a paused domain", "<Domain>", NULL },
};

#define NR_CMDS (sizeof(cmd_table) / sizeof(cmd_table[0]))

const struct cmd_spec *xl_lookup(const char *name)
{
    size_t i;

    for ( i = 0; i < NR_CMDS; i++ )
    {
        if ( !strcmp(cmd_table[i].name, name) )
            return &cmd_table[i];
    }
    return NULL;
}

void xl_help(const char *name)
{
    const struct cmd_spec *cmd;
    size_t i;

    if ( !name || !strcmp(name, "help") )
    {
        printf("Usage xl [-v] <subcommand> [args]\n\n");
        printf("xl full list of subcommands:\n\n");
        for ( i = 0; i < NR_CMDS; i++ )
            printf(" %-19s %s\n", cmd_table[i].name, cmd_table[i].desc);
        return;
    }
    cmd = xl_lookup(name);
    if ( !cmd )
    {
        printf("command \"%s\" not implemented\n", name);
        return;
    }
    printf("Usage: xl [-v] %s %s\n\n%s.\n\n", cmd->name, cmd->usage, cmd->desc);
    if ( cmd->options )
        printf("Options:\n\n%s\n", cmd->options);
}

int xl_getopt(int argc, char **argv, const char *opts, const char *cmd)
{
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "verbose", no_argument, NULL, 'v' },
        { "numa", no_argument, NULL, 'n' },
        { "clear", no_argument, NULL, 'c' },
        { NULL, 0, NULL, 0 },
    };
    char spec[32];
    int opt;

    snprintf(spec, sizeof(spec), "+h%s", opts);
    opt = getopt_long(argc, argv, spec, longopts, NULL);
    if ( opt == 'h' )
    {
        xl_help(cmd);
        exit(EXIT_SUCCESS);
    }
    if ( opt == '?' || (opt > 0 && !strchr(opts, opt)) )
    {
        fprintf(stderr, "option `%c' not supported.\n", optopt ? optopt : opt);
        exit(2);
    }
    return opt;
}

int main(int argc, char **argv)
{
    const struct cmd_spec *cmd;
    int opt;

    /* Global options: -v is accepted (there is no logging to raise). */
    while ( (opt = getopt(argc, argv, "+v")) >= 0 )
    {
        if ( opt != 'v' )
        {
            fprintf(stderr, "unknown global option\n");
            return EXIT_FAILURE;
        }
    }
    if ( optind >= argc )
    {
        xl_help(NULL);
        return EXIT_FAILURE;
    }
    argv += optind;
    argc -= optind;
    optind = 1;
    opterr = 0;

    cmd = xl_lookup(argv[0]);
    if ( cmd )
        return cmd->main(argc, argv);
    if ( !strcmp(argv[0], "help") )
    {
        xl_help(argc > 1 ? argv[1] : NULL);
        return EXIT_SUCCESS;
    }
    fprintf(stderr, "command not implemented\n");
    return EXIT_FAILURE;
}
