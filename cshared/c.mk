# cshared/c.mk: libdgram, the C shared library, its C tests, examples and
# demo (docs/C.md). Included by the top Makefile before its rules.
#
#   make lib                      build/libdgram.so (soname libdgram.so.1), build/dgram.h, build/dgram.pc
#   make install PREFIX=/usr/local  the library, the header and dgram.pc under PREFIX
#   make test-c                   the C suite natively and under AddressSanitizer, the header as
#                                 C11 and C++17, the exported symbols, examples built with
#                                 pkg-config, Go <-> C exchanges
#   make test-arm                 the same library for linux/arm (GOARM=7), its C suite and
#                                 GOARCH=arm go test ./dgram/... under qemu-arm
#   make demo-c                   the Go echo server with the C client, and the C server with the Go client

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

TESTS += test-c
ifeq ($(HAVE_ARM),yes)
TESTS += test-arm
endif
DEMOS += demo-c

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

.PHONY: lib install test-c test-arm demo-c c-suite c-asan c-header c-symbols c-pkgconfig c-interop c-examples

## lib: build/libdgram.so with soname libdgram.so.1, build/dgram.h and build/dgram.pc
lib:
	$(call c_lib,$(BUILD)/libdgram.so,CGO_ENABLED=1)
	cp $(C_DIR)/dgram.h $(BUILD)/dgram.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(C_VERSION)|' $(C_DIR)/dgram.pc.in > $(BUILD)/dgram.pc

## install: the library, its header and dgram.pc under PREFIX (DESTDIR is honoured)
install: lib
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 0755 $(BUILD)/libdgram.so $(DESTDIR)$(PREFIX)/lib/libdgram.so.$(C_VERSION)
	ln -sf libdgram.so.$(C_VERSION) $(DESTDIR)$(PREFIX)/lib/$(C_SONAME)
	ln -sf $(C_SONAME) $(DESTDIR)$(PREFIX)/lib/libdgram.so
	install -m 0644 $(C_DIR)/dgram.h $(DESTDIR)$(PREFIX)/include/dgram.h
	install -m 0644 $(BUILD)/dgram.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/dgram.pc

# The C suite, linked against build/libdgram.so.
$(C_BUILD)/test_dgram: $(C_TESTDIR)/test_dgram.c $(C_DIR)/dgram.h lib
	@mkdir -p $(C_BUILD)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 $(C_WARN) -I$(C_DIR) -o $@ $< -L$(BUILD) -ldgram -lpthread -Wl,-rpath,'$$ORIGIN/..'

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# leak detection on; the Go runtime's own cgo allocations are suppressed
# (tests/lsan.supp, docs/C.md).
$(C_BUILD)/test_dgram_asan: $(C_TESTDIR)/test_dgram.c $(C_DIR)/dgram.h lib
	@mkdir -p $(C_BUILD)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer $(C_WARN) -I$(C_DIR) -o $@ $< -L$(BUILD) -ldgram -lpthread -Wl,-rpath,'$$ORIGIN/..'

## test-c: every C test (CI reads the suite's "N passed, N failed" lines)
test-c: c-header c-symbols c-suite c-asan c-pkgconfig c-interop

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

# Install into a scratch prefix and build every example with pkg-config only.
C_STAGE := $(CURDIR)/$(C_BUILD)/prefix
c-pkgconfig:
	rm -rf $(C_STAGE)
	$(MAKE) --no-print-directory install PREFIX=$(C_STAGE)
	$(C_TESTDIR)/pkgconfig.sh $(C_STAGE) $(C_EXDIR) $(C_BUILD)/examples

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
	$(C_TESTDIR)/gotest-arm.sh $(GO) $(ARM_QEMU)
