/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for the Kconfig output when common code is built on the host. */
#ifndef FAKE_GENERATED_AUTOCONF_H
#define FAKE_GENERATED_AUTOCONF_H

#define CONFIG_NR_CPUS 4
#define CONFIG_DEBUG 1

#endif /* FAKE_GENERATED_AUTOCONF_H */
