/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains as the store sees them: how many nodes each owns (for the
 * node quota) and which are introduced.  Until domain rings exist only
 * dom0 is introduced.
 */
#include <stdlib.h>

#include "xenstored.h"

struct domain {
    unsigned int domid;
    unsigned int nodes;
};

static struct domain *domains;
static unsigned int ndomains, capacity;

struct quotas quota = {
    .nodes = 1000,
    .node_size = 2048,
    .watches = 128,
    .transactions = 10,
    .perms = 5,
};

static struct domain *find(unsigned int domid, bool create)
{
    unsigned int i;

    for ( i = 0; i < ndomains; i++ )
        if ( domains[i].domid == domid )
            return &domains[i];
    if ( !create )
        return NULL;
    if ( ndomains == capacity )
    {
        unsigned int n = capacity ? capacity * 2 : 16;
        struct domain *d = realloc(domains, n * sizeof(*d));

        if ( !d )
            return NULL;
        domains = d;
        capacity = n;
    }
    domains[ndomains].domid = domid;
    domains[ndomains].nodes = 0;
    return &domains[ndomains++];
}

void domain_account(unsigned int domid, int delta)
{
    struct domain *d = find(domid, true);

    if ( !d )
        return; /* counts of a domain we cannot track stay at zero */
    if ( delta < 0 && d->nodes < (unsigned int)-delta )
        d->nodes = 0;
    else
        d->nodes += delta;
}

unsigned int domain_nodes(unsigned int domid)
{
    struct domain *d = find(domid, false);

    return d ? d->nodes : 0;
}

bool domain_is_introduced(unsigned int domid)
{
    return domid == 0;
}

void domain_reset(void)
{
    free(domains);
    domains = NULL;
    ndomains = capacity = 0;
}
