/* SPDX-License-Identifier: MIT */
/* Values of the "protocol" key a frontend writes: its ring ABI. */
#ifndef XEN_PUBLIC_IO_PROTOCOLS_H
#define XEN_PUBLIC_IO_PROTOCOLS_H

#define XEN_IO_PROTO_ABI_X86_32 "x86_32-abi"
#define XEN_IO_PROTO_ABI_X86_64 "x86_64-abi"
#define XEN_IO_PROTO_ABI_ARM    "arm-abi"

#if defined(__i386__)
#define XEN_IO_PROTO_ABI_NATIVE XEN_IO_PROTO_ABI_X86_32
#elif defined(__x86_64__)
#define XEN_IO_PROTO_ABI_NATIVE XEN_IO_PROTO_ABI_X86_64
#elif defined(__arm__) || defined(__aarch64__)
#define XEN_IO_PROTO_ABI_NATIVE XEN_IO_PROTO_ABI_ARM
#else
#error "no ring protocol name for this architecture"
#endif

#endif /* XEN_PUBLIC_IO_PROTOCOLS_H */
