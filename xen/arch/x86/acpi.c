/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal ACPI table parsing at boot: the RSDP (from the loader or the BIOS
 * areas), RSDT/XSDT, the MADT (CPUs, IO-APICs), the FADT (reset register,
 * PM1 control blocks) and the DSDT's \_S5 package for power-off.
 * Firmware tables are checked (signature, length, checksum) before use.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <asm/acpi.h>
#include <asm/page.h>

struct acpi_info acpi_info;

struct rsdp {
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt;
    uint32_t length;
    uint64_t xsdt;
    uint8_t ext_checksum;
    uint8_t reserved[3];
} __attribute__((__packed__));

struct sdt_header {
    char signature[4];
    uint32_t length;
    uint8_t revision, checksum;
    char oem_id[6], oem_table_id[8];
    uint32_t oem_revision, creator_id, creator_revision;
} __attribute__((__packed__));

#define MAX_TABLE_LEN (16u << 20)

static uint8_t sum_bytes(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint8_t s = 0;

    while ( n-- )
        s += *b++;
    return s;
}

static const struct rsdp *rsdp_at(paddr_t pa)
{
    const struct rsdp *r = __va(pa);

    if ( memcmp(r->signature, "RSD PTR ", 8) || sum_bytes(r, 20) )
        return NULL;
    if ( r->revision >= 2 &&
         (r->length < sizeof(*r) || r->length > 4096 ||
          sum_bytes(r, r->length)) )
        return NULL;
    return r;
}

static paddr_t scan_for_rsdp(paddr_t start, paddr_t len)
{
    paddr_t pa;

    for ( pa = start; pa + 20 <= start + len; pa += 16 )
        if ( rsdp_at(pa) )
            return pa;
    return 0;
}

static const struct sdt_header *table_at(paddr_t pa, const char *sig)
{
    const struct sdt_header *h;

    if ( !pa )
        return NULL;
    h = __va(pa);
    if ( (sig && memcmp(h->signature, sig, 4)) ||
         h->length < sizeof(*h) || h->length > MAX_TABLE_LEN ||
         sum_bytes(h, h->length) )
        return NULL;
    return h;
}

static void parse_madt(const struct sdt_header *h)
{
    const uint8_t *p = (const uint8_t *)h + sizeof(*h) + 8;
    const uint8_t *end = (const uint8_t *)h + h->length;

    acpi_info.lapic_addr = *(const uint32_t *)((const uint8_t *)h +
                                               sizeof(*h));
    while ( p + 2 <= end && p[1] >= 2 && p + p[1] <= end )
    {
        switch ( p[0] )
        {
        case 0:                         /* processor local APIC */
            if ( p[1] >= 8 && (p[4] & 1) && acpi_info.nr_cpus < NR_CPUS )
                acpi_info.apic_ids[acpi_info.nr_cpus++] = p[3];
            break;
        case 9:                         /* processor local x2APIC */
            if ( p[1] >= 16 && (p[8] & 1) && acpi_info.nr_cpus < NR_CPUS )
                acpi_info.apic_ids[acpi_info.nr_cpus++] =
                    *(const uint32_t *)(p + 4);
            break;
        case 1:                         /* IO-APIC */
            if ( p[1] >= 12 && acpi_info.nr_ioapics < MAX_IOAPICS )
            {
                unsigned int i = acpi_info.nr_ioapics++;

                acpi_info.ioapics[i].id = p[2];
                acpi_info.ioapics[i].addr = *(const uint32_t *)(p + 4);
                acpi_info.ioapics[i].gsi_base = *(const uint32_t *)(p + 8);
            }
            break;
        case 2:                         /* interrupt source override */
            if ( p[1] >= 10 && acpi_info.nr_overrides < 16 )
            {
                unsigned int i = acpi_info.nr_overrides++;

                acpi_info.overrides[i].irq = p[3];
                acpi_info.overrides[i].gsi = *(const uint32_t *)(p + 4);
                acpi_info.overrides[i].flags = *(const uint16_t *)(p + 8);
            }
            break;
        case 5:                         /* local APIC address override */
            if ( p[1] >= 12 )
                acpi_info.lapic_addr = *(const uint64_t *)(p + 4);
            break;
        }
        p += p[1];
    }
}

