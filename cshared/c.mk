# cshared/c.mk: libdgram, the C shared library, its C tests, examples and
# demo (docs/C.md). Included by the top Makefile before its rules.
#
#   make lib                      build/libdgram.so (soname libdgram.so.1), build/libdgram.a,
#                                 build/dgram.h, build/dgram.pc
#   make install PREFIX=/usr/local  what make lib built, the header and dgram.pc under PREFIX;
#                                 it builds nothing (sudo make install must not run go as root)
#   make test-c                   the C suite natively and under AddressSanitizer, the header as
#                                 C11 and C++17, the exported symbols, examples built with
#                                 pkg-config, a program linked statically, the C snippets of
#                                 the docs, Go <-> C exchanges
#   make test-arm                 the same library for linux/arm (GOARM=7), its C suite and
#                                 GOARCH=arm go test ./dgram/... under qemu-arm
#   make test-arm64               the same for linux/arm64 (Raspberry Pi OS 64-bit) under qemu-aarch64
#   make demo-c                   the Go echo server with the C client, and the C server with the Go client
#   make c-abi                    build/libdgram.so keeps the last release's ABI (abidiff; part of test-c)
#   make abi-baseline             a release: bindings/c/abi/ becomes this build's ABI (docs/C.md)

# The fragment is included before the top Makefile's first rule.
.DEFAULT_GOAL := all

CC        ?= cc
CXX       ?= c++
PREFIX    ?= /usr/local
C_DIR     := bindings/c
C_TESTDIR := $(C_DIR)/tests
C_EXDIR   := examples/c
C_BUILD   := $(BUILD)/c
C_VERSION  = $(shell sed -n 's/^\#define DGRAM_VERSION "\(.*\)"/\1/p' $(C_DIR)/dgram.h)
C_SONAME  := libdgram.so.1
C_WARN    := -Wall -Wextra -Werror
C_NETNS   := $(C_TESTDIR)/netns.sh

# The cross tools for linux/arm (Debian: gcc-arm-linux-gnueabihf, qemu-user).
ARM_CC    ?= arm-linux-gnueabihf-gcc
ARM_QEMU  ?= qemu-arm
ARM_SYSROOT ?= /usr/arm-linux-gnueabihf
ARM_BUILD := $(BUILD)/arm
HAVE_ARM  := $(shell command -v $(ARM_CC) >/dev/null 2>&1 && command -v $(ARM_QEMU) >/dev/null 2>&1 && echo yes)

# The cross tools for linux/arm64, Raspberry Pi OS 64-bit on the Pi 3, 4
# and 5 (Debian: gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, qemu-user).
ARM64_CC    ?= aarch64-linux-gnu-gcc
ARM64_QEMU  ?= qemu-aarch64
ARM64_SYSROOT ?= /usr/aarch64-linux-gnu
ARM64_BUILD := $(BUILD)/arm64
HAVE_ARM64  := $(shell command -v $(ARM64_CC) >/dev/null 2>&1 && command -v $(ARM64_QEMU) >/dev/null 2>&1 && echo yes)

TESTS += test-c
ifeq ($(HAVE_ARM),yes)
TESTS += test-arm
else
SKIPPED += 'test-arm (linux/arm): no $(ARM_CC) or $(ARM_QEMU) (Debian: gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-user)'
endif
ifeq ($(HAVE_ARM64),yes)
TESTS += test-arm64
else
SKIPPED += 'test-arm64 (linux/arm64): no $(ARM64_CC) or $(ARM64_QEMU) (Debian: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)'
endif
DEMOS += demo-c

# The ABI check (libabigail's abidw and abidiff; Debian: abigail-tools)
# against the last release's, kept in bindings/c/abi/ for x86_64.
C_ABI_DIR  := $(C_DIR)/abi
HAVE_ABIGAIL := $(shell command -v abidw >/dev/null 2>&1 && command -v abidiff >/dev/null 2>&1 && [ "$$(uname -m)" = x86_64 ] && echo yes)
ifeq ($(HAVE_ABIGAIL),yes)
C_ABI_TESTS := c-abi c-abi-selftest
else
SKIPPED += 'c-abi (the ABI check against bindings/c/abi): no abidw/abidiff (Debian: abigail-tools), or not x86_64, the baseline'"'"'s'
endif

# go build -buildmode=c-shared, with the soname and the version script
# that exports the dgram_* functions only. cgo's own header is not ours:
# it is removed.
define c_lib
	@mkdir -p $(dir $(1))
	$(2) $(GO) build -buildmode=c-shared -trimpath \
	  -ldflags="-extldflags '-Wl,-soname,$(C_SONAME) -Wl,--version-script=$(CURDIR)/cshared/dgram.map'" \
	  -o $(1) ./cshared
	rm -f $(basename $(1)).h
	ln -sf libdgram.so $(dir $(1))$(C_SONAME)
endef

.PHONY: lib install test-c test-arm test-arm64 demo-c c-suite c-asan c-header c-symbols c-pkgconfig c-static c-docs c-interop c-examples c-abi c-abi-selftest abi-baseline

