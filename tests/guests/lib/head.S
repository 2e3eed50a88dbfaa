/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry point and Xen ELF notes of a 64-bit PV test guest. Built twice:
 * plain (hypercalls by raw SYSCALL, as current Linux) and with
 * -DGUEST_HYPERCALL_PAGE, which asks the builder for a hypercall page.
 */
#include <public/elfnote.h>

/* One "Xen" note: namesz, descsz, type, name, then the descriptor. */
.macro xen_note type:req, desc:vararg
    .pushsection .note.Xen, "a", @note
    .p2align 2
    .long 4
    .long .Lend\@ - .Lbegin\@
    .long \type
    .asciz "Xen"
    .p2align 2
.Lbegin\@:
    \desc
.Lend\@:
    .p2align 2
    .popsection
.endm

    xen_note XEN_ELFNOTE_GUEST_OS, .asciz "test-guest"
    xen_note XEN_ELFNOTE_XEN_VERSION, .asciz "xen-3.0"
    xen_note XEN_ELFNOTE_VIRT_BASE, .quad 0xffffffff80000000
    xen_note XEN_ELFNOTE_PADDR_OFFSET, .quad 0
    xen_note XEN_ELFNOTE_ENTRY, .quad _start
    xen_note XEN_ELFNOTE_FEATURES, .asciz "!writable_page_tables|pae_pgdir_above_4gb"
    /* XENFEAT_writable_page_tables (0) and XENFEAT_dom0 (11). */
    xen_note XEN_ELFNOTE_SUPPORTED_FEATURES, .long (1 << 0) | (1 << 11)
    xen_note XEN_ELFNOTE_PAE_MODE, .asciz "yes"
    xen_note XEN_ELFNOTE_LOADER, .asciz "generic"
    /* An L1 entry is a valid MFN when _PAGE_PRESENT is set. */
    xen_note XEN_ELFNOTE_L1_MFN_VALID, .quad 1, 1
#ifdef GUEST_HYPERCALL_PAGE
    xen_note XEN_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page
#endif

    .section .text.head, "ax", @progbits
    .code64
    .globl _start
_start:
    /* RSI = start_info; the builder's stack is ignored, like Linux does. */
    cld
    mov %rsi, %r12
    mov %rsp, %r13
    pushfq
    pop %r14
    lea __bss_start(%rip), %rdi
    lea __bss_end(%rip), %rcx
    sub %rdi, %rcx
    shr $3, %rcx
    xor %eax, %eax
    rep stosq
    /* Record the entry state for the start-of-day checks. */
    mov %r13, entry_rsp(%rip)
    mov %r14, entry_rflags(%rip)
    mov %cs, %ax
    mov %ax, entry_cs(%rip)
    mov %ss, %ax
    mov %ax, entry_ss(%rip)
    mov %ds, %ax
    mov %ax, entry_ds(%rip)
    mov %es, %ax
    mov %ax, entry_es(%rip)
    mov %fs, %ax
    mov %ax, entry_fs(%rip)
    mov %gs, %ax
    mov %ax, entry_gs(%rip)
    lea boot_stack_top(%rip), %rsp
    xor %ebp, %ebp
    mov %r12, %rdi
    call lib_start
    ud2

#ifdef GUEST_HYPERCALL_PAGE
    .section .text, "ax", @progbits
    .p2align 12
    .globl hypercall_page
hypercall_page:
    /* int3 everywhere, so a page the builder did not fill traps. */
    .fill 4096, 1, 0xcc
#endif

    .section .bss.page, "aw", @nobits
    .p2align 12
    .globl boot_stack
boot_stack:
    .skip 4 * 4096
    .globl boot_stack_top
boot_stack_top:
