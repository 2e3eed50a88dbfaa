/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for arch/arm/dom0_fdt.c: dom0's device tree built from the
 * trees QEMU virt passes (GICv3 and GICv2, dumped at test time) compared
 * with Xen 4.17's own output (docs/misc/arm/xen-4.17-dom0-dt-*.dts), plus
 * a hand-made host tree for the corner cases and the error paths.
 */

#include "harness.h"

#if __has_include(<libfdt.h>)

#include <libfdt.h>
#include "../../xen/arch/arm/dom0_fdt.c"

#define XEN_COMPAT "xen,xen-" __stringify(XEN_VERSION_MAJOR) "." \
                   __stringify(XEN_VERSION_MINOR) "\0xen,xen"
#define OUT_SIZE (1 << 20)

static char out_buf[OUT_SIZE];

/* ---- inputs ---------------------------------------------------------- */

static void *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long len;

    if ( !f )
        return NULL;
    if ( fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 &&
         fseek(f, 0, SEEK_SET) == 0 && (buf = malloc(len)) &&
         fread(buf, 1, len, f) != (size_t)len )
    {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

static bool have(const char *tool)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

/* The tree QEMU gives a guest with this GIC; skips without QEMU. */
static const void *host_tree(int gic)
{
    static void *tree[4];
    char cmd[2048], path[256];

    if ( !tree[gic] )
    {
        if ( !have("qemu-system-aarch64") )
            skip();
        snprintf(path, sizeof(path), "%s/dom0_fdt-host%d.dtb", OUT_DIR, gic);
        /* QEMU loads no kernel to dump its tree: any file will do. */
        snprintf(cmd, sizeof(cmd),
                 "cd %s && rm -f %s && : >%s.kernel && "
                 "scripts/qemu-arm64.sh --gic %d --kernel %s.kernel "
                 "--dumpdtb %s >%s.log 2>&1",
                 ROOT_DIR, path, path, gic, path, path, path);
        if ( system(cmd) != 0 )
            fail_msg("%s failed (see %s.log)", cmd, path);
        tree[gic] = slurp(path);
        assert_non_null(tree[gic]);
        assert_int_equal(fdt_check_full(tree[gic], fdt_totalsize(tree[gic])),
                         0);
    }
    return tree[gic];
}

/* Xen 4.17's dom0 tree for that host, compiled from docs/; needs dtc. */
static const void *ref_tree(int gic)
{
    static void *tree[4];
    char cmd[2048], path[256];

    if ( !tree[gic] )
    {
        if ( !have("dtc") )
            skip();
        snprintf(path, sizeof(path), "%s/dom0_fdt-ref%d.dtb", OUT_DIR, gic);
        snprintf(cmd, sizeof(cmd),
                 "dtc -q -I dts -O dtb -o %s "
                 "%s/docs/misc/arm/xen-4.17-dom0-dt-gicv%d.dts", path,
                 ROOT_DIR, gic);
        if ( system(cmd) != 0 )
            fail_msg("%s failed", cmd);
        tree[gic] = slurp(path);
        assert_non_null(tree[gic]);
    }
    return tree[gic];
}

/* The set-up of the reference run (see the .dts headers). */
static void ref_params(struct dom0_fdt_params *p)
{
    memset(p, 0, sizeof(*p));
    p->nr_banks = 1;
    p->bank[0] = (struct dom0_fdt_range){ 0x60000000, 0x20000000 };
    p->nr_vcpus = 2;
    p->bootargs = "console=hvc0 earlycon=xenboot dom0test=poweroff";
    p->initrd_start = 0x68200000;
    p->initrd_end = 0x6830c8a4;
    p->gnttab = (struct dom0_fdt_range){ 0x40200000, 0x40000 };
    p->nr_ext_regions = 2;
    p->ext_region[0] = (struct dom0_fdt_range){ 0x40400000, 0x1fc00000 };
    p->ext_region[1] = (struct dom0_fdt_range){ 0x80000000, 0x40000000 };
    p->evtchn_irq = 16;
    p->uart_base = 0x9000000;
    p->v2m[0] = (struct dom0_fdt_v2m){ 0x50, 0x40 };
}

/* Another set-up: several banks and vCPUs, other PPI and regions. */
static void other_params(struct dom0_fdt_params *p)
{
    memset(p, 0, sizeof(*p));
    p->nr_banks = 3;
    p->bank[0] = (struct dom0_fdt_range){ 0x48000000, 0x8000000 };
    p->bank[1] = (struct dom0_fdt_range){ 0x60000000, 0x10000000 };
    p->bank[2] = (struct dom0_fdt_range){ 0x100000000ULL, 0x40000000 };
    p->nr_vcpus = 4;
    p->bootargs = "root=/dev/ram0 console=hvc0";
    p->initrd_start = 0x50000000;
    p->initrd_end = 0x50123456;
    p->gnttab = (struct dom0_fdt_range){ 0x47000000, 0x1000000 };
    p->nr_ext_regions = 1;
    p->ext_region[0] = (struct dom0_fdt_range){ 0x200000000ULL, 0x80000000 };
    p->evtchn_irq = 19;
    p->uart_base = 0x9000000;
}

static const void *build(const void *host, const struct dom0_fdt_params *p)
{
    memset(out_buf, 0xa5, sizeof(out_buf));
    assert_int_equal(dom0_fdt_build(host, out_buf, sizeof(out_buf), p), 0);
    assert_int_equal(fdt_check_full(out_buf, fdt_totalsize(out_buf)), 0);
    assert_int_equal(fdt_num_mem_rsv(out_buf), 0);
    return out_buf;
}

/* ---- checks ---------------------------------------------------------- */

static int node_at(const void *fdt, const char *path)
{
    int node = fdt_path_offset(fdt, path);

    if ( node < 0 )
        fail_msg("%s missing: %s", path, fdt_strerror(node));
    return node;
}

static void expect_prop(const void *fdt, const char *path, const char *name,
                        const void *val, int len)
{
    int got;
    const void *v = fdt_getprop(fdt, node_at(fdt, path), name, &got);

    if ( !v )
        fail_msg("%s/%s missing", path, name);
    if ( got != len || memcmp(v, val, len) )
        fail_msg("%s/%s differs (length %d, expected %d)", path, name, got,
                 len);
}

static void expect_cells(const void *fdt, const char *path, const char *name,
                         const uint32_t *cells, int n)
{
    fdt32_t be[64];
    int i;

    assert_true(n <= 64);
    for ( i = 0; i < n; i++ )
        be[i] = cpu_to_fdt32(cells[i]);
    expect_prop(fdt, path, name, be, n * 4);
}

static void expect_str(const void *fdt, const char *path, const char *name,
                       const char *s)
{
    expect_prop(fdt, path, name, s, strlen(s) + 1);
}

static void expect_no_prop(const void *fdt, const char *path,
                           const char *name)
{
    if ( fdt_getprop(fdt, node_at(fdt, path), name, NULL) )
        fail_msg("%s/%s should be gone", path, name);
}

static unsigned int count_compatible(const void *fdt, const char *compat)
{
    unsigned int n = 0;
    int node;

    for ( node = fdt_node_offset_by_compatible(fdt, -1, compat); node >= 0;
          node = fdt_node_offset_by_compatible(fdt, node, compat) )
        n++;
    return n;
}

/*
 * Same properties in the same order with the same values; /chosen may
 * differ in the seeds the reference's Linux zeroed or removed.
 */
static void same_props(const void *a, int na, const void *b, int nb,
                       const char *path, bool seeds_free)
{
    int pa = fdt_first_property_offset(a, na);
    int pb = fdt_first_property_offset(b, nb);

    for ( ; ; pa = fdt_next_property_offset(a, pa),
              pb = fdt_next_property_offset(b, pb) )
    {
        const char *name_a = NULL, *name_b = NULL;
        int la = 0, lb = 0;
        const void *va = pa >= 0 ? fdt_getprop_by_offset(a, pa, &name_a, &la)
                                 : NULL;
        const void *vb;

        if ( seeds_free && va && !strcmp(name_a, "rng-seed") )
            va = fdt_getprop_by_offset(a, pa = fdt_next_property_offset(a, pa),
                                       &name_a, &la);
        vb = pb >= 0 ? fdt_getprop_by_offset(b, pb, &name_b, &lb) : NULL;
        if ( !va || !vb )
        {
            if ( va || vb )
                fail_msg("%s: property %s unmatched", path,
                         va ? name_a : name_b);
            return;
        }
        if ( strcmp(name_a, name_b) )
            fail_msg("%s: property %s where %s expected", path, name_a,
                     name_b);
        if ( la != lb ||
             (memcmp(va, vb, la) &&
              !(seeds_free && !strcmp(name_a, "kaslr-seed"))) )
            fail_msg("%s/%s differs", path, name_a);
    }
}

/* Node-by-node, property-by-property, in order. */
static void same_tree(const void *got, const void *want)
{
    int a = 0, b = 0, da = 0, db = 0;

    /* fdt_next_node() steps past the root's end with a negative depth. */
    for ( ; a >= 0 && b >= 0 && da >= 0 && db >= 0;
          a = fdt_next_node(got, a, &da), b = fdt_next_node(want, b, &db) )
    {
        char path[256];
        const char *name_a = fdt_get_name(got, a, NULL);
        const char *name_b = fdt_get_name(want, b, NULL);

        assert_int_equal(fdt_get_path(want, b, path, sizeof(path)), 0);
        if ( da != db || strcmp(name_a, name_b) )
            fail_msg("node %s at depth %d where %s (depth %d) expected",
                     name_a, da, path, db);
        same_props(got, a, want, b, path, !strcmp(path, "/chosen"));
    }
    if ( (a >= 0 && da >= 0) || (b >= 0 && db >= 0) )
        fail_msg("node count differs");
}

/* Host nodes the builder hides or rewrites (QEMU virt). */
static bool qemu_rewritten(const char *path)
{
    static const char *const prefix[] = {
        "/pl011@9000000", "/pmu", "/psci", "/memory@40000000", "/cpus",
        "/intc@8000000", "/timer", "/chosen",
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(prefix); i++ )
        if ( !strncmp(path, prefix[i], strlen(prefix[i])) &&
             (!path[strlen(prefix[i])] || path[strlen(prefix[i])] == '/') )
            return true;
    return false;
}

static void check_kept_nodes(const void *host, const void *out)
{
    int node, depth = 0;
    unsigned int kept = 0;

    for ( node = fdt_next_node(host, 0, &depth); node >= 0 && depth > 0;
          node = fdt_next_node(host, node, &depth) )
    {
        char path[256];

        assert_int_equal(fdt_get_path(host, node, path, sizeof(path)), 0);
        if ( qemu_rewritten(path) )
            continue;
        same_props(out, node_at(out, path), host, node, path, false);
        kept++;
    }
    assert_true(kept > 40);    /* virtio-mmio x32, pcie, flash, ... */
}

/* Everything the brief of the builder promises, for a QEMU host tree. */
static void check_qemu_output(int gic)
{
    const void *host = host_tree(gic), *out;
    struct dom0_fdt_params p;
    const fdt32_t *host_gic_reg;
    int len, intc, n;
    uint32_t gic_ph = fdt_get_phandle(host, node_at(host, "/intc@8000000"));
    char path[32];

    other_params(&p);
    out = build(host, &p);

    /* /hypervisor */
    expect_prop(out, "/hypervisor", "compatible", XEN_COMPAT,
                sizeof(XEN_COMPAT));
    expect_cells(out, "/hypervisor", "reg", (const uint32_t[]){
                     0, 0x47000000, 0, 0x1000000, 2, 0, 0, 0x80000000 }, 8);
    expect_cells(out, "/hypervisor", "interrupts",
                 (const uint32_t[]){ 1, 3, 0xf08 }, 3);
    expect_cells(out, "/hypervisor", "interrupt-parent", &gic_ph, 1);

    /* /chosen */
    expect_str(out, "/chosen", "bootargs", "root=/dev/ram0 console=hvc0");
    expect_cells(out, "/chosen", "linux,initrd-start",
                 (const uint32_t[]){ 0, 0x50000000 }, 2);
    expect_cells(out, "/chosen", "linux,initrd-end",
                 (const uint32_t[]){ 0, 0x50123456 }, 2);
    expect_no_prop(out, "/chosen", "stdout-path");

    /* memory: one node, dom0's banks */
    expect_str(out, "/memory@48000000", "device_type", "memory");
    expect_cells(out, "/memory@48000000", "reg", (const uint32_t[]){
                     0, 0x48000000, 0, 0x8000000, 0, 0x60000000, 0,
                     0x10000000, 1, 0, 0, 0x40000000 }, 12);
    assert_int_equal(fdt_node_offset_by_prop_value(out, -1, "device_type",
                                                   "memory", 7),
                     node_at(out, "/memory@48000000"));
    assert_true(fdt_node_offset_by_prop_value(
                    out, node_at(out, "/memory@48000000"), "device_type",
                    "memory", 7) < 0);

    /* /cpus: exactly nr_vcpus cpu nodes, no cpu-map */
    n = 0;
    fdt_for_each_subnode(len, out, node_at(out, "/cpus"))
        n++;
    assert_int_equal(n, 4);
    for ( n = 0; n < 4; n++ )
    {
        snprintf(path, sizeof(path), "/cpus/cpu@%x", n);
        expect_cells(out, path, "reg", (const uint32_t[]){ n }, 1);
        expect_str(out, path, "device_type", "cpu");
        expect_str(out, path, "enable-method", "psci");
        expect_str(out, path, "compatible", "arm,cortex-a57");
    }

    /* /psci */
    expect_str(out, "/psci", "method", "hvc");
    expect_prop(out, "/psci", "compatible",
                "arm,psci-1.0\0arm,psci-0.2\0arm,psci", 35);
    expect_cells(out, "/psci", "cpu_on", (const uint32_t[]){ 2 }, 1);
    expect_cells(out, "/psci", "cpu_off", (const uint32_t[]){ 1 }, 1);
    assert_int_equal(count_compatible(out, "arm,psci"), 1);

    /* timer: the three guest PPIs, level low, all CPUs */
    expect_str(out, "/timer", "compatible", "arm,armv8-timer");
    expect_cells(out, "/timer", "interrupts", (const uint32_t[]){
                     1, 13, 0xf08, 1, 14, 0xf08, 1, 11, 0xf08 }, 9);
    expect_no_prop(out, "/timer", "always-on");

    /* the GIC: same phandle, only the regions Xen keeps */
    intc = node_at(out, "/interrupt-controller");
    assert_int_equal(fdt_get_phandle(out, intc), gic_ph);
    assert_int_equal(fdt_node_offset_by_phandle(out, gic_ph), intc);
    host_gic_reg = fdt_getprop(host, node_at(host, "/intc@8000000"), "reg",
                               &len);
    assert_non_null(host_gic_reg);
    expect_prop(out, "/interrupt-controller", "reg", host_gic_reg, 32);
    expect_no_prop(out, "/interrupt-controller", "interrupts");
    if ( gic == 3 )
    {
        assert_int_equal(fdt_first_subnode(out, intc), -FDT_ERR_NOTFOUND);
        assert_int_equal(count_compatible(out, "arm,gic-v3-its"), 0);
        expect_str(out, "/interrupt-controller", "compatible", "arm,gic-v3");
    }
    else
    {
        int v2m = node_at(out, "/interrupt-controller/v2m");
        int hv2m = node_at(host, "/intc@8000000/v2m@8020000");

        assert_int_equal(fdt_get_phandle(out, v2m),
                         fdt_get_phandle(host, hv2m));
        expect_prop(out, "/interrupt-controller/v2m", "reg",
                    fdt_getprop(host, hv2m, "reg", NULL), 16);
        expect_prop(out, "/interrupt-controller", "ranges", "", 0);
    }

    /* hidden: the console UART, the PMU */
    assert_int_equal(count_compatible(out, "arm,pl011"), 0);
    assert_int_equal(count_compatible(out, "arm,armv8-pmuv3"), 0);

    check_kept_nodes(host, out);
}

/* ---- tests ----------------------------------------------------------- */

static void test_reference_gicv3(void **state)
{
    struct dom0_fdt_params p;

    ref_params(&p);
    same_tree(build(host_tree(3), &p), ref_tree(3));
}

static void test_reference_gicv2(void **state)
{
    struct dom0_fdt_params p;

    ref_params(&p);
    same_tree(build(host_tree(2), &p), ref_tree(2));
}

static void test_qemu_gicv3(void **state)
{
    check_qemu_output(3);
}

static void test_qemu_gicv2(void **state)
{
    check_qemu_output(2);
}

#include "test_dom0_fdt_synth.h"

int main(void)
{
    const struct CMUnitTest tests[] = {
        UNIT_TEST(dom0_fdt, reference_gicv3, NULL, NULL),
        UNIT_TEST(dom0_fdt, reference_gicv2, NULL, NULL),
        UNIT_TEST(dom0_fdt, qemu_gicv3, NULL, NULL),
        UNIT_TEST(dom0_fdt, qemu_gicv2, NULL, NULL),
        SYNTH_TESTS
    };

    return cmocka_run_group_tests_name("dom0_fdt", tests, NULL, NULL);
}

#else /* no host libfdt */

static void test_libfdt_missing(void **state)
{
    skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        UNIT_TEST(dom0_fdt, libfdt_missing, NULL, NULL),
    };

    return cmocka_run_group_tests_name("dom0_fdt", tests, NULL, NULL);
}

#endif
