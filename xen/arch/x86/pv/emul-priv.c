/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Emulation of the privileged instructions a PV guest kernel executes in
 * ring 3: CPUID (through the forced-emulation prefix), RDMSR/WRMSR, moves
 * to and from control registers, port I/O (with the domain's permission),
 * HLT, WBINVD/INVD, CLTS, and software interrupts through the trap table.
 */
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/pci.h>
#include <asm/processor.h>
#include <asm/pv.h>
#include <asm/system.h>
#include <asm/uaccess.h>

#define MSR_IA32_PLATFORM_ID    0x00000017
#define MSR_IA32_EBL_CR_POWERON 0x0000002a
#define MSR_IA32_MISC_ENABLE    0x000001a0
#define MSR_IA32_PAT            0x00000277
#define MSR_MTRRcap             0x000000fe
#define MSR_MTRRdefType         0x000002ff
#define MSR_IA32_UCODE_REV      0x0000008b
#define MSR_IA32_ARCH_CAPS      0x0000010a
#define MSR_IA32_SPEC_CTRL      0x00000048
#define MSR_IA32_PRED_CMD       0x00000049
#define MSR_AMD64_DE_CFG        0xc0011029
#define MSR_K8_SYSCFG           0xc0010010
/* The fixed PAT a PV guest sees (Xen's layout). */
#define PV_PAT                  0x0000050100070406UL


/* The hypervisor's CPUID leaves (at 0x40000000). */
static void hypervisor_cpuid(uint32_t leaf, struct cpuid_leaf *r)
{
    memset(r, 0, sizeof(*r));
    switch ( leaf - 0x40000000 )
    {
    case 0:
        r->a = 0x40000005;
        memcpy(&r->b, "XenV", 4);
        memcpy(&r->c, "MMXe", 4);
        memcpy(&r->d, "nVMM", 4);
        break;
    case 1:
        r->a = (XEN_VERSION_MAJOR << 16) | XEN_VERSION_MINOR;
        break;
    case 2:
        r->a = 1;                       /* hypercall pages */
        r->b = 0x40000000;              /* MSR to place one */
        break;
    case 5:
        r->b = boot_cpu_data.phys_bits;  /* machine address width */
        break;
    }
}

void pv_cpuid(uint32_t leaf, uint32_t sub, struct cpuid_leaf *r);
void pv_cpuid(uint32_t leaf, uint32_t sub, struct cpuid_leaf *r)
{
    if ( (leaf & 0xffff0000) == 0x40000000 )
    {
        if ( leaf <= 0x40000005 )
            hypervisor_cpuid(leaf, r);
        else
            memset(r, 0, sizeof(*r));
        return;
    }
    cpuid_count(leaf, sub, r);
    switch ( leaf )
    {
    case 1:
        /* No VMX/SMX/EST/TM2/MONITOR/x2APIC/TSC-deadline/PCID/DCA. */
        r->c &= ~((1u << 3) | (1u << 5) | (1u << 6) | (1u << 7) |
                  (1u << 8) | (1u << 17) | (1u << 18) | (1u << 21) |
                  (1u << 24));
        r->c |= 1u << 31;               /* running on a hypervisor */
        /*
         * PV page tables have no superpages or global pages, and the
         * guest has no MTRRs, VME, debug extensions or machine check:
         * hide PSE, PSE36, PGE, MTRR, VME, DE, MCE, MCA, and the
         * thermal/monitoring bits (DS, ACPI, TM, PBE).
         */
        r->d &= ~((1u << 1) | (1u << 2) | (1u << 3) | (1u << 7) |
                  (1u << 12) | (1u << 13) | (1u << 14) | (1u << 17) |
                  (1u << 21) | (1u << 22) | (1u << 29) | (1u << 31));
        break;
    case 7:
        if ( sub == 0 )
        {
            /* FSGSBASE, SMEP, INVPCID, SMAP are the hypervisor's. */
            r->b &= ~((1u << 0) | (1u << 7) | (1u << 10) | (1u << 20));
        }
        break;
    case 5:
    case 6:
        memset(r, 0, sizeof(*r));       /* MONITOR leaves, power mgmt */
        break;
    case 0xa:
        memset(r, 0, sizeof(*r));       /* no vPMU */
        break;
    case 0x80000001:
        r->c &= ~(1u << 2);             /* SVM */
        r->d &= ~(1u << 26);            /* 1 GiB pages */
        break;
    }
}

/* Read up to 'n' instruction bytes at the guest's RIP. */
static int fetch(const struct cpu_user_regs *regs, uint8_t *buf, size_t n)
{
    size_t i;

    /* Byte by byte, so that bytes before an unmapped page still count. */
    for ( i = 0; i < n; i++ )
        if ( copy_from_guest_va(&buf[i], regs->rip + i, 1) )
            break;
    return i;
}

int pv_emulate_forced_cpuid(struct cpu_user_regs *regs)
{
    static const uint8_t sig[] = { 0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2 };
    uint8_t insn[sizeof(sig)];
    struct cpuid_leaf r;

    if ( !current->arch.pv.in_kernel ||
         fetch(regs, insn, sizeof(insn)) != sizeof(insn) ||
         memcmp(insn, sig, sizeof(sig)) )
        return 0;
    pv_cpuid(regs->rax, regs->rcx, &r);
    regs->rax = r.a;
    regs->rbx = r.b;
    regs->rcx = r.c;
    regs->rdx = r.d;
    regs->rip += sizeof(sig);
    return 1;
}

/*
 * "int $n" from the guest faults (#GP) because our gates are DPL 0: if the
 * guest's trap table allows ring 3 for that vector, deliver it there.
 */
int pv_emulate_int_n(struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    uint8_t insn[2];
    const struct trap_info *ti;

    if ( (regs->error_code & 3) != 2 || fetch(regs, insn, 2) != 2 ||
         insn[0] != 0xcd )
        return 0;
    ti = &v->arch.pv.trap_ctxt[insn[1]];
    if ( !ti->address || TI_GET_DPL(ti) < 3 )
        return 0;
    regs->rip += 2;
    pv_inject_exception(regs, insn[1], -1);
    return 1;
}

static bool msr_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
    switch ( msr )
    {
    case MSR_FS_BASE:
        *val = rdmsr(MSR_FS_BASE);
        return true;
    case MSR_GS_BASE:
        *val = v->arch.pv.in_kernel ? rdmsr(MSR_GS_BASE)
                                    : rdmsr(MSR_SHADOW_GS_BASE);
        return true;
    case MSR_SHADOW_GS_BASE:
        *val = v->arch.pv.in_kernel ? rdmsr(MSR_SHADOW_GS_BASE)
                                    : rdmsr(MSR_GS_BASE);
        return true;
    case MSR_EFER:
        *val = rdmsr(MSR_EFER) & ~EFER_SCE;
        return true;
    case MSR_IA32_APICBASE:
        *val = 0xfee00000UL | APICBASE_ENABLE |
               (v->vcpu_id == 0 ? APICBASE_BSP : 0);
        return true;
    case MSR_IA32_PAT:
        *val = PV_PAT;
        return true;
    case MSR_MTRRcap:
    case MSR_MTRRdefType:
    case MSR_IA32_PLATFORM_ID:
    case MSR_IA32_EBL_CR_POWERON:
    case MSR_IA32_UCODE_REV:
    case MSR_IA32_SPEC_CTRL:
    case MSR_K8_SYSCFG:
        *val = 0;
        return true;
    case MSR_IA32_MISC_ENABLE:
        *val = (1UL << 0) | (1UL << 11) | (1UL << 12);   /* no BTS/PEBS */
        return true;
    }
    return false;
}

