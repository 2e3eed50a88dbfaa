/* SPDX-License-Identifier: GPL-2.0-only */
/* Host-test per-CPU variables: one plain array element per CPU. */
#ifndef FAKE_ASM_PERCPU_H
#define FAKE_ASM_PERCPU_H

#include <asm/smp.h>

#define DEFINE_PER_CPU(type, name) \
    __typeof__(type) per_cpu__##name[NR_CPUS]
#define DECLARE_PER_CPU(type, name) \
    extern __typeof__(type) per_cpu__##name[NR_CPUS]
#define per_cpu(name, cpu) (per_cpu__##name[(cpu)])
#define this_cpu(name)     per_cpu(name, smp_processor_id())

#endif /* FAKE_ASM_PERCPU_H */
