/* SPDX-License-Identifier: GPL-2.0-only */
/* Host-test CPU number: a global the tests set to play another CPU. */
#ifndef FAKE_ASM_SMP_H
#define FAKE_ASM_SMP_H

extern unsigned int fake_cpu_id;

#define smp_processor_id() (fake_cpu_id)

#endif /* FAKE_ASM_SMP_H */
