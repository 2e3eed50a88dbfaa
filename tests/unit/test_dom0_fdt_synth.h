/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0_fdt tests on a hand-made host tree (no QEMU needed): a UART behind
 * a bus with ranges, PPI users, passthrough and status, /chosen with
 * modules and xen,* properties, a second GIC, 1-cell root addresses, and
 * the error paths.  Included by test_dom0_fdt.c.
 */

#define SYN_V2          (1u << 0)   /* primary GIC is a GICv2 with v2m */
#define SYN_NO_PHANDLE  (1u << 1)   /* the GIC has no phandle */
#define SYN_NO_CPUS     (1u << 2)
#define SYN_NO_GIC      (1u << 3)

#define SYN_UART        0x1c090000u

static char syn_buf[16384];

#define SW(call) assert_int_equal((call), 0)
#define CELLS(name, ...)                                                   \
    do {                                                                   \
        const uint32_t c_[] = { __VA_ARGS__ };                             \
        fdt32_t b_[ARRAY_SIZE(c_)];                                        \
        unsigned int i_;                                                   \
                                                                           \
        for ( i_ = 0; i_ < ARRAY_SIZE(c_); i_++ )                          \
            b_[i_] = cpu_to_fdt32(c_[i_]);                                 \
        SW(fdt_property(t, name, b_, sizeof(b_)));                         \
    } while ( 0 )
#define STR(name, s) SW(fdt_property(t, name, s, sizeof(s)))
#define EMPTY(name) SW(fdt_property(t, name, NULL, 0))
#define BEGIN(name) SW(fdt_begin_node(t, name))
#define END() SW(fdt_end_node(t))

static void syn_gic(void *t, unsigned int flags)
{
    if ( flags & SYN_V2 )
    {
        BEGIN("interrupt-controller@2c001000");
        STR("compatible", "arm,gic-400");
        CELLS("reg", 0x2c001000, 0x1000, 0x2c002000, 0x2000,
              0x2c004000, 0x2000, 0x2c006000, 0x2000);
        CELLS("#interrupt-cells", 3);
        EMPTY("interrupt-controller");
        CELLS("#address-cells", 1);
        CELLS("#size-cells", 1);
        CELLS("ranges", 0x0, 0x2c000000, 0x100000);
        if ( !(flags & SYN_NO_PHANDLE) )
            CELLS("phandle", 1);
        CELLS("interrupts", 1, 9, 0xf04);
        BEGIN("v2m@80000");
        STR("compatible", "arm,gic-v2m-frame");
        EMPTY("msi-controller");
        CELLS("reg", 0x80000, 0x1000);
        CELLS("arm,msi-base-spi", 0x60);
        CELLS("arm,msi-num-spis", 0x20);
        CELLS("phandle", 2);
        END();
        END();
        return;
    }
    BEGIN("interrupt-controller@2f000000");
    STR("compatible", "arm,gic-v3");
    EMPTY("interrupt-controller");
    CELLS("#interrupt-cells", 3);
    CELLS("#address-cells", 1);
    CELLS("#size-cells", 1);
    EMPTY("ranges");
    CELLS("#redistributor-regions", 2);
    CELLS("redistributor-stride", 0x40000);
    CELLS("reg", 0x2f000000, 0x20000, 0x2f100000, 0x100000,
          0x2f300000, 0x100000, 0x2c000000, 0x2000);
    CELLS("interrupts", 1, 9, 4);
    if ( !(flags & SYN_NO_PHANDLE) )
        CELLS("phandle", 1);
    BEGIN("its@2f020000");
    STR("compatible", "arm,gic-v3-its");
    EMPTY("msi-controller");
    CELLS("reg", 0x2f020000, 0x20000);
    CELLS("phandle", 2);
    END();
    END();
    /* A second GIC: Xen drives only one and hides the rest. */
    BEGIN("interrupt-controller@3000000");
    STR("compatible", "arm,cortex-a15-gic");
    EMPTY("interrupt-controller");
    CELLS("#interrupt-cells", 3);
    CELLS("reg", 0x3000000, 0x1000, 0x3001000, 0x1000);
    END();
}

