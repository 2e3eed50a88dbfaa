/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests for common/libelf.c: a kernel-like ELF with Xen notes,
 * assembled and linked at test time, the host's own binary, and
 * corrupted headers and notes.
 */

#include "harness.h"
#include "../../xen/common/libelf.c"
#include "tool_data.h"

#define KSTART  0xffffffff81000000ULL

/* Xen notes laid out like Linux's xen-head.S, in a 2-segment kernel. */
static const char kernel_s[] =
    ".macro NOTE type, desc:vararg\n"
    "    .balign 4\n"
    "    .long 2f - 1f, 4f - 3f, \\type\n"
    "1:  .asciz \"Xen\"\n"
    "2:  .balign 4\n"
    "3:  \\desc\n"
    "4:  .balign 4\n"
    ".endm\n"
    "    .text\n"
    "    .globl _start\n"
    "_start: nop; nop; ret\n"
    "    .balign 4096\n"
    "hypercall_page: .fill 4096, 1, 0xc3\n"
    "    .data\n"
    "    .quad 0x1122334455667788\n"
    "    .bss\n"
    "    .skip 10000\n"
    "    .section .note.Xen, \"a\", @note\n"
    "    NOTE 6, .asciz \"linux\"\n"
    "    NOTE 7, .asciz \"2.6\"\n"
    "    NOTE 5, .asciz \"xen-3.0\"\n"
    "    NOTE 3, .quad 0xffffffff80000000\n"
    "    NOTE 15, .quad 0x8000000000\n"
    "    NOTE 1, .quad _start\n"
    "    NOTE 2, .quad hypercall_page\n"
    "    NOTE 10, .asciz \"!writable_page_tables|pae_pgdir_above_4gb\"\n"
    "    NOTE 17, .long 0x8801\n"
    "    NOTE 9, .asciz \"yes\"\n"
    "    NOTE 8, .asciz \"generic\"\n"
    "    NOTE 13, .quad 1, 1\n"
    "    NOTE 14, .long 1\n"
    "    NOTE 16, .long 1\n"
    "    NOTE 12, .quad 0xffff800000000000\n"
    "    NOTE 4, .quad 0\n"
    "    NOTE 18, .long 0x1000000\n"
    "    .section .note.other, \"a\", @note\n"
    "    .balign 4\n"
    "    .long 4, 4, 1\n"
    "    .asciz \"GNU\"\n"
    "    .long 0x12345678\n";

static const char kernel_ld[] =
    "ENTRY(_start)\n"
    "PHDRS { text PT_LOAD FLAGS(5); data PT_LOAD FLAGS(6);\n"
    "        note PT_NOTE FLAGS(4); }\n"
    "SECTIONS {\n"
    "  . = 0xffffffff81000000;\n"
    "  .text : AT(0x1000000) { *(.text) } :text\n"
    "  .notes : { *(.note.Xen) *(.note.other) } :text :note\n"
    "  . = ALIGN(4096);\n"
    "  .data : AT(ADDR(.data) - 0xffffffff80000000) { *(.data) } :data\n"
    "  .bss : { *(.bss) } :data\n"
    "  /DISCARD/ : { *(.note.gnu.property) }\n"
    "}\n";

static uint8_t *kernel;
static size_t kernel_len;

static int group_setup(void **state)
{
    char path[300], cmd[1200];
    FILE *f;

    if ( tool_setup(state) )
        return -1;
    snprintf(path, sizeof(path), "%s/k.S", tool_dir);
    f = fopen(path, "w");
    fputs(kernel_s, f);
    fclose(f);
    snprintf(path, sizeof(path), "%s/k.ld", tool_dir);
    f = fopen(path, "w");
    fputs(kernel_ld, f);
    fclose(f);
    snprintf(cmd, sizeof(cmd),
             "cd '%s' && as --64 -o k.o k.S && "
             "ld -m elf_x86_64 -z noexecstack -z max-page-size=4096 "
             "-T k.ld -o k.elf k.o", tool_dir);
    if ( system(cmd) )
        return -1;
    snprintf(path, sizeof(path), "%s/k.elf", tool_dir);
    kernel = tool_read(path, &kernel_len);
    return kernel ? 0 : -1;
}

static int group_teardown(void **state)
{
    free(kernel);
    return tool_teardown(state);
}

/* A private, exact-size copy of the kernel to corrupt. */
static uint8_t *copy_kernel(void)
{
    uint8_t *k = malloc(kernel_len);

    memcpy(k, kernel, kernel_len);
    return k;
}

/* Locate the descriptor of Xen note 'type' in an image, for patching. */
static uint8_t *find_note(uint8_t *img, uint32_t type, uint32_t **hdr)
{
    struct elf_binary elf;
    struct elf64_phdr ph;
    unsigned int i;

    assert_int_equal(elf_init(&elf, img, kernel_len), 0);
    for ( i = 0; i < elf.ehdr.e_phnum; i++ )
    {
        size_t pos;

        elf_phdr(&elf, i, &ph);
        if ( ph.p_type != ELF_PT_NOTE )
            continue;
        for ( pos = 0; pos < ph.p_filesz; )
        {
            uint32_t *h = (uint32_t *)(img + ph.p_offset + pos);
            size_t desc = pos + 12 + ROUNDUP(h[0], 4);

            if ( h[2] == type && !memcmp(h + 3, "Xen", 4) )
            {
                if ( hdr )
                    *hdr = h;
                return img + ph.p_offset + desc;
            }
            pos = desc + ROUNDUP(h[1], 4);
        }
    }
    fail_msg("note %u not found", type);
    return NULL;
}

static void test_parse_kernel(void **state)
{
    struct elf_binary elf;
    struct elf_dom_parms p;
    unsigned int t;

    assert_int_equal(elf_init(&elf, kernel, kernel_len), 0);
    assert_int_equal(elf.nr_loads, 2);
    assert_int_equal(elf.pstart, 0x1000000);
    assert_int_equal(elf_xen_parse(&elf, &p), 0);

    for ( t = 1; t <= 18; t++ )
        assert_int_equal(elf_note_seen(&p, t), t != 11);
    assert_string_equal(p.guest_os, "linux");
    assert_string_equal(p.guest_ver, "2.6");
    assert_string_equal(p.xen_ver, "xen-3.0");
    assert_string_equal(p.loader, "generic");
    assert_int_equal(p.pae, ELF_PAE_YES);
    assert_true(p.virt_base == 0xffffffff80000000ULL);
    assert_true(p.p2m_base == 0x8000000000ULL);
    assert_true(p.virt_entry == KSTART);
    assert_true(p.virt_hypercall == KSTART + 4096);
    assert_true(p.virt_hv_start_low == 0xffff800000000000ULL);
    assert_true(p.elf_paddr_offset == 0);
    assert_true(p.phys_entry == 0x1000000);
    assert_true(p.l1_mfn_valid_mask == 1 && p.l1_mfn_valid_value == 1);
    assert_true(p.suspend_cancel && p.mod_start_pfn && !p.bsd_symtab);
    assert_int_equal(p.f_required[0], 1U << XENFEAT_writable_page_tables);
    assert_int_equal(p.f_supported[0],
                     0x8801 | (1U << XENFEAT_pae_pgdir_above_4gb));
    assert_true(p.virt_offset == 0xffffffff80000000ULL);
    assert_true(p.virt_kstart == KSTART);
    /* Ends with the bss, past the data page. */
    assert_true(p.virt_kend > KSTART + 8192 + 10000);
    assert_true(p.virt_kend == elf.pend + p.virt_offset);
}

struct image {
    uint8_t *buf;
    uint64_t base;
    size_t size;
    unsigned int calls;
};

static int write_guest(void *ctx, uint64_t dest, const void *src,
                       size_t len)
{
    struct image *im = ctx;

    assert_true(dest >= im->base && dest - im->base <= im->size &&
                len <= im->size - (dest - im->base));
    if ( src )
        memcpy(im->buf + (dest - im->base), src, len);
    else
        memset(im->buf + (dest - im->base), 0, len);
    im->calls++;
    return 0;
}

static struct elf_segment segs[4];

static int count_seg(void *ctx, const struct elf_segment *seg)
{
    unsigned int *n = ctx;

    assert_true(seg->filesz <= seg->memsz);
    assert_true(seg->vaddr - seg->paddr == 0xffffffff80000000ULL);
    assert_true(*n < ARRAY_SIZE(segs));
    segs[(*n)++] = *seg;
    return 0;
}