static bool msr_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
    switch ( msr )
    {
    case MSR_FS_BASE:
        return do_set_segment_base(SEGBASE_FS, val) == 0;
    case MSR_GS_BASE:
        /* Linux's startup_xen writes this before its pv ops are live. */
        return do_set_segment_base(v->arch.pv.in_kernel ? SEGBASE_GS_KERNEL
                                                        : SEGBASE_GS_USER,
                                   val) == 0;
    case MSR_SHADOW_GS_BASE:
        return do_set_segment_base(v->arch.pv.in_kernel ? SEGBASE_GS_USER
                                                        : SEGBASE_GS_KERNEL,
                                   val) == 0;
    case MSR_IA32_PAT:
        return val == PV_PAT;
    case MSR_IA32_SPEC_CTRL:
    case MSR_IA32_PRED_CMD:
    case MSR_IA32_UCODE_REV:
    case MSR_AMD64_DE_CFG:
    case MSR_IA32_MISC_ENABLE:
        return true;                    /* accepted and ignored */
    }
    return false;
}

/*
 * Ports the hypervisor keeps for itself.  The PIT is used only for TSC
 * calibration at boot, so dom0 (which calibrates with channel 2 too)
 * gets it.
 */
static bool port_is_hypervisors(unsigned int port, unsigned int bytes)
{
    static const struct { uint16_t s, e; } own[] = {
        { 0x20, 0x21 }, { 0xa0, 0xa1 },     /* 8259 PICs */
        { 0x3f8, 0x3ff },                   /* COM1: our console */
        { 0x4d0, 0x4d1 },                   /* ELCR */
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(own); i++ )
        if ( port <= own[i].e && port + bytes - 1 >= own[i].s )
            return true;
    return false;
}

