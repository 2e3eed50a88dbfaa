/* SPDX-License-Identifier: GPL-2.0-only */
/* CPUID feature detection and per-CPU control register set-up. */
#include <xen/lib.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/system.h>

struct cpuinfo_x86 boot_cpu_data;
bool cpu_has_smap;

void identify_boot_cpu(void)
{
    struct cpuinfo_x86 *c = &boot_cpu_data;
    struct cpuid_leaf l;
    unsigned int i;

    cpuid(0, &l);
    c->max_leaf = l.a;
    memcpy(c->vendor + 0, &l.b, 4);
    memcpy(c->vendor + 4, &l.d, 4);
    memcpy(c->vendor + 8, &l.c, 4);
    c->vendor[12] = '\0';

    cpuid(1, &l);
    c->family = (l.a >> 8) & 0xf;
    c->model = (l.a >> 4) & 0xf;
    c->stepping = l.a & 0xf;
    if ( c->family == 0xf )
        c->family += (l.a >> 20) & 0xff;
    if ( c->family >= 6 )
        c->model += ((l.a >> 16) & 0xf) << 4;
    c->leaf1_c = l.c;
    c->leaf1_d = l.d;

    if ( c->max_leaf >= 7 )
    {
        cpuid_count(7, 0, &l);
        c->leaf7_b = l.b;
        c->leaf7_c = l.c;
    }

    cpuid(0x80000000, &l);
    c->max_ext_leaf = l.a;
    if ( c->max_ext_leaf >= 0x80000001 )
    {
        cpuid(0x80000001, &l);
        c->ext1_c = l.c;
        c->ext1_d = l.d;
    }
    if ( c->max_ext_leaf >= 0x80000004 )
    {
        for ( i = 0; i < 3; i++ )
        {
            cpuid(0x80000002 + i, &l);
            memcpy(c->model_id + 16 * i, &l, 16);
        }
        c->model_id[48] = '\0';
    }
    c->phys_bits = 36;
    c->virt_bits = 48;
    if ( c->max_ext_leaf >= 0x80000008 )
    {
        cpuid(0x80000008, &l);
        c->phys_bits = l.a & 0xff;
        c->virt_bits = (l.a >> 8) & 0xff;
    }
}

void print_cpu_info(void)
{
    const struct cpuinfo_x86 *c = &boot_cpu_data;
    const char *name = c->model_id;

    while ( *name == ' ' )
        name++;
    printk("CPU Vendor: %s, Family %u (%#x), Model %u (%#x), Stepping %u\n",
           c->vendor, c->family, c->family, c->model, c->model, c->stepping);
    printk("CPU: %s; %u physical, %u virtual address bits\n",
           *name ? name : "unknown model", c->phys_bits, c->virt_bits);
    printk("CPU features:%s%s%s%s%s%s%s\n",
           X86_FEATURE_NX(c) ? " nx" : "",
           X86_FEATURE_PGE(c) ? " pge" : "",
           X86_FEATURE_X2APIC(c) ? " x2apic" : "",
           X86_FEATURE_TSC_DEADLINE(c) ? " tsc-deadline" : "",
           X86_FEATURE_SMEP(c) ? " smep" : "",
           X86_FEATURE_SMAP(c) ? " smap" : "",
           X86_FEATURE_SVM(c) ? " svm" : "");
}

void cpu_init_features(void)
{
    const struct cpuinfo_x86 *c = &boot_cpu_data;
    unsigned long cr4 = read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;

    if ( X86_FEATURE_PGE(c) )
        cr4 |= X86_CR4_PGE;
    if ( X86_FEATURE_SMEP(c) )
        cr4 |= X86_CR4_SMEP;
    if ( X86_FEATURE_SMAP(c) )
    {
        cr4 |= X86_CR4_SMAP;
        cpu_has_smap = true;
    }
    write_cr4(cr4);
    write_cr0(read_cr0() | X86_CR0_WP);
    if ( X86_FEATURE_NX(c) )
        wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
}
