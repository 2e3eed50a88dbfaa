/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 16550-compatible UART on COM1: polled output for the console.
 * com1=<baud>|auto[,DPS[,<io-base>[,<irq>]]], e.g. com1=115200,8n1.
 */
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/init.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <asm/io.h>

#define UART_THR 0      /* transmit holding */
#define UART_RBR 0      /* receive buffer */
#define UART_DLL 0      /* divisor latch low (DLAB=1) */
#define UART_IER 1
#define UART_DLM 1      /* divisor latch high (DLAB=1) */
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define  LSR_DR   0x01
#define  LSR_THRE 0x20
#define  LCR_DLAB 0x80
#define UART_CLOCK_HZ 1843200

struct uart_config {
    unsigned int baud;          /* 0: keep what firmware set */
    unsigned int data_bits, stop_bits;
    char parity;
    uint16_t io_base;
    uint8_t irq;
};

static struct uart_config com1 = {
    .baud = 115200, .data_bits = 8, .stop_bits = 1, .parity = 'n',
    .io_base = 0x3f8, .irq = 4,
};

static int parse_com1(const char *s)
{
    struct uart_config c = com1;
    const char *e;

    if ( !strncmp(s, "auto", 4) )
    {
        c.baud = 0;
        s += 4;
    }
    else
    {
        unsigned long baud = simple_strtoul(s, &e, 10);

        if ( e == s || baud < 50 || baud > 115200 * 8 )
            return -EINVAL;
        c.baud = baud;
        s = e;
    }
    if ( *s == ',' && s[1] != ',' && s[1] != '\0' )
    {
        s++;
        if ( s[0] < '5' || s[0] > '8' || !strchr("noems", s[1]) ||
             s[1] == '\0' || (s[2] != '1' && s[2] != '2') )
            return -EINVAL;
        c.data_bits = s[0] - '0';
        c.parity = s[1];
        c.stop_bits = s[2] - '0';
        s += 3;
    }
    else if ( *s == ',' && s[1] != ',' )
        return -EINVAL;
    if ( *s == ',' && s[1] == ',' )
        s++;
    if ( *s == ',' )
    {
        unsigned long base = simple_strtoul(s + 1, &e, 0);

        if ( e == s + 1 || base == 0 || base > 0xfff8 )
            return -EINVAL;
        c.io_base = base;
        s = e;
    }
    if ( *s == ',' )
    {
        unsigned long irq = simple_strtoul(s + 1, &e, 10);

        if ( e == s + 1 || irq > 15 )
            return -EINVAL;
        c.irq = irq;
        s = e;
    }
    if ( *s )
        return -EINVAL;
    com1 = c;
    return 0;
}
custom_param("com1", parse_com1);

static void uart_putc(char c)
{
    unsigned int spins = 0;

    /* Bounded wait: a missing UART must not hang the hypervisor. */
    while ( !(inb(com1.io_base + UART_LSR) & LSR_THRE) && ++spins < 100000 )
        ;
    outb(c, com1.io_base + UART_THR);
}

static void uart_puts(const char *s, size_t n)
{
    for ( ; n; n--, s++ )
    {
        if ( *s == '\n' )
            uart_putc('\r');
        uart_putc(*s);
    }
}

int ns16550_getc(void)
{
    if ( !(inb(com1.io_base + UART_LSR) & LSR_DR) )
        return -1;
    return inb(com1.io_base + UART_RBR);
}

static struct console_output com1_output = {
    .name = "com1",
    .puts = uart_puts,
    .getc = ns16550_getc,
};

void __init ns16550_init(void)
{
    uint16_t b = com1.io_base;
    uint8_t lcr = (com1.data_bits - 5) | ((com1.stop_bits - 1) << 2);

    switch ( com1.parity )
    {
    case 'o': lcr |= 0x08; break;
    case 'e': lcr |= 0x18; break;
    case 'm': lcr |= 0x28; break;
    case 's': lcr |= 0x38; break;
    }

    outb(0, b + UART_IER);                  /* polled */
    if ( com1.baud )
    {
        unsigned int div = UART_CLOCK_HZ / 16 / com1.baud;

        outb(lcr | LCR_DLAB, b + UART_LCR);
        outb(div & 0xff, b + UART_DLL);
        outb(div >> 8, b + UART_DLM);
    }
    outb(lcr, b + UART_LCR);
    outb(0x07, b + UART_FCR);               /* enable and clear FIFOs */
    outb(0x03, b + UART_MCR);               /* DTR, RTS */
    console_register(&com1_output);
}