/* May the guest execute I/O instructions at all (else #GP)? */
static bool io_allowed(const struct vcpu *v, unsigned int port,
                       unsigned int bytes)
{
    return v->arch.pv.in_kernel && v->arch.pv.iopl >= 1 &&
           port + bytes <= 0x10000;
}

/*
 * Does the access reach the hardware?  Ports the domain may not use read
 * as all ones and ignore writes (as on Xen), so probing drivers live.
 */
static bool io_reaches_hw(const struct vcpu *v, unsigned int port,
                          unsigned int bytes)
{
    return v->domain->arch.io_privileged &&
           !port_is_hypervisors(port, bytes);
}

static uint32_t port_in(unsigned int port, unsigned int bytes)
{
    switch ( bytes )
    {
    case 1: return inb(port);
    case 2: return inw(port);
    default: return inl(port);
    }
}

static void port_out(unsigned int port, unsigned int bytes, uint32_t val)
{
    switch ( bytes )
    {
    case 1: outb(val, port); break;
    case 2: outw(val, port); break;
    default: outl(val, port); break;
    }
}

static unsigned long *gpr(struct cpu_user_regs *r, unsigned int n)
{
    switch ( n )
    {
    case 0: return (unsigned long *)&r->rax;
    case 1: return (unsigned long *)&r->rcx;
    case 2: return (unsigned long *)&r->rdx;
    case 3: return (unsigned long *)&r->rbx;
    case 4: return (unsigned long *)&r->rsp;
    case 5: return (unsigned long *)&r->rbp;
    case 6: return (unsigned long *)&r->rsi;
    case 7: return (unsigned long *)&r->rdi;
    case 8: return (unsigned long *)&r->r8;
    case 9: return (unsigned long *)&r->r9;
    case 10: return (unsigned long *)&r->r10;
    case 11: return (unsigned long *)&r->r11;
    case 12: return (unsigned long *)&r->r12;
    case 13: return (unsigned long *)&r->r13;
    case 14: return (unsigned long *)&r->r14;
    default: return (unsigned long *)&r->r15;
    }
}

static unsigned long guest_cr0(const struct vcpu *v)
{
    /* PE MP ET NE WP AM PG, plus the virtual TS. */
    return 0x80050033UL | (v->arch.pv.ctrlreg[0] & X86_CR0_TS);
}

static void set_io_result(struct cpu_user_regs *regs, unsigned int bytes,
                          uint32_t val)
{
    if ( bytes == 4 )
        regs->rax = val;
    else if ( bytes == 2 )
        regs->rax = (regs->rax & ~0xffffUL) | (val & 0xffff);
    else
        regs->rax = (regs->rax & ~0xffUL) | (val & 0xff);
}