static int fail_fn(void *ctx, uint64_t dest, const void *src, size_t len)
{
    return -EFAULT;
}

static void test_load(void **state)
{
    struct elf_binary elf;
    struct elf_dom_parms p;
    struct image im;
    unsigned int n = 0;
    uint64_t data;

    assert_int_equal(elf_init(&elf, kernel, kernel_len), 0);
    assert_int_equal(elf_xen_parse(&elf, &p), 0);
    assert_int_equal(elf_for_each_load(&elf, count_seg, &n), 0);
    assert_int_equal(n, 2);

    im.base = p.virt_kstart;
    im.size = p.virt_kend - p.virt_kstart;
    im.buf = malloc(im.size);
    im.calls = 0;
    memset(im.buf, 0xaa, im.size);
    assert_int_equal(elf_load_image(&elf, &p, write_guest, &im), 0);
    assert_int_equal(im.calls, 3);          /* text, data, bss */
    assert_memory_equal(im.buf, "\x90\x90\xc3", 3);
    assert_int_equal(im.buf[4096], 0xc3);
    /* The data segment, then its bss. */
    assert_int_equal(segs[1].filesz, 8);
    memcpy(&data, im.buf + (segs[1].paddr - segs[0].paddr), 8);
    assert_true(data == 0x1122334455667788ULL);
    assert_int_equal(im.buf[segs[1].paddr - segs[0].paddr + 8], 0);
    assert_int_equal(im.buf[im.size - 1], 0);
    free(im.buf);

    assert_int_equal(elf_load_image(&elf, &p, fail_fn, NULL), -EFAULT);
}

static void test_section_notes(void **state)
{
    uint8_t *k = copy_kernel();
    struct elf_binary elf;
    struct elf_dom_parms p;
    struct elf64_ehdr eh;
    struct elf64_phdr ph;
    unsigned int i;

    /* Turn the PT_NOTE into PT_NULL: the SHT_NOTE sections remain. */
    memcpy(&eh, k, sizeof(eh));
    for ( i = 0; i < eh.e_phnum; i++ )
    {
        uint8_t *at = k + eh.e_phoff + i * sizeof(ph);

        memcpy(&ph, at, sizeof(ph));
        if ( ph.p_type == ELF_PT_NOTE )
            memset(at, 0, 4);
    }
    assert_int_equal(elf_init(&elf, k, kernel_len), 0);
    assert_int_equal(elf_xen_parse(&elf, &p), 0);
    assert_string_equal(p.guest_os, "linux");
    assert_true(p.virt_entry == KSTART);
    free(k);
}

static void test_host_binary(void **state)
{
    size_t len;
    uint8_t *self = tool_read("/proc/self/exe", &len);
    struct elf_binary elf;
    struct elf_dom_parms p;

    assert_non_null(self);
    assert_int_equal(elf_init(&elf, self, len), 0);
    assert_true(elf.nr_loads >= 2);
    assert_int_equal(elf_xen_parse(&elf, &p), -ENOENT);

    /* The same image claiming to be aarch64 is still an ELF64 image. */
    self[18] = ELF_EM_AARCH64;
    self[19] = 0;
    assert_int_equal(elf_init(&elf, self, len), 0);
    self[18] = 40;                          /* EM_ARM */
    assert_int_equal(elf_init(&elf, self, len), -ENOEXEC);
    free(self);
}

/* Patch a header field of a fresh copy and expect rc from elf_init. */
static void expect_init(size_t off, const void *val, size_t n, int rc)
{
    uint8_t *k = copy_kernel();
    struct elf_binary elf;

    memcpy(k + off, val, n);
    assert_int_equal(elf_init(&elf, k, kernel_len), rc);
    free(k);
}

