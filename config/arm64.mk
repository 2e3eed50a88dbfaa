# SPDX-License-Identifier: GPL-2.0-only
# Per-architecture make settings for arm64 builds (cross-compiled; objects
# and images go to xen/build-arm64 so an x86_64 build in the tree stays).
XEN_TARGET_ARCH ?= arm64
XEN_ARCH_DIR := arm
CROSS_COMPILE ?= aarch64-linux-gnu-
O ?= build-arm64