static void syn_soc(void *t)
{
    BEGIN("soc");
    STR("compatible", "simple-bus");
    CELLS("#address-cells", 1);
    CELLS("#size-cells", 1);
    CELLS("ranges", 0x0, 0x1c000000, 0x1000000);
    BEGIN("bus");                   /* 1:1 below the soc's ranges */
    CELLS("#address-cells", 1);
    CELLS("#size-cells", 1);
    EMPTY("ranges");
    BEGIN("uart@90000");            /* the hypervisor's console */
    STR("compatible", "arm,pl011\0arm,primecell");
    CELLS("reg", 0x90000, 0x1000);
    CELLS("interrupts", 0, 5, 4);
    END();
    END();
    BEGIN("uart@a0000");
    STR("status", "okay");
    STR("compatible", "arm,pl011\0arm,primecell");
    CELLS("reg", 0xa0000, 0x1000);
    CELLS("interrupts", 0, 6, 4);
    END();
    BEGIN("dev@b0000");
    STR("status", "okay");
    EMPTY("xen,passthrough");
    STR("compatible", "vendor,dev");
    CELLS("reg", 0xb0000, 0x1000);
    END();
    BEGIN("ppi-user@c0000");        /* interrupt-parent inherited */
    STR("compatible", "vendor,ppi-user");
    CELLS("interrupts", 0, 7, 4, 1, 7, 4);
    END();
    BEGIN("irqchip@d0000");
    STR("compatible", "vendor,irqchip");
    EMPTY("interrupt-controller");
    CELLS("#interrupt-cells", 3);
    CELLS("phandle", 3);
    END();
    BEGIN("child@e0000");           /* "1" here is not a GIC PPI */
    CELLS("interrupt-parent", 3);
    CELLS("interrupts", 1, 2, 3);
    END();
    BEGIN("smmu@f0000");
    STR("compatible", "arm,smmu-v3");
    CELLS("reg", 0xf0000, 0x1000);
    END();
    END();
}

static void syn_chosen(void *t)
{
    BEGIN("chosen");
    STR("bootargs", "xen's line");
    STR("xen,xen-bootargs", "console=dtuart");
    STR("xen,dom0-bootargs", "dom0's line");
    STR("stdout-path", "serial0");
    CELLS("linux,initrd-start", 0x81000000);
    CELLS("linux,initrd-end", 0x81100000);
    EMPTY("xen,uefi-cfg-load");
    CELLS("kaslr-seed", 1, 2);
    BEGIN("module@82000000");
    STR("compatible", "multiboot,kernel\0multiboot,module");
    CELLS("reg", 0x82000000, 0x1000000);
    END();
    BEGIN("domU1");
    STR("compatible", "xen,domain");
    CELLS("cpus", 1);
    END();
    BEGIN("framebuffer@0");
    STR("compatible", "simple-framebuffer");
    END();
    END();
}

static const void *syn_host(unsigned int flags)
{
    void *t = syn_buf;

    SW(fdt_create(t, sizeof(syn_buf)));
    SW(fdt_add_reservemap_entry(t, 0x80000000, 0x1000));
    SW(fdt_finish_reservemap(t));
    BEGIN("");
    CELLS("#address-cells", 1);
    CELLS("#size-cells", 1);
    CELLS("interrupt-parent", 1);
    STR("compatible", "test,board");
    if ( !(flags & SYN_NO_CPUS) )
    {
        BEGIN("cpus");
        CELLS("#address-cells", 1);
        CELLS("#size-cells", 0);
        BEGIN("cpu-map");
        END();
        BEGIN("cpu@0");
        STR("device_type", "cpu");
        STR("compatible", "arm,cortex-a53\0arm,armv8");
        CELLS("reg", 0);
        CELLS("clock-frequency", 1000000000);
        END();
        END();
    }
    BEGIN("memory@80000000");
    STR("device_type", "memory");
    CELLS("reg", 0x80000000, 0x40000000);
    END();
    BEGIN("psci");
    STR("compatible", "arm,psci-0.2");
    STR("method", "smc");
    END();
    BEGIN("hypervisor");
    STR("compatible", "xen,xen");
    END();
    if ( !(flags & SYN_NO_GIC) )
        syn_gic(t, flags);
    BEGIN("timer");
    STR("compatible", "arm,armv8-timer");
    CELLS("interrupts", 1, 13, 8, 1, 14, 8, 1, 11, 8, 1, 10, 8);
    CELLS("clock-frequency", 50000000);
    END();
    BEGIN("timer@2a810000");
    STR("compatible", "arm,armv7-timer-mem");
    END();
    syn_soc(t);
    syn_chosen(t);
    BEGIN("aliases");
    STR("serial0", "/soc/bus/uart@90000");
    END();
    END();
    SW(fdt_finish(t));
    assert_int_equal(fdt_check_full(t, fdt_totalsize(t)), 0);
    return t;
}

