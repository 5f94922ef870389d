# examples/bench/bench.mk: the benchmark of issue 5 (docs/PERFORMANCE.md).
# Included by the top Makefile before its rules.
#
#   make bench          every workload on every implementation, 5 interleaved
#                       repetitions, both arrangements (~15 minutes): Markdown
#                       tables on stdout and build/bench/results.md, raw runs in
#                       build/bench/results.json; BENCH_ARGS adds benchrun flags
#   make bench-quick    the quick profile: shorter windows and counts (< 5 minutes)
#   make bench-profile  CPU and allocation profiles of the servers under echo64 and
#                       blast, in build/bench/prof (pprof files and top-20 texts)
#   make bench-go       the Go micro-benchmarks of package dgram
#   make bench-smoke    (part of make test) builds every bench program and runs
#                       each workload once, tiny, so that none of them rots

.DEFAULT_GOAL := all

BENCH_BUILD := $(BUILD)/bench
BENCH_ARGS  ?=
# The Python rows (examples/bench/python/bench.py) load dgramkit from the tree
# and libdgram.so from build/.
BENCH_ENV   := DGRAMKIT_LIBRARY=$(CURDIR)/$(BUILD)/libdgram.so PYTHONPATH=$(CURDIR)/bindings/python PYTHONDONTWRITEBYTECODE=1
BENCH_RUN    = $(BENCH_ENV) $(BENCH_BUILD)/benchrun -bin $(BENCH_BUILD) -python $(PYTHON)
TESTS += bench-smoke

.PHONY: bench bench-quick bench-profile bench-go bench-smoke bench-build

bench-build: lib
	@mkdir -p $(BENCH_BUILD)
	$(GO) build -o $(BENCH_BUILD)/benchgo ./examples/bench/go
	$(GO) build -o $(BENCH_BUILD)/benchrun ./examples/bench/run
	$(GO) build -o $(BENCH_BUILD)/benchmem ./examples/bench/memory
	$(GO) build -o $(BENCH_BUILD)/jsprof ./examples/bench/jsprof
	$(GO) build -o $(BENCH_BUILD)/dgramjs ./bindings/js/cmd/dgramjs
	$(CC) -std=c11 -D_GNU_SOURCE -O2 $(C_WARN) -I$(C_DIR) -o $(BENCH_BUILD)/bench_c examples/bench/c/bench.c \
	  -L$(BUILD) -ldgram -lpthread -Wl,-rpath,'$$ORIGIN/..'
	$(CC) -std=c11 -D_GNU_SOURCE -O2 $(C_WARN) -I$(C_DIR) -o $(BENCH_BUILD)/bench_mem_c examples/bench/c/memory.c \
	  -L$(BUILD) -ldgram -lpthread -Wl,-rpath,'$$ORIGIN/..'

## bench: the issue 5 benchmark: Node dgram, raw Go, x/net, dgramkit Go, C, JS and Python (and Python's own asyncio)
bench: bench-build
	$(BENCH_RUN) $(BENCH_ARGS)

bench-quick: bench-build
	$(BENCH_RUN) -quick $(BENCH_ARGS)

bench-profile: bench-build
	examples/bench/profile.sh $(BENCH_BUILD)

bench-smoke: bench-build
	$(BENCH_RUN) -smoke

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./dgram
