/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Instructions that are expected to trap. Each has an __ex_table entry
 * (RIP as the trap reports it, fixup); trap_entry() records the trap in
 * last_trap and resumes at the fixup, which returns 1.
 */
.macro extable insn, fixup
    .pushsection __ex_table, "a"
    .balign 8
    .quad \insn, \fixup
    .popsection
.endm

    .text
/* int probe_read(const volatile void *p, uint64_t *val) */
    .globl probe_read
probe_read:
1:  mov (%rdi), %rax
    mov %rax, (%rsi)
    xor %eax, %eax
    ret
    extable 1b, fixup_ret1

/* int probe_write(volatile void *p, uint64_t val) */
    .globl probe_write
probe_write:
1:  mov %rsi, (%rdi)
    xor %eax, %eax
    ret
    extable 1b, fixup_ret1

    .globl probe_ud2
probe_ud2:
1:  ud2
    xor %eax, %eax
    ret
    extable 1b, fixup_ret1

/* int3 is a trap: the reported RIP is the next instruction. */
    .globl probe_int3
probe_int3:
    int3
1:  xor %eax, %eax
    ret
    extable 1b, fixup_ret1

    .globl probe_div0
probe_div0:
    xor %ecx, %ecx
    mov $1, %eax
    xor %edx, %edx
1:  div %ecx
    xor %eax, %eax
    ret
    extable 1b, fixup_ret1

/*
 * int probe_exec(const void *code): calls code, which must end in ret.
 * A fault on the first byte of code resumes here with 1.
 */
    .globl probe_exec
probe_exec:
    push %rbx
    mov %rdi, probe_exec_target(%rip)
    call *%rdi
    pop %rbx
    movq $0, probe_exec_target(%rip)
    xor %eax, %eax
    ret

/* Fixup for probe_exec: the faulting RIP is the target itself. */
    .globl probe_exec_fixup
probe_exec_fixup:
    /* Stack: return address pushed by the call, then saved RBX. */
    add $8, %rsp
    pop %rbx
    movq $0, probe_exec_target(%rip)
    mov $1, %eax
    ret

fixup_ret1:
    mov $1, %eax
    ret

/* void xen_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4]) */
    .globl xen_cpuid
xen_cpuid:
    push %rbx
    mov %rdx, %r8
    mov %edi, %eax
    mov %esi, %ecx
    /* Forced emulation: ud2 ; .ascii "xen" ; cpuid */
    .byte 0x0f, 0x0b, 0x78, 0x65, 0x6e
    cpuid
    mov %eax, 0(%r8)
    mov %ebx, 4(%r8)
    mov %ecx, 8(%r8)
    mov %edx, 12(%r8)
    pop %rbx
    ret