static void test_bad_headers(void **state)
{
    struct elf64_ehdr eh;
    struct elf64_phdr ph;
    uint64_t v64;
    uint16_t v16;
    size_t ph0;
    unsigned int i, load0 = 0, load1 = 0;

    memcpy(&eh, kernel, sizeof(eh));
    ph0 = eh.e_phoff;
    for ( i = 0; i < eh.e_phnum; i++ )
    {
        memcpy(&ph, kernel + ph0 + i * sizeof(ph), sizeof(ph));
        if ( ph.p_type == ELF_PT_LOAD )
        {
            if ( !load0 )
                load0 = ph0 + i * sizeof(ph);
            else
                load1 = ph0 + i * sizeof(ph);
        }
    }

    expect_init(0, "\177ELG", 4, -ENOEXEC);
    expect_init(4, "\x01", 1, -ENOEXEC);            /* ELFCLASS32 */
    expect_init(5, "\x02", 1, -ENOEXEC);            /* big endian */

    v64 = kernel_len;                               /* phoff past end */
    expect_init(offsetof(struct elf64_ehdr, e_phoff), &v64, 8, -EINVAL);
    v64 = ph0 + 4;                                  /* misaligned */
    expect_init(offsetof(struct elf64_ehdr, e_phoff), &v64, 8, -EINVAL);
    v64 = ~0ULL - 8;                                /* wraps */
    expect_init(offsetof(struct elf64_ehdr, e_phoff), &v64, 8, -EINVAL);
    v16 = 0xffff;                                   /* phnum */
    expect_init(offsetof(struct elf64_ehdr, e_phnum), &v16, 2, -EINVAL);
    v16 = 0;
    expect_init(offsetof(struct elf64_ehdr, e_phnum), &v16, 2, -EINVAL);
    v16 = 32;                                       /* phentsize */
    expect_init(offsetof(struct elf64_ehdr, e_phentsize), &v16, 2,
                -EINVAL);
    v64 = kernel_len - 64;                          /* shoff */
    expect_init(offsetof(struct elf64_ehdr, e_shoff), &v64, 8, -EINVAL);
    v16 = 0x7fff;                                   /* shnum */
    expect_init(offsetof(struct elf64_ehdr, e_shnum), &v16, 2, -EINVAL);

    /* PT_LOAD contents past the end of the file, wrapping, or huge. */
    v64 = kernel_len;
    expect_init(load0 + offsetof(struct elf64_phdr, p_offset), &v64, 8,
                -EINVAL);
    v64 = kernel_len + 1;
    expect_init(load1 + offsetof(struct elf64_phdr, p_filesz), &v64, 8,
                -EINVAL);
    v64 = ~0ULL;
    expect_init(load1 + offsetof(struct elf64_phdr, p_memsz), &v64, 8,
                -EINVAL);
    v64 = 2ULL << 30;
    expect_init(load1 + offsetof(struct elf64_phdr, p_memsz), &v64, 8,
                -EINVAL);
    v64 = 0;                                        /* filesz > memsz */
    expect_init(load0 + offsetof(struct elf64_phdr, p_memsz), &v64, 8,
                -EINVAL);
    v64 = ~0ULL - 4095;                             /* paddr wraps */
    expect_init(load1 + offsetof(struct elf64_phdr, p_paddr), &v64, 8,
                -EINVAL);
    v64 = 0x1000000;                                /* overlap */
    expect_init(load1 + offsetof(struct elf64_phdr, p_paddr), &v64, 8,
                -EINVAL);
    v64 = 0x1000000 + 4096;                         /* overlap */
    expect_init(load1 + offsetof(struct elf64_phdr, p_paddr), &v64, 8,
                -EINVAL);
    v64 = 0x40000000 + 0x1000000;                   /* span > 1 GiB */
    expect_init(load1 + offsetof(struct elf64_phdr, p_paddr), &v64, 8,
                -EINVAL);
    v64 = 3;                                        /* p_align */
    expect_init(load1 + offsetof(struct elf64_phdr, p_align), &v64, 8,
                -EINVAL);
}

static int parse_copy(uint8_t *k, size_t len)
{
    struct elf_binary elf;
    struct elf_dom_parms p;
    int rc = elf_init(&elf, k, len);

    return rc ?: elf_xen_parse(&elf, &p);
}

