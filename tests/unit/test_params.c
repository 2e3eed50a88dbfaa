/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests for boot option parsing (common/params.c). */

#include "harness.h"
#include "../../xen/common/params.c"

/* Variables behind a local table, reset before every test. */
static bool v_bool;
static uint8_t v_u8;
static uint16_t v_u16;
static uint32_t v_u32;
static uint64_t v_u64;
static uint64_t v_size;
static uint32_t v_size32;
static char v_str[8];
static bool v_nothing;

static char custom_seen[MAX_PARAM_VALUE + 1];
static unsigned int custom_calls;
static int custom_rc;

static int custom_fn(const char *val)
{
    custom_calls++;
    snprintf(custom_seen, sizeof(custom_seen), "%s", val);
    return custom_rc;
}

#define ENTRY(nm, ty, v) { nm, ty, sizeof(v), { .var = &(v) } }
static const struct kernel_param table[] = {
    ENTRY("flag", OPT_BOOL, v_bool),
    ENTRY("u8", OPT_UINT, v_u8),
    ENTRY("u16", OPT_UINT, v_u16),
    ENTRY("u32", OPT_UINT, v_u32),
    ENTRY("u64", OPT_UINT, v_u64),
    ENTRY("size", OPT_SIZE, v_size),
    ENTRY("size32", OPT_SIZE, v_size32),
    ENTRY("str", OPT_STR, v_str),
    ENTRY("no-thing", OPT_BOOL, v_nothing),
    { "custom", OPT_CUSTOM, 0, { .func = custom_fn } },
};
#undef ENTRY

static int parse(const char *cmdline)
{
    return parse_params(cmdline, table, table + ARRAY_SIZE(table));
}

static int setup(void **state)
{
    v_bool = false;
    v_u8 = 0x11;
    v_u16 = 0x2222;
    v_u32 = 0x33333333;
    v_u64 = 0x4444444444444444ULL;
    v_size = 12345;
    v_size32 = 777;
    strcpy(v_str, "init");
    v_nothing = false;
    custom_seen[0] = '\0';
    custom_calls = 0;
    custom_rc = 0;
    fake_log_reset();
    return 0;
}

/* Exactly the log line parse_params must print for a bad value. */
static void assert_invalid_logged(const char *name, const char *val, int rc)
{
    char line[512];

    snprintf(line, sizeof(line),
             "<0>parameter \"%s\" has invalid value \"%s\", rc=%d!\n",
             name, val, rc);
    assert_string_equal(fake_log_last(), line);
}

static void test_bool_words(void **state)
{
    static const char *const yes[] = { "1", "yes", "true", "on", "enable" };
    static const char *const no[] = { "0", "no", "false", "off", "disable" };
    char buf[32];
    unsigned int i;

    assert_int_equal(parse("flag"), 0);
    assert_true(v_bool);
    assert_int_equal(parse("no-flag"), 0);
    assert_false(v_bool);

    for ( i = 0; i < ARRAY_SIZE(yes); i++ )
    {
        v_bool = false;
        snprintf(buf, sizeof(buf), "flag=%s", yes[i]);
        assert_int_equal(parse(buf), 0);
        assert_true(v_bool);
        snprintf(buf, sizeof(buf), "flag=%s", no[i]);
        assert_int_equal(parse(buf), 0);
        assert_false(v_bool);
    }
    assert_int_equal(fake_log_count(), 0);
}

static void test_bool_malformed(void **state)
{
    v_bool = true;
    assert_int_equal(parse("flag=maybe"), 1);
    assert_true(v_bool);
    assert_invalid_logged("flag", "maybe", -EINVAL);

    assert_int_equal(parse("flag="), 1);
    assert_invalid_logged("flag", "", -EINVAL);
    assert_int_equal(parse("flag=YES"), 1);
    assert_int_equal(parse("flag=10"), 1);
    assert_int_equal(parse("no-flag=1"), 1);
    assert_invalid_logged("no-flag", "1", -EINVAL);
    assert_true(v_bool);
}

static void test_no_prefix(void **state)
{
    /* An option whose own name starts with "no-" matches exactly. */
    assert_int_equal(parse("no-thing"), 0);
    assert_true(v_nothing);
    assert_int_equal(parse("no-no-thing"), 0);
    assert_false(v_nothing);

    /* no- only applies to booleans. */
    assert_int_equal(parse("no-u8"), 1);
    assert_string_equal(fake_log_last(), "<1>parameter \"no-u8\" unknown!\n");
    assert_int_equal(v_u8, 0x11);
    assert_int_equal(parse("no-custom"), 1);
    assert_int_equal(custom_calls, 0);
}

