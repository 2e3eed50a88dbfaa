/* SPDX-License-Identifier: GPL-2.0-only */
/* The guest's virtual timer (CNTV) across context switches. */
#ifndef ASM_VTIMER_H
#define ASM_VTIMER_H

struct vcpu;

void vtimer_init(void);             /* the PPI handler, per CPU */
void vtimer_vcpu_init(struct vcpu *v);
void vtimer_save(struct vcpu *v);
void vtimer_restore(struct vcpu *v);

#endif /* ASM_VTIMER_H */