# The static library: go build -buildmode=c-archive, with Go's own name
# resolver and user lookup (netgo, osusergo), so that a fully static program
# does not need glibc's shared NSS modules at run time (the linker warns of
# getaddrinfo otherwise). Its link flags are dgram.pc's Libs.private.
define c_archive
	@mkdir -p $(dir $(1))
	$(2) $(GO) build -buildmode=c-archive -trimpath -tags netgo,osusergo -o $(1) ./cshared
	rm -f $(basename $(1)).h
endef

# dgram.pc for prefix $(1), written to $(2).
define c_pc
	sed -e 's|@PREFIX@|$(1)|' -e 's|@VERSION@|$(C_VERSION)|' $(C_DIR)/dgram.pc.in > $(2)
endef

## lib: build/libdgram.so with soname libdgram.so.1, build/libdgram.a, build/dgram.h and build/dgram.pc
lib:
	$(call c_lib,$(BUILD)/libdgram.so,CGO_ENABLED=1)
	$(call c_archive,$(BUILD)/libdgram.a,CGO_ENABLED=1)
	cp $(C_DIR)/dgram.h $(BUILD)/dgram.h
	$(call c_pc,$(PREFIX),$(BUILD)/dgram.pc)

# What install copies; it builds none of it, so that "sudo make install"
# does not run the Go toolchain as root (root-owned build cache and build/).
C_INSTALL_FILES := $(BUILD)/libdgram.so $(BUILD)/libdgram.a

## install: what make lib built, the header and dgram.pc under PREFIX (DESTDIR is honoured); builds nothing
install:
	@for f in $(C_INSTALL_FILES); do \
	  if [ ! -f "$$f" ]; then echo "install: $$f is missing: run make lib first (install builds nothing, so that sudo make install does not build as root)" >&2; exit 1; fi; \
	done
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 0755 $(BUILD)/libdgram.so $(DESTDIR)$(PREFIX)/lib/libdgram.so.$(C_VERSION)
	ln -sf libdgram.so.$(C_VERSION) $(DESTDIR)$(PREFIX)/lib/$(C_SONAME)
	ln -sf $(C_SONAME) $(DESTDIR)$(PREFIX)/lib/libdgram.so
	install -m 0644 $(BUILD)/libdgram.a $(DESTDIR)$(PREFIX)/lib/libdgram.a
	install -m 0644 $(C_DIR)/dgram.h $(DESTDIR)$(PREFIX)/include/dgram.h
	$(call c_pc,$(PREFIX),$(DESTDIR)$(PREFIX)/lib/pkgconfig/dgram.pc)
	@chmod 0644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/dgram.pc

# The C suite, linked against build/libdgram.so.
$(C_BUILD)/test_dgram: $(C_TESTDIR)/test_dgram.c $(C_TESTDIR)/test_recv.c $(C_DIR)/dgram.h lib
	@mkdir -p $(C_BUILD)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 $(C_WARN) -I$(C_DIR) -o $@ $< -L$(BUILD) -ldgram -lpthread -Wl,-rpath,'$$ORIGIN/..'

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# leak detection on; the Go runtime's own cgo allocations are suppressed
# (tests/lsan.supp, docs/C.md).
$(C_BUILD)/test_dgram_asan: $(C_TESTDIR)/test_dgram.c $(C_TESTDIR)/test_recv.c $(C_DIR)/dgram.h lib
	@mkdir -p $(C_BUILD)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer $(C_WARN) -I$(C_DIR) -o $@ $< -L$(BUILD) -ldgram -lpthread -Wl,-rpath,'$$ORIGIN/..'

## test-c: every C test (CI reads the suite's "N passed, N failed" lines)
test-c: c-header c-symbols $(C_ABI_TESTS) c-suite c-asan c-pkgconfig c-static c-docs c-interop

c-suite: $(C_BUILD)/test_dgram
	$(C_NETNS) $(C_BUILD)/test_dgram

c-asan: $(C_BUILD)/test_dgram_asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/$(C_TESTDIR)/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(C_NETNS) $(C_BUILD)/test_dgram_asan

# The header alone, as C11 and as C++17, with every warning an error.
c-header:
	@mkdir -p $(C_BUILD)
	$(CC) -std=c11 -pedantic $(C_WARN) -I$(C_DIR) -c -o $(C_BUILD)/header_c11.o $(C_TESTDIR)/header.c
	$(CC) -std=c99 -pedantic $(C_WARN) -I$(C_DIR) -c -o $(C_BUILD)/header_c99.o $(C_TESTDIR)/header.c
	$(CXX) -std=c++17 -pedantic $(C_WARN) -I$(C_DIR) -c -o $(C_BUILD)/header_cpp17.o $(C_TESTDIR)/header.cpp
	@echo "c-header: dgram.h compiles as C99, C11 and C++17"

# The library exports exactly the header's functions, under its soname,
# and defines no symbol of its own but dgram* ones (no test scaffolding).
c-symbols: lib
	$(C_TESTDIR)/symbols.sh $(BUILD)/libdgram.so $(C_DIR)/dgram.h $(C_SONAME) $(GO)