static void syn_params(struct dom0_fdt_params *p, const void *host)
{
    memset(p, 0, sizeof(*p));
    p->nr_banks = 1;
    p->bank[0] = (struct dom0_fdt_range){ 0x80000000, 0x10000000 };
    p->nr_vcpus = 20;
    p->gnttab = (struct dom0_fdt_range){ 0xb0000000, 0x40000 };
    p->evtchn_irq = 31;
    p->uart_base = SYN_UART;
    p->nr_hide = 1;
    p->hide[0] = fdt_path_offset(host, "/soc/smmu@f0000");
    assert_true(p->hide[0] > 0);
}

static const char *last_prop_name(const void *fdt, int node)
{
    const char *name = NULL;
    int off;

    fdt_for_each_property_offset(off, fdt, node)
        fdt_getprop_by_offset(fdt, off, &name, NULL);
    return name;
}

static unsigned int count_named(const void *fdt, const char *name)
{
    unsigned int n = 0;
    int node;

    for ( node = fdt_next_node(fdt, -1, NULL); node >= 0;
          node = fdt_next_node(fdt, node, NULL) )
        n += !strcmp(fdt_get_name(fdt, node, NULL), name);
    return n;
}

static void test_synthetic_gicv3(void **state)
{
    const void *host = syn_host(0), *out;
    struct dom0_fdt_params p;
    int node, off, n = 0;

    syn_params(&p, host);
    out = build(host, &p);

    expect_prop(out, "/hypervisor", "compatible", XEN_COMPAT,
                sizeof(XEN_COMPAT));
    expect_cells(out, "/hypervisor", "reg",
                 (const uint32_t[]){ 0xb0000000, 0x40000 }, 2);
    expect_cells(out, "/hypervisor", "interrupts",
                 (const uint32_t[]){ 1, 15, 0xf08 }, 3);
    assert_int_equal(count_named(out, "hypervisor"), 1);
    assert_int_equal(count_compatible(out, "xen,xen"), 1);

    /* /chosen: nothing for the hypervisor, no bootargs/initrd given */
    node = node_at(out, "/chosen");
    fdt_for_each_property_offset(off, out, node)
    {
        const char *name;

        fdt_getprop_by_offset(out, off, &name, NULL);
        if ( strcmp(name, "kaslr-seed") )
            fail_msg("/chosen/%s should be gone", name);
        n++;
    }
    assert_int_equal(n, 1);
    node_at(out, "/chosen/framebuffer@0");
    assert_true(fdt_path_offset(out, "/chosen/module@82000000") < 0);
    assert_true(fdt_path_offset(out, "/chosen/domU1") < 0);

    /* 20 vCPUs: 16 per Aff1 cluster */
    n = 0;
    fdt_for_each_subnode(node, out, node_at(out, "/cpus"))
        n++;
    assert_int_equal(n, 20);
    expect_cells(out, "/cpus/cpu@f", "reg", (const uint32_t[]){ 0xf }, 1);
    expect_cells(out, "/cpus/cpu@100", "reg", (const uint32_t[]){ 0x100 }, 1);
    expect_cells(out, "/cpus/cpu@103", "reg", (const uint32_t[]){ 0x103 }, 1);
    expect_prop(out, "/cpus/cpu@100", "compatible",
                "arm,cortex-a53\0arm,armv8", 25);
    expect_cells(out, "/cpus/cpu@100", "clock-frequency",
                 (const uint32_t[]){ 1000000000 }, 1);

    expect_cells(out, "/memory@80000000", "reg",
                 (const uint32_t[]){ 0x80000000, 0x10000000 }, 2);
    assert_int_equal(count_named(out, "memory@80000000"), 1);
    assert_int_equal(count_compatible(out, "arm,psci-0.2"), 1);
    expect_str(out, "/psci", "method", "hvc");

    /* GICv3: GICD shrunk to 64K, both GICR regions, no ITS, no GICC */
    node = node_at(out, "/interrupt-controller");
    assert_int_equal(fdt_get_phandle(out, node), 1);
    expect_cells(out, "/interrupt-controller", "reg", (const uint32_t[]){
                     0x2f000000, 0x10000, 0x2f100000, 0x100000,
                     0x2f300000, 0x100000 }, 6);
    expect_cells(out, "/interrupt-controller", "#redistributor-regions",
                 (const uint32_t[]){ 2 }, 1);
    expect_cells(out, "/interrupt-controller", "redistributor-stride",
                 (const uint32_t[]){ 0x40000 }, 1);
    expect_no_prop(out, "/interrupt-controller", "ranges");
    assert_int_equal(fdt_first_subnode(out, node), -FDT_ERR_NOTFOUND);
    assert_int_equal(count_compatible(out, "arm,cortex-a15-gic"), 0);

    expect_cells(out, "/timer", "interrupts", (const uint32_t[]){
                     1, 13, 0xf08, 1, 14, 0xf08, 1, 11, 0xf08 }, 9);
    expect_cells(out, "/timer", "clock-frequency",
                 (const uint32_t[]){ 50000000 }, 1);
    expect_cells(out, "/timer", "interrupt-parent", (const uint32_t[]){ 1 },
                 1);
    assert_int_equal(count_compatible(out, "arm,armv7-timer-mem"), 0);

    /* devices */
    assert_true(fdt_path_offset(out, "/soc/bus/uart@90000") < 0);
    node_at(out, "/soc/bus");
    assert_true(fdt_path_offset(out, "/soc/ppi-user@c0000") < 0);
    assert_true(fdt_path_offset(out, "/soc/smmu@f0000") < 0);
    node_at(out, "/soc/child@e0000");
    node_at(out, "/soc/irqchip@d0000");
    assert_string_equal(last_prop_name(out, node_at(out, "/soc/uart@a0000")),
                        "status");
    expect_str(out, "/soc/uart@a0000", "status", "okay");
    expect_str(out, "/soc/dev@b0000", "status", "disabled");
    expect_no_prop(out, "/soc/dev@b0000", "xen,passthrough");
    assert_string_equal(last_prop_name(out, node_at(out, "/soc/dev@b0000")),
                        "status");
    expect_str(out, "/aliases", "serial0", "/soc/bus/uart@90000");
    expect_str(out, "/", "compatible", "test,board");
}

