// SPDX-License-Identifier: GPL-2.0-only
/*
 * C library pieces Debian's libfdt.a needs beyond common/string.c: strtoul
 * and the stack protector's guard and failure hook (the library is built
 * with -fstack-protector).
 */
#include <xen/lib.h>
#include <stdlib.h>

unsigned long __stack_chk_guard = 0x5a3c96e1f00dbeefUL;

void __stack_chk_fail(void);
void __stack_chk_fail(void)
{
    panic("Stack protector: libfdt's stack was overwritten\n");
}

unsigned long strtoul(const char *s, char **end, int base)
{
    const char *e;
    unsigned long v = simple_strtoul(s, &e, base);

    if ( end )
        *end = (char *)e;
    return v;
}
