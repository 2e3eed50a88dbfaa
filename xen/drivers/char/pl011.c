// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM PL011 UART console ("dtuart"): the UART named by dtuart= (a device
 * tree path or alias) or by /chosen/stdout-path.  Polled in both
 * directions; the baud rate is left as the firmware set it.
 */
#include <xen/console.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <libfdt.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define UARTDR    0x00
#define UARTFR    0x18
#define UARTIMSC  0x38
#define UARTICR   0x44
#define UARTCR    0x30
#define FR_RXFE   (1u << 4)
#define FR_TXFF   (1u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE    (1u << 8)
#define CR_RXE    (1u << 9)

static char opt_dtuart[128];
string_param("dtuart", opt_dtuart);

static volatile uint8_t *uart;

static void pl011_putc(char c)
{
    while ( readl(uart + UARTFR) & FR_TXFF )
        ;
    writel((uint8_t)c, uart + UARTDR);
}

static void pl011_puts(const char *s, size_t n)
{
    while ( n-- )
    {
        if ( *s == '\n' )
            pl011_putc('\r');
        pl011_putc(*s++);
    }
}

static int pl011_getc(void)
{
    if ( readl(uart + UARTFR) & FR_RXFE )
        return -1;
    return readl(uart + UARTDR) & 0xff;
}

static struct console_output pl011_output = {
    .name = "dtuart",
    .puts = pl011_puts,
    .getc = pl011_getc,
};

void pl011_init(void)
{
    const void *fdt = device_tree_flattened;
    paddr_t addr, size;
    int node;

    if ( !fdt )
        return;
    node = dt_find_node_by_path_or_alias(opt_dtuart);
    if ( node < 0 )
        node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
    if ( node < 0 || fdt_node_check_compatible(fdt, node, "arm,pl011") ||
         dt_get_reg(node, 0, &addr, &size) )
        return;
    uart = ioremap(addr, PAGE_SIZE);
    if ( !uart )
        return;
    pl011_paddr = addr;
    writel(0, uart + UARTIMSC);
    writel(0x7ff, uart + UARTICR);
    writel(readl(uart + UARTCR) | CR_UARTEN | CR_TXE | CR_RXE, uart + UARTCR);
    console_register(&pl011_output);
}
