/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * physdev: dom0's side of the hypervisor-owned interrupt hardware.
 * IO-APIC: apic_read/apic_write refuse an unknown IO-APIC; writes to
 * the ID register and to the destination half of an entry are ignored;
 * a redirection entry keeps the hypervisor's vector and destination and
 * is masked while unbound, but takes dom0's trigger mode and polarity,
 * and an unmasked write maps the pin to the PIRQ in its vector field;
 * SMI delivery is refused.  PHYSDEVOP_pirq_eoi_gmfn_v2: a bad frame is
 * refused, a second page -EBUSY; binding sets a level PIRQ's bit and
 * clears an edge one's.  MSI (QEMU devices from guest.conf): a 4-vector
 * MAP_PIRQ_TYPE_MULTI_MSI programs an aligned data value and 4 enabled
 * messages, its second PIRQ cannot be unmapped alone; 3 vectors are
 * refused (Xen 4.17 offers multi-message MSI only with interrupt
 * remapping, which QEMU's machine lacks: -EOPNOTSUPP is accepted unless
 * multi_msi=1, which guest.conf sets for our hypervisor).  While the
 * hypervisor owns a maskable MSI, dom0's writes to its address and data
 * through 0xCF8/0xCFC are dropped (not after the unmap); control writes
 * go through.  (Xen 4.17 filters only maskable MSIs, so only those are
 * tested.)
 */
#include "guest.h"
#include <public/physdev.h>

GUEST_NAME("physdev");

#define IOAPIC_BASE 0xfec00000UL
#define RTE_LEVEL   (1u << 15)
#define RTE_LOW     (1u << 13)
#define RTE_MASKED  (1u << 16)
#define LEVEL_GSI   22
#define EDGE_GSI    21

static long apic_op(unsigned int cmd, uint64_t base, uint32_t reg,
                    uint32_t *val)
{
    struct physdev_apic a = { .apic_physbase = base, .reg = reg,
                              .value = *val };
    long rc = hc_physdev_op(cmd, &a);

    *val = a.value;
    return rc;
}

static uint32_t apic_rd(uint32_t reg)
{
    uint32_t v = 0;

    CHECK_RC(apic_op(PHYSDEVOP_apic_read, IOAPIC_BASE, reg, &v), 0);
    return v;
}

static long apic_wr(uint32_t reg, uint32_t v)
{
    return apic_op(PHYSDEVOP_apic_write, IOAPIC_BASE, reg, &v);
}

static long bind_pirq(uint32_t pirq, evtchn_port_t *port)
{
    struct evtchn_bind_pirq b = { .pirq = pirq };
    long rc = hc_event_channel_op(EVTCHNOP_bind_pirq, &b);

    *port = b.port;
    return rc;
}

static bool eoi_bit(const unsigned long *map, unsigned int pirq)
{
    return READ_ONCE(map[pirq / 64]) & (1UL << (pirq % 64));
}

