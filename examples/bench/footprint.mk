# examples/bench/footprint.mk: the footprint part of make bench (issue 21):
# dgramjs beside node, start-up time to the first line of output, resident
# memory of an idle echo server, and peak resident memory of each npm suite
# script (bindings/js/npm, when make test-npm has installed it). Included by
# the top Makefile before its rules.
#
#   make bench-footprint   build/bench/footprint.md (also printed); make bench
#                          runs it first; FOOTPRINT_ARGS adds flags (-reps N)
#   make footprint-smoke   (part of make test, where node is installed) the echo
#                          server once under node and dgramjs, so the program
#                          does not rot

.DEFAULT_GOAL := all

FOOTPRINT_ARGS ?=

.PHONY: bench-footprint footprint-build footprint-smoke

ifneq ($(shell command -v node 2>/dev/null),)
TESTS += footprint-smoke
endif

bench: bench-footprint

footprint-build:
	@mkdir -p $(BUILD)/bench
	$(GO) build -o $(BUILD)/bench/footprint ./examples/bench/footprint
	$(GO) build -o $(BUILD)/bench/dgramjs ./bindings/js/cmd/dgramjs

bench-footprint: footprint-build
	$(BUILD)/bench/footprint -dgramjs $(BUILD)/bench/dgramjs -md $(BUILD)/bench/footprint.md $(FOOTPRINT_ARGS)

footprint-smoke: footprint-build
	$(BUILD)/bench/footprint -smoke -dgramjs $(BUILD)/bench/dgramjs
