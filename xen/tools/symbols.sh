#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Emit the symbol table of a linked image as assembly: sorted text symbol
# addresses, offsets into a name blob, and the blob. Usage: symbols.sh NM ELF
nm=$1
elf=$2
$nm -n --defined-only "$elf" | awk '
BEGIN { n = 0 }
$2 ~ /^[TtWw]$/ && $3 !~ /^\.L/ {
    addr[n] = $1; name[n] = $3; n++
}
END {
    print "\t.section .rodata.symbols, \"a\", @progbits"
    print "\t.balign 8"
    print "\t.globl symbols_count"
    print "symbols_count:"
    printf "\t.quad %d\n", n
    print "\t.globl symbols_addrs"
    print "symbols_addrs:"
    for (i = 0; i < n; i++)
        printf "\t.quad 0x%s\n", addr[i]
    print "\t.globl symbols_name_offs"
    print "symbols_name_offs:"
    off = 0
    for (i = 0; i < n; i++) {
        printf "\t.long %d\n", off
        off += length(name[i]) + 1
    }
    print "\t.globl symbols_names"
    print "symbols_names:"
    for (i = 0; i < n; i++)
        printf "\t.asciz \"%s\"\n", name[i]
}'
