# SPDX-License-Identifier: GPL-2.0-only
# Per-architecture make settings for arm64 builds (port not yet present).
XEN_TARGET_ARCH ?= arm64
XEN_ARCH_DIR := arm
CROSS_COMPILE ?= aarch64-linux-gnu-