static void check_ioapic(void)
{
    uint32_t v, id, lo, hi, pins;

    v = 0;
    CHECK_RC(apic_op(PHYSDEVOP_apic_read, IOAPIC_BASE + 0x1000, 1, &v),
             -XEN_EINVAL);
    CHECK_RC(apic_op(PHYSDEVOP_apic_write, IOAPIC_BASE + 0x1000, 1, &v),
             -XEN_EINVAL);
    pins = ((apic_rd(1) >> 16) & 0xff) + 1;
    CHECK(pins > LEVEL_GSI, "IO-APIC has %u pins", pins);

    id = apic_rd(0);
    CHECK_RC(apic_wr(0, id ^ 0x0f000000), 0);
    CHECK(apic_rd(0) == id, "ID register written: %#x, was %#x",
          apic_rd(0), id);

    /* Level, active low, unmasked, "vector" = the PIRQ wanted. */
    CHECK_RC(apic_wr(0x10 + 2 * LEVEL_GSI,
                     LEVEL_GSI | RTE_LEVEL | RTE_LOW), 0);
    lo = apic_rd(0x10 + 2 * LEVEL_GSI);
    hi = apic_rd(0x11 + 2 * LEVEL_GSI);
    info("GSI %u entry %#x %#x", LEVEL_GSI, hi, lo);
    CHECK((lo & 0xff) != LEVEL_GSI && (lo & 0xff) >= 0x20,
          "vector %#x is dom0's, not the hypervisor's", lo & 0xff);
    CHECK((lo & (RTE_LEVEL | RTE_LOW)) == (RTE_LEVEL | RTE_LOW),
          "trigger/polarity not taken: %#x", lo);
    CHECK(lo & RTE_MASKED, "unbound level pin unmasked: %#x", lo);
    CHECK(((lo >> 8) & 7) <= 1, "delivery mode %u", (lo >> 8) & 7);

    /* The destination half is the hypervisor's. */
    CHECK_RC(apic_wr(0x11 + 2 * LEVEL_GSI, 0xab000000), 0);
    CHECK(apic_rd(0x11 + 2 * LEVEL_GSI) == hi, "destination written");

    /* SMI delivery is refused and changes nothing. */
    CHECK(apic_wr(0x10 + 2 * LEVEL_GSI, LEVEL_GSI | (2u << 8)) == -XEN_EINVAL,
          "SMI delivery mode accepted");
    CHECK(apic_rd(0x10 + 2 * LEVEL_GSI) == lo, "SMI write changed the pin");

    /* Edge, active high. */
    CHECK_RC(apic_wr(0x10 + 2 * EDGE_GSI, EDGE_GSI), 0);
    lo = apic_rd(0x10 + 2 * EDGE_GSI);
    CHECK(!(lo & (RTE_LEVEL | RTE_LOW)), "edge/high not taken: %#x", lo);
    CHECK((lo & 0xff) != EDGE_GSI, "vector %#x is dom0's", lo & 0xff);
}

static void check_eoi_map(void)
{
    struct physdev_pirq_eoi_gmfn g = { .gmfn = 0xfffffffffUL };
    struct physdev_irq_status_query q = { .irq = LEVEL_GSI };
    struct physdev_eoi e = { .irq = LEVEL_GSI };
    unsigned long *map = alloc_page();
    evtchn_port_t lport, eport;

    CHECK(hc_physdev_op(PHYSDEVOP_pirq_eoi_gmfn_v2, &g) == -XEN_EINVAL,
          "a frame we do not own accepted as the EOI map");
    map[LEVEL_GSI / 64] = 0;
    map[EDGE_GSI / 64] = ~0UL;          /* bind must clear the edge bit */
    g.gmfn = virt_to_mfn(map);
    CHECK_RC(hc_physdev_op(PHYSDEVOP_pirq_eoi_gmfn_v2, &g), 0);
    CHECK_RC(hc_physdev_op(PHYSDEVOP_pirq_eoi_gmfn_v2, &g), -XEN_EBUSY);
    CHECK_RC(hc_physdev_op(PHYSDEVOP_pirq_eoi_gmfn_v1, &g), -XEN_EBUSY);

    /* Both pins were mapped by their unmasked apic_write. */
    CHECK_RC(bind_pirq(LEVEL_GSI, &lport), 0);
    CHECK_RC(bind_pirq(EDGE_GSI, &eport), 0);
    CHECK(eoi_bit(map, LEVEL_GSI), "level PIRQ %u: EOI bit clear",
          LEVEL_GSI);
    CHECK(!eoi_bit(map, EDGE_GSI), "edge PIRQ %u: EOI bit set", EDGE_GSI);
    CHECK_RC(hc_physdev_op(PHYSDEVOP_irq_status_query, &q), 0);
    CHECK(q.flags & XENIRQSTAT_needs_eoi, "level PIRQ needs no EOI");
    CHECK_RC(hc_physdev_op(PHYSDEVOP_eoi, &e), 0);
    /* Bound, an entry written by dom0 changes nothing. */
    {
        uint32_t lo = apic_rd(0x10 + 2 * LEVEL_GSI);

        CHECK_RC(apic_wr(0x10 + 2 * LEVEL_GSI, LEVEL_GSI), 0);
        CHECK((apic_rd(0x10 + 2 * LEVEL_GSI) & ~RTE_MASKED) ==
              (lo & ~RTE_MASKED), "bound pin reprogrammed");
    }
    CHECK_RC(evtchn_close(lport), 0);
    CHECK_RC(evtchn_close(eport), 0);
}