static void test_uint(void **state)
{
    assert_int_equal(parse("u8=255 u16=65535 u32=4294967295"), 0);
    assert_int_equal(v_u8, 255);
    assert_int_equal(v_u16, 65535);
    assert_int_equal(v_u32, 4294967295U);

    assert_int_equal(parse("u64=18446744073709551615"), 0);
    assert_true(v_u64 == UINT64_MAX);
    assert_int_equal(parse("u64=0x0123456789abcdef"), 0);
    assert_true(v_u64 == 0x0123456789abcdefULL);
    assert_int_equal(parse("u64=0XABCDEF"), 0);
    assert_true(v_u64 == 0xabcdef);
    assert_int_equal(parse("u8=0 u16=010"), 0);
    assert_int_equal(v_u8, 0);
    assert_int_equal(v_u16, 10);
    assert_int_equal(fake_log_count(), 0);
}

static void test_uint_malformed(void **state)
{
    static const char *const bad[] = {
        "u8=", "u8", "u8=12a", "u8=-1", "u8=0x", "u8=+1", "u8=1.0",
        "u8=0xg",
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(bad); i++ )
    {
        fake_log_reset();
        assert_int_equal(parse(bad[i]), 1);
        assert_int_equal(v_u8, 0x11);
        assert_int_equal(fake_log_count(), 1);
        assert_true(fake_log_contains("<0>parameter \"u8\" has invalid"));
    }
    assert_invalid_logged("u8", "0xg", -EINVAL);
}

static void test_uint_overflow(void **state)
{
    assert_int_equal(parse("u8=256"), 1);
    assert_invalid_logged("u8", "256", -ERANGE);
    assert_int_equal(parse("u16=65536"), 1);
    assert_int_equal(parse("u32=0x100000000"), 1);
    assert_int_equal(parse("u64=18446744073709551616"), 1);
    assert_invalid_logged("u64", "18446744073709551616", -ERANGE);
    assert_int_equal(parse("u64=0x10000000000000000"), 1);
    assert_int_equal(parse("u64=99999999999999999999999"), 1);
    assert_int_equal(v_u8, 0x11);
    assert_int_equal(v_u16, 0x2222);
    assert_int_equal(v_u32, 0x33333333);
    assert_true(v_u64 == 0x4444444444444444ULL);
}

static void test_size(void **state)
{
    static const struct {
        const char *arg;
        uint64_t val;
    } good[] = {
        { "size=64", 64ULL << 10 },
        { "size=5B", 5 },
        { "size=5b", 5 },
        { "size=7K", 7ULL << 10 },
        { "size=7k", 7ULL << 10 },
        { "size=3M", 3ULL << 20 },
        { "size=2G", 2ULL << 30 },
        { "size=9t", 9ULL << 40 },
        { "size=0x10M", 16ULL << 20 },
        { "size=0", 0 },
        { "size=16777215T", 16777215ULL << 40 },
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(good); i++ )
    {
        v_size = 1;
        assert_int_equal(parse(good[i].arg), 0);
        assert_true(v_size == good[i].val);
    }

    assert_int_equal(parse("size32=1M"), 0);
    assert_int_equal(v_size32, 1U << 20);
    assert_int_equal(fake_log_count(), 0);
}

static void test_size_malformed(void **state)
{
    static const char *const bad[] = {
        "size=", "size", "size=M", "size=1X", "size=1MB",
        "size=-1K", "size=16777216T", "size=18014398509481984",
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(bad); i++ )
    {
        fake_log_reset();
        assert_int_equal(parse(bad[i]), 1);
        assert_true(v_size == 12345);
    }
    assert_invalid_logged("size", "18014398509481984", -ERANGE);

    /* Fits 64 bits but not the 32-bit variable. */
    assert_int_equal(parse("size32=4G"), 1);
    assert_invalid_logged("size32", "4G", -ERANGE);
    assert_int_equal(v_size32, 777);
}

