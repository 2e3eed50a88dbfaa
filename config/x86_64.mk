# SPDX-License-Identifier: GPL-2.0-only
# Per-architecture make settings for x86_64 builds.
XEN_TARGET_ARCH ?= x86_64
XEN_ARCH_DIR := x86
CROSS_COMPILE ?=
