/* SPDX-License-Identifier: GPL-2.0-only */
/* Local APIC (xAPIC or x2APIC) and the legacy interrupt controllers. */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include <xen/types.h>

#define APIC_ID         0x020
#define APIC_LVR        0x030
#define APIC_TASKPRI    0x080
#define APIC_EOI        0x0b0
#define APIC_LDR        0x0d0
#define APIC_DFR        0x0e0
#define APIC_SPIV       0x0f0
#define  APIC_SPIV_ENABLE (1u << 8)
#define APIC_ESR        0x280
#define APIC_ICR        0x300
#define APIC_ICR2       0x310
#define  APIC_DM_FIXED  0x00000
#define  APIC_DM_NMI    0x00400
#define  APIC_DM_INIT   0x00500
#define  APIC_DM_STARTUP 0x00600
#define  APIC_ICR_BUSY  0x01000
#define  APIC_INT_ASSERT 0x04000
#define  APIC_INT_LEVELTRIG 0x08000
#define  APIC_DEST_SELF 0x40000
#define  APIC_DEST_ALLBUT 0xc0000
#define APIC_LVTT       0x320
#define  APIC_LVT_MASKED (1u << 16)
#define  APIC_TIMER_TSCDEADLINE (2u << 17)
#define APIC_LVTTHMR    0x330
#define APIC_LVTPC      0x340
#define APIC_LVT0       0x350
#define APIC_LVT1       0x360
#define  APIC_DM_EXTINT 0x00700
#define APIC_LVTERR     0x370
#define APIC_TMICT      0x380
#define APIC_TMCCT      0x390
#define APIC_TDCR       0x3e0

extern bool x2apic_enabled;
extern paddr_t lapic_phys;

uint32_t apic_read(unsigned int reg);
void apic_write(unsigned int reg, uint32_t v);
void apic_eoi(void);
uint32_t apic_current_id(void);
void apic_init_bsp(void);       /* choose mode, map, set up BSP's APIC */
void apic_setup_cpu(void);      /* enable and program this CPU's APIC */
void apic_send_ipi(uint32_t apicid, uint32_t icr_low);
int apic_wait_icr_idle(void);

void pic_disable(void);
void ioapic_mask_all(void);

#endif /* ASM_APIC_H */
