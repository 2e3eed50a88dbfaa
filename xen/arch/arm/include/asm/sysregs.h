/* SPDX-License-Identifier: GPL-2.0-only */
/* System register access and the bits of them the hypervisor uses. */
#ifndef ASM_SYSREGS_H
#define ASM_SYSREGS_H

#include <asm/layout.h>

/* SCTLR_EL2 (non-VHE layout). */
#define SCTLR_M         (_AC(1, UL) << 0)
#define SCTLR_A         (_AC(1, UL) << 1)
#define SCTLR_C         (_AC(1, UL) << 2)
#define SCTLR_SA        (_AC(1, UL) << 3)
#define SCTLR_I         (_AC(1, UL) << 12)
#define SCTLR_WXN       (_AC(1, UL) << 19)
#define SCTLR_EL2_RES1  _AC(0x30C50830, UL)

/* TCR_EL2: 48-bit VAs, 4 KiB granule, inner-shareable WBWA walks. */
#define TCR_T0SZ_48     16
#define TCR_IRGN0_WBWA  (_AC(1, UL) << 8)
#define TCR_ORGN0_WBWA  (_AC(1, UL) << 10)
#define TCR_SH0_IS      (_AC(3, UL) << 12)
#define TCR_TG0_4K      (_AC(0, UL) << 14)
#define TCR_PS_SHIFT    16
#define TCR_EL2_RES1    ((_AC(1, UL) << 23) | (_AC(1, UL) << 31))

/*
 * MAIR_EL2 attribute indexes: 0 device nGnRnE, 1 normal non-cacheable,
 * 2 normal write-back, 3 device nGnRE.
 */
#define MT_DEVICE_nGnRnE 0
#define MT_NORMAL_NC     1
#define MT_NORMAL        2
#define MT_DEVICE_nGnRE  3
#define MAIR_EL2_VALUE  _AC(0x0000000004FF4400, UL)

/* HCR_EL2 */
#define HCR_VM          (_AC(1, UL) << 0)
#define HCR_SWIO        (_AC(1, UL) << 1)
#define HCR_PTW         (_AC(1, UL) << 2)
#define HCR_FMO         (_AC(1, UL) << 3)
#define HCR_IMO         (_AC(1, UL) << 4)
#define HCR_AMO         (_AC(1, UL) << 5)
#define HCR_VF          (_AC(1, UL) << 6)
#define HCR_VI          (_AC(1, UL) << 7)
#define HCR_VSE         (_AC(1, UL) << 8)
#define HCR_FB          (_AC(1, UL) << 9)
#define HCR_BSU_INNER   (_AC(1, UL) << 10)
#define HCR_DC          (_AC(1, UL) << 12)
#define HCR_TWI         (_AC(1, UL) << 13)
#define HCR_TWE         (_AC(1, UL) << 14)
#define HCR_TID3        (_AC(1, UL) << 18)
#define HCR_TSC         (_AC(1, UL) << 19)
#define HCR_TAC         (_AC(1, UL) << 21)
#define HCR_TSW         (_AC(1, UL) << 22)
#define HCR_TVM         (_AC(1, UL) << 26)
#define HCR_TGE         (_AC(1, UL) << 27)
#define HCR_RW          (_AC(1, UL) << 31)
#define HCR_TERR        (_AC(1, UL) << 36)

/* CNTHCTL_EL2 */
#define CNTHCTL_EL1PCTEN (_AC(1, UL) << 0)
#define CNTHCTL_EL1PCEN  (_AC(1, UL) << 1)

/* CNT*_CTL */
#define CNTx_CTL_ENABLE  (_AC(1, UL) << 0)
#define CNTx_CTL_MASK    (_AC(1, UL) << 1)
#define CNTx_CTL_PENDING (_AC(1, UL) << 2)

/* ESR_ELx exception classes. */
#define ESR_EC_SHIFT    26
#define ESR_EC_UNKNOWN  0x00
#define ESR_EC_WFx      0x01
#define ESR_EC_SMC32    0x13
#define ESR_EC_HVC64    0x16
#define ESR_EC_SMC64    0x17
#define ESR_EC_SYSREG   0x18
#define ESR_EC_IABT_LOW 0x20
#define ESR_EC_IABT_CUR 0x21
#define ESR_EC_PC_ALIGN 0x22
#define ESR_EC_DABT_LOW 0x24
#define ESR_EC_DABT_CUR 0x25
#define ESR_EC_SP_ALIGN 0x26
#define ESR_EC_BRK      0x3c

/* DAIF bits (PSTATE and SPSR); PSR_MODE_* come from public/arch-arm.h. */
#define DAIF_F          (_AC(1, UL) << 6)
#define DAIF_I          (_AC(1, UL) << 7)
#define DAIF_A          (_AC(1, UL) << 8)
#define DAIF_D          (_AC(1, UL) << 9)

#ifndef __ASSEMBLY__
#define READ_SYSREG(name) ({                                            \
    unsigned long _r;                                                   \
    __asm__ __volatile__("mrs %0, " #name : "=r"(_r));                  \
    _r; })
#define WRITE_SYSREG(v, name) do {                                      \
    unsigned long _w = (v);                                             \
    __asm__ __volatile__("msr " #name ", %0" :: "r"(_w) : "memory");    \
} while ( 0 )

#define isb()   __asm__ __volatile__("isb" ::: "memory")
#define dsb(s)  __asm__ __volatile__("dsb " #s ::: "memory")
#define dmb(s)  __asm__ __volatile__("dmb " #s ::: "memory")
#endif

#endif /* ASM_SYSREGS_H */
