/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xs-test: a raw xenstore protocol client and the helpers its cases use.
 */
#ifndef XS_TEST_H
#define XS_TEST_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include <xen/io/xs_wire.h>

struct cn {
    int fd;
    char ev[64][128]; /* watch event paths seen, in order */
    int nev, evread;
};

/* A literal with explicit NULs, as payload and length. */
#define P(s) s, (unsigned int)(sizeof(s) - 1)

extern struct xsd_sockmsg rh; /* header of the last message read */
extern char rb[];             /* its payload, NUL-terminated */
extern char why[256];         /* why the last expect() failed */

void result(const char *name, bool ok, const char *reason);
struct cn *conn_open(void);
void conn_close(struct cn *c);
bool rx(struct cn *c);
void send_raw(struct cn *c, uint32_t type, uint32_t tx, const void *p,
              unsigned int len);
int req(struct cn *c, uint32_t type, uint32_t tx, const void *p,
        unsigned int len);
int req_str(struct cn *c, uint32_t type, uint32_t tx, const char *s);
const char *event(struct cn *c, int ms);
bool expect(struct cn *c, const char *want, uint32_t type, uint32_t tx,
            const void *p, unsigned int len);
void write_node(struct cn *c, const char *path, const char *val);
void run_cases(void);

#endif /* XS_TEST_H */
