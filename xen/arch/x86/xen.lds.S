/* SPDX-License-Identifier: GPL-2.0-only */
/* Link map: image linked at XEN_VIRT_START + phys, loaded at XEN_LOAD_ADDR. */
#include <asm/layout.h>

#define PAGE_SIZE 4096
#define LMA(s) AT(ADDR(s) - XEN_VIRT_START)

OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(start)

PHDRS
{
    image PT_LOAD;
}

SECTIONS
{
    . = XEN_VIRT_START + XEN_LOAD_ADDR;
    _start = .;

    .text : LMA(.text)
    {
        _stext = .;
        *(.text.header)
        *(.text.entry)
        *(.text .text.*)
        _etext = .;
    } :image

    . = ALIGN(PAGE_SIZE);
    .rodata : LMA(.rodata)
    {
        _srodata = .;
        *(.rodata .rodata.*)
        *(.data.rel.ro .data.rel.ro.*)
        . = ALIGN(8);
        __param_start = .;
        *(.data.param)
        __param_end = .;
        . = ALIGN(8);
        __start___ex_table = .;
        *(.ex_table)
        __stop___ex_table = .;
        . = ALIGN(8);
        *(.rodata.symbols)
        _erodata = .;
    } :image

    . = ALIGN(PAGE_SIZE);
    .data : LMA(.data)
    {
        _sdata = .;
        *(.data.page_aligned)
        *(.data .data.*)
        *(.got .got.plt)
        . = ALIGN(8);
        _edata = .;
    } :image

    .bss (NOLOAD) : LMA(.bss)
    {
        . = ALIGN(PAGE_SIZE);
        __bss_start = .;
        *(.bss.stack_aligned)
        . = ALIGN(PAGE_SIZE);
        *(.bss.page_aligned)
        . = ALIGN(PAGE_SIZE);
        __per_cpu_start = .;
        *(.bss.percpu)
        . = ALIGN(64);
        __per_cpu_end = .;
        *(.bss .bss.*)
        *(COMMON)
        . = ALIGN(PAGE_SIZE);
        __bss_end = .;
    } :image
    _end = .;

    /DISCARD/ :
    {
        *(.note .note.*)
        *(.comment)
        *(.eh_frame)
        *(.interp)
        *(.dynamic .dynsym .dynstr .hash .gnu.hash)
    }
}

ASSERT(_end - _start <= 0x1000000, "image larger than 16 MiB")