static void test_synthetic_gicv2(void **state)
{
    const void *host = syn_host(SYN_V2), *out;
    struct dom0_fdt_params p;
    int node;

    syn_params(&p, host);
    p.bootargs = "dom0 line";
    p.initrd_start = 0x84000000;
    p.initrd_end = 0x84100000;
    out = build(host, &p);

    expect_str(out, "/chosen", "bootargs", "dom0 line");
    expect_cells(out, "/chosen", "linux,initrd-start",
                 (const uint32_t[]){ 0, 0x84000000 }, 2);
    expect_cells(out, "/chosen", "linux,initrd-end",
                 (const uint32_t[]){ 0, 0x84100000 }, 2);

    /* GICv2: GICD + GICC only; v2m frame rebuilt with the host's SPIs */
    node = node_at(out, "/interrupt-controller");
    assert_int_equal(fdt_get_phandle(out, node), 1);
    expect_cells(out, "/interrupt-controller", "reg", (const uint32_t[]){
                     0x2c001000, 0x1000, 0x2c002000, 0x2000 }, 4);
    expect_prop(out, "/interrupt-controller", "compatible", "arm,gic-400",
                12);
    expect_cells(out, "/interrupt-controller", "ranges",
                 (const uint32_t[]){ 0x0, 0x2c000000, 0x100000 }, 3);
    expect_no_prop(out, "/interrupt-controller", "#redistributor-regions");
    expect_cells(out, "/interrupt-controller/v2m", "arm,msi-base-spi",
                 (const uint32_t[]){ 0x60 }, 1);
    expect_cells(out, "/interrupt-controller/v2m", "arm,msi-num-spis",
                 (const uint32_t[]){ 0x20 }, 1);
    expect_cells(out, "/interrupt-controller/v2m", "phandle",
                 (const uint32_t[]){ 2 }, 1);

    /* The hypervisor's values for the frame win over the host's. */
    p.v2m[0] = (struct dom0_fdt_v2m){ 0x70, 0x10 };
    out = build(host, &p);
    expect_cells(out, "/interrupt-controller/v2m", "arm,msi-base-spi",
                 (const uint32_t[]){ 0x70 }, 1);
    expect_cells(out, "/interrupt-controller/v2m", "arm,msi-num-spis",
                 (const uint32_t[]){ 0x10 }, 1);
}