/* ---- PCI configuration space through 0xCF8/0xCFC (emulated) ---- */

static void outl(uint32_t v, uint16_t port)
{
    asm volatile("outl %0, %w1" :: "a"(v), "Nd"(port));
}

static void outw(uint16_t v, uint16_t port)
{
    asm volatile("outw %0, %w1" :: "a"(v), "Nd"(port));
}

static uint32_t inl(uint16_t port)
{
    uint32_t v;

    asm volatile("inl %w1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static uint32_t cfg_rd(unsigned int devfn, unsigned int reg)
{
    outl(0x80000000u | (devfn << 8) | (reg & 0xfc), 0xcf8);
    return inl(0xcfc) >> ((reg & 3) * 8);
}

static void cfg_wr32(unsigned int devfn, unsigned int reg, uint32_t v)
{
    outl(0x80000000u | (devfn << 8) | reg, 0xcf8);
    outl(v, 0xcfc);
}

static void cfg_wr16(unsigned int devfn, unsigned int reg, uint16_t v)
{
    outl(0x80000000u | (devfn << 8) | (reg & 0xfc), 0xcf8);
    outw(v, 0xcfc + (reg & 2));
}

/* The MSI capability of a bus 0 function, or 0. */
static unsigned int msi_cap(unsigned int devfn)
{
    unsigned int pos, n;

    if ( (cfg_rd(devfn, 0) & 0xffff) == 0xffff ||
         !(cfg_rd(devfn, 6) & 0x10) )
        return 0;
    pos = cfg_rd(devfn, 0x34) & 0xfc;
    for ( n = 0; pos && n < 48; n++ )
    {
        if ( (cfg_rd(devfn, pos) & 0xff) == 0x05 )
            return pos;
        pos = (cfg_rd(devfn, pos + 1) & 0xfc);
    }
    return 0;
}

/* A bus 0 function whose MSI offers >= nvec messages (and mask bits). */
static int find_msi(unsigned int nvec, bool maskbit, unsigned int *cap)
{
    unsigned int devfn, c, ctrl;

    for ( devfn = 0; devfn < 256; devfn += 8 )
    {
        if ( !(c = msi_cap(devfn)) )
            continue;
        ctrl = cfg_rd(devfn, c + 2) & 0xffff;
        if ( (1u << ((ctrl >> 1) & 7)) >= nvec &&
             (!maskbit || (ctrl & 0x100)) )
        {
            *cap = c;
            return devfn;
        }
    }
    return -1;
}

/* Like Linux, report the device first: Xen without an IOMMU needs it. */
static long map_msi(int type, unsigned int devfn, int nr, int *pirq)
{
    struct physdev_pci_device_add add = { .seg = 0, .bus = 0,
                                          .devfn = devfn };
    struct physdev_map_pirq m = {
        .domid = DOMID_SELF, .type = type, .index = -1, .pirq = -1,
        .bus = 0, .devfn = devfn, .entry_nr = nr,
    };
    long rc = hc_physdev_op(PHYSDEVOP_pci_device_add, &add);

    if ( rc && rc != -XEN_EEXIST )
        return rc;
    rc = hc_physdev_op(PHYSDEVOP_map_pirq, &m);
    *pirq = m.pirq;
    return rc;
}

static long unmap(int pirq)
{
    struct physdev_unmap_pirq u = { .domid = DOMID_SELF, .pirq = pirq };

    return hc_physdev_op(PHYSDEVOP_unmap_pirq, &u);
}

static void check_multi_msi(void)
{
    unsigned int cap, ctrl, data;
    int devfn = find_msi(4, false, &cap), pirq;
    long rc;

    CHECK(devfn >= 0, "no device with a 4-message MSI (guest.conf)");
    CHECK(map_msi(MAP_PIRQ_TYPE_MULTI_MSI, devfn, 3, &pirq) < 0,
          "3 MSI vectors accepted");
    rc = map_msi(MAP_PIRQ_TYPE_MULTI_MSI, devfn, 4, &pirq);
    if ( rc == -XEN_EOPNOTSUPP && !cmdline_ulong("multi_msi", 0) )
    {
        info("multi-message MSI not offered (Xen: no interrupt remapping)");
        return;
    }
    CHECK(rc == 0 && pirq > 0, "4 MSI vectors: rc %ld pirq %d", rc, pirq);
    ctrl = cfg_rd(devfn, cap + 2) & 0xffff;
    data = cfg_rd(devfn, cap + ((ctrl & 0x80) ? 12 : 8)) & 0xffff;
    info("multi-MSI %02x.%u: PIRQ %d, control %#x, data %#x", devfn >> 3,
         devfn & 7, pirq, ctrl, data);
    CHECK(((ctrl >> 4) & 7) == 2, "%#x: not 4 messages enabled", ctrl);
    CHECK(!(data & 3) && (data & 0xff) >= 0x20, "data %#x", data);
    CHECK((cfg_rd(devfn, cap + 4) & 0xfff00000u) == 0xfee00000u,
          "address %#x", cfg_rd(devfn, cap + 4));
    CHECK(unmap(pirq + 1) < 0, "second PIRQ of the block unmapped alone");
    CHECK_RC(unmap(pirq), 0);
    CHECK(unmap(pirq + 1) < 0, "second PIRQ still mapped after the first");
}

static void check_msi_writes(void)
{
    unsigned int cap, ctrl, dreg, addr, data;
    int devfn = find_msi(1, true, &cap), pirq;

    CHECK(devfn >= 0, "no device with a maskable MSI (guest.conf)");
    CHECK_RC(map_msi(MAP_PIRQ_TYPE_MSI, devfn, 0, &pirq), 0);
    ctrl = cfg_rd(devfn, cap + 2) & 0xffff;
    dreg = cap + ((ctrl & 0x80) ? 12 : 8);
    addr = cfg_rd(devfn, cap + 4);
    data = cfg_rd(devfn, dreg) & 0xffff;
    info("MSI %02x.%u: PIRQ %d, address %#x, data %#x", devfn >> 3,
         devfn & 7, pirq, addr, data);

    cfg_wr32(devfn, cap + 4, addr ^ 0x1000);
    CHECK(cfg_rd(devfn, cap + 4) == addr, "address rewritten to %#x",
          cfg_rd(devfn, cap + 4));
    cfg_wr16(devfn, dreg, data ^ 0x10);
    CHECK((cfg_rd(devfn, dreg) & 0xffff) == data, "data rewritten to %#x",
          cfg_rd(devfn, dreg) & 0xffff);
    cfg_wr16(devfn, cap + 2, ctrl | 1);
    CHECK(cfg_rd(devfn, cap + 2) & 1, "MSI enable write dropped");
    cfg_wr16(devfn, cap + 2, ctrl & ~1u);
    CHECK(!(cfg_rd(devfn, cap + 2) & 1), "MSI disable write dropped");

    CHECK_RC(unmap(pirq), 0);
    cfg_wr32(devfn, cap + 4, addr ^ 0x1000);
    CHECK(cfg_rd(devfn, cap + 4) == (addr ^ 0x1000),
          "address write dropped after the unmap");
    cfg_wr32(devfn, cap + 4, addr);
}

void guest_main(void)
{
    struct physdev_set_iopl iopl = { .iopl = 1 };

    check_ioapic();
    check_eoi_map();
    CHECK_RC(hc_physdev_op(PHYSDEVOP_set_iopl, &iopl), 0);
    check_multi_msi();
    check_msi_writes();
}
