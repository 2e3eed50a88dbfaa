/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copies to and from guest virtual addresses.  A fault in the copy is
 * caught through the exception table and reported as the number of bytes
 * not copied; the caller has already range-checked the guest address.
 * SMAP is opened (stac) only around the copy, when the CPU has it.
 */
        .section .text, "ax", @progbits

/* unsigned long __raw_copy(void *to, const void *from, size_t n) */
        .globl  __raw_copy
__raw_copy:
        cmpb    $0, cpu_has_smap(%rip)
        je      1f
        stac
1:      mov     %rdx, %rcx
2:      rep movsb
3:      mov     %rcx, %rax
        cmpb    $0, cpu_has_smap(%rip)
        je      4f
        clac
4:      ret

/* unsigned long __raw_clear(void *to, size_t n) */
        .globl  __raw_clear
__raw_clear:
        cmpb    $0, cpu_has_smap(%rip)
        je      1f
        stac
1:      mov     %rsi, %rcx
        xor     %eax, %eax
5:      rep stosb
6:      mov     %rcx, %rax
        cmpb    $0, cpu_has_smap(%rip)
        je      7f
        clac
7:      ret

        .section .ex_table, "a", @progbits
        .balign 8
        .quad   2b, 3b
        .quad   5b, 6b

/* int load_user_gs_sel(unsigned int sel): swapgs; mov sel, %gs; swapgs */
        .section .text, "ax", @progbits
        .globl  load_user_gs_sel
load_user_gs_sel:
        xor     %eax, %eax
        swapgs
8:      mov     %edi, %gs
9:      swapgs
        ret
10:     mov     $-22, %eax                      /* -EINVAL */
        jmp     9b

        .section .ex_table, "a", @progbits
        .balign 8
        .quad   8b, 10b