/* Every buffer short of the result's size is -ENOSPC, that size fits. */
static void test_no_space(void **state)
{
    const void *host = syn_host(0);
    struct dom0_fdt_params p;
    static char small[16384];
    size_t need, size;

    syn_params(&p, host);
    need = fdt_totalsize(build(host, &p));
    assert_true(need < sizeof(small));
    for ( size = 0; size < need; size++ )
        if ( dom0_fdt_build(host, small, size, &p) != -ENOSPC )
            fail_msg("size %zu of %zu: not -ENOSPC", size, need);
    assert_int_equal(dom0_fdt_build(host, small, need, &p), 0);
    assert_memory_equal(small, out_buf, need);
}

static void test_bad_host(void **state)
{
    static char copy[16384], zero[256];
    struct dom0_fdt_params p;
    const void *host = syn_host(0);
    size_t size = fdt_totalsize(host);
    unsigned int off;

    syn_params(&p, host);
    assert_int_equal(dom0_fdt_build(zero, out_buf, OUT_SIZE, &p), -EINVAL);
    assert_int_equal(dom0_fdt_build(NULL, out_buf, OUT_SIZE, &p), -EINVAL);

    memcpy(copy, host, size);
    copy[0] ^= 0xff;                /* magic */
    assert_int_equal(dom0_fdt_build(copy, out_buf, OUT_SIZE, &p), -EINVAL);

    /* A bad tag in the structure block. */
    memcpy(copy, host, size);
    off = fdt_off_dt_struct(copy) + fdt_path_offset(copy, "/soc");
    memset(copy + off, 0x77, 4);
    assert_int_equal(dom0_fdt_build(copy, out_buf, OUT_SIZE, &p), -EINVAL);

    /* Structure block running past the blob. */
    memcpy(copy, host, size);
    fdt_set_size_dt_struct(copy, fdt_size_dt_struct(copy) + 4096);
    assert_int_equal(dom0_fdt_build(copy, out_buf, OUT_SIZE, &p), -EINVAL);

    /* Sound trees dom0 cannot be given. */
    assert_int_equal(dom0_fdt_build(syn_host(SYN_NO_GIC), out_buf,
                                    OUT_SIZE, &p), -EINVAL);
    assert_int_equal(dom0_fdt_build(syn_host(SYN_NO_PHANDLE), out_buf,
                                    OUT_SIZE, &p), -EINVAL);
    assert_int_equal(dom0_fdt_build(syn_host(SYN_NO_CPUS), out_buf,
                                    OUT_SIZE, &p), -EINVAL);
}

static void test_bad_params(void **state)
{
    const void *host = syn_host(0);
    struct dom0_fdt_params p;

#define EXPECT_EINVAL(change)                                              \
    do {                                                                   \
        syn_params(&p, host);                                              \
        change;                                                            \
        assert_int_equal(dom0_fdt_build(host, out_buf, OUT_SIZE, &p),      \
                         -EINVAL);                                         \
    } while ( 0 )

    EXPECT_EINVAL(p.nr_vcpus = 0);
    EXPECT_EINVAL(p.nr_banks = 0);
    EXPECT_EINVAL(p.nr_banks = DOM0_FDT_MAX_BANKS + 1);
    EXPECT_EINVAL(p.nr_ext_regions = DOM0_FDT_MAX_EXT_REGIONS + 1);
    EXPECT_EINVAL(p.evtchn_irq = 15);
    EXPECT_EINVAL(p.evtchn_irq = 32);
    EXPECT_EINVAL(p.gnttab.size = 0);
    EXPECT_EINVAL(p.nr_hide = DOM0_FDT_MAX_HIDE + 1);
    /* The root has 1-cell addresses here. */
    EXPECT_EINVAL(p.bank[0].start = 0x100000000ULL);
    EXPECT_EINVAL((p.nr_ext_regions = 1,
                   p.ext_region[0] = (struct dom0_fdt_range){
                       0x100000000ULL, 0x10000000 }));
    assert_int_equal(dom0_fdt_build(host, out_buf, OUT_SIZE, NULL), -EINVAL);
#undef EXPECT_EINVAL
}

#define SYNTH_TESTS                                                        \
    UNIT_TEST(dom0_fdt, synthetic_gicv3, NULL, NULL),                      \
    UNIT_TEST(dom0_fdt, synthetic_gicv2, NULL, NULL),                      \
    UNIT_TEST(dom0_fdt, no_space, NULL, NULL),                             \
    UNIT_TEST(dom0_fdt, bad_host, NULL, NULL),                             \
    UNIT_TEST(dom0_fdt, bad_params, NULL, NULL),