static void test_string(void **state)
{
    assert_int_equal(parse("str=abc"), 0);
    assert_string_equal(v_str, "abc");
    assert_int_equal(parse("str=1234567"), 0);     /* 7 + NUL fits */
    assert_string_equal(v_str, "1234567");
    assert_int_equal(parse("str=a=b"), 0);          /* first '=' splits */
    assert_string_equal(v_str, "a=b");

    assert_int_equal(parse("str=12345678"), 1);
    assert_string_equal(v_str, "a=b");
    assert_invalid_logged("str", "12345678", -E2BIG);

    assert_int_equal(parse("str"), 0);
    assert_string_equal(v_str, "");
}

static void test_custom(void **state)
{
    assert_int_equal(parse("custom=a,b,c"), 0);
    assert_int_equal(custom_calls, 1);
    assert_string_equal(custom_seen, "a,b,c");

    assert_int_equal(parse("custom"), 0);
    assert_int_equal(custom_calls, 2);
    assert_string_equal(custom_seen, "");

    custom_rc = -EINVAL;
    assert_int_equal(parse("custom=bad"), 1);
    assert_int_equal(custom_calls, 3);
    assert_invalid_logged("custom", "bad", -EINVAL);
    custom_rc = -ERANGE;
    assert_int_equal(parse("custom=x"), 1);
    assert_invalid_logged("custom", "x", -ERANGE);
}

static void test_unknown(void **state)
{
    assert_int_equal(parse("bogus"), 1);
    assert_string_equal(fake_log_last(), "<1>parameter \"bogus\" unknown!\n");
    assert_int_equal(parse("bogus=3"), 1);
    assert_string_equal(fake_log_last(), "<1>parameter \"bogus\" unknown!\n");

    /* Names compare exactly: no prefixes, no case folding. */
    assert_int_equal(parse("fla fla=1 flags FLAG u6=1 =1"), 6);
    assert_false(v_bool);
    assert_string_equal(fake_log_last(), "<1>parameter \"\" unknown!\n");
}

static void test_sequence(void **state)
{
    int rc;

    rc = parse("  flag\tu8=7  bogus u16=0x10 u8=9 size=1X str=ok   ");
    assert_int_equal(rc, 2);
    assert_true(v_bool);
    assert_int_equal(v_u8, 9);               /* the later one wins */
    assert_int_equal(v_u16, 16);
    assert_true(v_size == 12345);
    assert_string_equal(v_str, "ok");
    assert_int_equal(fake_log_count(), 2);
    assert_true(fake_log_contains("\"bogus\" unknown"));
    assert_true(fake_log_contains("\"size\" has invalid value \"1X\""));

    assert_int_equal(parse(""), 0);
    assert_int_equal(parse("   "), 0);
    assert_int_equal(parse(NULL), 0);
}

static void test_too_long(void **state)
{
    char buf[2 * MAX_PARAM_VALUE + 64], name[MAX_PARAM_NAME + 2];
    char want[MAX_PARAM_VALUE + 1];

    /* A name of the maximal length is fine (and unknown). */
    memset(name, 'n', MAX_PARAM_NAME);
    name[MAX_PARAM_NAME] = '\0';
    assert_int_equal(parse(name), 1);
    assert_true(fake_log_contains("unknown"));

    /* One more: malformed, logged cut to the maximum. */
    fake_log_reset();
    name[MAX_PARAM_NAME] = 'n';
    name[MAX_PARAM_NAME + 1] = '\0';
    assert_int_equal(parse(name), 1);
    name[MAX_PARAM_NAME] = '\0';
    assert_invalid_logged(name, "", -ENAMETOOLONG);

    /* Values: the maximum reaches the handler, one more does not. */
    memset(want, 'v', MAX_PARAM_VALUE);
    want[MAX_PARAM_VALUE] = '\0';
    snprintf(buf, sizeof(buf), "custom=%s", want);
    assert_int_equal(parse(buf), 0);
    assert_string_equal(custom_seen, want);
    assert_int_equal(custom_calls, 1);

    snprintf(buf, sizeof(buf), "custom=%sv", want);
    assert_int_equal(parse(buf), 1);
    assert_int_equal(custom_calls, 1);
    assert_invalid_logged("custom", want, -E2BIG);

    snprintf(buf, sizeof(buf), "str=%s%s flag", want, want);
    assert_int_equal(parse(buf), 1);
    assert_string_equal(v_str, "init");
    assert_true(v_bool);                     /* parsing went on */
}