/* 1 if the instruction at RIP was emulated (RIP advanced), else 0. */
int pv_emulate_privileged(struct cpu_user_regs *regs)
{
    struct vcpu *v = current;
    uint8_t b[16];
    unsigned int n = fetch(regs, b, sizeof(b)), i = 0, rex = 0;
    bool opsz16 = false;

    /* Legacy prefixes we accept, then REX. */
    while ( i < n && (b[i] == 0x66 || b[i] == 0xf3 || b[i] == 0xf2) )
        opsz16 |= b[i++] == 0x66;
    if ( i < n && (b[i] & 0xf0) == 0x40 )
        rex = b[i++];
    if ( i >= n )
        return 0;

    switch ( b[i] )
    {
    case 0xe4: case 0xe5: case 0xec: case 0xed:     /* in */
    case 0xe6: case 0xe7: case 0xee: case 0xef:     /* out */
    {
        bool imm = !(b[i] & 0x08);
        bool is_out = b[i] & 0x02;
        unsigned int bytes = (b[i] & 1) ? (opsz16 ? 2 : 4) : 1;
        unsigned int port;

        if ( imm && i + 1 >= n )
            return 0;
        port = imm ? b[i + 1] : (regs->rdx & 0xffff);
        if ( !io_allowed(v, port, bytes) )
            return 0;
        if ( port >= 0xcf8 && port + bytes <= 0xd00 &&
             v->domain->arch.io_privileged )
        {
            /* PCI configuration: shared with the hypervisor. */
            if ( is_out )
                pci_guest_cfg_out(&v->domain->arch.pci_cf8, port, bytes,
                                  regs->rax);
            else
                set_io_result(regs, bytes,
                              pci_guest_cfg_in(&v->domain->arch.pci_cf8,
                                               port, bytes));
        }
        else if ( !io_reaches_hw(v, port, bytes) )
        {
            if ( !is_out )
                set_io_result(regs, bytes, ~0u);
        }
        else if ( is_out )
            port_out(port, bytes, regs->rax);
        else
            set_io_result(regs, bytes, port_in(port, bytes));
        regs->rip += i + (imm ? 2 : 1);
        return 1;
    }
    case 0xfa:                                      /* cli */
    case 0xfb:                                      /* sti */
        /*
         * With virtual IOPL the kernel may execute these; they cannot
         * touch the real flag, and mapping them onto the event mask
         * would go wrong with a later POPF: they do nothing, as on Xen.
         */
        if ( v->arch.pv.iopl < 1 )
            return 0;
        regs->rip += i + 1;
        return 1;
    case 0xf4:                                      /* hlt */
        regs->rip += i + 1;
        v->vcpu_info->evtchn_upcall_mask = 0;
        vcpu_block();
        return 1;
    case 0x0f:
        break;
    default:
        return 0;
    }

    if ( ++i >= n )
        return 0;
    switch ( b[i] )
    {
    case 0x06:                                      /* clts */
        do_fpu_taskswitch(0);
        regs->rip += i + 1;
        return 1;
    case 0x08:                                      /* invd */
    case 0x09:                                      /* wbinvd */
        if ( v->domain->arch.io_privileged )
            __asm__ __volatile__("wbinvd" ::: "memory");
        regs->rip += i + 1;
        return 1;
    case 0x30:                                      /* wrmsr */
        if ( !msr_write(v, regs->rcx, (regs->rdx << 32) |
                                      (uint32_t)regs->rax) )
            return 0;
        regs->rip += i + 1;
        return 1;
    case 0x32:                                      /* rdmsr */
    {
        uint64_t val;

        if ( !msr_read(v, regs->rcx, &val) )
            return 0;
        regs->rax = (uint32_t)val;
        regs->rdx = val >> 32;
        regs->rip += i + 1;
        return 1;
    }
    case 0x20:                                      /* mov cr, reg */
    case 0x22:                                      /* mov reg, cr */
    {
        unsigned int modrm, cr, reg;
        unsigned long *r;

        if ( i + 1 >= n )
            return 0;
        modrm = b[i + 1];
        if ( (modrm >> 6) != 3 )
            return 0;
        cr = ((modrm >> 3) & 7) | ((rex & 4) ? 8 : 0);
        reg = (modrm & 7) | ((rex & 1) ? 8 : 0);
        r = gpr(regs, reg);
        if ( b[i] == 0x20 )
        {
            switch ( cr )
            {
            case 0: *r = guest_cr0(v); break;
            case 2: *r = v->vcpu_info->arch.cr2; break;
            case 3:
                *r = (v->arch.pv.in_kernel || !v->arch.pv.guest_table_user
                      ? v->arch.pv.guest_table
                      : v->arch.pv.guest_table_user) << PAGE_SHIFT;
                break;
            case 4: *r = v->arch.pv.ctrlreg[4]; break;
            default: return 0;
            }
        }
        else
        {
            switch ( cr )
            {
            case 0:
                /* Only TS may change. */
                if ( (*r ^ guest_cr0(v)) & ~X86_CR0_TS )
                    return 0;
                do_fpu_taskswitch(!!(*r & X86_CR0_TS));
                break;
            case 2:
                v->vcpu_info->arch.cr2 = *r;
                break;
            case 3:
                if ( pv_vcpu_set_baseptr(v, *r >> PAGE_SHIFT, false) )
                    return 0;
                break;
            case 4:
                /* Guests may not change what the hypervisor owns. */
                v->arch.pv.ctrlreg[4] = *r & (X86_CR4_OSFXSR |
                                              X86_CR4_OSXMMEXCPT);
                break;
            default:
                return 0;
            }
        }
        regs->rip += i + 2;
        return 1;
    }
    }
    return 0;
}