static void test_bad_notes(void **state)
{
    uint8_t *k, *d;
    uint32_t *h;

    /* Descriptor running past the segment, or huge. */
    k = copy_kernel();
    find_note(k, 18, &h);
    h[1] = 64;
    assert_int_equal(parse_copy(k, kernel_len), -EINVAL);
    h[1] = 0xfffffff0;
    assert_int_equal(parse_copy(k, kernel_len), -EINVAL);
    h[1] = 4;
    h[0] = 0xfffffff0;                              /* huge name */
    assert_int_equal(parse_copy(k, kernel_len), -EINVAL);
    free(k);

    /* Numeric note of 3 bytes: rejected. */
    k = copy_kernel();
    find_note(k, 14, &h);
    h[1] = 3;
    assert_int_equal(parse_copy(k, kernel_len), -EINVAL);
    free(k);
    /*
     * A string without its NUL is read to the end of the note (Linux
     * writes FEATURES with .ascii), never past it.
     */
    k = copy_kernel();
    d = find_note(k, 6, &h);
    memcpy(d, "linuxxxx", 8);
    h[1] = 8;
    {
        struct elf_binary elf;
        struct elf_dom_parms parms;

        assert_int_equal(elf_init(&elf, k, kernel_len), 0);
        assert_int_equal(elf_xen_parse(&elf, &parms), 0);
        assert_string_equal(parms.guest_os, "linuxxxx");
    }
    free(k);

    /* A required feature we do not know; an optional one is fine. */
    k = copy_kernel();
    d = find_note(k, 10, NULL);
    d[20] = 'z';
    assert_int_equal(parse_copy(k, kernel_len), -EOPNOTSUPP);
    d[0] = 'x';
    assert_int_equal(parse_copy(k, kernel_len), 0);
    free(k);

    /* Entry or hypercall page outside the image. */
    k = copy_kernel();
    d = find_note(k, 1, NULL);
    memcpy(d, "\0\0\0\0\0\0\0\0", 8);
    assert_int_equal(parse_copy(k, kernel_len), -EINVAL);
    free(k);
    k = copy_kernel();
    d = find_note(k, 2, NULL);
    d[1] ^= 0x80;
    assert_int_equal(parse_copy(k, kernel_len), -EINVAL);
    free(k);
}

/* Writes stay in [kstart, kend) and read only inside the image. */
static int check_write(void *ctx, uint64_t dest, const void *src,
                       size_t len)
{
    struct image *im = ctx;

    assert_true(dest >= im->base && dest - im->base <= im->size &&
                len <= im->size - (dest - im->base));
    if ( src && len )
        assert_true(((const uint8_t *)src)[0] + 1 +
                    ((const uint8_t *)src)[len - 1] > 0);
    assert_true(!src || ((const uint8_t *)src >= im->buf &&
                         (const uint8_t *)src + len <=
                         im->buf + kernel_len));
    return 0;
}

/* Every truncation and random header damage: errors, never crashes. */
static void test_fuzz(void **state)
{
    size_t n, hdr_end;
    unsigned int i, parsed = 0;
    struct elf64_ehdr eh;

    for ( n = 0; n < kernel_len; n++ )
    {
        uint8_t *k = malloc(n ? n : 1);

        memcpy(k, kernel, n);
        parse_copy(k, n);
        free(k);
    }

    memcpy(&eh, kernel, sizeof(eh));
    hdr_end = eh.e_phoff + eh.e_phnum * sizeof(struct elf64_phdr);
    rng_seed(77);
    for ( i = 0; i < 20000; i++ )
    {
        uint8_t *k = copy_kernel();
        unsigned int f, flips = 1 + rng_below(4);
        struct elf_binary elf;
        struct elf_dom_parms p;
        struct image im = { .buf = k };

        for ( f = 0; f < flips; f++ )
        {
            /* Headers mostly; sometimes the notes or section table. */
            size_t at = rng_below(4) ? rng_below(hdr_end)
                                     : rng_below(kernel_len);

            k[at] ^= 1 << rng_below(8);
        }
        if ( !elf_init(&elf, k, kernel_len) &&
             !elf_xen_parse(&elf, &p) )
        {
            im.base = p.virt_kstart;
            im.size = p.virt_kend - p.virt_kstart;
            assert_int_equal(elf_load_image(&elf, &p, check_write, &im), 0);
            parsed++;
        }
        free(k);
    }
    print_message("%u/20000 damaged images still parsed\n", parsed);
}

int main(void)
{
#define T(name) UNIT_TEST(libelf, name, NULL, NULL)
    static const struct CMUnitTest tests[] = {
        T(parse_kernel),
        T(load),
        T(section_notes),
        T(host_binary),
        T(bad_headers),
        T(bad_notes),
        T(fuzz),
    };
#undef T

    return cmocka_run_group_tests_name("libelf", tests, group_setup,
                                       group_teardown);
}
