/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The few UEFI boot-time interfaces the arm64 EFI stub (efi-boot.c) uses,
 * written from the UEFI specification: the system table, boot services up
 * to ExitBootServices, the simple text output protocol, the loaded image
 * protocol and memory descriptors.  UEFI calls follow the AAPCS64 on
 * arm64, so these are ordinary C function pointers.
 */
#ifndef ASM_EFI_H
#define ASM_EFI_H

#include <xen/types.h>

typedef uint64_t efi_status_t;
typedef void *efi_handle_t;
typedef uint16_t efi_char16_t;

#define EFI_ERROR_BIT         (1UL << 63)
#define EFI_SUCCESS           0UL
#define EFI_LOAD_ERROR        (EFI_ERROR_BIT | 1)
#define EFI_INVALID_PARAMETER (EFI_ERROR_BIT | 2)
#define EFI_UNSUPPORTED       (EFI_ERROR_BIT | 3)
#define EFI_BUFFER_TOO_SMALL  (EFI_ERROR_BIT | 5)
#define EFI_OUT_OF_RESOURCES  (EFI_ERROR_BIT | 9)
#define EFI_NOT_FOUND         (EFI_ERROR_BIT | 14)

typedef struct {
    uint32_t data1;
    uint16_t data2, data3;
    uint8_t data4[8];
} efi_guid_t;

struct efi_table_header {
    uint64_t signature;
    uint32_t revision, header_size, crc32, reserved;
};

/* Memory types (EFI_MEMORY_TYPE). */
enum {
    EFI_RESERVED_TYPE,
    EFI_LOADER_CODE,
    EFI_LOADER_DATA,
    EFI_BOOT_SERVICES_CODE,
    EFI_BOOT_SERVICES_DATA,
    EFI_RUNTIME_SERVICES_CODE,
    EFI_RUNTIME_SERVICES_DATA,
    EFI_CONVENTIONAL_MEMORY,
    EFI_UNUSABLE_MEMORY,
    EFI_ACPI_RECLAIM_MEMORY,
    EFI_ACPI_MEMORY_NVS,
    EFI_MEMORY_MAPPED_IO,
    EFI_MEMORY_MAPPED_IO_PORT_SPACE,
    EFI_PAL_CODE,
    EFI_PERSISTENT_MEMORY,
};

/* AllocatePages strategies (EFI_ALLOCATE_TYPE). */
enum { EFI_ALLOCATE_ANY_PAGES, EFI_ALLOCATE_MAX_ADDRESS, EFI_ALLOCATE_ADDRESS };

#define EFI_PAGE_SHIFT 12

/* Firmware's stride between descriptors may exceed this size. */
struct efi_memory_desc {
    uint32_t type;
    uint32_t pad;
    uint64_t phys_start;
    uint64_t virt_start;
    uint64_t nr_pages;
    uint64_t attribute;
};

struct efi_simple_text_output {
    efi_status_t (*reset)(struct efi_simple_text_output *, bool);
    efi_status_t (*output_string)(struct efi_simple_text_output *,
                                  const efi_char16_t *);
    /* further members unused */
};

typedef void *efi_unused_fn_t;

struct efi_boot_services {
    struct efi_table_header hdr;
    efi_unused_fn_t raise_tpl, restore_tpl;
    efi_status_t (*allocate_pages)(int type, int mem_type, uint64_t pages,
                                   uint64_t *addr);
    efi_status_t (*free_pages)(uint64_t addr, uint64_t pages);
    efi_status_t (*get_memory_map)(uint64_t *size, void *map, uint64_t *key,
                                   uint64_t *desc_size, uint32_t *desc_ver);
    efi_status_t (*allocate_pool)(int mem_type, uint64_t size, void **buf);
    efi_status_t (*free_pool)(void *buf);
    efi_unused_fn_t create_event, set_timer, wait_for_event, signal_event,
        close_event, check_event;
    efi_unused_fn_t install_protocol_interface, reinstall_protocol_interface,
        uninstall_protocol_interface;
    efi_status_t (*handle_protocol)(efi_handle_t, const efi_guid_t *, void **);
    efi_unused_fn_t reserved, register_protocol_notify, locate_handle,
        locate_device_path, install_configuration_table;
    efi_unused_fn_t load_image, start_image, exit, unload_image;
    efi_status_t (*exit_boot_services)(efi_handle_t, uint64_t map_key);
    /* further members unused */
};