/* Find \_S5's package in AML and take its first two integers. */
static void find_s5(const struct sdt_header *dsdt)
{
    const uint8_t *p = (const uint8_t *)dsdt + sizeof(*dsdt);
    const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;
    uint8_t vals[2];
    unsigned int n;

    for ( ; p + 8 < end; p++ )
    {
        const uint8_t *q;

        if ( memcmp(p, "_S5_", 4) || p[4] != 0x12 )   /* PackageOp */
            continue;
        q = p + 5;
        q += 1 + (*q >> 6);             /* PkgLength */
        q++;                            /* NumElements */
        for ( n = 0; n < 2 && q < end; n++ )
        {
            if ( *q == 0x0a && q + 1 < end )    /* BytePrefix */
            {
                vals[n] = q[1];
                q += 2;
            }
            else if ( *q == 0x00 || *q == 0x01 )  /* Zero, One */
                vals[n] = *q++;
            else
                break;
        }
        if ( n == 2 )
        {
            acpi_info.have_s5 = true;
            acpi_info.s5_typa = vals[0] & 7;
            acpi_info.s5_typb = vals[1] & 7;
        }
        return;
    }
}

static void parse_fadt(const struct sdt_header *h)
{
    const uint8_t *f = (const uint8_t *)h;
    uint64_t dsdt = 0;

    acpi_info.have_fadt = true;
    if ( h->length >= 76 )
    {
        dsdt = *(const uint32_t *)(f + 40);
        acpi_info.smi_cmd = *(const uint32_t *)(f + 48);
        acpi_info.acpi_enable = f[52];
        acpi_info.pm1a_cnt = *(const uint32_t *)(f + 64);
        acpi_info.pm1b_cnt = *(const uint32_t *)(f + 68);
    }
    if ( h->length >= 129 && (*(const uint32_t *)(f + 112) & (1u << 10)) )
    {
        memcpy(&acpi_info.reset_reg, f + 116, sizeof(acpi_info.reset_reg));
        acpi_info.reset_value = f[128];
        acpi_info.reset_supported = true;
    }
    if ( h->length >= 148 && *(const uint64_t *)(f + 140) )
        dsdt = *(const uint64_t *)(f + 140);
    if ( h->length >= 184 )
    {
        const struct acpi_gas *x = (const void *)(f + 172);

        if ( x->space_id == ACPI_SPACE_IO && x->address && x->address < 0x10000 )
            acpi_info.pm1a_cnt = x->address;
    }
    h = table_at(dsdt, "DSDT");
    if ( h )
        find_s5(h);
}

int acpi_boot_init(paddr_t rsdp_hint)
{
    const struct rsdp *r = NULL;
    const struct sdt_header *root;
    paddr_t pa = 0;
    unsigned int i, n, width;

    if ( rsdp_hint && rsdp_at(rsdp_hint) )
        pa = rsdp_hint;
    if ( !pa )
        pa = scan_for_rsdp((paddr_t)*(const uint16_t *)__va(0x40e) << 4, 1024);
    if ( !pa )
        pa = scan_for_rsdp(0xe0000, 0x20000);
    if ( !pa )
    {
        printk(XENLOG_WARNING "ACPI: no RSDP found\n");
        return -ENODEV;
    }
    r = rsdp_at(pa);
    acpi_info.rsdp = pa;
    printk("ACPI: RSDP %08lx (v%02u %.6s)\n", (unsigned long)pa, r->revision,
           r->oem_id);

    width = 4;
    root = NULL;
    if ( r->revision >= 2 && r->xsdt )
    {
        root = table_at(r->xsdt, "XSDT");
        width = 8;
    }
    if ( !root )
    {
        root = table_at(r->rsdt, "RSDT");
        width = 4;
    }
    if ( !root )
    {
        printk(XENLOG_WARNING "ACPI: no valid RSDT/XSDT\n");
        return -EINVAL;
    }

    n = (root->length - sizeof(*root)) / width;
    for ( i = 0; i < n; i++ )
    {
        const uint8_t *ent = (const uint8_t *)root + sizeof(*root) + i * width;
        paddr_t tpa = width == 8 ? *(const uint64_t *)ent
                                 : *(const uint32_t *)ent;
        const struct sdt_header *t = table_at(tpa, NULL);

        if ( !t )
            continue;
        printk("ACPI: %.4s %08lx %05x (v%02u %.6s)\n", t->signature,
               (unsigned long)tpa, t->length, t->revision, t->oem_id);
        if ( !memcmp(t->signature, "APIC", 4) )
            parse_madt(t);
        else if ( !memcmp(t->signature, "FACP", 4) )
            parse_fadt(t);
    }
    return 0;
}
