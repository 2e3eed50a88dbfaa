/* SPDX-License-Identifier: GPL-2.0-only */
/* The machine memory map: collected from the loader, sorted, made disjoint. */
#include <xen/lib.h>
#include <asm/setup.h>

struct e820map e820;

void e820_add(uint64_t addr, uint64_t size, uint32_t type)
{
    if ( !size || addr + size < addr || e820.nr_map >= E820_MAX )
        return;
    e820.map[e820.nr_map].addr = addr;
    e820.map[e820.nr_map].size = size;
    e820.map[e820.nr_map].type = type;
    e820.nr_map++;
}

/* Higher numbers win where ranges overlap: RAM is the weakest claim. */
static unsigned int type_rank(uint32_t t)
{
    switch ( t )
    {
    case E820_RAM: return 0;
    case E820_ACPI: return 2;
    case E820_NVS: return 3;
    case E820_UNUSABLE: return 4;
    default: return 1;
    }
}

/*
 * Make the map sorted and non-overlapping: cut the address space at every
 * boundary, give each piece the strongest type covering it, then merge
 * neighbours of the same type.
 */
void e820_sanitise(void)
{
    static uint64_t points[2 * E820_MAX];
    static struct e820entry out[E820_MAX];
    unsigned int np = 0, i, j, nout = 0;

    for ( i = 0; i < e820.nr_map; i++ )
    {
        points[np++] = e820.map[i].addr;
        points[np++] = e820.map[i].addr + e820.map[i].size;
    }
    /* Insertion sort: at most a few hundred points. */
    for ( i = 1; i < np; i++ )
    {
        uint64_t v = points[i];

        for ( j = i; j && points[j - 1] > v; j-- )
            points[j] = points[j - 1];
        points[j] = v;
    }

    for ( i = 0; i + 1 < np; i++ )
    {
        uint64_t s = points[i], e = points[i + 1];
        int best = -1;

        if ( s == e )
            continue;
        for ( j = 0; j < e820.nr_map; j++ )
        {
            const struct e820entry *m = &e820.map[j];

            if ( m->addr <= s && m->addr + m->size >= e &&
                 (best < 0 ||
                  type_rank(m->type) > type_rank(e820.map[best].type)) )
                best = j;
        }
        if ( best < 0 )
            continue;
        if ( nout && out[nout - 1].type == e820.map[best].type &&
             out[nout - 1].addr + out[nout - 1].size == s )
            out[nout - 1].size += e - s;
        else if ( nout < E820_MAX )
        {
            out[nout].addr = s;
            out[nout].size = e - s;
            out[nout].type = e820.map[best].type;
            nout++;
        }
    }
    for ( i = 0; i < nout; i++ )
        e820.map[i] = out[i];
    e820.nr_map = nout;
}

static const char *type_name(uint32_t t)
{
    switch ( t )
    {
    case E820_RAM: return "usable";
    case E820_RESERVED: return "reserved";
    case E820_ACPI: return "ACPI data";
    case E820_NVS: return "ACPI NVS";
    case E820_UNUSABLE: return "unusable";
    default: return "type";
    }
}

void e820_print(void)
{
    unsigned int i;

    printk("Xen-e820 RAM map:\n");
    for ( i = 0; i < e820.nr_map; i++ )
        printk(" [%016lx, %016lx] %s\n", (unsigned long)e820.map[i].addr,
               (unsigned long)(e820.map[i].addr + e820.map[i].size - 1),
               type_name(e820.map[i].type));
}

uint64_t e820_ram_total(void)
{
    uint64_t total = 0;
    unsigned int i;

    for ( i = 0; i < e820.nr_map; i++ )
        if ( e820.map[i].type == E820_RAM )
            total += e820.map[i].size;
    return total;
}

uint64_t e820_max_ram_addr(void)
{
    uint64_t top = 0;
    unsigned int i;

    for ( i = 0; i < e820.nr_map; i++ )
        if ( e820.map[i].type == E820_RAM )
            top = max(top, e820.map[i].addr + e820.map[i].size);
    return top;
}
