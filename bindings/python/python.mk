# bindings/python/python.mk: the Python package dgramkit (docs/PYTHON.md).
# Included by the top Makefile before its rules.
#
#   make test-python   the pytest suite over real sockets (bindings/python/tests),
#                      in a private network namespace where one can be made
#                      (bindings/c/tests/netns.sh), against build/libdgram.so
#   make demo-python   the Go echo server with the Python client, blocking and asyncio
#
# PYTHON is the interpreter; Debian's python3-pytest serves /usr/bin/python3.

.DEFAULT_GOAL := all

PYTHON ?= $(shell [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)
PY_DIR := bindings/python
PY_TESTS ?= $(PY_DIR)/tests
HAVE_PYTEST := $(shell $(PYTHON) -c 'import pytest' >/dev/null 2>&1 && echo yes)

ifeq ($(HAVE_PYTEST),yes)
TESTS += test-python
else
SKIPPED += 'test-python (the Python suite): no pytest for $(PYTHON) (Debian: python3-pytest)'
endif
DEMOS += demo-python

.PHONY: test-python demo-python

# pytest exits 5 when it collected no test: that is a failure here, never a pass.
test-python: lib
	@rc=0; $(C_NETNS) env DGRAMKIT_LIBRARY=$(CURDIR)/$(BUILD)/libdgram.so PYTHONDONTWRITEBYTECODE=1 \
	  $(PYTHON) -m pytest -q -p no:cacheprovider -rs $(PY_TESTS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "test-python: pytest collected no tests (exit 5)"; exit 1; fi; \
	if [ $$rc -ne 0 ]; then echo "test-python: pytest failed (exit $$rc)"; exit $$rc; fi

demo-python: lib examples
	DGRAMKIT_LIBRARY=$(CURDIR)/$(BUILD)/libdgram.so examples/python/demo.sh $(BUILD) $(PYTHON)

# make wheel: dgramkit's wheels, each carrying libdgram.so, into build/wheels:
# linux_x86_64 (or the host's machine) from build/libdgram.so, and, where
# the cross compilers are (tools/setup.sh --all), linux_aarch64 and
# linux_armv7l from libraries cross-built as test-arm64 and test-arm build
# them. The tag comes from each library's ELF header
# (bindings/python/build_backend/dgramkit_build.py, standard library only).
.PHONY: wheel
wheel: lib
	$(PYTHON) $(PY_DIR)/build_backend/dgramkit_build.py --lib $(BUILD)/libdgram.so --out $(BUILD)/wheels
ifneq ($(shell command -v $(ARM64_CC) 2>/dev/null),)
	$(call c_lib,$(ARM64_BUILD)/libdgram.so,CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=$(ARM64_CC))
	$(PYTHON) $(PY_DIR)/build_backend/dgramkit_build.py --lib $(ARM64_BUILD)/libdgram.so --out $(BUILD)/wheels
else
	@echo "wheel: no $(ARM64_CC): no linux_aarch64 wheel (Debian: gcc-aarch64-linux-gnu libc6-dev-arm64-cross)"
endif
ifneq ($(shell command -v $(ARM_CC) 2>/dev/null),)
	$(call c_lib,$(ARM_BUILD)/libdgram.so,CGO_ENABLED=1 GOOS=linux GOARCH=arm GOARM=7 CC=$(ARM_CC))
	$(PYTHON) $(PY_DIR)/build_backend/dgramkit_build.py --lib $(ARM_BUILD)/libdgram.so --out $(BUILD)/wheels
else
	@echo "wheel: no $(ARM_CC): no linux_armv7l wheel (Debian: gcc-arm-linux-gnueabihf libc6-dev-armhf-cross)"
endif
