# tools/reliability.mk: issue 6's reliability checks (docs/RELIABILITY.md).
# Included by the top Makefile.
#
# The short forms run in `make test`: go test -race ./... (test-go) already
# runs the bad-input table in Go, C and JavaScript, the fault tests, the
# short soak and leak checks, the concurrency tests and every fuzz seed
# corpus; test-reliability adds the C library's tests under the strictest
# cgo pointer checking (GOEXPERIMENT=cgocheck2).
#
#   make soak    the long soak: 1,000,000 datagrams through an echo pair and
#                10,000 create/bind/close cycles, in Go and through the C
#                library, then the leak checks (DGRAM_SOAK=1)
#   make fuzz    every fuzz target for FUZZTIME (default 10m) each, one
#                after the other, one worker each (-parallel 1)

FUZZTIME ?= 10m
# package:target, one per fuzz target
FUZZ_TARGETS := ./spec:FuzzParse ./dgram:FuzzArgs ./cshared:FuzzCEntryPoints ./bindings/js:FuzzJSArgs

TESTS += test-reliability

.PHONY: test-reliability soak fuzz

## test-reliability: the C library's tests with cgo pointer checking at its strictest
test-reliability:
	GOEXPERIMENT=cgocheck2 $(GO) test -count=1 ./cshared

## soak: the long soak and leak checks, in Go and through the C library
soak:
	@mkdir -p $(BUILD)
	@DGRAM_SOAK=1 $(GO) test -count=1 -timeout 60m -v -run 'Soak|ThreadsSendWhileClose' ./dgram ./cshared > $(BUILD)/soak.log 2>&1; \
	  rc=$$?; grep -E '^(--- |ok|FAIL|PASS)|soak|cycles|echoed|rounds|leak|panic' $(BUILD)/soak.log; exit $$rc

## fuzz: every fuzz target for FUZZTIME each (the sandbox is off: the targets send nothing off the host)
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "fuzz: $$name in $$pkg for $(FUZZTIME)"; \
	  DGRAM_NETNS=off $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -parallel 1 $$pkg || exit 1; \
	done