static void test_parse_bool(void **state)
{
    const char *s = "onx";

    assert_int_equal(parse_bool("on", NULL), 1);
    assert_int_equal(parse_bool("off", NULL), 0);
    assert_int_equal(parse_bool("disable", NULL), 0);
    assert_int_equal(parse_bool("", NULL), -1);
    assert_int_equal(parse_bool("o", NULL), -1);
    assert_int_equal(parse_bool("onx", NULL), -1);
    assert_int_equal(parse_bool(s, s + 2), 1);
    assert_int_equal(parse_bool(s, s + 1), -1);
    assert_int_equal(parse_bool("no,", strchr("no,", ',')), 0);
}

static void test_parse_size_and_unit(void **state)
{
    const char *s, *end;

    s = "4M,rest";
    assert_true(parse_size_and_unit(s, &end) == 4ULL << 20);
    assert_ptr_equal(end, s + 2);
    s = "12";
    assert_true(parse_size_and_unit(s, &end) == 12ULL << 10);
    assert_ptr_equal(end, s + 2);
    s = "32b@";
    assert_true(parse_size_and_unit(s, &end) == 32);
    assert_ptr_equal(end, s + 3);
    s = "0x20b@";                       /* b is a hex digit here */
    assert_true(parse_size_and_unit(s, &end) == 0x20bULL << 10);
    assert_ptr_equal(end, s + 5);
    s = "x";
    assert_true(parse_size_and_unit(s, &end) == 0);
    assert_ptr_equal(end, s);
    s = "99999999999999999999G";
    assert_true(parse_size_and_unit(s, &end) == 0);
    assert_ptr_equal(end, s);
    assert_true(parse_size_and_unit("1G", NULL) == 1ULL << 30);
}

/* ---- The built-in table, as the hypervisor declares it ----------------- */

static bool opt_builtin_bool;
static unsigned int opt_builtin_uint = 5;
static uint64_t opt_builtin_size;
static char opt_builtin_str[16] = "dflt";
static unsigned int builtin_custom_calls;

static int builtin_custom(const char *val)
{
    builtin_custom_calls++;
    return strcmp(val, "ok") ? -EINVAL : 0;
}

boolean_param("bt_bool", opt_builtin_bool);
integer_param("bt_uint", opt_builtin_uint);
size_param("bt_size", opt_builtin_size);
string_param("bt_str", opt_builtin_str);
custom_param("bt_custom", builtin_custom);

static void test_cmdline_parse(void **state)
{
    char long_line[2048];
    size_t n;

    assert_int_equal(__param_end - __param_start, 5);

    cmdline_parse("bt_bool bt_uint=0x20 bt_size=2M bt_str=hello "
                  "bt_custom=ok bt_custom=nope bt_nope");
    assert_true(opt_builtin_bool);
    assert_int_equal(opt_builtin_uint, 32);
    assert_true(opt_builtin_size == 2ULL << 20);
    assert_string_equal(opt_builtin_str, "hello");
    assert_int_equal(builtin_custom_calls, 2);
    assert_string_equal(saved_cmdline,
                        "bt_bool bt_uint=0x20 bt_size=2M bt_str=hello "
                        "bt_custom=ok bt_custom=nope bt_nope");
    assert_true(fake_log_contains("\"bt_nope\" unknown"));
    assert_true(fake_log_contains("\"bt_custom\" has invalid value \"nope\""));

    /* Longer than saved_cmdline: kept cut, but parsed in full. */
    memset(long_line, ' ', sizeof(long_line));
    memcpy(long_line + 1500, "no-bt_bool", 10);
    long_line[sizeof(long_line) - 1] = '\0';
    cmdline_parse(long_line);
    assert_false(opt_builtin_bool);
    n = strlen(saved_cmdline);
    assert_int_equal(n, 1023);
    assert_true(fake_log_contains("saved command line cut"));

    cmdline_parse(NULL);
    assert_int_equal(strlen(saved_cmdline), 1023);
}

int main(void)
{
#define T(name) UNIT_TEST(params, name, setup, NULL)
    static const struct CMUnitTest tests[] = {
        T(bool_words),
        T(bool_malformed),
        T(no_prefix),
        T(uint),
        T(uint_malformed),
        T(uint_overflow),
        T(size),
        T(size_malformed),
        T(string),
        T(custom),
        T(unknown),
        T(sequence),
        T(too_long),
        T(parse_bool),
        T(parse_size_and_unit),
        T(cmdline_parse),
    };
#undef T

    return cmocka_run_group_tests_name("params", tests, NULL, NULL);
}
