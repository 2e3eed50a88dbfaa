/* SPDX-License-Identifier: GPL-2.0-only */
/* Dom0 sizing from the dom0_mem= and dom0_max_vcpus= boot options. */
#ifndef XEN_DOM0_H
#define XEN_DOM0_H

/* Pages dom0 gets: dom0_mem=, or all free memory less a reserve. */
unsigned long dom0_nr_pages(void);
/* vCPUs dom0 gets. */
unsigned int dom0_nr_vcpus(void);

#endif /* XEN_DOM0_H */
