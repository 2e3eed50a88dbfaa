# SPDX-License-Identifier: GPL-2.0-only
# Top-level entry point: builds the hypervisor and the tools, and runs
# tests, benchmarks and the demo. The hypervisor's own rules live in
# xen/Makefile, the tools' in tools/Makefile.

XEN_TARGET_ARCH ?= x86_64
CROSS_COMPILE ?=
-include config/$(XEN_TARGET_ARCH).mk
export XEN_TARGET_ARCH CROSS_COMPILE

DESTDIR ?=

.PHONY: all arm64 install test test-unit test-tools test-boot test-boot-arm64 \
	test-guests bench demo deps format-check clean

all:
	$(MAKE) -C xen
	$(MAKE) -C tools

# The arm64 hypervisor (cross-compiled into xen/build-arm64/).
arm64:
	$(MAKE) -C xen XEN_TARGET_ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-

install: all
	$(MAKE) -C xen install DESTDIR=$(DESTDIR)
	$(MAKE) -C tools install DESTDIR=$(DESTDIR)

# Each layer prints PASS/FAIL/SKIP lines; tests/run adds them up and ends
# with "N passed, N failed".
test: all arm64
	tests/run

# Unit tests are host-compiled by tests/unit/run and need no hypervisor.
test-unit:
	tests/run unit

# xenstored, libxenstore and the CLI on the host (tests/tools/run builds them).
test-tools:
	tests/run tools

test-boot: all
	tests/run boot

# Test guests as dom0: HV=ours boots xen/xen, HV=xen-4.17 Debian's Xen.
HV ?= ours
test-boot-arm64: arm64
	tests/run boot-arm64

test-guests: $(if $(filter xen-4.17,$(HV)),,all)
	$(if $(filter xen-4.17,$(HV)),scripts/fetch-xen.sh >/dev/null)
	HV=$(HV) tests/run guests

bench: all arm64
	tests/bench/run

demo:
	scripts/demo.sh

deps:
	scripts/install-deps.sh

# clang-format reads .clang-format at the top of the tree.
# Generated headers are left out.
FORMAT_FILES = $(shell find xen tools -name '*.[ch]' -type f \
	-not -path 'xen/include/generated/*' -not -path 'xen/include/config/*' \
	-not -path 'xen/build-*' \
	2>/dev/null | sort)

format-check:
	@if [ -z "$(strip $(FORMAT_FILES))" ]; then \
		echo "format-check: no C sources under xen/ or tools/"; \
	else \
		clang-format --dry-run -Werror $(FORMAT_FILES); \
	fi

clean:
	$(MAKE) -C xen clean
	$(MAKE) -C tools clean
	rm -rf tests/out