struct efi_configuration_table {
    efi_guid_t guid;
    void *table;
};

struct efi_system_table {
    struct efi_table_header hdr;
    const efi_char16_t *fw_vendor;
    uint32_t fw_revision;
    efi_handle_t con_in_handle;
    void *con_in;
    efi_handle_t con_out_handle;
    struct efi_simple_text_output *con_out;
    efi_handle_t stderr_handle;
    struct efi_simple_text_output *std_err;
    void *runtime;
    struct efi_boot_services *boot;
    uint64_t nr_tables;
    struct efi_configuration_table *tables;
};

struct efi_loaded_image {
    uint32_t revision;
    efi_handle_t parent;
    struct efi_system_table *system_table;
    efi_handle_t device;
    void *file_path;
    void *reserved;
    uint32_t load_options_size;
    const void *load_options;
    void *image_base;
    uint64_t image_size;
    uint32_t code_type, data_type;
    efi_unused_fn_t unload;
};

/* A device path node: type, subtype, 16-bit length (unaligned), data. */
#define EFI_DEV_MEDIA           4
#define EFI_DEV_MEDIA_FILEPATH  4
#define EFI_DEV_END             0x7f

struct efi_file {
    uint64_t revision;
    efi_status_t (*open)(struct efi_file *, struct efi_file **,
                         const efi_char16_t *name, uint64_t mode,
                         uint64_t attributes);
    efi_status_t (*close)(struct efi_file *);
    efi_unused_fn_t delete;
    efi_status_t (*read)(struct efi_file *, uint64_t *size, void *buf);
    efi_unused_fn_t write;
    efi_status_t (*get_position)(struct efi_file *, uint64_t *pos);
    efi_status_t (*set_position)(struct efi_file *, uint64_t pos);
    /* further members unused */
};
#define EFI_FILE_MODE_READ 1

struct efi_simple_file_system {
    uint64_t revision;
    efi_status_t (*open_volume)(struct efi_simple_file_system *,
                                struct efi_file **root);
};

/* EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID */
#define EFI_SIMPLE_FILE_SYSTEM_GUID \
    { 0x964e5b22, 0x6459, 0x11d2, \
      { 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }

/* The EFI stub's own helpers (efi-boot.c, efi-cfg.c). */
struct efi_system_table;
void efi_puts(struct efi_system_table *st, const char *s);
efi_status_t efi_fail(struct efi_system_table *st, const char *what,
                      efi_status_t status);
/*
 * The configuration file next to the image (xen.cfg style): loads the
 * dom0 kernel and ramdisk it names into memory, adds them to fdt's
 * /chosen as boot modules, and replaces cmdline (the load options on
 * entry) with the hypervisor's line.  *used says whether a file was
 * found; an EFI error status (already reported) if it could not be used.
 */
struct efi_loaded_image;
efi_status_t efi_cfg_boot(struct efi_system_table *st,
                          struct efi_loaded_image *li, void *fdt,
                          char *cmdline, size_t size, bool *used);

/* EFI_LOADED_IMAGE_PROTOCOL_GUID */
#define EFI_LOADED_IMAGE_GUID                              \
    {                                                      \
        0x5b1b31a1, 0x9562, 0x11d2,                        \
        {                                                  \
            0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b \
        }                                                  \
    }
/* The flattened device tree configuration table. */
#define EFI_DEVICE_TREE_GUID                               \
    {                                                      \
        0xb1b621d5, 0xf19c, 0x41a5,                        \
        {                                                  \
            0x83, 0x0b, 0xd9, 0x15, 0x2c, 0x69, 0xaa, 0xe0 \
        }                                                  \
    }

#endif /* ASM_EFI_H */
