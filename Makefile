# dgramkit: `make demo` runs the main job, `make test` runs every test.
GO     ?= go
BUILD  ?= build

# Each binding adds its test and demo targets to TESTS and DEMOS in its own
# makefile fragment.
TESTS := test-go
DEMOS := demo-go
# The parts make test leaves out on this machine, each a quoted line that
# make test prints at its end. The fragments add theirs.
SKIPPED :=
-include cshared/c.mk
-include bindings/js/js.mk
-include bindings/js/npm/npm.mk
-include bindings/js/nodemodules.mk
-include bindings/python/python.mk
-include examples/bench/bench.mk
-include examples/bench/footprint.mk
-include tools/reliability.mk

.PHONY: all setup demo test test-go demo-go vet vet-cross fmt-check check-generated generate build examples clean

all: build

# The tests that need a private network namespace (broadcast, multicast,
# the Go sandbox; bindings/c/tests/netns.sh) run where one can be made: as
# root, or with unprivileged user namespaces, and with iproute2.
HAVE_NETNS := $(shell command -v ip >/dev/null 2>&1 && command -v unshare >/dev/null 2>&1 && \
  { unshare --net true || unshare --net --map-root-user true; } >/dev/null 2>&1 && echo yes)
ifneq ($(HAVE_NETNS),yes)
SKIPPED += 'the network-namespace tests (broadcast, multicast, the Go sandbox): no private network namespace here (needs iproute2, and root or user namespaces)'
endif
ifeq ($(shell command -v node 2>/dev/null),)
SKIPPED += 'Node in bench-smoke: no node (Debian: nodejs)'
endif

## setup: check for (and, as root, install) what make test and make demo need (tools/setup.sh)
setup:
	@GO=$(GO) tools/setup.sh

## demo: an echo server on the Go core, with a client in every language
demo: setup
	@$(MAKE) --no-print-directory $(DEMOS)

## test: everything CI runs (network tests put themselves in a private netns); ends with what it skipped
test: setup
	@$(MAKE) --no-print-directory vet vet-cross fmt-check check-generated $(TESTS)
	@echo "make test: passed"
	@$(if $(strip $(SKIPPED)),printf 'make test: skipped %s\n' $(SKIPPED),echo "make test: nothing skipped")

test-go:
	$(GO) test -race -count=1 ./...

demo-go: examples
	./examples/go/demo.sh $(BUILD)

## generate: regenerate every file generated from spec/dgram.yaml
generate:
	$(GO) generate ./...

## check-generated: fail when a committed generated file differs from a fresh generation
check-generated:
	$(GO) run ./gen/cmd/dgramgen -root . -check

vet:
	$(GO) vet ./...

# The operating systems the Go packages must build on besides Linux: a Go
# program for a board is often written on a Mac or a Windows laptop.
CROSS_GOOS := darwin freebsd windows

## vet-cross: go vet (which type-checks the tests too) for each of CROSS_GOOS on amd64.
## Packages with cgo files are skipped: cshared is the C library, built with
## -buildmode=c-shared and a Linux version script, and a cross build of cgo
## needs each system's C compiler and headers (listed with CGO_ENABLED=1, so that its cgo files show).
vet-cross:
	@for os in $(CROSS_GOOS); do \
	  pkgs=$$(GOOS=$$os GOARCH=amd64 CGO_ENABLED=1 $(GO) list -e -f '{{if not .CgoFiles}}{{.ImportPath}}{{end}}' ./...) || exit 1; \
	  cgo=$$(GOOS=$$os GOARCH=amd64 CGO_ENABLED=1 $(GO) list -e -f '{{if .CgoFiles}}{{.Dir}}{{end}}' ./... | sed "s|$(CURDIR)/||"); \
	  echo "vet-cross: GOOS=$$os GOARCH=amd64 go vet: $$(echo $$pkgs | wc -w) packages; skipped, cgo: $$cgo"; \
	  GOOS=$$os GOARCH=amd64 CGO_ENABLED=0 $(GO) vet $$pkgs || exit 1; \
	done

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

build:
	$(GO) build ./...

examples:
	@mkdir -p $(BUILD)
	$(GO) build -o $(BUILD)/echo-server ./examples/go/echo-server
	$(GO) build -o $(BUILD)/echo-client ./examples/go/echo-client

clean:
	rm -rf $(BUILD)