# The library keeps the last release's ABI: abidiff finds nothing but
# additions (docs/C.md). gen's TestABIValues checks the enum values and
# struct fields the same way in go test.
c-abi: lib
	$(C_TESTDIR)/abi.sh check $(BUILD)/libdgram.so $(C_DIR) $(C_ABI_DIR)/libdgram.so.1.xml

# The check fails when it should: a field inserted into a struct, and two
# calls' numbers swapped, each on a scratch copy.
c-abi-selftest:
	GO=$(GO) $(C_TESTDIR)/abi_selftest.sh $(C_ABI_DIR)

## abi-baseline: at a release, the ABI of this build becomes the one later builds must keep
abi-baseline: lib
	$(C_TESTDIR)/abi.sh dump $(BUILD)/libdgram.so $(C_DIR) $(C_ABI_DIR)/libdgram.so.1.xml
	$(GO) test -count=1 -run 'TestABIValues$$' ./gen -update-abi

# Install into a scratch prefix and build every example with pkg-config only.
C_STAGE := $(CURDIR)/$(C_BUILD)/prefix
c-pkgconfig: lib
	rm -rf $(C_STAGE)
	$(MAKE) --no-print-directory install PREFIX=$(C_STAGE)
	$(C_TESTDIR)/pkgconfig.sh $(C_STAGE) $(C_EXDIR) $(C_BUILD)/examples

# A program linked with libdgram.a from the scratch prefix through
# pkg-config --static: fully static, and libdgram alone static; each runs
# and exchanges a datagram with itself on loopback.
c-static: c-pkgconfig
	$(C_TESTDIR)/static.sh $(C_STAGE) $(C_BUILD)/static

# Every C snippet of the docs compiles and links with the C suite's flags.
c-docs: lib
	$(C_TESTDIR)/docsnippets.sh $(BUILD) $(C_BUILD)/docs docs/*.md README.md

# Go <-> C: the examples built against the installed library exchange
# datagrams with the Go examples, both ways, and with each other; the
# broadcast and multicast examples in a private network namespace.
c-interop: c-pkgconfig examples
	$(C_NETNS) $(C_TESTDIR)/interop.sh $(C_BUILD)/examples $(BUILD) $(C_STAGE)/lib

## demo-c: the Go echo server with the C client (thread delivery), then the C server (poll delivery) with the Go client
demo-c: c-pkgconfig examples
	LD_LIBRARY_PATH=$(C_STAGE)/lib $(C_EXDIR)/demo.sh $(C_BUILD)/examples $(BUILD)

## test-arm: libdgram and the C suite for linux/arm (GOARM=7) under qemu-arm, and GOARCH=arm go test ./dgram/...
test-arm:
	$(call c_lib,$(ARM_BUILD)/libdgram.so,CGO_ENABLED=1 GOOS=linux GOARCH=arm GOARM=7 CC=$(ARM_CC))
	$(ARM_CC) -std=c11 -D_GNU_SOURCE -g -O1 $(C_WARN) -I$(C_DIR) -o $(ARM_BUILD)/test_dgram $(C_TESTDIR)/test_dgram.c \
	  -L$(ARM_BUILD) -ldgram -lpthread
	DGRAM_QEMU=1 DGRAM_TEST_EXEC="$(ARM_QEMU) -L $(ARM_SYSROOT) -E LD_LIBRARY_PATH=$(CURDIR)/$(ARM_BUILD)" \
	  $(C_NETNS) $(ARM_QEMU) -L $(ARM_SYSROOT) -E LD_LIBRARY_PATH=$(CURDIR)/$(ARM_BUILD) $(ARM_BUILD)/test_dgram
	$(C_TESTDIR)/gotest-arm.sh $(GO) $(ARM_QEMU) arm

## test-arm64: libdgram and the C suite for linux/arm64 under qemu-aarch64, and GOARCH=arm64 go test ./dgram/...
test-arm64:
	$(call c_lib,$(ARM64_BUILD)/libdgram.so,CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=$(ARM64_CC))
	$(ARM64_CC) -std=c11 -D_GNU_SOURCE -g -O1 $(C_WARN) -I$(C_DIR) -o $(ARM64_BUILD)/test_dgram $(C_TESTDIR)/test_dgram.c \
	  -L$(ARM64_BUILD) -ldgram -lpthread
	DGRAM_QEMU=1 DGRAM_TEST_EXEC="$(ARM64_QEMU) -L $(ARM64_SYSROOT) -E LD_LIBRARY_PATH=$(CURDIR)/$(ARM64_BUILD)" \
	  $(C_NETNS) $(ARM64_QEMU) -L $(ARM64_SYSROOT) -E LD_LIBRARY_PATH=$(CURDIR)/$(ARM64_BUILD) $(ARM64_BUILD)/test_dgram
	$(C_TESTDIR)/gotest-arm.sh $(GO) $(ARM64_QEMU) arm64
