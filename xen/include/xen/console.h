/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor console: log levels, outputs and the console ring. */
#ifndef XEN_CONSOLE_H
#define XEN_CONSOLE_H

#include <xen/types.h>

/* Output drivers (serial ports) register here. */
struct console_output {
    const char *name;                   /* as in console=, e.g. "com1" */
    void (*puts)(const char *s, size_t n);
    int (*getc)(void);                  /* -1 when nothing is waiting */
    struct console_output *next;
};

void console_register(struct console_output *out);
/* After parsing: set up the outputs named by console=. */
void console_init_preirq(void);
/* Called once the heap works: move the ring to its final size. */
void console_init_ring(void);
/* Copy out of the ring: returns bytes copied from offset *idx (advanced). */
size_t console_ring_read(char *buf, size_t len, size_t *idx);
/* The index of the oldest byte still readable; clear drops all before now. */
size_t console_ring_oldest(void);
void console_ring_clear(void);
/* Start polling the inputs for characters (after timers work). */
void console_init_input(void);
/* Serial input now goes to dom0 (called once dom0 is built). */
void console_input_to_dom0(void);

/* Stop taking the console lock (panic, crash paths). */
void console_force_unlock(void);
/* 1 if the timestamp source is usable (time initialised). */
extern bool console_time_ready;

#endif /* XEN_CONSOLE_H */
