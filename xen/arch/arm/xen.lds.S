/* SPDX-License-Identifier: GPL-2.0-only */
/* Link map (arm64): the image is linked at XEN_VIRT_START, loaded anywhere
 * 2 MiB-aligned; the boot code maps it there. */
#include <asm/layout.h>

#define PAGE_SIZE 4096

OUTPUT_FORMAT("elf64-littleaarch64", "elf64-littleaarch64",
              "elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(start)

PHDRS
{
    image PT_LOAD;
}

SECTIONS
{
    . = XEN_VIRT_START;
    _start = .;

    .text :
    {
        _stext = .;
        *(.text.header)
        *(.text.entry)
        *(.text .text.*)
        _etext = .;
    } :image

    . = ALIGN(PAGE_SIZE);
    .rodata :
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
    .data :
    {
        _sdata = .;
        *(.data.page_aligned)
        *(.data .data.*)
        . = ALIGN(8);
        __got_start = .;
        *(.got .got.plt)
        __got_end = .;
        /* The file ends here: a whole page, so also whole PE file blocks. */
        . = ALIGN(PAGE_SIZE);
        _edata = .;
    } :image

    .bss (NOLOAD) :
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
    _image_size = _end - _start;

#ifdef CONFIG_EFI
    /* PE/COFF header fields (arm64/head.S): two sections, file = memory. */
    _efi_text_size = _srodata - _stext - 0x1000;
    _efi_data_rva = _srodata - _start;
    _efi_data_raw = _edata - _srodata;
    _efi_data_size = _end - _srodata;
    _efi_bss_size = _end - _edata;
    _efi_entry_rva = efi_entry - _start;
#endif

    /DISCARD/ :
    {
        *(.note .note.*)
        *(.comment)
        *(.eh_frame)
        *(.interp)
        *(.dynamic .dynsym .dynstr .hash .gnu.hash)
    }
}

ASSERT(_end - _start <= XEN_VIRT_SIZE, "image larger than its mapping")
#ifdef CONFIG_EFI
ASSERT(efi_header_end - _start == 0x1000, "PE headers must fill one page")
#endif
